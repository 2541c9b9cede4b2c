// The provider loses the service while a version replicates (the emulator process killed, then
// started again on its state): a short outage is ridden out by the SDK's retries and the create
// completes; a long one fails the create, and the next create of the same resource adopts the
// version Azure went on replicating, instead of failing with "already exists".
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { fetchToken, request, sleep } from "./client";
import { startEmulatorProcess, type EmulatorProcess } from "./emulatorProcess";
import { connect, type Connection } from "../../provider/azure/connect";
import { createContext } from "../../provider/operations/context";
import { resourceOperations, type ResourceOperations } from "../../provider/operations/operations";
import type { BackendSettings } from "../../provider/azure/settings";

jest.setTimeout(120_000);

const SOURCE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images/base";
const URN = "urn:pulumi:dev::images::compute-gallery:index:GalleryImageVersion::v";

let stateDir: string;
let port: number;
let emulator: EmulatorProcess;
let connection: Connection;
let operations: ResourceOperations;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = server.address() as net.AddressInfo;
      server.close(() => resolve(free));
    });
  });
}

/** 30 GB at 5 GB/s: each region replicates for 6 s. */
const start = () =>
  startEmulatorProcess(stateDir, [
    "--port",
    String(port),
    "--replication-speed",
    "5",
    "--resource-groups",
    "implicit",
  ]);

async function killEmulator(): Promise<void> {
  emulator.child.kill("SIGKILL");
  await emulator.exited;
}

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "acg-lost-"));
  port = await freePort();
  emulator = await start();
  const token = (await fetchToken(emulator.emulator)).token;
  await request(emulator.emulator, "PUT", "/admin/sources", {
    token,
    body: { id: SOURCE, location: "westeurope", osDiskSizeGB: 30 },
  });
  const settings: BackendSettings = {
    kind: "emulator",
    emulatorEndpoint: emulator.emulator.endpoint,
    emulatorCertificatePath: emulator.emulator.certificatePath!,
    stateDir,
    accessGrantedRegions: [],
  };
  connection = await connect(settings);
  operations = resourceOperations(
    createContext({ settings, connect: async () => connection, log: async () => {} }),
  );
  await operations.create("gallery", {
    resourceGroupName: "rg-lost",
    galleryName: "lost",
    location: "westeurope",
  });
  await operations.create("galleryImage", {
    resourceGroupName: "rg-lost",
    galleryName: "lost",
    galleryImageName: "app",
    location: "westeurope",
    osType: "Linux",
    osState: "Generalized",
    identifier: { publisher: "p", offer: "o", sku: "s" },
  });
});

afterAll(async () => {
  await connection?.close();
  if (emulator?.child.exitCode === null) await killEmulator();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

const version = (name: string) => ({
  resourceGroupName: "rg-lost",
  galleryName: "lost",
  galleryImageName: "app",
  galleryImageVersionName: name,
  location: "westeurope",
  storageProfile: { source: { id: SOURCE } },
  publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 1 }] },
});

test("the service gone for a second while a version replicates: the create completes", async () => {
  const creating = operations.create("galleryImageVersion", version("1.0.0"), { urn: `${URN}1` });
  await sleep(1500);
  await killEmulator();
  await sleep(1000);
  emulator = await start();
  const { outs } = await creating;
  expect(outs).toMatchObject({ provisioningState: "Succeeded" });
});

test("the service gone longer than the retries: the create fails, and the next one adopts the version", async () => {
  const creating = operations.create("galleryImageVersion", version("1.0.1"), { urn: `${URN}2` }).then(
    () => "created",
    (error: Error) => error.message,
  );
  await sleep(1500);
  await killEmulator();
  const failure = await creating;
  expect(failure).toMatch(/image version rg-lost\/lost\/app\/1\.0\.1/);
  emulator = await start();
  const { outs } = await operations.create("galleryImageVersion", version("1.0.1"), { urn: `${URN}2` });
  expect(outs).toMatchObject({
    provisioningState: "Succeeded",
    replicationStatus: { aggregatedState: "Completed" },
  });
});
