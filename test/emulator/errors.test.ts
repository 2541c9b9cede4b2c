// Every error code the emulator models, through the SDK (RestError code/status) or raw requests
// (CloudError shape and target).
import type { ComputeManagementClient } from "@azure/arm-compute";
import type { RunningEmulator } from "../../emulator";
import { computeClient, FAST, fetchToken, request, startTestEmulator } from "./client";

const RG = "rg";
const SNAP = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/snapshots/snap";
const BIG = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/big";
let emu: RunningEmulator;
let client: ComputeManagementClient;
let token: string;
const base = (): string =>
  `/subscriptions/${emu.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries`;
const def = (sku: string) => ({
  location: "eastus2",
  osType: "Linux" as const,
  osState: "Generalized" as const,
  identifier: { publisher: "p", offer: "o", sku },
});

async function cloudError(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; error: { code: string; message: string; target?: string } }> {
  const res = await request(emu, method, path, { token, body });
  return {
    status: res.status,
    error: (res.body as { error: { code: string; message: string; target?: string } }).error,
  };
}

beforeAll(async () => {
  emu = await startTestEmulator({ limits: { galleriesPerRegion: 3 } });
  client = computeClient(emu);
  token = (await fetchToken(emu)).token;
  emu.registerSource({ id: SNAP, location: "eastus2", osDiskSizeGB: 30 });
  emu.registerSource({ id: BIG, location: "eastus2", osDiskSizeGB: 2048 });
  await client.galleries.createOrUpdate(RG, "g", { location: "eastus2" }, FAST);
  await client.galleryImages.createOrUpdate(RG, "g", "img", def("s"), FAST);
  await client.galleryImageVersions.createOrUpdate(
    RG,
    "g",
    "img",
    "1.0.0",
    {
      location: "eastus2",
      storageProfile: { osDiskImage: { source: { id: SNAP } } },
      publishingProfile: { targetRegions: [{ name: "eastus2" }, { name: "westus" }] },
    },
    FAST,
  );
});
afterAll(() => emu.stop());

test("an invalid gallery name is InvalidParameter naming galleryName", async () => {
  expect(
    await cloudError("PUT", `${base()}/-bad-?api-version=2025-03-03`, { location: "eastus2" }),
  ).toMatchObject({ status: 400, error: { code: "InvalidParameter", target: "galleryName" } });
});

test("an enum value outside the contract is InvalidParameter naming the property", async () => {
  const r = await cloudError("PUT", `${base()}/g/images/x?api-version=2024-03-03`, {
    location: "eastus2",
    properties: {
      osType: "Solaris",
      osState: "Generalized",
      identifier: { publisher: "a", offer: "b", sku: "c" },
    },
  });
  expect(r).toMatchObject({
    status: 400,
    error: { code: "InvalidParameter", target: "galleryImage.properties.osType" },
  });
});

/** The cloud error of a PUT of version `name`, from the snapshot, with this publishing profile. */
function putFromSnapshot(name: string, publishingProfile: Record<string, unknown>) {
  return cloudError("PUT", `${base()}/g/images/img/versions/${name}?api-version=2024-03-03`, {
    location: "eastus2",
    properties: { storageProfile: { osDiskImage: { source: { id: SNAP } } }, publishingProfile },
  });
}

const oneRegion = (regionalReplicaCount: number) => ({
  targetRegions: [{ name: "eastus2", regionalReplicaCount }],
});

// Today's gallery article: at most 50 replicas per region (the 2021 edition said 10), 100 per version.
test("a regional replica count below 1 is InvalidParameter and above 50 is QuotaExceeded", async () => {
  expect(await putFromSnapshot("3.0.0", oneRegion(0))).toMatchObject({
    status: 400,
    error: {
      code: "InvalidParameter",
      target: "galleryImageVersion.properties.publishingProfile.targetRegions[0].regionalReplicaCount",
    },
  });
  expect(await putFromSnapshot("3.0.0", oneRegion(51))).toMatchObject({
    status: 409,
    error: { code: "QuotaExceeded" },
  });
  const twenty = await client.galleryImageVersions.createOrUpdate(
    RG,
    "g",
    "img",
    "3.0.1",
    {
      location: "eastus2",
      storageProfile: { osDiskImage: { source: { id: SNAP } } },
      publishingProfile: oneRegion(20),
    },
    FAST,
  );
  expect(twenty.publishingProfile?.targetRegions?.[0]?.regionalReplicaCount).toBe(20);
});

test("more than 100 replicas of one version over all regions is QuotaExceeded", async () => {
  const r = await putFromSnapshot("3.1.0", {
    targetRegions: [
      { name: "eastus2", regionalReplicaCount: 50 },
      { name: "westus", regionalReplicaCount: 50 },
      { name: "westeurope", regionalReplicaCount: 1 },
    ],
  });
  expect(r).toMatchObject({
    status: 409,
    error: {
      code: "QuotaExceeded",
      target: "galleryImageVersion.properties.publishingProfile.targetRegions",
    },
  });
});

test("shallow replication keeps one replica per region", async () => {
  expect(await putFromSnapshot("3.2.0", { replicationMode: "Shallow", ...oneRegion(2) })).toMatchObject({
    status: 400,
    error: {
      code: "InvalidParameter",
      target: "galleryImageVersion.properties.publishingProfile.targetRegions[0].regionalReplicaCount",
    },
  });
});

test("a target region of another cloud is InvalidParameter naming both clouds as Azure does", async () => {
  const body = {
    location: "eastus2",
    properties: {
      storageProfile: { osDiskImage: { source: { id: SNAP } } },
      publishingProfile: { targetRegions: [{ name: "eastus2" }, { name: "usgovvirginia" }] },
    },
  };
  expect(
    await cloudError("PUT", `${base()}/g/images/img/versions/3.0.1?api-version=2024-03-03`, body),
  ).toMatchObject({
    status: 400,
    error: {
      code: "InvalidParameter",
      message:
        "Region 'USGov Virginia' belongs to cloud 'AzureUSGovernment' and cannot be a replication target in 'AzureCloud'.",
    },
  });
});

test("changing osType of a definition is PropertyChangeNotAllowed with the property path", async () => {
  await expect(
    client.galleryImages.createOrUpdate(RG, "g", "img", { ...def("s"), osType: "Windows" }, FAST),
  ).rejects.toMatchObject({ statusCode: 409, code: "PropertyChangeNotAllowed" });
  const r = await cloudError("PUT", `${base()}/g/images/img?api-version=2024-03-03`, {
    location: "eastus2",
    properties: {
      osType: "Windows",
      osState: "Generalized",
      identifier: { publisher: "p", offer: "o", sku: "s" },
    },
  });
  expect(r.error).toEqual({
    code: "PropertyChangeNotAllowed",
    message: "Changing property 'galleryImage.properties.osType' is not allowed.",
    target: "galleryImage.properties.osType",
  });
});

test("changing a version's source is PropertyChangeNotAllowed", async () => {
  const r = await cloudError("PATCH", `${base()}/g/images/img/versions/1.0.0?api-version=2024-03-03`, {
    properties: { storageProfile: { osDiskImage: { source: { id: BIG } } } },
  });
  expect(r).toMatchObject({
    status: 409,
    error: {
      code: "PropertyChangeNotAllowed",
      target: "galleryImageVersion.properties.storageProfile.osDiskImage.source.id",
    },
  });
});

test("deleting a gallery or definition that has children is OperationNotAllowed", async () => {
  await expect(client.galleries.delete(RG, "g", FAST)).rejects.toMatchObject({
    statusCode: 409,
    code: "OperationNotAllowed",
  });
  await expect(client.galleryImages.delete(RG, "g", "img", FAST)).rejects.toMatchObject({
    statusCode: 409,
    code: "OperationNotAllowed",
  });
});

test("removing a replicated region needs allowDeletionOfReplicatedLocations", async () => {
  const only = { publishingProfile: { targetRegions: [{ name: "eastus2" }] } };
  await expect(client.galleryImageVersions.update(RG, "g", "img", "1.0.0", only, FAST)).rejects.toMatchObject(
    { statusCode: 409, code: "OperationNotAllowed" },
  );
  const ok = await client.galleryImageVersions.update(
    RG,
    "g",
    "img",
    "1.0.0",
    { ...only, safetyProfile: { allowDeletionOfReplicatedLocations: true } },
    FAST,
  );
  expect(ok.publishingProfile?.targetRegions?.map((t) => t.name)).toEqual(["East US 2"]);
});

test("missing resources are ResourceNotFound and missing parents ParentResourceNotFound", async () => {
  await expect(client.galleries.get(RG, "nope")).rejects.toMatchObject({
    statusCode: 404,
    code: "ResourceNotFound",
  });
  await expect(client.galleryImages.get(RG, "nope", "img")).rejects.toMatchObject({
    statusCode: 404,
    code: "ParentResourceNotFound",
  });
  await expect(client.galleryImageVersions.get(RG, "g", "nope", "1.0.0")).rejects.toMatchObject({
    statusCode: 404,
    code: "ParentResourceNotFound",
  });
});

test("a second definition with the same publisher/offer/sku is Conflict", async () => {
  await expect(client.galleryImages.createOrUpdate(RG, "g", "twin", def("s"), FAST)).rejects.toMatchObject({
    statusCode: 409,
    code: "Conflict",
  });
});

// Today's gallery article: disks under 2 TB, up to 32 TB with shallow replication (2021: 1 TB).
test("a 2 TB disk is GallerySourceResourceExceedsMaxSize unless replication is shallow", async () => {
  await expect(
    client.galleryImageVersions.createOrUpdate(
      RG,
      "g",
      "img",
      "4.0.0",
      { location: "eastus2", storageProfile: { osDiskImage: { source: { id: BIG } } } },
      FAST,
    ),
  ).rejects.toMatchObject({ statusCode: 400, code: "GallerySourceResourceExceedsMaxSize" });
  const shallow = await client.galleryImageVersions.createOrUpdate(
    RG,
    "g",
    "img",
    "4.0.1",
    {
      location: "eastus2",
      storageProfile: { osDiskImage: { source: { id: BIG } } },
      publishingProfile: { replicationMode: "Shallow" },
    },
    FAST,
  );
  expect(shallow.provisioningState).toBe("Succeeded");
});

test("a source that is not registered is refused with InvalidParameter on the source id", async () => {
  const r = await cloudError("PUT", `${base()}/g/images/img/versions/5.0.0?api-version=2024-03-03`, {
    location: "eastus2",
    properties: {
      storageProfile: {
        source: { id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/ghost" },
      },
    },
  });
  expect(r).toMatchObject({
    status: 400,
    error: { code: "InvalidParameter", target: "galleryImageVersion.properties.storageProfile.source.id" },
  });
});

test("the gallery limit per region is enforced as QuotaExceeded", async () => {
  await client.galleries.createOrUpdate(RG, "q1", { location: "eastus2" }, FAST);
  await client.galleries.createOrUpdate(RG, "q2", { location: "eastus2" }, FAST);
  await expect(
    client.galleries.createOrUpdate(RG, "q3", { location: "eastus2" }, FAST),
  ).rejects.toMatchObject({ statusCode: 409, code: "QuotaExceeded" });
  await client.galleries.createOrUpdate(RG, "q3", { location: "westus" }, FAST);
});

test("Standard_ZRS in a region without zones, a location outside the targets and an access-request region are refused", async () => {
  const put = (targets: unknown[]) =>
    cloudError("PUT", `${base()}/g/images/img/versions/6.0.0?api-version=2024-03-03`, {
      location: "eastus2",
      properties: {
        storageProfile: { osDiskImage: { source: { id: SNAP } } },
        publishingProfile: { targetRegions: targets },
      },
    });
  expect(
    await put([{ name: "eastus2" }, { name: "westus", storageAccountType: "Standard_ZRS" }]),
  ).toMatchObject({
    status: 400,
    error: {
      code: "InvalidParameter",
      target: "galleryImageVersion.properties.publishingProfile.targetRegions[1].storageAccountType",
    },
  });
  expect(await put([{ name: "westus" }])).toMatchObject({
    status: 400,
    error: {
      code: "InvalidParameter",
      target: "galleryImageVersion.properties.publishingProfile.targetRegions",
    },
  });
  expect(await put([{ name: "eastus2" }, { name: "australiacentral" }])).toMatchObject({
    status: 400,
    error: { code: "InvalidParameter" },
  });
  expect(await put([{ name: "eastus2" }, { name: "usgovvirginia" }])).toMatchObject({
    status: 400,
    error: { code: "InvalidParameter" },
  });
});

test("an access-request region is accepted when the emulator allows it", async () => {
  const open = await startTestEmulator({ allowedAccessRegions: ["australiacentral"] });
  try {
    const c = computeClient(open);
    const g = await c.galleries.createOrUpdate(RG, "au", { location: "australiacentral" }, FAST);
    expect(g.location).toBe("australiacentral");
  } finally {
    await open.stop();
  }
});

test("an unsupported api-version is refused naming the supported ones; relaxed policy accepts it", async () => {
  const r = await cloudError("GET", `${base()}/g?api-version=2019-01-01`);
  expect(r.status).toBe(400);
  expect(r.error.code).toBe("NoRegisteredProviderFound");
  expect(r.error.message).toContain("2021-10-01, 2022-01-03");
  expect((await cloudError("GET", `${base()}/g`)).error.code).toBe("MissingApiVersionParameter");
  const relaxed = await startTestEmulator({ apiVersionPolicy: "relaxed" });
  try {
    const t = (await fetchToken(relaxed)).token;
    const res = await request(
      relaxed,
      "GET",
      `/subscriptions/${relaxed.subscriptionId}/providers/Microsoft.Compute/galleries?api-version=2019-01-01`,
      { token: t },
    );
    expect(res.status).toBe(200);
  } finally {
    await relaxed.stop();
  }
});
