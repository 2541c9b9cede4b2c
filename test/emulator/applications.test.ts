// VM applications and their versions through the real @azure/arm-compute client. Expectations come from
// GalleryRP 2024-03-03 (gallery.json), recorded traffic (azure-cli test_gallery_application_version at
// 2021-07-01, azure-mgmt-compute test_compute_galleries at 2022-08-03, test/fixtures/traffic) and the VM
// applications article (learn.microsoft.com/azure/virtual-machines/vm-applications, Limitations).
import type { ComputeManagementClient } from "@azure/arm-compute";
import type { RunningEmulator } from "../../emulator";
import { computeClient, FAST, fetchToken, request, sleep, startTestEmulator } from "./client";

let emu: RunningEmulator;
let compute: ComputeManagementClient;
const RG = "rg-apps";
const PACKAGE = "https://appstore01.blob.core.windows.net/packages/tool.zip";
const SAS = "?sv=2024-01-01&sr=b&sp=r&sig=secret-signature";

beforeAll(async () => {
  // 0.5 GB per replica at 1 GB/s: half a second per replica, long enough to watch progress.
  emu = await startTestEmulator({ replicationSpeedGBps: 1 });
  compute = computeClient(emu);
  emu.registerSource({ id: PACKAGE, location: "westeurope", osDiskSizeGB: 0.5 });
  await compute.galleries.beginCreateOrUpdateAndWait(RG, "apps", { location: "westeurope" }, FAST);
});

afterAll(async () => {
  await emu.stop();
});

const createApplication = (c: ComputeManagementClient, gallery: string, name: string) =>
  c.galleryApplications.beginCreateOrUpdateAndWait(
    RG,
    gallery,
    name,
    { location: "westeurope", supportedOSType: "Linux" },
    FAST,
  );

const versionBody = (over: Record<string, unknown> = {}) => ({
  location: "westeurope",
  publishingProfile: {
    source: { mediaLink: PACKAGE + SAS },
    manageActions: { install: "install.cmd", remove: "remove.cmd" },
    ...over,
  },
});

async function raw(method: string, path: string, body?: unknown) {
  const token = (await fetchToken(emu)).token;
  const base = `/subscriptions/${emu.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/apps`;
  return request(emu, method, `${base}${path}${path.includes("?") ? "&" : "?"}api-version=2024-03-03`, {
    token,
    body,
  });
}

test("an application definition is written at once, without an operation or provisioningState, as recorded", async () => {
  const put = await raw("PUT", "/applications/tool", {
    location: "westeurope",
    properties: { supportedOSType: "windows", description: "d", eula: "e" },
  });
  expect(put.status).toBe(201);
  expect(put.headers["azure-asyncoperation"]).toBeUndefined();
  expect(put.body).toMatchObject({
    name: "tool",
    type: "Microsoft.Compute/galleries/applications",
    properties: { supportedOSType: "Windows", description: "d", eula: "e" },
  });
  expect((put.body as { properties: object }).properties).not.toHaveProperty("provisioningState");
  const patched = await raw("PATCH", "/applications/tool", { tags: { tag1: "tag1" } });
  expect(patched.status).toBe(200);
  expect(patched.body).toMatchObject({ tags: { tag1: "tag1" }, properties: { eula: "e" } });
  const got = await compute.galleryApplications.get(RG, "apps", "tool");
  expect(got).toMatchObject({ supportedOSType: "Windows", description: "d", tags: { tag1: "tag1" } });
});

test("supportedOSType is required and fixed; the description and end-of-life date change in place", async () => {
  const missing = await raw("PUT", "/applications/noos", { location: "westeurope", properties: {} });
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({ error: { target: "galleryApplication.properties.supportedOSType" } });
  await createApplication(compute, "apps", "fixed");
  await expect(
    compute.galleryApplications.beginCreateOrUpdateAndWait(
      RG,
      "apps",
      "fixed",
      { location: "westeurope", supportedOSType: "Windows" },
      FAST,
    ),
  ).rejects.toMatchObject({ code: "PropertyChangeNotAllowed" });
  const updated = await compute.galleryApplications.beginUpdateAndWait(
    RG,
    "apps",
    "fixed",
    { description: "now described", endOfLifeDate: new Date("2030-01-01T00:00:00Z") },
    FAST,
  );
  expect(updated.description).toBe("now described");
});

test("an application under a gallery that does not exist is ParentResourceNotFound", async () => {
  const token = (await fetchToken(emu)).token;
  const r = await request(
    emu,
    "PUT",
    `/subscriptions/${emu.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/nowhere/applications/a?api-version=2024-03-03`,
    { token, body: { location: "westeurope", properties: { supportedOSType: "Linux" } } },
  );
  expect(r.status).toBe(404);
  expect(r.body).toMatchObject({ error: { code: "ParentResourceNotFound" } });
  const v = await raw("PUT", "/applications/absent/versions/1.0.0", {
    location: "westeurope",
    properties: versionBody(),
  });
  expect(v.body).toMatchObject({ error: { code: "ParentResourceNotFound" } });
});

test("a version replicates to each target region, fills the recorded defaults, and reports progress", async () => {
  const poller = await compute.galleryApplicationVersions.beginCreateOrUpdate(
    RG,
    "apps",
    "tool",
    "1.0.0",
    versionBody({
      targetRegions: [{ name: "westeurope", regionalReplicaCount: 2 }, { name: "northeurope" }],
    }),
    FAST,
  );
  await sleep(200);
  const during = await compute.galleryApplicationVersions.get(RG, "apps", "tool", "1.0.0", {
    expand: "ReplicationStatus",
  });
  expect(during.provisioningState).toBe("Creating");
  expect(during.replicationStatus?.aggregatedState).toBe("InProgress");
  const done = await poller.pollUntilDone();
  expect(done.provisioningState).toBe("Succeeded");
  // As recorded at 2021-07-01: replicaCount 1, Standard_LRS, excludeFromLatest false, enableHealthCheck false.
  expect(done.publishingProfile).toMatchObject({
    source: { mediaLink: PACKAGE + SAS },
    replicaCount: 1,
    storageAccountType: "Standard_LRS",
    excludeFromLatest: false,
    enableHealthCheck: false,
    targetRegions: [
      { name: "West Europe", regionalReplicaCount: 2, storageAccountType: "Standard_LRS" },
      { name: "North Europe", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
    ],
  });
  expect(done.publishingProfile?.publishedDate).toBeInstanceOf(Date);
  const after = await compute.galleryApplicationVersions.get(RG, "apps", "tool", "1.0.0", {
    expand: "ReplicationStatus",
  });
  expect(after.replicationStatus?.summary?.map((s) => [s.region, s.state, s.progress])).toEqual([
    ["West Europe", "Completed", 100],
    ["North Europe", "Completed", 100],
  ]);
});

test("more than 3 replicas in a region is refused, naming the region's count", async () => {
  const r = await raw("PUT", "/applications/tool/versions/1.0.1", {
    location: "westeurope",
    properties: versionBody({ targetRegions: [{ name: "westeurope", regionalReplicaCount: 4 }] }),
  });
  expect(r.status).toBe(409);
  expect(r.body).toMatchObject({
    error: {
      code: "QuotaExceeded",
      target: "galleryApplicationVersion.properties.publishingProfile.targetRegions[0].regionalReplicaCount",
    },
  });
});

test("a media link that is not a readable blob is refused without quoting its SAS", async () => {
  for (const link of [
    "http://appstore01.blob.core.windows.net/packages/tool.zip",
    "https://example.com/a/b",
  ]) {
    const r = await raw("PUT", "/applications/tool/versions/1.0.2", {
      location: "westeurope",
      properties: versionBody({ source: { mediaLink: link + SAS } }),
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      error: {
        code: "InvalidParameter",
        target: "galleryApplicationVersion.properties.publishingProfile.source.mediaLink",
      },
    });
    expect(JSON.stringify(r.body)).not.toContain("secret-signature");
  }
  const unregistered = await raw("PUT", "/applications/tool/versions/1.0.2", {
    location: "westeurope",
    properties: versionBody({
      source: { mediaLink: "https://appstore01.blob.core.windows.net/p/other.zip" + SAS },
    }),
  });
  expect(unregistered.body).toMatchObject({ error: { code: "InvalidParameter" } });
  expect(JSON.stringify(unregistered.body)).not.toContain("secret-signature");
  const noRemove = await raw("PUT", "/applications/tool/versions/1.0.2", {
    location: "westeurope",
    properties: versionBody({ manageActions: { install: "install.cmd" } }),
  });
  expect(noRemove.body).toMatchObject({
    error: { target: "galleryApplicationVersion.properties.publishingProfile.manageActions.remove" },
  });
});

test("an update may renew the SAS and add a region; another blob or storage type is PropertyChangeNotAllowed", async () => {
  const renewed = await compute.galleryApplicationVersions.beginUpdateAndWait(
    RG,
    "apps",
    "tool",
    "1.0.0",
    {
      publishingProfile: {
        source: { mediaLink: PACKAGE + "?sv=2025-01-01&sig=renewed" },
        targetRegions: [
          { name: "westeurope", regionalReplicaCount: 2 },
          { name: "northeurope" },
          { name: "uksouth" },
        ],
      },
    },
    FAST,
  );
  expect(renewed.publishingProfile?.targetRegions?.map((t) => t.name)).toEqual([
    "West Europe",
    "North Europe",
    "UK South",
  ]);
  for (const profile of [
    { source: { mediaLink: "https://appstore01.blob.core.windows.net/packages/other.zip" } },
    { source: { mediaLink: PACKAGE }, storageAccountType: "Premium_LRS" },
  ]) {
    await expect(
      compute.galleryApplicationVersions.beginUpdateAndWait(
        RG,
        "apps",
        "tool",
        "1.0.0",
        { publishingProfile: profile } as never,
        FAST,
      ),
    ).rejects.toMatchObject({ code: "PropertyChangeNotAllowed" });
  }
  // Dropping a replicated region needs safetyProfile.allowDeletionOfReplicatedLocations.
  await expect(
    compute.galleryApplicationVersions.beginUpdateAndWait(
      RG,
      "apps",
      "tool",
      "1.0.0",
      { publishingProfile: { source: { mediaLink: PACKAGE }, targetRegions: [{ name: "westeurope" }] } },
      FAST,
    ),
  ).rejects.toMatchObject({ code: "OperationNotAllowed" });
});

test("lists page with nextLink; deleting refuses while children remain, then removes each level", async () => {
  const many = await startTestEmulator({ pageSize: 2 });
  try {
    const c = computeClient(many);
    many.registerSource({ id: PACKAGE, location: "westeurope", osDiskSizeGB: 0.1 });
    await c.galleries.beginCreateOrUpdateAndWait(RG, "g", { location: "westeurope" }, FAST);
    await createApplication(c, "g", "a");
    for (const v of ["1.0.0", "1.0.1", "1.0.2"])
      await c.galleryApplicationVersions.beginCreateOrUpdateAndWait(RG, "g", "a", v, versionBody(), FAST);
    const names: string[] = [];
    for await (const v of c.galleryApplicationVersions.listByGalleryApplication(RG, "g", "a"))
      names.push(v.name ?? "");
    expect(names).toEqual(["1.0.0", "1.0.1", "1.0.2"]);
    await expect(c.galleries.beginDeleteAndWait(RG, "g", FAST)).rejects.toMatchObject({
      code: "OperationNotAllowed",
    });
    await expect(c.galleryApplications.beginDeleteAndWait(RG, "g", "a", FAST)).rejects.toMatchObject({
      code: "OperationNotAllowed",
    });
    for (const v of ["1.0.0", "1.0.1", "1.0.2"])
      await c.galleryApplicationVersions.beginDeleteAndWait(RG, "g", "a", v, FAST);
    await c.galleryApplications.beginDeleteAndWait(RG, "g", "a", FAST);
    const apps: unknown[] = [];
    for await (const a of c.galleryApplications.listByGallery(RG, "g")) apps.push(a);
    expect(apps).toEqual([]);
    await c.galleries.beginDeleteAndWait(RG, "g", FAST);
  } finally {
    await many.stop();
  }
});
