// Refresh reads of many versions of one definition come from its version list (versionReads.ts):
// checked here against the emulator through the real Azure SDK. A version served from the list must
// be what its own GET with $expand=ReplicationStatus answers.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { connect, type Connection } from "../../provider/azure/connect";
import type { GalleryApi, ImageRef, VersionRef } from "../../provider/azure/galleryApi";
import { KINDS } from "../../provider/operations/kinds";
import type { JsonObject } from "../../provider/model/jsonObject";
import { LISTING_MAX_AGE_MS, LIST_AFTER_READS, readVersion } from "../../provider/operations/versionReads";
import { IMAGE_SOURCE as SOURCE, putGalleryAndImage, writeImageSeed } from "./parents";

jest.setTimeout(60_000);

const image: ImageRef = { resourceGroupName: "rg", galleryName: "reads", galleryImageName: "ubuntu" };
const COUNT = LIST_AFTER_READS + 6;
const versions: VersionRef[] = Array.from({ length: COUNT }, (_, i) => ({
  ...image,
  galleryImageVersionName: `1.0.${i}`,
}));
const body = (regions: string[]): JsonObject => ({
  location: "westeurope",
  storageProfile: { source: { id: SOURCE } },
  publishingProfile: { targetRegions: regions.map((name) => ({ name, regionalReplicaCount: 1 })) },
});

let stateDir: string;
let emulator: RunningEmulator;
/** Writes "behind the provider's back": another client of the same emulator. */
let other: Connection;
/** What each version's own GET answered after the writes: the state a refresh starts from. */
let states: JsonObject[];

const connectTo = () =>
  connect({
    kind: "emulator",
    stateDir,
    emulatorEndpoint: emulator.endpoint,
    emulatorCertificatePath: emulator.certificatePath,
    accessGrantedRegions: [],
  });

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-reads-"));
  const seedFile = writeImageSeed(stateDir);
  emulator = await startEmulator({
    stateDir,
    seedFile,
    replicationSpeedGBps: 10_000,
    retryAfterSeconds: 1,
  });
  other = await connectTo();
  await putGalleryAndImage(other.api, image);
  for (const version of versions) await other.api.putVersion(version, body(["westeurope", "eastus"]));
  states = [];
  for (const version of versions) {
    states.push((await other.api.getVersion(version, { replicationStatus: true }))!);
  }
});

afterAll(async () => {
  await other.close();
  await emulator.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

/**
 * A fresh connection (a new provider process) and the version reads it sent for `run`, counted on
 * the connection itself: the other client's requests reach the same emulator.
 */
async function requestsOf(run: (api: GalleryApi) => Promise<void>) {
  const connection = await connectTo();
  const sent = { gets: 0, lists: 0 };
  const api: GalleryApi = {
    ...connection.api,
    getVersion: (ref, options) => {
      sent.gets += 1;
      return connection.api.getVersion(ref, options);
    },
    listVersions: (ref) => {
      sent.lists += 1;
      return connection.api.listVersions(ref);
    },
  };
  try {
    await run(api);
  } finally {
    await connection.close();
  }
  return sent;
}

test("past the first reads of a definition, versions come from one list, each as its own GET answers", async () => {
  const answers: (JsonObject | undefined)[] = [];
  const sent = await requestsOf(async (api) => {
    for (const [i, version] of versions.entries()) answers.push(await readVersion(api, version, states[i]!));
  });
  expect(sent).toEqual({ gets: LIST_AFTER_READS, lists: 1 });
  expect(answers).toEqual(states);
});

test("reads at the same time share one list", async () => {
  const sent = await requestsOf(async (api) => {
    await Promise.all(versions.map((version, i) => readVersion(api, version, states[i]!)));
  });
  expect(sent).toEqual({ gets: LIST_AFTER_READS, lists: 1 });
});

test("a list older than its age limit is taken again", async () => {
  let clock = 0;
  const sent = await requestsOf(async (api) => {
    for (const [i, version] of versions.entries()) await readVersion(api, version, states[i]!, () => clock);
    clock = LISTING_MAX_AGE_MS + 1;
    await readVersion(api, versions[0]!, states[0]!, () => clock);
  });
  expect(sent).toEqual({ gets: LIST_AFTER_READS, lists: 2 });
});

test("a version whose state was not Completed, or was imported without state, gets its own GET", async () => {
  const replicating = (state: JsonObject): JsonObject => ({
    ...state,
    replicationStatus: { aggregatedState: "InProgress", summary: [] },
  });
  const sent = await requestsOf(async (api) => {
    for (const [i, version] of versions.entries()) {
      const prior =
        i % 2 === 0 ? replicating(states[i]!) : { galleryImageVersionName: version.galleryImageVersionName };
      expect(await readVersion(api, version, prior)).toEqual(states[i]);
    }
  });
  expect(sent).toEqual({ gets: COUNT, lists: 0 });
});

test("a version whose regions changed since the state, or that is gone, is read on its own", async () => {
  const changed = versions[COUNT - 1]!;
  const gone = versions[COUNT - 2]!;
  const answers = new Map<VersionRef, JsonObject | undefined>();
  const sent = await requestsOf(async (api) => {
    for (const [i, version] of versions.entries()) {
      // Behind the provider's back, before the read that lists the definition.
      if (i === LIST_AFTER_READS) {
        await other.api.putVersion(changed, body(["westeurope", "eastus", "northeurope"]));
        await other.api.deleteVersion(gone);
      }
      answers.set(version, await readVersion(api, version, states[i]!));
    }
  });
  expect(sent).toEqual({ gets: LIST_AFTER_READS + 2, lists: 1 });
  expect(answers.get(gone)).toBeUndefined();
  const summary = (answers.get(changed)!.replicationStatus as { summary: { region: string }[] }).summary;
  expect(summary).toHaveLength(3);
});

test("after this connection writes a version, its definition is listed afresh", async () => {
  const [first, second] = versions.slice(0, 2) as [VersionRef, VersionRef];
  const sent = await requestsOf(async (api) => {
    const current = [];
    for (const version of versions.slice(0, COUNT - 2))
      current.push((await api.getVersion(version, { replicationStatus: true }))!);
    for (const [i, version] of versions.slice(0, LIST_AFTER_READS + 1).entries()) {
      await readVersion(api, version, current[i]!);
    }
    // Through the operations layer, as the provider writes.
    const props = { ...first, ...body(["westeurope", "eastus"]), tags: { rewritten: "yes" } };
    await KINDS.galleryImageVersion.put(api, props, body(["westeurope", "eastus"]), {
      onProgress: async () => {},
    });
    const read = await readVersion(api, second, current[1]!);
    expect(read).toEqual(current[1]);
  });
  expect(sent.lists).toBe(2);
});
