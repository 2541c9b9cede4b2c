// Which resources exist now, and in what provisioning state. A delete completes at a time recorded on the
// resource; a create or update completes when its operation does.
import { viewOperation } from "./lro";
import type { ResourceRecord } from "./model";
import type { Service } from "./service";

/** A resource whose delete has finished is gone; it is purged the first time anyone looks. */
function purgedIfGone(svc: Service, r: ResourceRecord, now: number): ResourceRecord | undefined {
  if (r.deleting && now >= r.deleting.completesAt) {
    svc.store.deleteResource(r.key);
    return undefined;
  }
  return r;
}

export function live(svc: Service, key: string, now: number): ResourceRecord | undefined {
  const r = svc.store.getResource(key);
  return r && purgedIfGone(svc, r, now);
}

/** The records just read (in this request's transaction) that still exist; no second read of each. */
export function liveList(svc: Service, records: ResourceRecord[], now: number): ResourceRecord[] {
  return records.filter((r) => purgedIfGone(svc, r, now) !== undefined);
}

/** The live children of one kind under a parent (a gallery's images, an image's versions). */
export function liveChildren(
  svc: Service,
  kind: ResourceRecord["kind"],
  parentKey: string,
  now: number,
): ResourceRecord[] {
  return liveList(
    svc,
    svc.store.listResources({ kind, subscriptionId: svc.opts.subscriptionId, parentKey }),
    now,
  );
}

export type ProvisioningState = "Creating" | "Updating" | "Succeeded" | "Failed" | "Deleting";

export function provisioningState(svc: Service, r: ResourceRecord, now: number): ProvisioningState {
  if (r.deleting) return "Deleting";
  const op = svc.store.getOperation(r.operationId);
  if (!op) return "Succeeded";
  const v = viewOperation(op, svc.store, svc.opts.replicationSpeedGBps, now);
  if (v.status === "InProgress") return op.kind === "create" ? "Creating" : "Updating";
  return v.status === "Failed" ? "Failed" : "Succeeded";
}
