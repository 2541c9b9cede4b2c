// The real engine and the dynamic provider against an emulator injecting faults: throttling and
// 5xx answers are retried and `up` succeeds; a version whose replication fails in one region fails
// `up` naming the region and Azure's message, yet is kept in state (nothing leaks); `refresh` shows
// the failed region; once the fault is gone the next `up` updates the version and repairs it.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as acg from "../../provider";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { E2EStack, requirePulumiCli } from "./harness";

jest.setTimeout(600_000);

const RG = "rg-faults";
const SOURCE = `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/${RG}/providers/Microsoft.Compute/images/base`;
const AZURE_MESSAGE = "The storage account for West US 3 is unavailable.";

let emulator: RunningEmulator;
let emulatorDir: string;
let e2e: E2EStack;

beforeAll(async () => {
  requirePulumiCli();
  emulatorDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-faults-emulator-"));
  // 30 GB in 100 ms per region; Retry-After 1 s on version operations.
  emulator = await startEmulator({ stateDir: emulatorDir, replicationSpeedGBps: 300, retryAfterSeconds: 1 });
  emulator.registerSource({ id: SOURCE, location: "westeurope", osDiskSizeGB: 30 });
});

afterAll(async () => {
  await e2e?.dispose();
  await emulator?.stop();
  fs.rmSync(emulatorDir, { recursive: true, force: true });
});

/** A gallery named `galleryName` and its image definition `app`. */
function galleryAndImage(galleryName: string) {
  const gallery = new acg.Gallery("gallery", { resourceGroupName: RG, galleryName, location: "westeurope" });
  const image = new acg.GalleryImage("image", {
    resourceGroupName: RG,
    galleryName: gallery.galleryName,
    galleryImageName: "app",
    location: "westeurope",
    osType: "Linux",
    osState: "Generalized",
    identifier: { publisher: "Contoso", offer: "App", sku: galleryName },
  });
  return { gallery, image };
}

/** The gallery, image and a version replicated to West Europe and West US 3. */
function program() {
  const { gallery, image } = galleryAndImage("faultsGallery");
  new acg.GalleryImageVersion("version", {
    resourceGroupName: RG,
    galleryName: gallery.galleryName,
    galleryImageName: image.galleryImageName,
    galleryImageVersionName: "1.0.0",
    location: "westeurope",
    storageProfile: { source: { id: SOURCE } },
    publishingProfile: {
      targetRegions: [
        { name: "westeurope", regionalReplicaCount: 1 },
        { name: "westus3", regionalReplicaCount: 1 },
      ],
    },
  });
}

/** Stack config pointing the provider at the test's emulator. */
const emulatorConfig = () => ({
  "compute-gallery:backend": "emulator",
  "compute-gallery:emulatorEndpoint": emulator.endpoint,
  "compute-gallery:emulatorCertificatePath": emulator.certificatePath!,
});

interface StateResource {
  type: string;
  id?: string;
  outputs?: Record<string, any>;
  initErrors?: string[];
}

async function versionInState(): Promise<StateResource | undefined> {
  const state = await e2e.stack.exportStack();
  return (state.deployment.resources as StateResource[]).find((r) => r.type.endsWith("GalleryImageVersion"));
}

test("throttling is retried; a failed region fails up naming it, is kept in state, shown by refresh, repaired by the next up", async () => {
  e2e = await E2EStack.create("faults", async () => program(), emulatorConfig());
  emulator.setFaults([
    "PUT gallery count=1 -> 429 retry-after=1",
    "PUT image count=1 -> 503",
    `region=westus3 count=1 -> replication-failed code=ReplicationFailed message="${AZURE_MESSAGE}"`,
  ]);

  const failure = await e2e.up().then(
    () => undefined,
    (error: unknown) => error as Error & { stdout?: string },
  );
  expect(failure).toBeInstanceOf(Error);
  const said = `${failure!.message}\n${failure!.stdout ?? ""}`;
  expect(said).toContain(
    `writing image version ${RG}/faultsGallery/app/1.0.0 failed: ReplicationFailed: ${AZURE_MESSAGE.replace(/\.$/, "")}; ` +
      "replication failed in West US 3",
  );
  expect(said).toContain("the next 'pulumi up' updates it");
  expect(said).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
  // The throttled and refused writes were retried: the gallery and the image are in state.
  expect(emulator.faults()).toEqual([]);
  const state = await e2e.stack.exportStack();
  const types = (state.deployment.resources as StateResource[]).map((r) => r.type.split(":").pop());
  expect(types).toEqual(expect.arrayContaining(["Gallery", "GalleryImage", "GalleryImageVersion"]));
  const recorded = await versionInState();
  expect(recorded?.id).toMatch(/\/galleries\/faultsGallery\/images\/app\/versions\/1\.0\.0$/);
  expect(recorded?.outputs?.provisioningState).toBe("Failed");
  expect(recorded?.initErrors?.join("\n")).toContain("West US 3");

  await e2e.refresh();
  const refreshed = (await versionInState())?.outputs?.replicationStatus?.summary as {
    region: string;
    state: string;
    details?: string;
  }[];
  expect(refreshed).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ region: "West US 3", state: "Failed", details: AZURE_MESSAGE }),
      expect.objectContaining({ region: "West Europe", state: "Completed" }),
    ]),
  );

  const { result, report } = await e2e.up();
  expect(result.summary.result).toBe("succeeded");
  expect(report.ops.version).toContain("update");
  const repaired = await versionInState();
  expect(repaired?.outputs?.provisioningState).toBe("Succeeded");
  expect(repaired?.initErrors ?? []).toEqual([]);
  expect(repaired?.outputs?.replicationStatus?.aggregatedState).toBe("Completed");
});

test("a create whose operation ends Failed after Azure created the resource is recorded, and the next up repairs it", async () => {
  const lro = await E2EStack.create(
    "faults-lro",
    async () => void galleryAndImage("lroGallery"),
    emulatorConfig(),
  );
  try {
    emulator.setFaults([
      'PUT image create count=1 -> operation-failed message="Internal error in the image service."',
    ]);
    const failure = await lro.up().then(
      () => undefined,
      (error: unknown) => error as Error & { stdout?: string },
    );
    expect(`${failure?.message}\n${failure?.stdout ?? ""}`).toContain(
      `writing image definition ${RG}/lroGallery/app failed: InternalOperationError: Internal error in the image service`,
    );
    const state = await lro.stack.exportStack();
    const image = (state.deployment.resources as StateResource[]).find((r) =>
      r.type.endsWith("GalleryImage"),
    );
    expect(image?.id).toMatch(/\/galleries\/lroGallery\/images\/app$/);
    expect(image?.outputs?.provisioningState).toBe("Failed");

    // No refresh: the next up updates what failed.
    const { result, report } = await lro.up();
    expect(result.summary.result).toBe("succeeded");
    expect(report.ops.image).toContain("update");
    const repaired = (await lro.stack.exportStack()).deployment.resources as StateResource[];
    expect(repaired.find((r) => r.type.endsWith("GalleryImage"))?.outputs?.provisioningState).toBe(
      "Succeeded",
    );
  } finally {
    await lro.dispose();
  }
});
