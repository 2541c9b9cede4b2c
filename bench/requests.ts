// Requests per operation, counted from the emulator's request log, and how long after replication
// completes the provider returns. The provider's lifecycle (runtime.ts) runs in this process against
// an emulator started here, so every request it sends is in the log and nothing else is.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "../emulator";
import { connect } from "../provider/azure/connect";
import { setEngineLog } from "../provider/engineLog";
import { implementations, useConnection } from "../provider/runtime";
import type { ResourceKind } from "../provider/shim";

/** The source of seed.json: 30 GB, so replication takes 30 / speed seconds per region. */
const SOURCE_GB = 30;
const SOURCE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images/base-1";

export interface OperationCount {
  resource: ResourceKind;
  /** "delete again": a second version of the same gallery, whose soft-delete policy is known by then. */
  operation: "create" | "update" | "delete" | "delete again";
  /** Requests by kind: write (PUT/PATCH/DELETE), poll (operation status), read (GET of the resource), token. */
  counts: { write: number; poll: number; read: number; token: number };
  /** The minimum: one write, the polls Retry-After allows, one final read after a write, one progress read per running poll. */
  minimum: number;
  seconds: number;
  requests: string[];
}

export interface RequestReport {
  retryAfterSeconds: number;
  replicationSeconds: number;
  operations: OperationCount[];
  /** Seconds between replication completing in the emulator and create returning, per T. */
  waiting: { replicationSeconds: number; returnedAfterSeconds: number }[];
}

function classify(line: string): keyof OperationCount["counts"] {
  const [method, target] = line.split(" ");
  if (/\/oauth2\/|openid|discovery|instance/.test(target ?? "")) return "token";
  if (method !== "GET") return "write";
  return /operations\/[^/]+$/i.test(target ?? "") ? "poll" : "read";
}

// The gallery resources; role assignments make no long-running requests worth measuring.
const inputs: Record<Exclude<ResourceKind, "galleryRoleAssignment">, Record<string, unknown>> = {
  gallery: { resourceGroupName: "rg-req", galleryName: "reqGallery", location: "westeurope" },
  galleryImage: {
    resourceGroupName: "rg-req",
    galleryName: "reqGallery",
    galleryImageName: "req-image",
    location: "westeurope",
    osType: "Linux",
    osState: "Generalized",
    hyperVGeneration: "V2",
    identifier: { publisher: "Contoso", offer: "Req", sku: "linux" },
  },
  galleryImageVersion: {
    resourceGroupName: "rg-req",
    galleryName: "reqGallery",
    galleryImageName: "req-image",
    galleryImageVersionName: "1.0.0",
    location: "westeurope",
    storageProfile: { source: { id: SOURCE } },
    publishingProfile: {
      targetRegions: [
        { name: "westeurope", regionalReplicaCount: 1 },
        { name: "eastus", regionalReplicaCount: 1 },
      ],
    },
  },
};

/** Runs the provider against an emulator where replication takes `replicationSeconds`. */
async function withProvider<T>(
  replicationSeconds: number,
  retryAfterSeconds: number,
  fn: (log: string[]) => Promise<T>,
): Promise<T> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-requests-"));
  const log: string[] = [];
  const emulator = await startEmulator({
    stateDir,
    retryAfterSeconds,
    replicationSpeedGBps: SOURCE_GB / replicationSeconds,
    seedFile: path.join(__dirname, "seed.json"),
    log: (line) => log.push(line),
  });
  const connection = await connect({
    kind: "emulator",
    stateDir,
    emulatorEndpoint: emulator.endpoint,
    emulatorCertificatePath: emulator.certificatePath,
    accessGrantedRegions: [],
  });
  useConnection(connection);
  setEngineLog({ log: async () => undefined });
  try {
    return await fn(log);
  } finally {
    useConnection(undefined);
    setEngineLog(undefined);
    await connection.close();
    await emulator.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

async function checked(
  kind: ResourceKind,
  news: Record<string, unknown>,
  olds: Record<string, unknown> = {},
) {
  const result = await implementations[kind].check!(olds, news);
  if (result.failures?.length) throw new Error(`bench inputs fail check: ${JSON.stringify(result.failures)}`);
  return result.inputs as Record<string, unknown>;
}

export async function measureRequests(say: (line: string) => void): Promise<RequestReport> {
  const retryAfterSeconds = 1;
  const replicationSeconds = 5;
  const operations: OperationCount[] = [];
  await withProvider(replicationSeconds, retryAfterSeconds, async (log) => {
    const outputs: Partial<Record<ResourceKind, Record<string, unknown>>> = {};
    const ids: Partial<Record<ResourceKind, string>> = {};
    const measure = async (
      resource: ResourceKind,
      operation: OperationCount["operation"],
      run: () => Promise<void>,
    ) => {
      // The token is fetched once per process: take it before counting.
      const from = log.length;
      const started = Date.now();
      await run();
      const seconds = (Date.now() - started) / 1000;
      const requests = log.slice(from).map((l) => l.replace(/\?api-version=[^ ]*/, ""));
      const counts = { write: 0, poll: 0, read: 0, token: 0 };
      for (const line of requests) counts[classify(line)]++;
      // Polls spaced by Retry-After over the time the operation took (at least one), a final read
      // after a write (a delete has none), and for versions one progress read per poll that found
      // replication still running.
      const polls = Math.max(1, Math.round(seconds / retryAfterSeconds));
      const isWrite = operation === "create" || operation === "update";
      const progressReads = resource === "galleryImageVersion" && isWrite ? polls - 1 : 0;
      const minimum = 1 + polls + (isWrite ? 1 : 0) + progressReads;
      operations.push({ resource, operation, counts, minimum, seconds, requests });
      say(
        `requests ${resource} ${operation}: ${requests.length - counts.token} (write ${counts.write}, poll ${counts.poll}, read ${counts.read}) vs minimum ${minimum}, ${seconds.toFixed(1)} s`,
      );
    };
    for (const kind of ["gallery", "galleryImage", "galleryImageVersion"] as const) {
      const news = await checked(kind, inputs[kind]);
      await measure(kind, "create", async () => {
        const result = await implementations[kind].create!(news);
        outputs[kind] = result.outs;
        ids[kind] = result.id;
      });
    }
    for (const kind of ["gallery", "galleryImage", "galleryImageVersion"] as const) {
      const olds = outputs[kind]!;
      const news = await checked(kind, { ...inputs[kind], tags: { revision: "2" } }, olds);
      await measure(kind, "update", async () => {
        outputs[kind] = (await implementations[kind].update!(ids[kind]!, olds, news)).outs;
      });
    }
    // A second version, so that the deletes show the first of a gallery and the next one apart.
    const second = await implementations.galleryImageVersion.create!(
      await checked("galleryImageVersion", {
        ...inputs.galleryImageVersion,
        galleryImageVersionName: "1.0.1",
      }),
    );
    for (const kind of ["galleryImageVersion", "galleryImage", "gallery"] as const) {
      await measure(kind, "delete", () => implementations[kind].delete!(ids[kind]!, outputs[kind]!));
      if (kind === "galleryImageVersion")
        await measure(kind, "delete again", () => implementations[kind].delete!(second.id, second.outs));
    }
  });
  const waiting: RequestReport["waiting"] = [];
  for (const t of [2, 10]) {
    await withProvider(t, retryAfterSeconds, async () => {
      const kinds = ["gallery", "galleryImage"] as const;
      for (const kind of kinds) await implementations[kind].create!(await checked(kind, inputs[kind]));
      const news = await checked("galleryImageVersion", inputs.galleryImageVersion);
      const started = Date.now();
      await implementations.galleryImageVersion.create!(news);
      // Both regions start with the PUT and replicate in parallel: done T seconds after it.
      const after = (Date.now() - started) / 1000 - t;
      waiting.push({ replicationSeconds: t, returnedAfterSeconds: after });
      say(`waiting: replication ${t} s, create returned ${after.toFixed(2)} s after it completed`);
    });
  }
  return { retryAfterSeconds, replicationSeconds, operations, waiting };
}
