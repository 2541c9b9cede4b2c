// Two runs create a resource of the same name at the same moment, each through its own connection
// (two provider processes) to one emulator: Azure's gallery API has no conditional create, so both
// may read "not found" and both write. The owner marker and the write's status (201 Created, 200
// replaced) make sure they never both succeed, and that the one that does not fails with a clear
// message instead of taking the resource over.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { connect, type Connection } from "../../provider/azure/connect";
import { createContext } from "../../provider/operations/context";
import { resourceOperations, type ResourceOperations } from "../../provider/operations/operations";
import type { BackendSettings } from "../../provider/azure/settings";

jest.setTimeout(60_000);

const TAG = "pulumi-compute-gallery-owner";
let emu: RunningEmulator;
let stateDir: string;
const open: Connection[] = [];

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "acg-race-"));
  emu = await startEmulator({ stateDir, port: 0, retryAfterSeconds: 0 });
});

afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  await emu.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

/** One run's operations, over a connection of its own (as a separate `pulumi up` has). */
async function run(): Promise<ResourceOperations> {
  const settings: BackendSettings = {
    kind: "emulator",
    emulatorEndpoint: emu.endpoint,
    emulatorCertificatePath: emu.certificatePath!,
    stateDir,
    accessGrantedRegions: [],
  };
  const connection = await connect(settings);
  open.push(connection);
  return resourceOperations(
    createContext({ settings, connect: async () => connection, log: async () => {} }),
  );
}

const urn = (stack: string) => `urn:pulumi:${stack}::images::compute-gallery:index:Gallery::golden`;
const LOST = /another create of the same name ran at the same time|already exists in Azure and it/;

test("two stacks creating one gallery at the same moment: never both succeed, the other fails clearly", async () => {
  const [dev, prod] = await Promise.all([run(), run()]);
  const owners: string[] = [];
  const reasons: string[] = [];
  for (let round = 0; round < 6; round++) {
    const inputs = { resourceGroupName: "rg-race", galleryName: `race${round}`, location: "westeurope" };
    const results = await Promise.allSettled([
      dev.create("gallery", inputs, { urn: urn("dev") }),
      prod.create("gallery", inputs, { urn: urn("prod") }),
    ]);
    const succeeded = results.filter((r) => r.status === "fulfilled");
    expect(succeeded.length).toBeLessThanOrEqual(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(String(result.reason.message)).toMatch(LOST);
        reasons.push(String(result.reason.message));
      }
    }
    // Whatever happened, at most one stack's next create adopts it: the other's is refused.
    const again = await Promise.allSettled([
      dev.create("gallery", inputs, { urn: urn("dev") }),
      prod.create("gallery", inputs, { urn: urn("prod") }),
    ]);
    expect(again.filter((r) => r.status === "fulfilled").length).toBeLessThanOrEqual(1);
    if (succeeded.length === 1) {
      // The winner keeps it: the loser's retry is refused.
      const winner = results[0]!.status === "fulfilled" ? 0 : 1;
      expect(again[1 - winner]!.status).toBe("rejected");
    }
    owners.push(succeeded.length === 1 ? "one" : "none");
  }
  // Only one write can be answered 201: every round has a winner.
  expect(owners).toEqual(Array(6).fill("one"));
  // Started together, the two runs both read "not found" and both wrote: the race the marker closes.
  expect(reasons.some((r) => r.includes("another create of the same name ran at the same time"))).toBe(true);
});

test("the marker is what Azure holds: a tag on the resource, read back by any client", async () => {
  const dev = await run();
  const inputs = { resourceGroupName: "rg-race", galleryName: "tagged", location: "westeurope" };
  await dev.create("gallery", inputs, { urn: urn("dev") });
  const connection = open[0]!;
  const gallery = await connection.api.getGallery({ resourceGroupName: "rg-race", galleryName: "tagged" });
  expect(Object.keys((gallery?.tags ?? {}) as object)).toEqual([TAG]);
});
