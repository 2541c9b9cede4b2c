// The emulator in a process of its own (the compiled `compute-gallery emulator` command), for the
// benchmarks that load it: its clients then neither share its event loop nor count in its memory,
// which is read from the kernel for that process alone.
import * as fs from "fs";
import * as path from "path";
import { spawn } from "child_process";
import { DEFAULT_IDENTITY } from "../emulator/options";
import { CERT_FILE } from "../emulator/tls";
import type { EmulatorAddress } from "./emulatorClient";

export interface EmulatorProcess extends EmulatorAddress {
  /** Resident and peak resident memory of the emulator's process, in MB (Linux /proc). */
  memoryMB(): { resident: number; peak: number };
  stop(): Promise<void>;
}

const CLI = path.resolve(__dirname, "..", "dist", "emulator", "cli.js");

function statusMB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kB = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  return Math.round(kB / 1024);
}

export async function startEmulatorProcess(options: {
  stateDir: string;
  replicationSpeedGBps: number;
  retryAfterSeconds?: number;
  seedFile: string;
}): Promise<EmulatorProcess> {
  const args = [
    CLI,
    "emulator",
    "--port=0",
    `--state-dir=${options.stateDir}`,
    `--replication-speed=${options.replicationSpeedGBps}`,
    `--seed=${options.seedFile}`,
    "--resource-groups=implicit",
    "--quiet",
    ...(options.retryAfterSeconds === undefined ? [] : [`--retry-after=${options.retryAfterSeconds}`]),
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const found = /AZURE_RESOURCE_MANAGER_ENDPOINT=(\S+)/.exec(out);
      if (found) resolve(found[1]!);
    });
    child.once("exit", (code) =>
      reject(new Error(`the emulator exited (${code}) before it listened:\n${out}`)),
    );
  });
  child.stdout.resume();
  return {
    endpoint,
    certificatePem: fs.readFileSync(path.join(options.stateDir, CERT_FILE), "utf8"),
    subscriptionId: DEFAULT_IDENTITY.subscriptionId,
    tenantId: DEFAULT_IDENTITY.tenantId,
    clientId: DEFAULT_IDENTITY.clientId,
    clientSecret: DEFAULT_IDENTITY.clientSecret,
    memoryMB: () => ({ resident: statusMB(child.pid!, "VmRSS"), peak: statusMB(child.pid!, "VmHWM") }),
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
