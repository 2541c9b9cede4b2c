// The emulator at the service limits of the seed article: 10,000 image versions in one subscription
// and region, 1,000 of them in one definition. Seeded through HTTP (as clients would), which also
// gives the PUT timings; then GETs, list pages and 50 concurrent clients for a bounded time. Loopback
// only. The emulator runs in a process of its own, so its memory is its own and its clients do not
// share its event loop.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { memoryMB } from "./processMemory";
import {
  API,
  client,
  startLoadedEmulator,
  expectOk,
  putGalleryWithDefinitions,
  percentiles,
  type Percentiles,
} from "./emulatorClient";
import { round2 } from "./ratios";
const VERSIONS_PER_DEFINITION = 1000;
const CONCURRENT_CLIENTS = 50;
const CONCURRENT_SECONDS = 10;
/** Each client sends at most this many requests, whatever the time. */
const CONCURRENT_MAX_REQUESTS_PER_CLIENT = 2000;
const SOURCE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images/base-1";

export type { Percentiles };

export interface LimitsReport {
  versions: number;
  putMs: Percentiles;
  getMs: Percentiles;
  /** One page (100 items) of the 1,000 versions of one definition. */
  listPageMs: Percentiles;
  concurrent: { clients: number; seconds: number; requests: number; getMs: Percentiles; errors: number };
  /** The emulator process's resident memory at the end, and its peak. */
  memoryMB: { resident: number; peak: number };
  stateFileMB: number;
  seedSeconds: number;
}

/** Runs `count` jobs with at most `width` in flight. */
async function pool(count: number, width: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await job(next++);
    }),
  );
}

/** `definitions` of 1,000 versions each: 10 reach the limit per subscription and region. */
export async function measureEmulatorLimits(
  say: (line: string) => void,
  definitions = 10,
): Promise<LimitsReport> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-limits-"));
  const { emulator, child } = await startLoadedEmulator(stateDir);
  try {
    const http = await client(emulator);
    const q = `?api-version=${API}`;
    const image = await putGalleryWithDefinitions(http, emulator, "limits", definitions);
    const version = (i: number) =>
      `${image(Math.floor(i / VERSIONS_PER_DEFINITION))}/versions/1.0.${i % VERSIONS_PER_DEFINITION}`;
    const total = definitions * VERSIONS_PER_DEFINITION;
    const puts: number[] = [];
    const seedStarted = Date.now();
    await pool(total, 8, async (i) => {
      const reply = await http.send("PUT", `${version(i)}${q}`, {
        location: "westeurope",
        properties: {
          storageProfile: { source: { id: SOURCE } },
          publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 1 }] },
        },
      });
      expectOk(`version ${i}`, reply);
      puts.push(reply.ms);
      if ((i + 1) % 2000 === 0) say(`limits: ${i + 1} versions written`);
    });
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const gets: number[] = [];
    for (let k = 0; k < 1000; k++) {
      const reply = await http.send("GET", `${version((k * 7919) % total)}${q}`);
      expectOk("get", reply);
      gets.push(reply.ms);
    }
    const pages: number[] = [];
    for (let k = 0; k < Math.min(5, definitions); k++) {
      let next: string | undefined = `${image(k)}/versions${q}`;
      while (next) {
        const reply = await http.send("GET", next);
        expectOk("list", reply);
        pages.push(reply.ms);
        next = reply.body.nextLink ? String(reply.body.nextLink).slice(emulator.endpoint.length) : undefined;
      }
    }
    const concurrentGets: number[] = [];
    let errors = 0;
    const deadline = Date.now() + CONCURRENT_SECONDS * 1000;
    const concurrentStarted = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENT_CLIENTS }, async (_, c) => {
        for (let k = 0; k < CONCURRENT_MAX_REQUESTS_PER_CLIENT && Date.now() < deadline; k++) {
          const reply = await http.send("GET", `${version((c * 131 + k * 7919) % total)}${q}`);
          if (reply.status >= 300) errors++;
          concurrentGets.push(reply.ms);
        }
      }),
    );
    const concurrentSeconds = (Date.now() - concurrentStarted) / 1000;
    const stateFileBytes = fs
      .readdirSync(stateDir)
      .filter((f) => f.startsWith("emulator.db"))
      .reduce((sum, f) => sum + fs.statSync(path.join(stateDir, f)).size, 0);
    const report: LimitsReport = {
      versions: total,
      putMs: percentiles(puts),
      getMs: percentiles(gets),
      listPageMs: percentiles(pages),
      concurrent: {
        clients: CONCURRENT_CLIENTS,
        seconds: round2(concurrentSeconds),
        requests: concurrentGets.length,
        getMs: percentiles(concurrentGets),
        errors,
      },
      memoryMB: memoryMB(child.pid!),
      stateFileMB: round2(stateFileBytes / 2 ** 20),
      seedSeconds: round2(seedSeconds),
    };
    say(`limits: ${JSON.stringify(report)}`);
    return report;
  } finally {
    await emulator.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}
