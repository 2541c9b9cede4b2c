// Public entry point of the emulator: startEmulator() and the types the provider and tests use.
import type { Server } from "node:https";
import { TokenService } from "./auth";
import type { Limits } from "./rules/limits";
import { resolveOptions, type EmulatorOptions } from "./options";
import { readSeed } from "./seed";
import { listen } from "./server";
import type { Service } from "./service";
import { validateSource } from "./sources";
import { SqliteStore } from "./store/sqlite";
import { loadOrCreateTls } from "./tls";
import {
  addFaultRule,
  clearFaults,
  readFaultState,
  setFaultRules,
  type FaultRule,
  type StoredFaultRule,
} from "./faults";
import { checkFaultRule, checkFaultRules } from "./faultSyntax";

export type { EmulatorIdentity, EmulatorOptions } from "./options";
export { DEFAULT_IDENTITY, DEFAULT_REPLICATION_SPEED_GBPS, DEFAULT_VERSION_DELETE_MS } from "./options";
export type { Limits } from "./rules/limits";
export { DEFAULT_LIMITS } from "./rules/limits";
export { SUPPORTED_API_VERSIONS } from "./apiVersions";
export { REGIONS, findRegion, type Region } from "./rules/regions";
export type { FaultRule, FaultEffect, FaultMatch, StoredFaultRule } from "./faults";
export { parseFaultRules } from "./faultSyntax";

export interface SourceRegistration {
  id: string;
  location: string;
  osDiskSizeGB: number;
  dataDisks?: { lun: number; sizeGB: number }[];
  kind?: string;
}

export interface RunningEmulator {
  /** "https://127.0.0.1:<port>": the ARM endpoint and the authority host. */
  endpoint: string;
  port: number;
  subscriptionId: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The self-signed certificate clients must trust. */
  certificatePem: string;
  /** Where it is stored (undefined in memory mode). */
  certificatePath: string | undefined;
  stateDir: string | undefined;
  registerSource(source: SourceRegistration): void;
  /** Replication to `region` started from now on ends Failed (the operation fails with `code`). */
  injectReplicationFault(region: string, fault?: { code?: string; message?: string }): void;
  /** Adds a fault rule after the existing ones (an object, or the one-line syntax). */
  addFault(rule: FaultRule | string): void;
  /** Replaces every fault rule, and the seed of their draws when given. */
  setFaults(rules: (FaultRule | string)[], seed?: number): void;
  /** The rules in force, with how often each applied. */
  faults(): StoredFaultRule[];
  clearFaults(): void;
  stop(): Promise<void>;
}

export type { Limits as EmulatorLimits };

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const opts = resolveOptions(options);
  const store = new SqliteStore(opts.stateDir);
  try {
    const tls = await loadOrCreateTls(opts.stateDir);
    const svc: Service = {
      opts,
      store,
      tokens: new TokenService(store, opts, opts.identities),
      endpoint: "",
      clock: () => Date.now(),
    };
    if (opts.faults !== undefined || opts.faultSeed !== undefined) {
      const { faults = readFaultState(store).rules, faultSeed } = opts;
      store.transaction(() => setFaultRules(store, faults, faultSeed));
    }
    if (opts.seedFile) {
      const sources = readSeed(opts.seedFile);
      store.transaction(() => sources.forEach((s) => store.putSource(s)));
    }
    const server: Server = await listen(svc, tls);
    const port = Number(new URL(svc.endpoint).port);
    let stopped = false;
    return {
      endpoint: svc.endpoint,
      port,
      subscriptionId: opts.subscriptionId,
      tenantId: opts.tenantId,
      clientId: opts.clientId,
      clientSecret: opts.clientSecret,
      certificatePem: tls.cert,
      certificatePath: tls.certificatePath,
      stateDir: opts.stateDir,
      registerSource(source) {
        const s = validateSource(source);
        store.transaction(() => store.putSource(s));
      },
      injectReplicationFault(region, fault = {}) {
        const rule = checkFaultRule({ match: { region }, effect: { kind: "replicationFailed", ...fault } });
        store.transaction(() => addFaultRule(store, rule));
      },
      addFault(rule) {
        const rules = checkFaultRules([rule]);
        store.transaction(() => rules.forEach((r) => addFaultRule(store, r)));
      },
      setFaults(rules, seed) {
        const checked = checkFaultRules(rules);
        store.transaction(() => setFaultRules(store, checked, seed));
      },
      faults: () => readFaultState(store).rules,
      clearFaults() {
        store.transaction(() => clearFaults(store));
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        store.close();
      },
    };
  } catch (e) {
    store.close();
    throw e;
  }
}
