// 50 clients at once, each creating image versions and reading versions written by any of them, for
// a bounded time, against an emulator keeping its state on disk (as the embedded one does). Every
// answer must be one Azure gives for these requests (201 for a new version, 200 for a read);
// afterwards every version whose create was acknowledged must be readable. Reports throughput and
// latency percentiles per kind of request.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  API,
  client,
  startLoadedEmulator,
  putGalleryWithDefinitions,
  percentiles,
  type Percentiles,
  type Reply,
} from "./emulatorClient";
import { round2 } from "./ratios";

const CLIENTS = 50;
const SECONDS = 10;
const DEFINITIONS = 10;
/** Each client creates at most this many versions (10 definitions x 1,000 stays under the limits). */
const MAX_WRITES_PER_CLIENT = 150;
/** Reads per write: image pipelines read far more than they publish. */
const READS_PER_WRITE = 3;
const SOURCE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images/base-1";

export interface LoadReport {
  clients: number;
  seconds: number;
  writes: number;
  reads: number;
  requestsPerSecond: number;
  writesPerSecond: number;
  putMs: Percentiles;
  getMs: Percentiles;
  /** Answers Azure would not give here ("status code" -> count); empty when there were none. */
  unexpected: Record<string, number>;
  /** Acknowledged creates that a read afterwards did not find. */
  lost: number;
}

export async function measureLoad(say: (line: string) => void): Promise<LoadReport> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-load-"));
  const { emulator } = await startLoadedEmulator(stateDir, ["--retry-after", "0"]);
  try {
    const http = await client(emulator);
    const q = `?api-version=${API}`;
    const image = await putGalleryWithDefinitions(http, emulator, "load", DEFINITIONS);
    const acknowledged: string[] = [];
    const puts: number[] = [];
    const gets: number[] = [];
    const unexpected: Record<string, number> = {};
    const judge = (reply: Reply, expected: number) => {
      if (reply.status === expected) return;
      const key = `${reply.status} ${reply.body?.error?.code ?? ""}`.trim();
      unexpected[key] = (unexpected[key] ?? 0) + 1;
    };
    const deadline = Date.now() + SECONDS * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let k = 0; k < MAX_WRITES_PER_CLIENT && Date.now() < deadline; k++) {
          const url = `${image(c % DEFINITIONS)}/versions/${c}.${k}.0`;
          const put = await http.send("PUT", `${url}${q}`, {
            location: "westeurope",
            properties: {
              storageProfile: { source: { id: SOURCE } },
              publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 1 }] },
            },
          });
          puts.push(put.ms);
          judge(put, 201);
          if (put.status === 201) acknowledged.push(url);
          for (let r = 0; r < READS_PER_WRITE; r++) {
            const any = acknowledged[Math.floor(Math.random() * acknowledged.length)]!;
            const get = await http.send("GET", `${any}${q}`);
            gets.push(get.ms);
            judge(get, 200);
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    let lost = 0;
    for (const url of acknowledged) if ((await http.send("GET", `${url}${q}`)).status !== 200) lost++;
    const report: LoadReport = {
      clients: CLIENTS,
      seconds: round2(seconds),
      writes: puts.length,
      reads: gets.length,
      requestsPerSecond: round2((puts.length + gets.length) / seconds),
      writesPerSecond: round2(puts.length / seconds),
      putMs: percentiles(puts),
      getMs: percentiles(gets),
      unexpected,
      lost,
    };
    say(`load: ${JSON.stringify(report)}`);
    return report;
  } finally {
    await emulator.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}
