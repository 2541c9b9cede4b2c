// The provider's operations, through the real Azure SDK, against an emulator injecting faults:
// transient errors are retried by the SDK pipeline (Retry-After honoured) and the write succeeds;
// permanent errors surface once, with Azure's code and message and the resource's name, as a message
// rather than a stack trace; a write Azure accepted and then failed comes back with the resource's id
// and state, and an update after the fault is gone repairs it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { connect } from "../../provider/azure/connect";
import type { BackendSettings } from "../../provider/azure/settings";
import { createContext, type OperationContext } from "../../provider/operations/context";
import { resourceOperations, type ResourceOperations } from "../../provider/operations/operations";
import { ResourceInitError } from "../../provider/operations/writeFailure";
import type { ResourceKind } from "../../provider/model/mutability";
import type { JsonObject } from "../../provider/model/jsonObject";

jest.setTimeout(60_000);

const RG = "rg-provider-faults";
const SOURCE = `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/${RG}/providers/Microsoft.Compute/images/base`;

let stateDir: string;
let emulator: RunningEmulator;
let context: OperationContext;
let ops: ResourceOperations;
/** Request log: method, path, status and when (ms since start). */
let requests: { at: number; method: string; path: string; status: string }[];

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-provider-faults-"));
  requests = [];
  const started = Date.now();
  emulator = await startEmulator({
    stateDir,
    // 30 GB in 100 ms per region: replication is not what these tests wait for.
    replicationSpeedGBps: 300,
    retryAfterSeconds: 0,
    versionDeleteMs: 50,
    log: (line) => {
      const m = /^(\S+) (\S+) -> (.+?) \(/.exec(line);
      if (m)
        requests.push({
          at: Date.now() - started,
          method: m[1]!,
          path: m[2]!.replace(/\?.*$/, ""),
          status: m[3]!,
        });
    },
  });
  emulator.registerSource({ id: SOURCE, location: "westeurope", osDiskSizeGB: 30 });
  const settings: BackendSettings = {
    kind: "emulator",
    stateDir,
    emulatorEndpoint: emulator.endpoint,
    emulatorCertificatePath: emulator.certificatePath,
    accessGrantedRegions: [],
  };
  context = createContext({ settings, connect, log: async () => undefined });
  ops = resourceOperations(context);
});
afterEach(() => emulator.clearFaults());
afterAll(async () => {
  await context.close();
  await emulator.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

/** Inputs as the engine hands them to create: through check. */
async function checked(kind: ResourceKind, news: JsonObject): Promise<JsonObject> {
  const { inputs, failures } = await ops.check(kind, {}, news);
  expect(failures).toEqual([]);
  return inputs;
}
const gallery = (galleryName: string) =>
  checked("gallery", { resourceGroupName: RG, galleryName, location: "westeurope" });
const image = (galleryName: string, galleryImageName: string) =>
  checked("galleryImage", {
    resourceGroupName: RG,
    galleryName,
    galleryImageName,
    location: "westeurope",
    osType: "Linux",
    osState: "Generalized",
    identifier: { publisher: "contoso", offer: "app", sku: galleryImageName },
  });
const version = (galleryName: string, regions: string[]) =>
  checked("galleryImageVersion", {
    resourceGroupName: RG,
    galleryName,
    galleryImageName: "app",
    galleryImageVersionName: "1.0.0",
    location: "westeurope",
    storageProfile: { source: { id: SOURCE } },
    publishingProfile: { targetRegions: regions.map((name) => ({ name, regionalReplicaCount: 1 })) },
  });

const writesTo = (suffix: string) =>
  requests.filter((r) => r.method === "PUT" && r.path.toLowerCase().endsWith(suffix.toLowerCase()));

describe("transient errors are retried by the SDK pipeline and the write succeeds", () => {
  test("429 is retried no sooner than its Retry-After", async () => {
    emulator.addFault("PUT gallery count=1 -> 429 retry-after=2");
    const created = await ops.create("gallery", await gallery("throttled"));
    expect(created.outs.provisioningState).toBe("Succeeded");
    const puts = writesTo("/galleries/throttled");
    expect(puts.map((p) => p.status)).toEqual(["429", "201"]);
    expect(puts[1]!.at - puts[0]!.at).toBeGreaterThanOrEqual(1900);
  });

  test("503 then 500 on the write, and a dropped connection on the poll", async () => {
    await ops.create("gallery", await gallery("flaky"));
    emulator.setFaults([
      "PUT image count=1 -> 503",
      "PUT image count=1 -> 500",
      "image poll count=1 -> drop",
    ]);
    const created = await ops.create("galleryImage", await image("flaky", "app"));
    expect(created.outs.provisioningState).toBe("Succeeded");
    expect(writesTo("/galleries/flaky/images/app").map((p) => p.status)).toEqual(["503", "500", "201"]);
    expect(requests.some((r) => r.status.startsWith("dropped") && /capsOperations/i.test(r.path))).toBe(true);
    expect(emulator.faults()).toEqual([]);
  });

  test("a dropped connection on the write itself", async () => {
    emulator.addFault("PUT gallery count=1 -> drop");
    const created = await ops.create("gallery", await gallery("dropped"));
    expect(created.id).toMatch(/\/galleries\/dropped$/);
    expect(writesTo("/galleries/dropped").map((p) => p.status)).toEqual(["dropped", "201"]);
  });
});

test("a permanent error surfaces once, with Azure's code and message and the resource's name, not a stack", async () => {
  emulator.addFault(
    'PUT gallery -> 409 message="Another operation on this or dependent resource is in progress."',
  );
  const from = requests.length;
  const error = (await ops.create("gallery", await gallery("busy")).catch((e: unknown) => e)) as Error;
  expect(error.message).toBe(
    `writing gallery ${RG}/busy failed: OperationNotAllowed: Another operation on this or dependent resource is in progress. [HTTP 409]`,
  );
  expect(error.stack).toBe(error.message);
  expect(requests.slice(from).filter((r) => r.method === "PUT").length).toBe(1);
});

test("a create whose operation ends Failed after Azure created it comes back with its id and state; an update repairs it", async () => {
  await ops.create("gallery", await gallery("lro"));
  const inputs = await image("lro", "app");
  emulator.addFault('PUT image create -> operation-failed message="Disk service unavailable."');
  const error = await ops.create("galleryImage", inputs).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ResourceInitError);
  const failed = error as ResourceInitError;
  expect(failed.id).toBe(
    `/subscriptions/${emulator.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/lro/images/app`,
  );
  expect(failed.message).toContain(
    `writing image definition ${RG}/lro/app failed: InternalOperationError: Disk service unavailable.`,
  );
  expect(failed.properties).toMatchObject({ galleryImageName: "app", provisioningState: "Failed" });
  expect(failed.stack).toBe(failed.message);

  const repaired = await ops.update("galleryImage", failed.properties, inputs);
  expect(repaired.outs.provisioningState).toBe("Succeeded");
});

test("a version whose replication fails in one region: the error names it and Azure's message; read shows it; an update repairs it", async () => {
  await ops.create("gallery", await gallery("repl"));
  await ops.create("galleryImage", await image("repl", "app"));
  const inputs = await version("repl", ["westeurope", "westus3"]);
  emulator.addFault(
    'region=westus3 -> replication-failed code=ReplicationFailed message="Storage account in West US 3 is unavailable."',
  );
  const error = await ops.create("galleryImageVersion", inputs).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ResourceInitError);
  const failed = error as ResourceInitError;
  expect(failed.message).toBe(
    `writing image version ${RG}/repl/app/1.0.0 failed: ReplicationFailed: Storage account in West US 3 is unavailable; ` +
      `replication failed in West US 3. image version ${RG}/repl/app/1.0.0 exists in Azure and is kept in the stack's state: ` +
      "the next 'pulumi up' updates it, which retries what failed",
  );
  expect(failed.reasons).toEqual([failed.message]);
  expect(failed.properties.provisioningState).toBe("Failed");

  const read = await ops.read("galleryImageVersion", failed.id, failed.properties);
  const summary = (read!.props.replicationStatus as { summary: { region: string; state: string }[] }).summary;
  expect(summary).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        region: "West US 3",
        state: "Failed",
        details: "Storage account in West US 3 is unavailable.",
      }),
      expect.objectContaining({ region: "West Europe", state: "Completed" }),
    ]),
  );

  emulator.clearFaults();
  const repaired = await ops.update("galleryImageVersion", read!.props, inputs);
  expect(repaired.outs.provisioningState).toBe("Succeeded");
  expect((repaired.outs.replicationStatus as { aggregatedState: string }).aggregatedState).toBe("Completed");
});
