// The headers that point a client at a long-running operation's status (capsOperations URLs).
import type { Context } from "../context";
import { operationsRegionToken, viewOperation } from "../lro";
import type { OperationRecord } from "../model";

export function operationUrl(ctx: Context, op: OperationRecord, region: string, monitor: boolean): string {
  const base = `${ctx.svc.endpoint}/subscriptions/${ctx.svc.opts.subscriptionId}/providers/Microsoft.Compute/locations/${operationsRegionToken(region)}/capsOperations/${op.id}`;
  return `${base}?${monitor ? "monitor=true&" : ""}api-version=${encodeURIComponent(op.apiVersion)}`;
}

/**
 * How long to wait before polling a running image-version operation. Retry-After only on
 * image-version operations (as recorded), and never when configured to 0. Azure's Retry-After is
 * whole seconds; alongside it goes `retry-after-ms`, the header the Azure SDK guidelines have clients
 * honour first, with the time the work has left, so a client need not wait a full second for work
 * that ends in milliseconds. Both stay at most the configured Retry-After.
 */
export function retryAfterHeaders(ctx: Context, op: OperationRecord): Record<string, string> {
  const ceilingSeconds = ctx.svc.opts.retryAfterSeconds;
  if (op.resourceKind !== "version" || ceilingSeconds <= 0) return {};
  const view = viewOperation(op, ctx.svc.store, ctx.svc.opts.replicationSpeedGBps, ctx.now);
  // Azure sends Retry-After on every version write's answer, even one whose work is already done.
  const remainingMs = view.status === "InProgress" ? Math.max(0, (view.dueTime ?? Infinity) - ctx.now) : 0;
  return {
    "Retry-After": String(ceilingSeconds),
    "retry-after-ms": String(Math.ceil(Math.min(remainingMs, ceilingSeconds * 1000))),
  };
}

/** PUT and PATCH carry only Azure-AsyncOperation; DELETE also a Location ending in monitor=true. */
export function asyncHeaders(
  ctx: Context,
  op: OperationRecord,
  region: string,
  withLocation: boolean,
): Record<string, string> {
  const h: Record<string, string> = { "Azure-AsyncOperation": operationUrl(ctx, op, region, false) };
  if (withLocation) h["Location"] = operationUrl(ctx, op, region, true);
  return { ...h, ...retryAfterHeaders(ctx, op) };
}
