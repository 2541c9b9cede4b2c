// The embedded backend as the compiled package runs it (dist/, as the dynamic-provider host and the
// plugin load it): the emulator serves on a worker thread of the provider's process, so the provider's
// thread never loads the server, and a failed start or a stop reaches the caller as before.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as tls from "tls";

const dist = path.resolve(__dirname, "..", "..", "dist");
type ConnectModule = typeof import("../../provider/azure/connect");
const { connect } = require(path.join(dist, "provider", "azure", "connect")) as ConnectModule;
const { startEmulatorThread } = require(
  path.join(dist, "emulator", "thread"),
) as typeof import("../../emulator/thread");

const stateDirs: string[] = [];
function stateDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-thread-"));
  stateDirs.push(dir);
  return dir;
}
afterAll(() => stateDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: "127.0.0.1", port, rejectUnauthorized: false });
    socket.once("secureConnect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

test("the embedded emulator answers the Azure SDK from another thread; this thread never loads its server", async () => {
  const connection = await connect({ kind: "local", stateDir: stateDir(), accessGrantedRegions: [] });
  try {
    const ref = { resourceGroupName: "rg-thread", galleryName: "threaded" };
    await expect(connection.api.getGallery(ref)).resolves.toBeUndefined();
    const written = await connection.api.putGallery(ref, { location: "westeurope" });
    expect(written).toMatchObject({ name: "threaded", location: "westeurope" });
    const loadedHere = Object.keys(require.cache).filter((file) =>
      file.startsWith(path.join(dist, "emulator")),
    );
    expect(loadedHere.map((file) => path.basename(file))).not.toContain("server.js");
    expect(loadedHere.map((file) => path.basename(file))).toContain("thread.js");
  } finally {
    await connection.close();
  }
});

test("stopping the thread's emulator closes its port; stopping twice is one stop", async () => {
  const emulator = await startEmulatorThread({ port: 0, stateDir: stateDir() });
  expect(await refusesConnections(emulator.port)).toBe(false);
  await Promise.all([emulator.stop(), emulator.stop()]);
  expect(await refusesConnections(emulator.port)).toBe(true);
});

test("a start that fails on the thread rejects with the emulator's own message (a seed file that is not a list)", async () => {
  const dir = stateDir();
  const seedFile = path.join(dir, "seed.json");
  fs.writeFileSync(seedFile, JSON.stringify({ images: [] }));
  await expect(
    connect({ kind: "local", stateDir: path.join(dir, "state"), accessGrantedRegions: [], seedFile }),
  ).rejects.toThrow(`seed file ${seedFile}: expected { "sources": [...] }`);
});
