// Deleting a gallery, an image definition or a VM application: refused while it holds children, complete
// at once otherwise (the service's first poll already says Succeeded).
import { asyncHeaders } from "../arm/asyncHeaders";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { liveChildren } from "../liveness";
import { newOperation, settleOperation } from "../lro";
import type { Kind, ResourceRecord } from "../model";

export interface Children {
  kind: Kind;
  what: string;
  nameParameter: string;
}

/** OperationNotAllowed while `record` holds live children of that kind; `holder` names it as the service does ("Gallery 'g'"). */
export function refuseWhileHolding(
  ctx: Context,
  record: ResourceRecord,
  holder: string,
  children: Children,
): void {
  const held = liveChildren(ctx.svc, children.kind, record.key, ctx.now);
  if (held.length > 0) {
    throw errors.operationNotAllowed(
      `${holder} cannot be deleted because it contains ${held.length} ${children.what}(s). Delete the nested resources first.`,
      children.nameParameter,
    );
  }
}

export function deleteWhenEmpty(
  ctx: Context,
  record: ResourceRecord,
  holder: string,
  children: Children,
): Reply {
  const svc = ctx.svc;
  refuseWhileHolding(ctx, record, holder, children);
  settleOperation(svc.store, record.operationId, svc.opts.replicationSpeedGBps, ctx.now);
  const op = newOperation("delete", record, ctx.apiVersion, ctx.now, { endTime: ctx.now });
  svc.store.putOperation(op);
  svc.store.deleteResource(record.key);
  return { status: 202, headers: asyncHeaders(ctx, op, record.region, true) };
}

/**
 * Deleting an image or application version: it takes `versionDeleteMs` (Deleting meanwhile), polled
 * through the operation; a repeated delete answers with the running one. `soft`: kept restorable after.
 */
export function deleteVersionInTime(ctx: Context, record: ResourceRecord, soft: boolean): Reply {
  const svc = ctx.svc;
  if (record.deleting) {
    const existing = svc.store.getOperation(record.deleting.operationId);
    if (existing) return { status: 202, headers: asyncHeaders(ctx, existing, record.region, true) };
  }
  settleOperation(svc.store, record.operationId, svc.opts.replicationSpeedGBps, ctx.now);
  const completesAt = ctx.now + svc.opts.versionDeleteMs;
  const op = newOperation("delete", record, ctx.apiVersion, ctx.now, { endTime: completesAt });
  svc.store.putOperation(op);
  svc.store.putResource({
    ...record,
    deleting: { operationId: op.id, completesAt, ...(soft ? { soft } : {}) },
  });
  return { status: 202, headers: asyncHeaders(ctx, op, record.region, true) };
}
