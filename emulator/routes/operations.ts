// GET .../locations/{location}/capsOperations/{id}: the status document the Azure-AsyncOperation header
// points at, and its `monitor=true` form (the DELETE Location header).
import { requirePermission } from "../access/authorize";
import { operationUrl, retryAfterHeaders } from "../arm/asyncHeaders";
import { subscription, TYPES } from "../arm/ids";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { viewOperation } from "../lro";
import { azureTime } from "../time";

export function getOperation(ctx: Context): Reply {
  subscription(ctx);
  const id = decodeURIComponent(ctx.params.operationId ?? "");
  const svc = ctx.svc;
  const op = svc.store.getOperation(id);
  if (!op) throw errors.operationNotFound(id);
  // Whoever may read the resource may follow the operations on it (a Contributor on one definition
  // polls the writes of its versions).
  if (ctx.caller) requirePermission(svc.store, ctx.caller, `${TYPES[op.resourceKind]}/read`, op.resourceKey);
  const view = viewOperation(op, svc.store, svc.opts.replicationSpeedGBps, ctx.now);
  const running = view.status === "InProgress";
  const retry = running ? retryAfterHeaders(ctx, op) : {};

  if (ctx.query.get("monitor")?.toLowerCase() === "true") {
    // Location-style polling: 202 while running, then 200 with an empty body (as recorded), or the error.
    if (running)
      return {
        status: 202,
        headers: {
          ...retry,
          Location: operationUrl(ctx, op, decodeURIComponent(ctx.params.location ?? ""), true),
        },
      };
    if (view.failure)
      return { status: 500, body: { error: { code: view.failure.code, message: view.failure.message } } };
    // A POST action answers its result (the share action its SharingUpdate); a delete nothing.
    return op.result ? { status: 200, body: op.result } : { status: 200 };
  }
  const body: Record<string, unknown> = { startTime: azureTime(view.startTime) };
  if (view.endTime !== undefined) body.endTime = azureTime(view.endTime);
  body.status = view.status;
  if (view.failure) body.error = { code: view.failure.code, message: view.failure.message };
  body.name = op.id;
  return { status: 200, headers: retry, body };
}
