// The emulator on a worker thread of the calling process, so that its TLS, HTTP, SQLite and replication
// model run on another core in parallel with the provider that sends it requests, rather than taking
// turns with the provider on one event loop (bench/ measures it: versions created, read, deleted).
//
// A worker runs JavaScript only: from the compiled package (dist/) the emulator goes to a thread;
// loaded from TypeScript source (jest, ts-node) it starts in the calling thread.
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

/** What threadMain.ts reports once, when the emulator has started or failed to. */
export type ThreadReport =
  { started: Omit<EmulatorEndpoint, "stop"> } | { failed: { message: string; code?: string } };

const ENTRY = path.join(__dirname, "threadMain.js");

export async function startEmulatorThread(options: EmulatorOptions): Promise<EmulatorEndpoint> {
  if (__filename.endsWith(".ts")) {
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
      // The thread ends once the emulator has closed its server and database.
      (stopping ??= new Promise<void>((resolve) => {
        worker.once("exit", () => resolve());
        worker.postMessage("stop");
      })),
  };
}
