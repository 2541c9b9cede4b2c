// Authentication: tokens from the emulator's own OAuth2 endpoint, ARM's 401s otherwise; discovery
// endpoints for Azure tools; nothing secret in the request log.
import Database from "better-sqlite3";
import { createHmac } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RunningEmulator } from "../../emulator";
import { DATABASE_FILE } from "../../emulator/store/sqlite";
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

test("no request the emulator logs leaves a token or a secret in the log, refused or faulted ones included", async () => {
  const token = (await fetchToken(emu)).token;
  const before = lines.length;
  const sub = `/subscriptions/${emu.subscriptionId}/resourceGroups/rg-log/providers/Microsoft.Compute/galleries/g`;
  // A token in the query string, the secret in a body, a wrong secret, a refused token, a faulted request.
  await request(emu, "GET", `${list()}&access_token=${token}`, { token });
  await request(emu, "PUT", `${sub}?api-version=2025-03-03`, {
    token,
    body: { location: "eastus2", tags: { secret: emu.clientSecret } },
  });
  await fetchToken(emu, `${emu.clientSecret}-wrong`).catch(() => undefined);
  await request(emu, "GET", list(), { token: `${token}x` });
  emu.addFault("GET -> 503");
  await request(emu, "GET", list(), { token });
  emu.clearFaults();
  const log = lines.slice(before).join("\n");
  expect(lines.length - before).toBeGreaterThanOrEqual(5);
  for (const secret of [token, token.split(".")[2]!, emu.clientSecret]) expect(log).not.toContain(secret);
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

describe("listening", () => {
  test("a non-loopback address is refused unless allowRemote says so", async () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.20"]) {
      await expect(startTestEmulator({ host })).rejects.toThrow(
        `refusing to listen on '${host}': it is not a loopback address`,
      );
    }
    const remote = await startTestEmulator({ host: "0.0.0.0", allowRemote: true });
    await remote.stop();
  });

  test("every loopback spelling is accepted without allowRemote", async () => {
    for (const host of ["127.0.0.1", "localhost", "::1", "127.0.0.2"]) {
      const e = await startTestEmulator({ host }).catch((error: Error) => error);
      // ::1 may be missing from a container's interfaces: that is the system's refusal, not ours.
      if (e instanceof Error) expect(e.message).not.toContain("refusing to listen");
      else await e.stop();
    }
  });
});

describe("tokens ARM refuses, with ARM's codes", () => {
  let persisted: RunningEmulator;
  let dir: string;
  /** A token signed with the emulator's own key (read from its state), with the given claims. */
  let signed: (claims: Record<string, unknown>) => string;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = () => ({
    aud: "https://management.azure.com/",
    tid: persisted.tenantId,
    appid: persisted.clientId,
    exp: now() + 600,
  });
  const listOn = (e: RunningEmulator): string =>
    `/subscriptions/${e.subscriptionId}/providers/Microsoft.Compute/galleries?api-version=2025-03-03`;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-auth-"));
    persisted = await startTestEmulator({ inMemory: false, stateDir: dir });
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    const row = db.prepare("SELECT value FROM meta WHERE key = 'tokenSigningKey'").get() as { value: string };
    db.close();
    const key = Buffer.from(row.value, "hex");
    signed = (c) => {
      const head = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");
      const body = Buffer.from(JSON.stringify(c)).toString("base64url");
      const sig = createHmac("sha256", key).update(`${head}.${body}`).digest("base64url");
      return `${head}.${body}.${sig}`;
    };
  });
  afterAll(async () => {
    await persisted.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("a well-formed token signed with the emulator's key is accepted (the cases below differ in one claim)", async () => {
    expect((await request(persisted, "GET", listOn(persisted), { token: signed(claims()) })).status).toBe(
      200,
    );
  });

  test("an expired token gets 401 ExpiredAuthenticationToken with both instants", async () => {
    const res = await request(persisted, "GET", listOn(persisted), {
      token: signed({ ...claims(), exp: now() - 120 }),
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: {
        code: "ExpiredAuthenticationToken",
        message: expect.stringMatching(
          /^The access token expiry UTC time '\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M' is earlier than current UTC time '\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M'\.$/,
        ),
      },
    });
    expect(res.headers["www-authenticate"]).toContain('error="invalid_token"');
  });

  test("a token for another audience gets 401 InvalidAuthenticationTokenAudience naming it", async () => {
    for (const token of [
      signed({ ...claims(), aud: "https://vault.azure.net" }),
      // The emulator's token endpoint issues it too, for another resource's scope.
      (
        (
          await request(persisted, "POST", `/${persisted.tenantId}/oauth2/v2.0/token`, {
            form: {
              grant_type: "client_credentials",
              client_id: persisted.clientId,
              client_secret: persisted.clientSecret,
              scope: "https://graph.microsoft.com/.default",
            },
          })
        ).body as { access_token: string }
      ).access_token,
    ]) {
      const res = await request(persisted, "GET", listOn(persisted), { token });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        error: {
          code: "InvalidAuthenticationTokenAudience",
          message: expect.stringMatching(
            /^The access token has been obtained for wrong audience or resource 'https:\/\/(vault\.azure\.net|graph\.microsoft\.com\/)'\. It should exactly match with one of the allowed audiences 'https:\/\/management\.core\.windows\.net\/'/,
          ),
        },
      });
    }
  });

  test("a token with its claims changed after signing gets 401 InvalidAuthenticationToken", async () => {
    const [head, , sig] = signed(claims()).split(".");
    const widened = Buffer.from(JSON.stringify({ ...claims(), exp: now() + 10 ** 8 })).toString("base64url");
    const res = await request(persisted, "GET", listOn(persisted), { token: `${head}.${widened}.${sig}` });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: "InvalidAuthenticationToken" } });
  });
});
