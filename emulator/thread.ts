// The emulator on a worker thread of the calling process. The embedded backend used to serve its
// requests on the provider's own event loop, so TLS, HTTP, SQLite and the replication model took
// turns with the provider that sent the requests; on a thread of its own that work runs on another
// core, in parallel (bench/: N versions created, read, deleted).
//
// A worker runs JavaScript only: from the compiled package (dist/) the emulator goes to a thread;
// loaded from TypeScript source (jest, ts-node) it starts in the calling thread, as before.
import * as path from "path";
import { Worker } from "worker_threads";
import type { RunningEmulator } from "./index";
import type { EmulatorOptions } from "./options";

/** What a client needs to reach the emulator, and how to stop it. */
export type EmulatorEndpoint = Pick<
  RunningEmulator,
  | "endpoint"
  | "port"
  | "subscriptionId"
  | "tenantId"
  | "clientId"
  | "clientSecret"
  | "certificatePem"
  | "stop"
>;

/** The messages of threadMain.ts: the first says how it started; "stopped" answers "stop". */
export type ThreadReport =
  { started: Omit<EmulatorEndpoint, "stop"> } | { failed: { message: string; code?: string } } | "stopped";

const ENTRY = path.join(__dirname, "threadMain.js");

/** Only plain data crosses to the thread: options that hold functions or class instances stay home. */
function crossesToThread(options: EmulatorOptions): boolean {
  try {
    structuredClone(options);
    return true;
  } catch {
    return false;
  }
}

export async function startEmulatorThread(options: EmulatorOptions): Promise<EmulatorEndpoint> {
  if (__filename.endsWith(".ts") || !crossesToThread(options)) {
    // Loaded here only: on the thread path this thread never loads the server, SQLite or the model.
    return (require("./index") as typeof import("./index")).startEmulator(options);
  }
  const worker = new Worker(ENTRY, { workerData: options });
  const report = await new Promise<ThreadReport>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) =>
      reject(new Error(`the emulator thread exited (${code}) before it started`)),
    );
  });
  worker.removeAllListeners();
  if (report === "stopped") throw new Error("the emulator thread stopped before it started");
  if ("failed" in report) {
    await worker.terminate();
    throw Object.assign(
      new Error(report.failed.message),
      report.failed.code ? { code: report.failed.code } : {},
    );
  }
  // A crash after start must not take the provider down with an unhandled 'error' event: requests
  // then fail to connect, and the provider reports them as any unreachable endpoint.
  worker.on("error", (error) => process.stderr.write(`compute-gallery emulator thread: ${String(error)}\n`));
  let stopping: Promise<void> | undefined;
  return {
    ...report.started,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        worker.once("exit", () => resolve());
        worker.postMessage("stop");
      })),
  };
}
