// The worker-thread side of thread.ts: starts the emulator with the options it was given, reports
// how to reach it, and on any message closes the server and the database, which ends the thread.
import { parentPort, workerData } from "worker_threads";
import { startEmulator } from "./index";
import type { EmulatorOptions } from "./options";
import type { ThreadReport } from "./thread";

const port = parentPort!;
const send = (report: ThreadReport) => port.postMessage(report);

startEmulator(workerData as EmulatorOptions).then(
  (emulator) => {
    const { endpoint, subscriptionId, tenantId, clientId, clientSecret, certificatePem } = emulator;
    send({
      started: {
        endpoint,
        port: emulator.port,
        subscriptionId,
        tenantId,
        clientId,
        clientSecret,
        certificatePem,
      },
    });
    port.once("message", () => {
      // The caller waits for this thread to end: it ends even if closing fails, saying why.
      void emulator
        .stop()
        .catch((error: unknown) =>
          process.stderr.write(`compute-gallery emulator thread: stopping failed: ${String(error)}\n`),
        )
        .then(() => port.close());
    });
  },
  (error: unknown) => {
    const { message, code } = error as { message?: string; code?: unknown };
    send({ failed: { message: message ?? String(error), ...(typeof code === "string" ? { code } : {}) } });
    port.close();
  },
);
