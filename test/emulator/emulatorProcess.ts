// The emulator's command line run as a separate process on a state directory, so that a test can
// kill it (SIGKILL: no shutdown code runs) or run two of them on one directory. Reached with the
// helpers of client.ts, which need what `RunningEmulator` describes of a reachable emulator.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_IDENTITY } from "../../emulator";
import type { ReachableEmulator } from "./client";
import { CERT_FILE } from "../../emulator/tls";

const ROOT = path.join(__dirname, "..", "..");
const CLI = path.join(ROOT, "emulator", "cli.ts");
const COMPILED_CLI = path.join(ROOT, "dist", "emulator", "cli.js");

export interface EmulatorProcess {
  /** What client.ts needs to reach it, and how to stop it. */
  emulator: ReachableEmulator & {
    port: number;
    subscriptionId: string;
    certificatePath: string;
    stateDir: string;
    stop(): Promise<void>;
  };
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/**
 * Starts `compute-gallery emulator --state-dir <dir> --port 0 ...args` and waits for its banner. From
 * the TypeScript source by default; `compiled` runs the build in dist/ as users do (the benchmarks).
 */
export function startEmulatorProcess(
  stateDir: string,
  args: string[] = [],
  options: { compiled?: boolean } = {},
): Promise<EmulatorProcess> {
  const entry = options.compiled ? [COMPILED_CLI] : ["-r", "ts-node/register/transpile-only", CLI];
  const child = spawn(
    process.execPath,
    [...entry, "emulator", "--state-dir", stateDir, "--port", "0", "--quiet", ...args],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let printed = "";
    const take = (chunk: Buffer) => {
      printed += chunk.toString();
      const endpoint = /listening on (https:\/\/127\.0\.0\.1:(\d+))/.exec(printed);
      if (!endpoint) return;
      child.stdout!.off("data", take);
      const certificatePath = path.join(stateDir, CERT_FILE);
      resolve({
        child,
        exited,
        emulator: {
          ...DEFAULT_IDENTITY,
          endpoint: endpoint[1]!,
          port: Number(endpoint[2]),
          certificatePem: fs.readFileSync(certificatePath, "utf8"),
          certificatePath,
          stateDir,
          stop: async () => {
            child.kill("SIGTERM");
            await exited;
          },
        },
      });
    };
    child.stdout!.on("data", take);
    child.stderr!.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    void exited.then(() => reject(new Error(`the emulator exited before it listened:\n${printed}`)));
  });
}
