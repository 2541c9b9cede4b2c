// Long-running operations. An operation's status is derived on read: fixed-duration operations from their
// end time, image-version create/update from the replication of the regions they wait for.
import { randomUUID } from "node:crypto";
import type { Kind, OperationKind, OperationRecord, ResourceRecord } from "./model";
import { regionStatus } from "./replication";
import { replicatedSizeGB } from "./resource/replicatedSize";
import type { Store } from "./store/store";
import { findRegion } from "./rules/regions";

export type OperationStatus = "InProgress" | "Succeeded" | "Failed";

export interface OperationView {
  status: OperationStatus;
  startTime: number;
  endTime?: number;
  /** While in progress: when the work is due to end (Infinity for work that never ends by itself). */
  dueTime?: number;
  failure?: { code: string; message: string };
}

export function newOperation(
  kind: OperationKind,
  resource: Pick<ResourceRecord, "key" | "kind" | "name">,
  apiVersion: string,
  now: number,
  timing: { endTime: number } | { waitsForRegions: string[] },
): OperationRecord {
  return {
    id: randomUUID(),
    kind,
    resourceKey: resource.key,
    resourceKind: resource.kind as Kind,
    resourceName: resource.name,
    apiVersion,
    startTime: now,
    ...timing,
  };
}

/** When the operation ends and whether it fails, judged from the resource as it is now. */
function outcome(
  op: OperationRecord,
  resource: ResourceRecord | undefined,
  speedGBps: number,
  now: number,
): { endTime: number; failure?: { code: string; message: string } } {
  if (op.settled) return op.settled;
  if (op.endTime !== undefined) return { endTime: op.endTime };
  if (!resource || !resource.replication) return { endTime: op.startTime };
  const size = replicatedSizeGB(resource);
  let endTime = op.startTime;
  let failure: { code: string; message: string } | undefined;
  for (const name of op.waitsForRegions ?? []) {
    const r = resource.replication.find((x) => x.region === name);
    if (!r) continue;
    const s = regionStatus(r, size, speedGBps, now);
    endTime = Math.max(endTime, s.completesAt);
    if (r.failure && !failure) failure = r.failure;
  }
  return failure ? { endTime, failure } : { endTime };
}

export function viewOperation(
  op: OperationRecord,
  store: Store,
  speedGBps: number,
  now: number,
): OperationView {
  const o = outcome(op, store.getResource(op.resourceKey), speedGBps, now);
  if (now < o.endTime) return { status: "InProgress", startTime: op.startTime, dueTime: o.endTime };
  return o.failure
    ? { status: "Failed", startTime: op.startTime, endTime: o.endTime, failure: o.failure }
    : { status: "Succeeded", startTime: op.startTime, endTime: o.endTime };
}

/**
 * Freezes an operation's outcome before its resource changes under it (a new update or a delete), so a
 * client still polling the old operation gets a stable answer.
 */
export function settleOperation(store: Store, opId: string, speedGBps: number, now: number): void {
  const op = store.getOperation(opId);
  if (!op || op.settled || op.endTime !== undefined) return;
  const o = outcome(op, store.getResource(op.resourceKey), speedGBps, now);
  store.putOperation({ ...op, settled: o });
}

/** The region spelling used in capsOperations URLs. */
export function operationsRegionToken(region: string): string {
  return findRegion(region)?.operationsToken ?? region;
}

/**
 * Makes an accepted write's operation end Failed (an injected fault): the resource stays as written,
 * its provisioningState turns Failed, and the poller gets `failure`.
 */
export function failOperation(
  store: Store,
  opId: string,
  now: number,
  failure: { code: string; message: string },
): void {
  const op = store.getOperation(opId);
  if (!op) return;
  store.putOperation({ ...op, settled: { endTime: op.endTime ?? now, failure } });
}
