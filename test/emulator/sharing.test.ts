// The gallery's share action (GallerySharingProfile_Update) and the sharing profile as Azure returns it,
// through the real @azure/arm-compute client, plus the wire details the client hides (202, Location,
// the gallery Updating while sharing is InProgress). Expected values follow the 2024-03-03 spec and its
// example Gallery_AddToSharingProfile: groups are read-only in a gallery PUT, Add/Remove/Reset change
// them, EnableCommunity fills in communityGalleryEnabled and publicNames.
import type { ComputeManagementClient } from "@azure/arm-compute";
import type { RunningEmulator } from "../../emulator";
import { COMMUNITY_INFO, SUBSCRIPTION_A, SUBSCRIPTION_B, TENANT } from "../sharingIds";
import { computeClient, FAST, fetchToken, request, sleep, startTestEmulator } from "./client";
import { IMAGE_SOURCE, writeImageSeed } from "./parents";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const RG = "rg-share";
const [SUB_A, SUB_B, COMMUNITY] = [SUBSCRIPTION_A, SUBSCRIPTION_B, COMMUNITY_INFO];

let emu: RunningEmulator;
let client: ComputeManagementClient;
let token: string;

const sharePath = (g: string) =>
  `/subscriptions/${emu.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${g}/share?api-version=2024-03-03`;
const galleryPath = (g: string, query = "") =>
  `/subscriptions/${emu.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${g}?api-version=2024-03-03${query}`;

beforeAll(async () => {
  const seedFile = writeImageSeed(fs.mkdtempSync(path.join(os.tmpdir(), "share-seed-")));
  emu = await startTestEmulator({ sharingUpdateMs: 300, seedFile });
  client = computeClient(emu);
  token = (await fetchToken(emu)).token;
});
afterAll(() => emu.stop());

async function gallery(name: string, sharingProfile?: object) {
  await client.galleries.createOrUpdate(
    RG,
    name,
    { location: "westeurope", ...(sharingProfile ? { sharingProfile } : {}) },
    FAST,
  );
}
const share = (
  name: string,
  update: Parameters<ComputeManagementClient["gallerySharingProfile"]["update"]>[2],
) => client.gallerySharingProfile.update(RG, name, update, FAST);

test("the share action is long-running: 202 with Location and Azure-AsyncOperation, the gallery Updating and sharing InProgress until it ends", async () => {
  await gallery("lro");
  const res = await request(emu, "POST", sharePath("lro"), {
    token,
    body: { operationType: "Add", groups: [{ type: "Subscriptions", ids: [SUB_A] }] },
  });
  expect(res.status).toBe(202);
  expect(res.headers["location"]).toMatch(
    /\/capsOperations\/[0-9a-f-]+\?monitor=true&api-version=2024-03-03$/,
  );
  expect(res.headers["azure-asyncoperation"]).toMatch(
    /\/capsOperations\/[0-9a-f-]+\?api-version=2024-03-03$/,
  );
  expect(res.body).toEqual({ operationType: "Add", groups: [{ type: "Subscriptions", ids: [SUB_A] }] });
  const during = (await request(emu, "GET", galleryPath("lro"), { token })).body as any;
  expect(during.properties.provisioningState).toBe("Updating");
  expect(during.properties.sharingStatus.aggregatedState).toBe("InProgress");
  await sleep(400);
  const after = (await request(emu, "GET", galleryPath("lro"), { token })).body as any;
  expect(after.properties.provisioningState).toBe("Succeeded");
  expect(after.properties.sharingStatus).toEqual({
    aggregatedState: "Succeeded",
    summary: [{ region: "westeurope", state: "Succeeded" }],
  });
});

test("Add shares with subscriptions and tenants; the groups show only with $expand=SharingProfile/Groups", async () => {
  await gallery("direct");
  const answer = await share("direct", {
    operationType: "Add",
    groups: [
      { type: "Subscriptions", ids: [SUB_A, SUB_B] },
      { type: "AADTenants", ids: [TENANT] },
    ],
  });
  expect(answer.operationType).toBe("Add");
  const plain = await client.galleries.get(RG, "direct");
  expect(plain.sharingProfile?.permissions).toBe("Groups");
  expect(plain.sharingProfile?.groups).toBeUndefined();
  const expanded = await client.galleries.get(RG, "direct", { expand: "SharingProfile/Groups" });
  expect(expanded.sharingProfile?.groups).toEqual([
    { type: "Subscriptions", ids: [SUB_A, SUB_B] },
    { type: "AADTenants", ids: [TENANT] },
  ]);
});

test("Remove stops sharing with one subscription and keeps the others; a tenant group left empty disappears", async () => {
  await gallery("remove");
  await share("remove", {
    operationType: "Add",
    groups: [
      { type: "Subscriptions", ids: [SUB_A, SUB_B] },
      { type: "AADTenants", ids: [TENANT] },
    ],
  });
  await share("remove", {
    operationType: "Remove",
    groups: [
      { type: "Subscriptions", ids: [SUB_A] },
      { type: "AADTenants", ids: [TENANT] },
    ],
  });
  const g = await client.galleries.get(RG, "remove", { expand: "SharingProfile/Groups" });
  expect(g.sharingProfile?.permissions).toBe("Groups");
  expect(g.sharingProfile?.groups).toEqual([{ type: "Subscriptions", ids: [SUB_B] }]);
});

test("Reset makes the gallery private again: permissions Private, no groups, no sharing status", async () => {
  await gallery("reset");
  await share("reset", { operationType: "Add", groups: [{ type: "Subscriptions", ids: [SUB_A] }] });
  await share("reset", { operationType: "Reset" });
  const g = await client.galleries.get(RG, "reset", { expand: "SharingProfile/Groups" });
  expect(g.sharingProfile?.permissions).toBe("Private");
  expect(g.sharingProfile?.groups).toBeUndefined();
  expect(g.sharingStatus).toBeUndefined();
});

test("a gallery PUT ignores sharingProfile.groups (read-only in the spec) and keeps the groups the share action set", async () => {
  const res = await request(emu, "PUT", galleryPath("putgroups"), {
    token,
    body: {
      location: "westeurope",
      properties: {
        sharingProfile: { permissions: "Groups", groups: [{ type: "Subscriptions", ids: [SUB_A] }] },
      },
    },
  });
  expect(res.status).toBe(201);
  const created = await client.galleries.get(RG, "putgroups", { expand: "SharingProfile/Groups" });
  expect(created.sharingProfile).toEqual({ permissions: "Groups" });
  await share("putgroups", { operationType: "Add", groups: [{ type: "AADTenants", ids: [TENANT] }] });
  await client.galleries.createOrUpdate(RG, "putgroups", { location: "westeurope", description: "d" }, FAST);
  const updated = await client.galleries.get(RG, "putgroups", { expand: "SharingProfile/Groups" });
  expect(updated.sharingProfile?.groups).toEqual([{ type: "AADTenants", ids: [TENANT] }]);
});

test("a gallery shared with groups cannot be made private by a PUT: 409 OperationNotAllowed pointing at Reset", async () => {
  await gallery("putprivate");
  await share("putprivate", { operationType: "Add", groups: [{ type: "Subscriptions", ids: [SUB_A] }] });
  const res = await request(emu, "PUT", galleryPath("putprivate"), {
    token,
    body: { location: "westeurope", properties: { sharingProfile: { permissions: "Private" } } },
  });
  expect(res.status).toBe(409);
  expect(res.body).toMatchObject({
    error: { code: "OperationNotAllowed", target: "gallery.properties.sharingProfile.permissions" },
  });
  expect((res.body as any).error.message).toMatch(/operationType Reset/);
});

test("EnableCommunity fills in communityGalleryEnabled and a public name of the prefix and a GUID", async () => {
  await gallery("community", { permissions: "Community", communityGalleryInfo: COMMUNITY });
  const before = await client.galleries.get(RG, "community");
  expect(before.sharingProfile?.communityGalleryInfo?.communityGalleryEnabled).toBeUndefined();
  await share("community", { operationType: "EnableCommunity" });
  const after = await client.galleries.get(RG, "community");
  expect(after.sharingProfile?.permissions).toBe("Community");
  expect(after.sharingProfile?.communityGalleryInfo).toMatchObject({
    ...COMMUNITY,
    communityGalleryEnabled: true,
  });
  expect(after.sharingProfile?.communityGalleryInfo?.publicNames).toEqual([
    expect.stringMatching(/^contoso-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  ]);
});

test("EnableCommunity without the publisher details is refused, naming the missing one", async () => {
  await gallery("nocommunity", { communityGalleryInfo: { publisherUri: COMMUNITY.publisherUri } });
  await expect(share("nocommunity", { operationType: "EnableCommunity" })).rejects.toMatchObject({
    statusCode: 400,
    message: expect.stringContaining("communityGalleryInfo.publisherContact"),
  });
});

test("a community gallery cannot also be shared with groups: Add answers 409 OperationNotAllowed", async () => {
  await gallery("both", { permissions: "Community", communityGalleryInfo: COMMUNITY });
  await share("both", { operationType: "EnableCommunity" });
  await expect(
    share("both", { operationType: "Add", groups: [{ type: "Subscriptions", ids: [SUB_A] }] }),
  ).rejects.toMatchObject({ statusCode: 409 });
});

test("an id that is no GUID and an unknown operation type are refused with 400 InvalidParameter", async () => {
  await gallery("invalid");
  const badId = await request(emu, "POST", sharePath("invalid"), {
    token,
    body: { operationType: "Add", groups: [{ type: "Subscriptions", ids: ["not-a-guid"] }] },
  });
  expect(badId.status).toBe(400);
  expect(badId.body).toMatchObject({
    error: { code: "InvalidParameter", target: "sharingUpdate.groups[0].ids[0]" },
  });
  const badOp = await request(emu, "POST", sharePath("invalid"), { token, body: { operationType: "Share" } });
  expect(badOp.status).toBe(400);
  expect(badOp.body).toMatchObject({
    error: { code: "InvalidParameter", target: "sharingUpdate.operationType" },
  });
});

/** `count` distinct GUIDs (subscription or tenant ids) starting at `from`. */
const guids = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(from + i).padStart(12, "0")}`);

// learn.microsoft.com share-gallery-direct, Limitations: "You can share up to 30 subscriptions and 5
// tenants." Azure's answer to a 31st is not documented: the 400 InvalidParameter is the emulator's.
test("Add refuses to share directly with a 31st subscription or a 6th tenant, counting those already shared", async () => {
  await gallery("limits");
  await share("limits", { operationType: "Add", groups: [{ type: "Subscriptions", ids: guids(30) }] });
  await expect(
    share("limits", { operationType: "Add", groups: [{ type: "Subscriptions", ids: guids(1, 30) }] }),
  ).rejects.toMatchObject({
    statusCode: 400,
    code: "InvalidParameter",
    message: expect.stringContaining("30"),
  });
  await share("limits", { operationType: "Add", groups: [{ type: "AADTenants", ids: guids(5, 100) }] });
  await expect(
    share("limits", { operationType: "Add", groups: [{ type: "AADTenants", ids: guids(1, 105) }] }),
  ).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining("5 tenants") });
  // Sharing again with ids already shared adds nobody, so it stays within the limit.
  await share("limits", { operationType: "Add", groups: [{ type: "Subscriptions", ids: guids(2) }] });
});

// learn.microsoft.com share-gallery-direct, Limitations: "A direct shared gallery can't contain
// encrypted image versions." The refusal's code and wording are the emulator's (not documented).
test("a gallery shared with groups refuses an encrypted image version, and takes it unencrypted", async () => {
  await gallery("direct", { permissions: "Groups" });
  await client.galleryImages.createOrUpdate(
    RG,
    "direct",
    "linux",
    {
      location: "westeurope",
      osType: "Linux",
      osState: "Generalized",
      identifier: { publisher: "contoso", offer: "ubuntu", sku: "22_04" },
    },
    FAST,
  );
  const version = (encryption?: object) => ({
    location: "westeurope",
    properties: {
      storageProfile: { source: { id: IMAGE_SOURCE } },
      publishingProfile: { targetRegions: [{ name: "westeurope", ...(encryption ? { encryption } : {}) }] },
    },
  });
  const des = `/subscriptions/${SUB_A}/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/des`;
  const versionPath = `/subscriptions/${emu.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/direct/images/linux/versions/1.0.0?api-version=2024-03-03`;
  const refused = await request(emu, "PUT", versionPath, {
    token,
    body: version({ osDiskImage: { diskEncryptionSetId: des } }),
  });
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({
    error: {
      code: "InvalidParameter",
      target: "galleryImageVersion.properties.publishingProfile.targetRegions[0].encryption",
      message: expect.stringContaining("encrypted"),
    },
  });
  const accepted = await request(emu, "PUT", versionPath, { token, body: version() });
  expect(accepted.status).toBe(201);
});
