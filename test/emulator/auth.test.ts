// Authentication: tokens from the emulator's own OAuth2 endpoint, ARM's 401s otherwise; discovery
// endpoints for Azure tools; nothing secret in the request log.
import type { RunningEmulator } from "../../emulator";
import { fetchToken, request, startTestEmulator } from "./client";

let emu: RunningEmulator;
const lines: string[] = [];
const list = (): string =>
  `/subscriptions/${emu.subscriptionId}/providers/Microsoft.Compute/galleries?api-version=2025-03-03`;

beforeAll(async () => {
  emu = await startTestEmulator({ log: (l) => lines.push(l) });
});
afterAll(() => emu.stop());

test("a request without a token gets 401 AuthenticationFailed", async () => {
  const res = await request(emu, "GET", list(), { token: null });
  expect(res.status).toBe(401);
  expect(res.body).toMatchObject({ error: { code: "AuthenticationFailed" } });
  expect(res.headers["www-authenticate"]).toContain("Bearer");
});

test("a forged or foreign token gets 401 InvalidAuthenticationToken", async () => {
  const good = (await fetchToken(emu)).token;
  const [h, c] = good.split(".");
  const forged = `${h}.${c}.${"A".repeat(43)}`;
  for (const token of ["not-a-jwt", forged]) {
    const res = await request(emu, "GET", list(), { token });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: "InvalidAuthenticationToken" } });
  }
  const other = await startTestEmulator();
  try {
    const foreign = (await fetchToken(other)).token; // signed with another emulator's key
    expect((await request(emu, "GET", list(), { token: foreign })).status).toBe(401);
  } finally {
    await other.stop();
  }
});

test("the admin API requires a token too", async () => {
  expect((await request(emu, "GET", "/admin/sources", { token: null })).status).toBe(401);
});

test("the token endpoint refuses a wrong secret, a wrong client and another tenant", async () => {
  await expect(fetchToken(emu, "wrong")).rejects.toThrow(/invalid_client/);
  const wrongClient = await request(emu, "POST", `/${emu.tenantId}/oauth2/v2.0/token`, {
    form: {
      grant_type: "client_credentials",
      client_id: "x",
      client_secret: emu.clientSecret,
      scope: "https://management.azure.com/.default",
    },
  });
  expect(wrongClient.body).toMatchObject({ error: "unauthorized_client" });
  const wrongTenant = await request(emu, "POST", `/other-tenant/oauth2/v2.0/token`, {
    form: { grant_type: "client_credentials", client_id: emu.clientId, client_secret: emu.clientSecret },
  });
  expect(wrongTenant.status).toBe(400);
});

test("a valid token is accepted and neither it nor the secret appears in the log", async () => {
  const token = (await fetchToken(emu)).token;
  expect((await request(emu, "GET", list(), { token })).status).toBe(200);
  const log = lines.join("\n");
  expect(log).toContain("GET /subscriptions/");
  expect(log).not.toContain(token);
  expect(log).not.toContain(emu.clientSecret);
});

test("OpenID configuration, instance discovery and cloud metadata point at the emulator", async () => {
  const oidc = await request(emu, "GET", `/${emu.tenantId}/v2.0/.well-known/openid-configuration`);
  expect(oidc.body).toMatchObject({ token_endpoint: `${emu.endpoint}/${emu.tenantId}/oauth2/v2.0/token` });
  const meta = await request(emu, "GET", "/metadata/endpoints?api-version=2022-09-01");
  // 2022-09-01, what the Azure CLI reads, is one object; 2019-05-01 is a list of clouds.
  const cloud = expect.objectContaining({
    resourceManager: emu.endpoint,
    authentication: expect.objectContaining({ loginEndpoint: emu.endpoint }),
  });
  expect(meta.body).toEqual(cloud);
  expect((await request(emu, "GET", "/metadata/endpoints?api-version=2019-05-01")).body).toEqual([cloud]);
  const disc = await request(emu, "GET", "/common/discovery/instance?api-version=1.1");
  expect(disc.body).toMatchObject({ tenant_discovery_endpoint: expect.stringContaining(emu.endpoint) });
});

test("the emulator listens on loopback over HTTPS only", () => {
  expect(emu.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
});
