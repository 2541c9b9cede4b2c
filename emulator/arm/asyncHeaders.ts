// The headers that point a client at a long-running operation's status (capsOperations URLs).
import type { Context } from "../context";
import { operationsRegionToken } from "../lro";
import type { OperationRecord } from "../model";

export function operationUrl(ctx: Context, op: OperationRecord, region: string, monitor: boolean): string {
  const base = `${ctx.svc.endpoint}/subscriptions/${ctx.svc.opts.subscriptionId}/providers/Microsoft.Compute/locations/${operationsRegionToken(region)}/capsOperations/${op.id}`;
  return `${base}?${monitor ? "monitor=true&" : ""}api-version=${encodeURIComponent(op.apiVersion)}`;
}

/**
 * PUT and PATCH carry only Azure-AsyncOperation; DELETE also a Location ending in monitor=true.
 * Retry-After only on image-version operations (as recorded), and never when configured to 0.
 */
export function asyncHeaders(
  ctx: Context,
  op: OperationRecord,
  region: string,
  withLocation: boolean,
): Record<string, string> {
  const h: Record<string, string> = { "Azure-AsyncOperation": operationUrl(ctx, op, region, false) };
  if (withLocation) h["Location"] = operationUrl(ctx, op, region, true);
  const ra = ctx.svc.opts.retryAfterSeconds;
  if (op.resourceKind === "version" && ra > 0) h["Retry-After"] = String(ra);
  return h;
}
