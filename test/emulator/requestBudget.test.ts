// What the provider's client sends for one long-running write, read from the emulator's request
// log. ARM's rules (the async-operations guidance): poll the operation only once Retry-After has
// passed, and a completed operation is the answer, so no read is needed to learn that a deleted
// resource is gone. The progress shown while a version replicates may cost one read per poll.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { connect, type Connection } from "../../provider/azure/connect";
import type { ImageRef, VersionRef } from "../../provider/azure/galleryApi";
import { IMAGE_SOURCE as SOURCE, putGalleryAndImage, writeImageSeed } from "./parents";

jest.setTimeout(30_000);

const image: ImageRef = { resourceGroupName: "rg", galleryName: "budget", galleryImageName: "ubuntu" };
const version: VersionRef = { ...image, galleryImageVersionName: "1.0.0" };

let stateDir: string;
let emulator: RunningEmulator;
let connection: Connection;
/** Request lines with the time they were logged (ms since the test started). */
let log: { at: number; method: string; path: string }[];

beforeEach(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-budget-"));
  const seedFile = writeImageSeed(stateDir);
  log = [];
  const started = Date.now();
  // 30 GB at 10 GB/s: 3 s of replication per region; Retry-After 1 s.
  emulator = await startEmulator({
    stateDir,
    seedFile,
    replicationSpeedGBps: 10,
    retryAfterSeconds: 1,
    log: (line) => {
      const [method = "", target = ""] = line.split(" ");
      log.push({ at: Date.now() - started, method, path: target.replace(/\?.*$/, "") });
    },
  });
  connection = await connect({
    kind: "emulator",
    stateDir,
    emulatorEndpoint: emulator.endpoint,
    emulatorCertificatePath: emulator.certificatePath,
    accessGrantedRegions: [],
  });
  await putGalleryAndImage(connection.api, image);
});

afterEach(async () => {
  await connection.close();
  await emulator.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

const isPoll = (p: string) => /Operations\/[^/]+$/i.test(p);
const isVersion = (p: string) => /\/versions\/1\.0\.0$/.test(p);

test("a replicating version: polls no sooner than Retry-After, at most one progress read per poll, no read after", async () => {
  const progress: unknown[] = [];
  const from = log.length;
  const written = await connection.api.putVersion(
    version,
    {
      location: "westeurope",
      storageProfile: { source: { id: SOURCE } },
      publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 1 }] },
    },
    { onProgress: async (current) => void progress.push(current) },
  );
  const sent = log.slice(from);
  const put = sent.find((r) => r.method === "PUT")!;
  const polls = sent.filter((r) => isPoll(r.path));
  const reads = sent.filter((r) => r.method === "GET" && isVersion(r.path));

  // 3 s at Retry-After 1 s: polls at about 1, 2 and 3 s (a loaded machine may need one more).
  expect(polls.length).toBeGreaterThanOrEqual(3);
  expect(polls.length).toBeLessThanOrEqual(4);
  expect(polls[0]!.at - put.at).toBeGreaterThanOrEqual(950);
  // Progress reads only after polls that found it running, plus the SDK's final read.
  expect(reads.length).toBeLessThanOrEqual(polls.length);
  expect(progress.length).toBeGreaterThan(0);
  // The final read carries the replication status, so the outputs need no read of their own.
  expect(written).toMatchObject({ replicationStatus: { aggregatedState: "Completed" } });
});

test("deleting a version sends the delete and its polls, and no read of the version", async () => {
  await connection.api.putVersion(version, {
    location: "westeurope",
    storageProfile: { source: { id: SOURCE } },
    publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 1 }] },
  });
  const from = log.length;
  await connection.api.deleteVersion(version);
  const sent = log.slice(from);
  expect(sent.filter((r) => r.method === "DELETE")).toHaveLength(1);
  expect(sent.filter((r) => r.method === "GET" && isVersion(r.path))).toHaveLength(0);
  // The emulator's version delete takes 1 s and answers Retry-After 1 s: the first poll, 1 s later,
  // normally finds it done.
  const polls = sent.filter((r) => isPoll(r.path));
  expect(polls.length).toBeGreaterThanOrEqual(1);
  expect(polls.length).toBeLessThanOrEqual(2);
  expect(polls[0]!.at - sent[0]!.at).toBeGreaterThanOrEqual(950);
});
