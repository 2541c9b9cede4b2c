// Sharing and soft delete with the real engine, against an emulator started here so that its request
// log shows what the provider sent: a gallery's sharing profile previews as an update naming the
// subscriptions and tenants added and removed, and `up` applies it through the gallery's share action,
// never by replacing (deleting) the gallery; a version removed from a gallery with soft delete on is
// listed as soft-deleted and comes back when declared again with `restore: true`.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ComputeManagementClient } from "@azure/arm-compute";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import * as acg from "../../provider";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { computeClient } from "../emulator/client";
import { SUBSCRIPTION_A, SUBSCRIPTION_B, TENANT } from "../sharingIds";
import { E2EStack, requirePulumiCli, type PreviewReport } from "./harness";

jest.setTimeout(600_000);

const RG = "rg-sharing";
const GALLERY = "sharedImages";
const SOURCE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images/base-1";
const [SUB_A, SUB_B] = [SUBSCRIPTION_A, SUBSCRIPTION_B];

interface Desired {
  groups: acg.GalleryArgs["sharingProfile"];
  versions: { name: string; restore?: boolean }[];
}

function program(d: Desired) {
  return async () => {
    const gallery = new acg.Gallery("gallery", {
      resourceGroupName: RG,
      galleryName: GALLERY,
      location: "westeurope",
      sharingProfile: d.groups,
      softDeletePolicy: { isSoftDeleteEnabled: true },
    });
    const image = new acg.GalleryImage("image", {
      resourceGroupName: RG,
      galleryName: gallery.galleryName,
      galleryImageName: "app",
      location: "westeurope",
      osType: "Linux",
      osState: "Generalized",
      identifier: { publisher: "Contoso", offer: "App", sku: "linux" },
    });
    for (const v of d.versions) {
      new acg.GalleryImageVersion(`v${v.name}`, {
        resourceGroupName: RG,
        galleryName: gallery.galleryName,
        galleryImageName: image.galleryImageName,
        galleryImageVersionName: v.name,
        location: "westeurope",
        storageProfile: { source: { id: SOURCE } },
        ...(v.restore ? { restore: true } : {}),
      });
    }
  };
}

let emulator: RunningEmulator;
let emulatorDir: string;
let client: ComputeManagementClient;
let e2e: E2EStack;
/** The emulator's request log: "METHOD /path" of every request since the last `requests.length = 0`. */
const requests: string[] = [];

beforeAll(async () => {
  requirePulumiCli();
  emulatorDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-sharing-emulator-"));
  emulator = await startEmulator({
    stateDir: emulatorDir,
    port: 0,
    replicationSpeedGBps: 1000,
    retryAfterSeconds: 0,
    versionDeleteMs: 100,
    sharingUpdateMs: 200,
    log: (line) => void requests.push(line.replace(/\?.*$/, "").replace(/ -> .*$/, "")),
  });
  emulator.registerSource({ id: SOURCE, location: "westeurope", osDiskSizeGB: 30 });
  client = computeClient(emulator);
  e2e = await E2EStack.create("sharing", program({ groups: undefined, versions: [] }), {
    "compute-gallery:backend": "emulator",
    "compute-gallery:emulatorEndpoint": emulator.endpoint,
    "compute-gallery:emulatorCertificatePath": emulator.certificatePath!,
    "compute-gallery:emulatorTenantId": emulator.tenantId,
    "compute-gallery:emulatorClientId": emulator.clientId,
  });
  await e2e.stack.setConfig("compute-gallery:emulatorClientSecret", {
    value: emulator.clientSecret,
    secret: true,
  });
});

afterAll(async () => {
  await e2e?.dispose();
  await emulator?.stop();
  if (emulatorDir) fs.rmSync(emulatorDir, { recursive: true, force: true });
});

const galleryPath = `/subscriptions/${"00000000-0000-0000-0000-000000000001"}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}`;
const sent = (method: string, suffix = "") =>
  requests.filter((r) => r === `${method} ${galleryPath}${suffix}`);

async function groupsInAzure() {
  const g = await client.galleries.get(RG, GALLERY, { expand: "SharingProfile/Groups" });
  return { permissions: g.sharingProfile?.permissions, groups: g.sharingProfile?.groups };
}

async function up(d: Desired) {
  e2e.setProgram(program(d));
  requests.length = 0;
  const events: EngineEvent[] = [];
  const result = await e2e.stack.up({ onEvent: (event) => void events.push(event) });
  expect(result.summary.result).toBe("succeeded");
  const info = events.flatMap((e) =>
    e.diagnosticEvent?.severity === "info" ? [e.diagnosticEvent.message] : [],
  );
  return { result, info };
}

const withA: Desired = {
  groups: { permissions: "Groups", groups: [{ type: "Subscriptions", ids: [SUB_A] }] },
  versions: [{ name: "1.0.0" }, { name: "1.0.1" }],
};
const withBAndTenant: Desired = {
  ...withA,
  groups: {
    permissions: "Groups",
    groups: [
      { type: "Subscriptions", ids: [SUB_B] },
      { type: "AADTenants", ids: [TENANT] },
    ],
  },
};

test("up creates a gallery shared with a subscription: the PUT, then the share action Add", async () => {
  await up(withA);
  expect(sent("PUT")).toHaveLength(1);
  expect(sent("POST", "/share")).toHaveLength(1);
  expect(await groupsInAzure()).toEqual({
    permissions: "Groups",
    groups: [{ type: "Subscriptions", ids: [SUB_A] }],
  });
});

test("changing the groups previews as an update of the gallery naming each subscription and tenant added and removed", async () => {
  e2e.setProgram(program(withBAndTenant));
  const report: PreviewReport = await e2e.preview();
  expect(report.failed).toBe(false);
  expect(report.ops["gallery"]).toEqual(["update"]);
  const notes = report.warnings.filter((w) => w.includes("share action"));
  expect(notes).toEqual([
    expect.stringContaining(
      `Remove (stop sharing with subscription ${SUB_A}), then Add (share with subscription ${SUB_B} and tenant ${TENANT})`,
    ),
  ]);
});

test("up applies the new groups through the share action, without replacing or even PUTting the gallery", async () => {
  const { result } = await up(withBAndTenant);
  expect(result.summary.resourceChanges).toMatchObject({ update: 1 });
  expect(sent("POST", "/share")).toHaveLength(2);
  expect(sent("DELETE")).toEqual([]);
  expect(sent("PUT")).toEqual([]);
  expect(await groupsInAzure()).toEqual({
    permissions: "Groups",
    groups: [
      { type: "Subscriptions", ids: [SUB_B] },
      { type: "AADTenants", ids: [TENANT] },
    ],
  });
  const again = await e2e.preview();
  expect(again.ops["gallery"]).toEqual(["same"]);
});

test("making the gallery private again resets its sharing through the share action", async () => {
  await up({ ...withBAndTenant, groups: undefined });
  expect(sent("POST", "/share")).toHaveLength(1);
  expect(sent("DELETE")).toEqual([]);
  expect(await groupsInAzure()).toEqual({ permissions: "Private", groups: undefined });
});

test("a version removed from a gallery with soft delete on is soft-deleted, said so, listed, and restored by declaring it with restore: true", async () => {
  const { info } = await up({ groups: undefined, versions: [{ name: "1.0.0" }] });
  expect(info.some((m) => /image version .*1\.0\.1 was soft-deleted/.test(m))).toBe(true);
  const listed = [];
  for await (const item of client.softDeletedResource.listByArtifactName(RG, GALLERY, "Images", "app"))
    listed.push(item.name);
  expect(listed).toEqual(["1.0.1"]);

  await up({ groups: undefined, versions: [{ name: "1.0.0" }, { name: "1.0.1", restore: true }] });
  const restored = await client.galleryImageVersions.get(RG, GALLERY, "app", "1.0.1");
  expect(restored.storageProfile?.source?.id).toBe(SOURCE);
  const left = [];
  for await (const item of client.softDeletedResource.listByArtifactName(RG, GALLERY, "Images", "app"))
    left.push(item.name);
  expect(left).toEqual([]);
});
