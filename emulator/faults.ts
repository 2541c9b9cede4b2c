// Injected replication failures, kept in the store so they survive a restart: replication to a faulted
// region that starts after the fault is set ends Failed with the fault's code and message.
import type { Region } from "./rules/regions";
import type { Store } from "./store/store";

export interface Fault {
  code: string;
  message: string;
}

/** Faults by normalised region name. */
export type Faults = Record<string, Fault>;

const FAULTS_META = "replicationFaults";

export function readFaults(store: Store): Faults {
  const raw = store.getMeta(FAULTS_META);
  return raw ? (JSON.parse(raw) as Faults) : {};
}

/** Sets the fault for one region, filling the code and message Azure would report when not given. */
export function injectFault(store: Store, region: Region, fault: Partial<Fault> = {}): Faults {
  const all = readFaults(store);
  all[region.name] = {
    code: fault.code ?? "ReplicationFailed",
    message: fault.message ?? `Replication to region '${region.displayName}' failed.`,
  };
  store.setMeta(FAULTS_META, JSON.stringify(all));
  return all;
}

export function clearFaults(store: Store): void {
  store.setMeta(FAULTS_META, "{}");
}
