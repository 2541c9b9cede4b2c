// Each api-version has its own shape: fields a later version introduced are refused in requests (as
// Compute's deserializer refuses an unknown member) and absent from responses; an unknown version is
// refused naming the request's real location. Expected values written from the GalleryRP changelog.
import type { RunningEmulator } from "../../emulator";
import { fetchToken, request, startTestEmulator } from "./client";

let emu: RunningEmulator;
let token: string;
const base = (): string =>
  `/subscriptions/${emu.subscriptionId}/resourceGroups/rg/providers/Microsoft.Compute/galleries`;
const image = {
  location: "northeurope",
  properties: {
    osType: "Linux",
    osState: "Generalized",
    identifier: { publisher: "p", offer: "o", sku: "s" },
  },
};

beforeAll(async () => {
  emu = await startTestEmulator();
  token = (await fetchToken(emu)).token;
  await request(emu, "PUT", `${base()}/g?api-version=2024-03-03`, {
    token,
    body: { location: "northeurope" },
  });
});
afterAll(() => emu.stop());

test("what current clients send by default (2026-03-03) and the oldest modelled (2019-07-01) are served", async () => {
  for (const v of ["2026-03-03", "2025-03-03", "2019-07-01"]) {
    expect((await request(emu, "GET", `${base()}/g?api-version=${v}`, { token })).status).toBe(200);
  }
});

test("an unknown api-version is refused naming the body's location and the supported versions", async () => {
  const put = await request(emu, "PUT", `${base()}/h?api-version=2018-06-01`, {
    token,
    body: { location: "westeurope" },
  });
  expect(put.status).toBe(400);
  const error = (put.body as { error: { code: string; message: string } }).error;
  expect(error.code).toBe("NoRegisteredProviderFound");
  expect(error.message).toContain("location 'westeurope'");
  expect(error.message).toContain("API version '2018-06-01'");
  expect(error.message).toContain("2019-07-01, 2019-12-01, 2020-09-30");
  expect(error.message).toContain("2025-03-03, 2025-12-03, 2026-03-03");
});

test("an api-version that is not a date is InvalidApiVersionParameter, listing the supported ones", async () => {
  const res = await request(emu, "GET", `${base()}/g?api-version=latest`, { token });
  expect(res.status).toBe(400);
  const error = (res.body as { error: { code: string; message: string } }).error;
  expect(error.code).toBe("InvalidApiVersionParameter");
  expect(error.message).toContain("'latest'");
  expect(error.message).toContain("2026-03-03");
});

test("an unknown api-version on an existing resource names that resource's location", async () => {
  const get = await request(emu, "GET", `${base()}/g/images?api-version=2099-01-01`, { token });
  expect((get.body as { error: { message: string } }).error.message).toContain("location 'northeurope'");
});

test("a field newer than the request's api-version is refused, naming it; the version that has it accepts it", async () => {
  const withArch = { ...image, properties: { ...image.properties, architecture: "x64" } };
  const old = await request(emu, "PUT", `${base()}/g/images/arm?api-version=2021-07-01`, {
    token,
    body: withArch,
  });
  expect(old.status).toBe(400);
  expect(old.body).toMatchObject({
    error: { code: "InvalidRequestContent", target: "properties.architecture" },
  });
  const ok = await request(emu, "PUT", `${base()}/g/images/arm?api-version=2021-10-01`, {
    token,
    body: withArch,
  });
  expect(ok.status).toBe(201);
});

test("responses leave out fields the request's api-version does not have", async () => {
  const newer = await request(emu, "GET", `${base()}/g/images/arm?api-version=2024-03-03`, { token });
  expect(newer.body).toMatchObject({ properties: { architecture: "x64" } });
  const older = await request(emu, "GET", `${base()}/g/images/arm?api-version=2021-07-01`, { token });
  expect((older.body as { properties: Record<string, unknown> }).properties).not.toHaveProperty(
    "architecture",
  );
  const list = await request(emu, "GET", `${base()}/g/images?api-version=2021-07-01`, { token });
  expect(
    (list.body as { value: { properties: Record<string, unknown> }[] }).value[0]?.properties,
  ).not.toHaveProperty("architecture");
});
