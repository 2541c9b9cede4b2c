// An accepted PUT or PATCH: the operation the client polls, the resource as written, and the headers
// that point the client at that operation. Every create and update of a gallery resource goes through
// here, so they all treat an earlier operation on the same resource alike.
import { asyncHeaders } from "../arm/asyncHeaders";
import type { Context } from "../context";
import { newOperation, settleOperation } from "../lro";
import { keyOf } from "../arm/ids";
import type { JsonObject, OperationRecord, ResourceRecord } from "../model";

export interface Write {
  readonly kind: "create" | "update";
  /** The resource as written, without the operations: those are this write's to set. */
  readonly resource: Omit<ResourceRecord, "operationId" | "createOperationId">;
  /** The record the write replaces; absent for a create. */
  readonly previous?: ResourceRecord;
  /** A fixed end (galleries, definitions, a restore) or the regions whose replication it waits for. */
  readonly timing: { endTime: number } | { waitsForRegions: string[] };
}

/**
 * The ARM envelope of a written child resource: an existing record keeps its own name and id (their
 * spelling as first created), a new one takes the request's; tags only when the request names them.
 */
export function childEnvelope(
  type: string,
  target: { readonly record?: ResourceRecord; readonly id: string; readonly name: string },
  req: JsonObject,
  properties: JsonObject,
): JsonObject {
  const body: JsonObject = {
    name: target.record?.name ?? target.name,
    id: target.record?.id ?? target.id,
    type,
    location: req.location ?? null,
  };
  if (req.tags !== undefined) body.tags = req.tags;
  body.properties = properties;
  return body;
}

/** The stored fields of a child of `parent` (definition, application, version): named as its body names it. */
export function childResource(
  ctx: Context,
  kind: Write["resource"]["kind"],
  parent: ResourceRecord,
  region: string,
  body: JsonObject,
): Write["resource"] {
  return {
    key: keyOf(String(body.id)),
    kind,
    name: String(body.name),
    id: String(body.id),
    parentKey: parent.key,
    subscriptionId: ctx.svc.opts.subscriptionId,
    resourceGroup: parent.resourceGroup,
    region,
    body,
  };
}

export interface AcceptedWrite {
  readonly record: ResourceRecord;
  readonly operation: OperationRecord;
  readonly headers: Record<string, string>;
}

/**
 * Records the write and its operation. The previous write's operation is settled first: in ARM an
 * operation's outcome is its own, so a client still polling an earlier operation (a version whose
 * replication runs, or one that failed) keeps the answer it had, whatever this write changes. An
 * operation with a fixed end already has a stable answer, so settling it changes nothing.
 */
export function acceptWrite(ctx: Context, write: Write): AcceptedWrite {
  const { store, opts } = ctx.svc;
  const { kind, resource, previous, timing } = write;
  if (previous) settleOperation(store, previous.operationId, opts.replicationSpeedGBps, ctx.now);
  const operation = newOperation(kind, resource, ctx.apiVersion, ctx.now, timing);
  const record: ResourceRecord = {
    ...resource,
    operationId: operation.id,
    createOperationId: previous?.createOperationId ?? operation.id,
  };
  store.putOperation(operation);
  store.putResource(record);
  return { record, operation, headers: asyncHeaders(ctx, operation, record.region, false) };
}
