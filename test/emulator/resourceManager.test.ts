// The Resource Manager surface a client logs in through, and resource groups as Azure keeps them:
// expectations from ARM's documented shapes (Subscriptions - List, Tenants - List, Providers - Get,
// Resource Groups - Create Or Update / Get / List / Delete) and from recorded CLI behaviour.
import type { RunningEmulator } from "../../emulator";
import { fetchToken, request, startTestEmulator } from "./client";

let emu: RunningEmulator;
let token: string;
const get = (path: string) => request(emu, "GET", path, { token });
const sub = (): string => `/subscriptions/${emu.subscriptionId}`;
const gallery = (rg: string, name: string): string =>
  `${sub()}/resourceGroups/${rg}/providers/Microsoft.Compute/galleries/${name}?api-version=2024-03-03`;

beforeAll(async () => {
  emu = await startTestEmulator({ resourceGroups: "explicit" });
  token = (await fetchToken(emu)).token;
});
afterAll(() => emu.stop());

test("subscriptions and tenants list the emulator's one subscription in its tenant, enabled", async () => {
  const list = await get("/subscriptions?api-version=2022-12-01");
  expect(list.status).toBe(200);
  expect(list.body).toEqual({
    value: [
      expect.objectContaining({
        id: "/subscriptions/00000000-0000-0000-0000-000000000001",
        subscriptionId: "00000000-0000-0000-0000-000000000001",
        tenantId: "00000000-0000-0000-0000-0000000000aa",
        state: "Enabled",
      }),
    ],
  });
  expect((await get(`${sub()}?api-version=2022-12-01`)).body).toMatchObject({ state: "Enabled" });
  const other = await get("/subscriptions/00000000-0000-0000-0000-00000000ffff?api-version=2022-12-01");
  expect(other.status).toBe(404);
  expect(other.body).toMatchObject({ error: { code: "SubscriptionNotFound" } });
  expect((await get("/tenants?api-version=2022-12-01")).body).toEqual({
    value: [expect.objectContaining({ tenantId: "00000000-0000-0000-0000-0000000000aa" })],
  });
});

test("Resource Manager calls need a token and an api-version like every ARM call", async () => {
  expect((await request(emu, "GET", "/subscriptions?api-version=2022-12-01")).status).toBe(401);
  const missing = await get("/subscriptions");
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({ error: { code: "MissingApiVersionParameter" } });
});

test("Microsoft.Compute is registered with the gallery types, their api-versions and locations", async () => {
  const res = await get(`${sub()}/providers/Microsoft.Compute?api-version=2021-04-01`);
  expect(res.status).toBe(200);
  const provider = res.body as {
    namespace: string;
    registrationState: string;
    resourceTypes: { resourceType: string; apiVersions: string[]; locations: string[] }[];
  };
  expect(provider.namespace).toBe("Microsoft.Compute");
  expect(provider.registrationState).toBe("Registered");
  const versions = provider.resourceTypes.find((t) => t.resourceType === "galleries/images/versions");
  expect(versions?.apiVersions).toEqual(expect.arrayContaining(["2026-03-03", "2024-03-03", "2019-07-01"]));
  expect(versions?.locations).toEqual(expect.arrayContaining(["West Europe", "East US 2"]));
  expect(provider.resourceTypes.map((t) => t.resourceType)).toEqual(
    expect.arrayContaining(["galleries", "galleries/images", "galleries/images/versions"]),
  );
  const all = await get(`${sub()}/providers?api-version=2021-04-01`);
  expect((all.body as { value: { namespace: string }[] }).value.map((p) => p.namespace)).toContain(
    "Microsoft.Compute",
  );
});

test("a gallery in a resource group that does not exist fails with ResourceGroupNotFound", async () => {
  const put = await request(emu, "PUT", gallery("nowhere", "g"), { token, body: { location: "westeurope" } });
  expect(put.status).toBe(404);
  expect(put.body).toEqual({
    error: { code: "ResourceGroupNotFound", message: "Resource group 'nowhere' could not be found." },
  });
  expect((await get(gallery("nowhere", "g"))).status).toBe(404);
});

test("resource groups are created, read, listed and deleted; a gallery can live in one", async () => {
  const path = `${sub()}/resourcegroups/team-rg?api-version=2022-09-01`;
  const created = await request(emu, "PUT", path, {
    token,
    body: { location: "West Europe", tags: { a: "b" } },
  });
  expect(created.status).toBe(201);
  expect(created.body).toEqual({
    id: `${sub()}/resourceGroups/team-rg`,
    name: "team-rg",
    type: "Microsoft.Resources/resourceGroups",
    location: "westeurope",
    tags: { a: "b" },
    properties: { provisioningState: "Succeeded" },
  });
  expect((await request(emu, "PUT", path, { token, body: { location: "westeurope" } })).status).toBe(200);
  expect((await get(`${sub()}/resourceGroups/TEAM-RG?api-version=2022-09-01`)).body).toMatchObject({
    name: "team-rg",
  });
  expect((await request(emu, "HEAD", path, { token })).status).toBe(204);
  const listed = await get(`${sub()}/resourcegroups?api-version=2022-09-01`);
  expect((listed.body as { value: { name: string }[] }).value.map((g) => g.name)).toEqual(["team-rg"]);

  const g = await request(emu, "PUT", gallery("team-rg", "inGroup"), {
    token,
    body: { location: "westeurope" },
  });
  expect(g.status).toBe(201);
  expect((await request(emu, "DELETE", path, { token })).status).toBe(409);
  await request(emu, "DELETE", gallery("team-rg", "inGroup"), { token });

  expect((await request(emu, "DELETE", path, { token })).status).toBe(200);
  expect((await get(path)).body).toMatchObject({ error: { code: "ResourceGroupNotFound" } });
  expect((await request(emu, "HEAD", path, { token })).status).toBe(404);
});

test("the default (implicit) mode creates the group on the first write, in the written location", async () => {
  const implicit = await startTestEmulator();
  try {
    const t = (await fetchToken(implicit)).token;
    const path = `/subscriptions/${implicit.subscriptionId}/resourceGroups/auto/providers/Microsoft.Compute/galleries/g?api-version=2024-03-03`;
    expect(
      (await request(implicit, "PUT", path, { token: t, body: { location: "northeurope" } })).status,
    ).toBe(201);
    const group = await request(
      implicit,
      "GET",
      `/subscriptions/${implicit.subscriptionId}/resourcegroups/auto?api-version=2022-09-01`,
      { token: t },
    );
    expect(group.body).toMatchObject({ name: "auto", location: "northeurope" });
  } finally {
    await implicit.stop();
  }
});
