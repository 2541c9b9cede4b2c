// ARM plumbing shared by the resource handlers: ids, body parsing, async-operation headers, paging,
// liveness of resources being deleted and provisioning state.
import type { Context, Reply } from "./context";
import { errors } from "./errors";
import type { JsonObject, OperationRecord, ResourceRecord } from "./model";
import { operationsRegionToken, viewOperation } from "./lro";
import type { Service } from "./service";

export const TYPES = {
  gallery: "Microsoft.Compute/galleries",
  image: "Microsoft.Compute/galleries/images",
  version: "Microsoft.Compute/galleries/images/versions",
} as const;

export function galleryId(sub: string, rg: string, gallery: string): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Compute/galleries/${gallery}`;
}
export const imageId = (galleryIdValue: string, image: string): string => `${galleryIdValue}/images/${image}`;
export const versionId = (imageIdValue: string, version: string): string =>
  `${imageIdValue}/versions/${version}`;
export const keyOf = (id: string): string => id.toLowerCase();

export function param(ctx: Context, name: string): string {
  const v = ctx.params[name];
  if (v === undefined) throw errors.internal(`route parameter ${name} missing`);
  return decodeURIComponent(v);
}

/** The emulator hosts exactly one subscription; ARM answers others with SubscriptionNotFound. */
export function subscription(ctx: Context): string {
  const sub = param(ctx, "subscriptionId");
  if (sub.toLowerCase() !== ctx.svc.opts.subscriptionId.toLowerCase()) throw errors.subscriptionNotFound(sub);
  return ctx.svc.opts.subscriptionId;
}

export function jsonBody(ctx: Context): JsonObject {
  if (!ctx.rawBody.trim()) throw errors.invalidRequestContent("The request body is empty.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.rawBody);
  } catch (e) {
    throw errors.invalidRequestContent((e as Error).message);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw errors.invalidRequestContent("The request body must be a JSON object.");
  }
  return parsed as JsonObject;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep merge for PATCH: objects merge, everything else (arrays included) is replaced. */
export function mergePatch(base: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    out[k] = isObject(v) && isObject(b) ? mergePatch(b, v) : v;
  }
  return out;
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** A resource whose delete has finished is gone; it is purged the first time anyone looks. */
export function live(svc: Service, key: string, now: number): ResourceRecord | undefined {
  const r = svc.store.getResource(key);
  if (!r) return undefined;
  if (r.deleting && now >= r.deleting.completesAt) {
    svc.store.deleteResource(key);
    return undefined;
  }
  return r;
}

export function liveList(svc: Service, records: ResourceRecord[], now: number): ResourceRecord[] {
  return records.filter((r) => live(svc, r.key, now) !== undefined);
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

/** `{ value, nextLink }` with `$skiptoken` carrying the offset. */
export function page(ctx: Context, items: unknown[]): Reply {
  const size = ctx.svc.opts.pageSize;
  const skip = Math.max(0, Number.parseInt(ctx.query.get("$skiptoken") ?? "0", 10) || 0);
  const value = items.slice(skip, skip + size);
  const body: { value: unknown[]; nextLink?: string } = { value };
  if (skip + size < items.length) {
    // Written by hand: URLSearchParams would encode `$` and ARM's links carry a literal `$skiptoken`.
    const rest = [...ctx.query.entries()].filter(([k]) => k !== "$skiptoken");
    const qs = rest
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .concat(`$skiptoken=${skip + size}`)
      .join("&");
    body.nextLink = `${ctx.svc.endpoint}${ctx.url.pathname}?${qs}`;
  }
  return { status: 200, body };
}
