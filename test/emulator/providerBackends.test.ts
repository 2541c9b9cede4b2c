// The provider's own client path, connect(settings) -> GalleryApi, against real emulators: the embedded
// "local" backend and a separately started emulator reached through the "emulator" backend.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as emulatorModule from "../../emulator";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { DATABASE_FILE } from "../../emulator/store/sqlite";
import { CERT_FILE, loadOrCreateTls } from "../../emulator/tls";
import { request } from "./client";
import { connect, type Connection } from "../../provider/azure/connect";
import type { GalleryRef, ImageRef, VersionRef } from "../../provider/azure/galleryApi";
import type { JsonObject } from "../../provider/model/jsonObject";
import type { BackendSettings } from "../../provider/azure/settings";
import { putGalleryAndImage } from "./parents";

jest.setTimeout(20_000);

const SOURCE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images/base-1";

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Connections opened by a test, closed after it even when it fails. */
const open: Connection[] = [];
async function connected(settings: BackendSettings): Promise<Connection> {
  const connection = await connect(settings);
  open.push(connection);
  return connection;
}

afterEach(async () => {
  jest.restoreAllMocks();
  await Promise.all(open.splice(0).map((c) => c.close()));
});

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const localSettings = (stateDir: string, extra: Partial<BackendSettings> = {}): BackendSettings => ({
  kind: "local",
  stateDir,
  accessGrantedRegions: [],
  ...extra,
});

const gallery = (galleryName: string): GalleryRef => ({ resourceGroupName: "rg", galleryName });

/** The error a promise rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

describe("local backend: an embedded emulator per provider process", () => {
  test("starts on an ephemeral loopback port with its database in a new stateDir; gallery put, get and delete work", async () => {
    // As on a project's first `pulumi up`: the state folder does not exist yet.
    const stateDir = path.join(tempDir("cg-local-"), ".compute-gallery");
    const started = jest.spyOn(emulatorModule, "startEmulator");
    const connection = await connected(localSettings(stateDir));

    expect(started).toHaveBeenCalledTimes(1);
    const emulator = await (started.mock.results[0]?.value as Promise<RunningEmulator>);
    expect(emulator.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.port).toBeGreaterThan(0);
    expect(emulator.endpoint).toBe(`https://127.0.0.1:${emulator.port}`);
    expect(emulator.stateDir).toBe(stateDir);
    expect(fs.existsSync(path.join(stateDir, DATABASE_FILE))).toBe(true);
    expect(fs.existsSync(path.join(stateDir, CERT_FILE))).toBe(true);
    expect(connection.subscriptionId).toBe(emulator.subscriptionId);

    const ref = gallery("galleryLocal");
    expect(await connection.api.getGallery(ref)).toBeUndefined();
    const put = await connection.api.putGallery(ref, { location: "westeurope", description: "first" });
    expect(put).toMatchObject({ name: "galleryLocal", location: "westeurope", description: "first" });
    expect(await connection.api.getGallery(ref)).toMatchObject({
      id: `/subscriptions/${connection.subscriptionId}/resourceGroups/rg/providers/Microsoft.Compute/galleries/galleryLocal`,
      description: "first",
      provisioningState: "Succeeded",
    });
    await connection.api.deleteGallery(ref);
    expect(await connection.api.getGallery(ref)).toBeUndefined();
  });

  test("two provider processes at once get different ports and separate state", async () => {
    const a = await connected(localSettings(tempDir("cg-local-a-")));
    const b = await connected(localSettings(tempDir("cg-local-b-")));
    await a.api.putGallery(gallery("onlyInA"), { location: "westeurope" });
    expect(await a.api.getGallery(gallery("onlyInA"))).toMatchObject({ name: "onlyInA" });
    expect(await b.api.getGallery(gallery("onlyInA"))).toBeUndefined();
  });

  test("a second connect on the same stateDir after close() sees what the first one wrote", async () => {
    const stateDir = tempDir("cg-local-persist-");
    const started = jest.spyOn(emulatorModule, "startEmulator");
    const first = await connect(localSettings(stateDir));
    try {
      await first.api.putGallery(gallery("kept"), { location: "westeurope", description: "from run 1" });
    } finally {
      await first.close();
    }
    // The first embedded emulator is really gone, as when its provider process exits.
    const firstEmulator = await (started.mock.results[0]?.value as Promise<RunningEmulator>);
    await expect(request(firstEmulator, "GET", "/")).rejects.toMatchObject({ code: "ECONNREFUSED" });

    const second = await connected(localSettings(stateDir));
    expect(await second.api.getGallery(gallery("kept"))).toMatchObject({
      name: "kept",
      description: "from run 1",
    });
  });
});

describe("emulator backend: a separately started emulator", () => {
  let emu: RunningEmulator;
  let certificatePath: string;

  beforeAll(async () => {
    const stateDir = tempDir("cg-external-");
    emu = await startEmulator({ stateDir, port: 0 });
    certificatePath = path.join(stateDir, CERT_FILE);
  });

  afterAll(async () => {
    await emu.stop();
  });

  const emulatorSettings = (extra: Partial<BackendSettings> = {}): BackendSettings => ({
    kind: "emulator",
    emulatorEndpoint: emu.endpoint,
    emulatorCertificatePath: certificatePath,
    accessGrantedRegions: [],
    stateDir: "unused",
    ...extra,
  });

  test("the emulator wrote the certificate clients are told to trust into its state dir", () => {
    expect(emu.certificatePath).toBe(certificatePath);
    expect(fs.readFileSync(certificatePath, "utf8")).toBe(emu.certificatePem);
  });

  test("with its default credentials a gallery can be created and read", async () => {
    const connection = await connected(emulatorSettings());
    expect(connection.subscriptionId).toBe(emu.subscriptionId);
    await connection.api.putGallery(gallery("external"), {
      location: "westus2",
      description: "via emulator",
    });
    expect(await connection.api.getGallery(gallery("external"))).toMatchObject({
      name: "external",
      location: "westus2",
      description: "via emulator",
    });
  });

  test("a wrong client secret fails without the secret appearing in the error", async () => {
    const secret = "not-the-emulator-secret-7f3a9c";
    const connection = await connected(emulatorSettings({ emulatorClientSecret: secret }));
    const error = await rejection(connection.api.putGallery(gallery("refused"), { location: "westus2" }));
    expect(error.message).toMatch(/refused the client credentials: invalid_client/);
    expect(error.message).not.toContain(secret);
    expect(String(error.stack)).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);

    const good = await connected(emulatorSettings());
    expect(await good.api.getGallery(gallery("refused"))).toBeUndefined();
  });

  test("another emulator's certificate fails the TLS connection: nothing else is trusted", async () => {
    const otherDir = tempDir("cg-other-cert-");
    const other = await loadOrCreateTls(otherDir);
    const otherCertificatePath = path.join(otherDir, CERT_FILE);
    expect(other.certificatePath).toBe(otherCertificatePath);
    expect(other.cert).not.toBe(emu.certificatePem);

    const connection = await connected(emulatorSettings({ emulatorCertificatePath: otherCertificatePath }));
    const error = await rejection(connection.api.putGallery(gallery("untrusted"), { location: "westus2" }));
    expect(error.message).toMatch(/certificate/i);

    const good = await connected(emulatorSettings());
    expect(await good.api.getGallery(gallery("untrusted"))).toBeUndefined();
  });
});

describe("image versions through connection.api", () => {
  test("putVersion reports replication in progress, then the version reads back Completed", async () => {
    const stateDir = tempDir("cg-version-");
    const seedFile = path.join(tempDir("cg-seed-"), "seed.json");
    fs.writeFileSync(
      seedFile,
      JSON.stringify({
        sources: [{ id: SOURCE, location: "westeurope", osDiskSizeGB: 30, kind: "managedImage" }],
      }),
    );
    // 30 GB x 2 replicas at 20 GB/s: about 3 s of replication, polled every 500 ms.
    const connection = await connected(localSettings(stateDir, { seedFile, replicationSpeed: 20 }));
    const image: ImageRef = { ...gallery("versions"), galleryImageName: "ubuntu" };
    const version: VersionRef = { ...image, galleryImageVersionName: "1.0.0" };
    await putGalleryAndImage(connection.api, image);

    const progress: JsonObject[] = [];
    const created = await connection.api.putVersion(
      version,
      {
        location: "westeurope",
        storageProfile: { source: { id: SOURCE } },
        publishingProfile: {
          replicaCount: 2,
          targetRegions: [{ name: "westeurope", regionalReplicaCount: 2 }],
        },
      },
      { onProgress: async (current) => void progress.push(current) },
    );
    expect(created).toMatchObject({ name: "1.0.0", provisioningState: "Succeeded" });

    const states = progress.map(
      (p) => (p.replicationStatus as { aggregatedState?: string } | undefined)?.aggregatedState,
    );
    expect(states).toContain("InProgress");
    const inProgress = progress.find(
      (p) => (p.replicationStatus as { aggregatedState?: string }).aggregatedState === "InProgress",
    );
    expect(inProgress).toMatchObject({
      name: "1.0.0",
      replicationStatus: { summary: [{ region: "West Europe", state: "Replicating" }] },
    });

    expect(await connection.api.getVersion(version, { replicationStatus: true })).toMatchObject({
      provisioningState: "Succeeded",
      storageProfile: { osDiskImage: { sizeInGB: 30 } },
      replicationStatus: {
        aggregatedState: "Completed",
        summary: [{ region: "West Europe", state: "Completed", progress: 100 }],
      },
    });
  });
});
