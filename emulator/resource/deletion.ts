// Deleting a gallery or an image definition: refused while it holds children, complete at once otherwise
// (the service's first poll already says Succeeded).
import { asyncHeaders } from "../arm/asyncHeaders";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { liveChildren } from "../liveness";
import { newOperation, settleOperation } from "../lro";
import type { Kind, ResourceRecord } from "../model";

/** `holder` names the resource in the refusal as the service does ("Gallery 'g'"). */
export function deleteWhenEmpty(
  ctx: Context,
  record: ResourceRecord,
  holder: string,
  children: { kind: Kind; what: string; nameParameter: string },
): Reply {
  const svc = ctx.svc;
  const held = liveChildren(svc, children.kind, record.key, ctx.now);
  if (held.length > 0) {
    throw errors.operationNotAllowed(
      `${holder} cannot be deleted because it contains ${held.length} ${children.what}(s). Delete the nested resources first.`,
      children.nameParameter,
    );
  }
  settleOperation(svc.store, record.operationId, svc.opts.replicationSpeedGBps, ctx.now);
  const op = newOperation("delete", record, ctx.apiVersion, ctx.now, { endTime: ctx.now });
  svc.store.putOperation(op);
  svc.store.deleteResource(record.key);
  return { status: 202, headers: asyncHeaders(ctx, op, record.region, true) };
}
