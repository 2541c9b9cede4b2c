// ARM resource ids and route parameters: how the emulator names the resources it holds.
import type { Context } from "../context";
import { errors } from "../errors";

export const TYPES = {
  gallery: "Microsoft.Compute/galleries",
  image: "Microsoft.Compute/galleries/images",
  version: "Microsoft.Compute/galleries/images/versions",
  application: "Microsoft.Compute/galleries/applications",
  applicationVersion: "Microsoft.Compute/galleries/applications/versions",
} as const;

export function galleryId(sub: string, rg: string, gallery: string): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Compute/galleries/${gallery}`;
}
export const imageId = (galleryIdValue: string, image: string): string => `${galleryIdValue}/images/${image}`;
export const versionId = (imageIdValue: string, version: string): string =>
  `${imageIdValue}/versions/${version}`;
export const applicationId = (galleryIdValue: string, application: string): string =>
  `${galleryIdValue}/applications/${application}`;
/** ARM ids are case-insensitive: records are keyed by the lower-case id. */
export const keyOf = (id: string): string => id.toLowerCase();

export function param(ctx: Context, name: string): string {
  const v = ctx.params[name];
  if (v === undefined) throw errors.internal(`route parameter ${name} missing`);
  return decodeURIComponent(v);
}

/** A route parameter the route may not have (list routes end before the resource's own name). */
export const optionalParam = (ctx: Context, name: string): string | undefined =>
  ctx.params[name] === undefined ? undefined : param(ctx, name);

/** The emulator hosts exactly one subscription; ARM answers others with SubscriptionNotFound. */
export function subscription(ctx: Context): string {
  const sub = param(ctx, "subscriptionId");
  if (sub.toLowerCase() !== ctx.svc.opts.subscriptionId.toLowerCase()) throw errors.subscriptionNotFound(sub);
  return ctx.svc.opts.subscriptionId;
}

/** Azure's ids of subscriptions, tenants, principals and role assignments: GUIDs, any case. */
export const isGuid = (value: unknown): value is string =>
  typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
