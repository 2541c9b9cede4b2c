// Soft delete of image versions through the real @azure/arm-compute client: with the gallery's
// softDeletePolicy on, a deleted version is listed by SoftDeletedResource_ListByArtifactName and a PUT
// of its name with only its location restores it, until the retention (Azure documents 7 days; shortened
// here) ends. Azure documents that a definition holding soft-deleted versions cannot be deleted.
import type { ComputeManagementClient } from "@azure/arm-compute";
import type { RunningEmulator } from "../../emulator";
import { computeClient, FAST, fetchToken, request, sleep, startTestEmulator } from "./client";

const RG = "rg-soft";
const MI =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-soft/providers/Microsoft.Compute/images/base";
const RETENTION_MS = 1500;
let emu: RunningEmulator;
let client: ComputeManagementClient;

beforeAll(async () => {
  emu = await startTestEmulator({ softDeleteRetentionMs: RETENTION_MS });
  client = computeClient(emu);
  emu.registerSource({ id: MI, location: "westeurope", osDiskSizeGB: 30 });
});
afterAll(() => emu.stop());

async function galleryWithVersion(gallery: string, softDelete: boolean): Promise<void> {
  await client.galleries.createOrUpdate(
    RG,
    gallery,
    { location: "westeurope", softDeletePolicy: { isSoftDeleteEnabled: softDelete } },
    FAST,
  );
  await client.galleryImages.createOrUpdate(
    RG,
    gallery,
    "app",
    {
      location: "westeurope",
      osType: "Linux",
      osState: "Generalized",
      identifier: { publisher: "contoso", offer: "app", sku: "linux" },
    },
    FAST,
  );
  await client.galleryImageVersions.createOrUpdate(
    RG,
    gallery,
    "app",
    "1.0.0",
    {
      location: "westeurope",
      storageProfile: { source: { id: MI } },
      publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 2 }] },
    },
    FAST,
  );
  await client.galleryImageVersions.delete(RG, gallery, "app", "1.0.0", FAST);
}

async function softDeleted(gallery: string) {
  const found = [];
  for await (const item of client.softDeletedResource.listByArtifactName(RG, gallery, "Images", "app"))
    found.push(item);
  return found;
}

test("a version deleted with soft delete on is gone from reads and listed as soft-deleted, with its id and when", async () => {
  const before = Date.now();
  await galleryWithVersion("listed", true);
  await expect(client.galleryImageVersions.get(RG, "listed", "app", "1.0.0")).rejects.toMatchObject({
    statusCode: 404,
  });
  const items = await softDeleted("listed");
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    name: "1.0.0",
    resourceArmId: `/subscriptions/${emu.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/listed/images/app/versions/1.0.0`,
    softDeletedArtifactType: "Images",
  });
  expect(Date.parse(items[0]!.softDeletedTime!)).toBeGreaterThanOrEqual(before - 1000);
});

test("a PUT of the soft-deleted version with only its location restores it as it was", async () => {
  await galleryWithVersion("restored", true);
  const restored = await client.galleryImageVersions.createOrUpdate(
    RG,
    "restored",
    "app",
    "1.0.0",
    { location: "westeurope" },
    FAST,
  );
  expect(restored.provisioningState).toBe("Succeeded");
  expect(restored.storageProfile?.source?.id).toBe(MI);
  expect(restored.publishingProfile?.targetRegions).toEqual([
    // Azure answers regions by display name.
    expect.objectContaining({ name: "West Europe", regionalReplicaCount: 2 }),
  ]);
  expect(await softDeleted("restored")).toEqual([]);
});

test("a restore outside the version's home region is refused with 400 naming the home region", async () => {
  await galleryWithVersion("elsewhere", true);
  await expect(
    client.galleryImageVersions.createOrUpdate(RG, "elsewhere", "app", "1.0.0", { location: "eastus" }, FAST),
  ).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining("home region 'westeurope'") });
});

test("without soft delete a deleted version is gone for good: nothing is listed and a location-only PUT restores nothing", async () => {
  await galleryWithVersion("hard", false);
  expect(await softDeleted("hard")).toEqual([]);
  await expect(
    client.galleryImageVersions.createOrUpdate(RG, "hard", "app", "1.0.0", { location: "westeurope" }, FAST),
  ).rejects.toMatchObject({ statusCode: 400 });
});

test("after the retention period the soft-deleted version is purged and can no longer be restored", async () => {
  await galleryWithVersion("expired", true);
  expect(await softDeleted("expired")).toHaveLength(1);
  await sleep(RETENTION_MS + 200);
  expect(await softDeleted("expired")).toEqual([]);
  await expect(
    client.galleryImageVersions.createOrUpdate(
      RG,
      "expired",
      "app",
      "1.0.0",
      { location: "westeurope" },
      FAST,
    ),
  ).rejects.toMatchObject({ statusCode: 400 });
});

test("a definition holding a soft-deleted version cannot be deleted: 409 OperationNotAllowed naming it", async () => {
  await galleryWithVersion("holding", true);
  await expect(client.galleryImages.delete(RG, "holding", "app", FAST)).rejects.toMatchObject({
    statusCode: 409,
    message: expect.stringContaining("1.0.0"),
  });
});

test("the soft-deleted list of an unknown artifact type is refused with the allowed value", async () => {
  await galleryWithVersion("badtype", true);
  const token = (await fetchToken(emu)).token;
  const res = await request(
    emu,
    "GET",
    `/subscriptions/${emu.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/badtype/softDeletedArtifactTypes/Applications/artifacts/app/versions?api-version=2024-03-03`,
    { token },
  );
  expect(res.status).toBe(400);
  expect((res.body as any).error.message).toContain("'Images'");
});

test("a new version of a soft-deleted version's name leaves the deleted one listed (a replacement keeps it restorable)", async () => {
  await galleryWithVersion("replaced", true);
  await client.galleryImageVersions.createOrUpdate(
    RG,
    "replaced",
    "app",
    "1.0.0",
    { location: "westeurope", storageProfile: { source: { id: MI } } },
    FAST,
  );
  const live = await client.galleryImageVersions.get(RG, "replaced", "app", "1.0.0");
  expect(live.publishingProfile?.targetRegions?.[0]?.regionalReplicaCount).toBe(1);
  expect((await softDeleted("replaced")).map((item) => item.name)).toEqual(["1.0.0"]);
});
