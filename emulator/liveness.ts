// Which resources exist now, and in what provisioning state. A delete completes at a time recorded on the
// resource; a create or update completes when its operation does. A version deleted under its gallery's
// soft delete policy is kept, invisible, until its retention ends (then it is purged like any other).
import { viewOperation } from "./lro";
import type { ResourceRecord } from "./model";
import type { Service } from "./service";
import type { ResourcePage } from "./store/store";

/** The store's filter for the children of one kind under a parent, in this emulator's subscription. */
const childrenOf = (svc: Service, kind: ResourceRecord["kind"], parentKey: string) => ({
  kind,
  subscriptionId: svc.opts.subscriptionId,
  parentKey,
});

/** Where the soft-deleted copy of the resource keyed `key` is stored. */
export const softDeletedKey = (key: string): string => `${key}#softdeleted`;

/**
 * A resource whose delete has finished is gone; it is purged (or, under soft delete, set aside) the first
 * time anyone looks. A soft-deleted one is never live, and is purged once its retention has passed.
 */
function purgedIfGone(svc: Service, r: ResourceRecord, now: number): ResourceRecord | undefined {
  if (r.softDeleted) {
    if (now >= r.softDeleted.purgeAt) svc.store.deleteResource(r.key);
    return undefined;
  }
  if (r.deleting && now >= r.deleting.completesAt) {
    svc.store.deleteResource(r.key);
    if (r.deleting.soft) {
      const at = r.deleting.completesAt;
      const { deleting: _done, ...rest } = r;
      // Kept under a key of its own: a new version of the same name (a replacement) leaves it listed.
      const kept: ResourceRecord = {
        ...rest,
        key: softDeletedKey(r.key),
        softDeleted: { at, purgeAt: at + svc.opts.softDeleteRetentionMs },
      };
      svc.store.putResource(kept);
      // The retention may have passed already (a state folder opened again after a week).
      purgedIfGone(svc, kept, now);
    }
    return undefined;
  }
  return r;
}

/** The soft-deleted copy of the resource keyed `key` that is still restorable now, if any. */
export function restorable(svc: Service, key: string, now: number): ResourceRecord | undefined {
  const r = svc.store.getResource(softDeletedKey(key));
  if (!r) return undefined;
  purgedIfGone(svc, r, now);
  return svc.store.getResource(softDeletedKey(key));
}

/** The restorable soft-deleted children of one kind under a parent (an image's deleted versions). */
export function softDeletedChildren(
  svc: Service,
  kind: ResourceRecord["kind"],
  parentKey: string,
  now: number,
): ResourceRecord[] {
  const all = svc.store.listResources(childrenOf(svc, kind, parentKey));
  // Reading the live ones first sets aside those whose soft delete has just completed.
  liveList(svc, all, now);
  return svc.store
    .listResources(childrenOf(svc, kind, parentKey))
    .filter((r) => r.softDeleted && purgedIfGone(svc, r, now) === undefined && svc.store.getResource(r.key));
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
  return liveList(svc, svc.store.listResources(childrenOf(svc, kind, parentKey)), now);
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

/**
 * One page of the live children of one kind under a parent: those created after creation number
 * `afterSeq`, at most `take`. Deletes that have completed are settled first (only the records being
 * deleted are read for that), so the page holds what exists now without reading the whole list.
 */
export function liveChildrenPage(
  svc: Service,
  kind: ResourceRecord["kind"],
  parentKey: string,
  now: number,
  afterSeq: number,
  take: number,
): ResourcePage {
  const filter = childrenOf(svc, kind, parentKey);
  liveList(svc, svc.store.listSettling(filter), now);
  return svc.store.listResourcePage(filter, afterSeq, take);
}
