// Messages from inside the dynamic-provider process to the Pulumi engine.
//
// The dynamic-provider host gives our provider functions no logger, but it is
// started with the engine's gRPC address as its first argument. Talking to
// that address is what lets a replacement warning appear in `pulumi preview`
// and replication progress appear in the progress display of `pulumi up`.
// Outside that process (unit tests, plain node), or when its arguments are not
// the host's as read here (provider/tuning.ts, outside the switch), messages go
// to stderr.

import { engineLogger, stderrLogger } from "./operations/engineLogger";
import type { Severity } from "./operations/context";

export type { Severity };

export interface EngineLog {
  log(severity: Severity, message: string, options?: { ephemeral?: boolean; urn?: string }): Promise<void>;
}

function engineAddress(): string | undefined {
  const isDynamicProviderHost = process.argv.some((a) => a.includes("dynamic-provider"));
  const address = process.argv[2];
  return isDynamicProviderHost && address && /^[\w.-]+:\d+$/.test(address) ? address : undefined;
}

function grpcEngineLog(address: string): EngineLog {
  return { log: engineLogger(address) };
}

const stderrLog: EngineLog = { log: stderrLogger };

let cached: EngineLog | undefined;

/** The logger for this process: the engine when there is one, stderr otherwise. */
export function engineLog(): EngineLog {
  if (!cached) {
    const address = engineAddress();
    cached = address ? grpcEngineLog(address) : stderrLog;
  }
  return cached;
}

/** Lets tests capture messages. */
export function setEngineLog(log: EngineLog | undefined): void {
  cached = log;
}
