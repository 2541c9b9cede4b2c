/**
 * Resource locks the program declares with @pulumi/azure-native (Microsoft.Authorization/locks,
 * api-version 2020-05-01 in azure-native 3), read from the preview and the state, and whether one
 * keeps a gallery from being deleted.
 *
 *   lockTargetOf(type, inputs, propertyDependencies): LockTarget | undefined
 *   protectsGallery(lock, gallery): boolean
 *
 * Facts, from Microsoft, "Lock your Azure resources to protect your infrastructure"
 * (learn.microsoft.com/azure/azure-resource-manager/management/lock-resources): a lock's level is
 * CanNotDelete or ReadOnly, and both refuse a delete; a lock on a subscription or resource group is
 * inherited by every resource in it ("Lock inheritance"). A lock on an image definition or version
 * does not protect the gallery, so it does not count here.
 *
 * A name that is unknown at preview (the gallery or resource group is created by the same program)
 * is matched by the resources its value comes from: Pulumi's `propertyDependencies`.
 */
import type { JsonObject } from "../model/jsonObject";
import { isUnknown } from "../model/unknown";
import type { ReviewedResource } from "./previewJson";

/** A name that is known, or else the URNs of the resources its value comes from. */
export interface NameRef {
  readonly name?: string;
  readonly from: readonly string[];
}

/** What a lock covers. */
export type LockTarget =
  | { readonly scope: "subscription" }
  | { readonly scope: "resourceGroup"; readonly resourceGroup: NameRef }
  | { readonly scope: "gallery"; readonly resourceGroup: NameRef; readonly gallery: NameRef }
  /** `scope` unknown at preview (`scope: gallery.id`): the gallery or resource group it comes from. */
  | { readonly scope: "fromDependencies"; readonly from: readonly string[] };

export interface DeclaredLock {
  readonly urn: string;
  readonly target: LockTarget;
}

const TYPE_PREFIX = "azure-native:authorization:";
/** azure-native's lock resources (their `__pulumiType`), by the scope each names. */
const LOCK_TYPES = [
  "ManagementLockAtResourceLevel",
  "ManagementLockAtResourceGroupLevel",
  "ManagementLockAtSubscriptionLevel",
  "ManagementLockByScope",
] as const;
const DELETE_REFUSING_LEVELS = ["cannotdelete", "readonly"];

type Dependencies = Readonly<Record<string, readonly string[]>>;

function ref(inputs: JsonObject, deps: Dependencies, key: string): NameRef {
  const value = inputs[key];
  return typeof value === "string" && !isUnknown(value)
    ? { name: value.toLowerCase(), from: deps[key] ?? [] }
    : { from: deps[key] ?? [] };
}

/** `/subscriptions/s[/resourceGroups/rg[/providers/Microsoft.Compute/galleries/g]]`, else undefined. */
function targetOfScope(scope: string): LockTarget | undefined {
  const parts = scope.toLowerCase().split("/").filter(Boolean);
  if (parts[0] !== "subscriptions" || parts.length < 2) return undefined;
  if (parts.length === 2) return { scope: "subscription" };
  if (parts[2] !== "resourcegroups" || parts.length < 4) return undefined;
  const resourceGroup = { name: parts[3]!, from: [] };
  if (parts.length === 4) return { scope: "resourceGroup", resourceGroup };
  const [providers, namespace, type, name] = parts.slice(4);
  const gallery = providers === "providers" && namespace === "microsoft.compute" && type === "galleries";
  return parts.length === 8 && gallery
    ? { scope: "gallery", resourceGroup, gallery: { name: name!, from: [] } }
    : undefined;
}

/** What a lock resource of `type` covers, when it is one that refuses deletes; else undefined. */
export function lockTargetOf(
  type: string,
  inputs: JsonObject | undefined,
  deps: Dependencies = {},
): LockTarget | undefined {
  if (!type.startsWith(TYPE_PREFIX) || inputs === undefined) return undefined;
  const kind = type.slice(TYPE_PREFIX.length) as (typeof LOCK_TYPES)[number];
  if (!LOCK_TYPES.includes(kind)) return undefined;
  const level = inputs.level;
  if (typeof level === "string" && !isUnknown(level) && !DELETE_REFUSING_LEVELS.includes(level.toLowerCase()))
    return undefined;
  const text = (key: string) => (typeof inputs[key] === "string" ? String(inputs[key]).toLowerCase() : "");
  switch (kind) {
    case "ManagementLockAtSubscriptionLevel":
      return { scope: "subscription" };
    case "ManagementLockAtResourceGroupLevel":
      return { scope: "resourceGroup", resourceGroup: ref(inputs, deps, "resourceGroupName") };
    case "ManagementLockAtResourceLevel": {
      const onGallery =
        `${text("resourceProviderNamespace")}/${text("resourceType")}` === "microsoft.compute/galleries" &&
        text("parentResourcePath").replace(/^\/+|\/+$/g, "") === "";
      return onGallery
        ? {
            scope: "gallery",
            resourceGroup: ref(inputs, deps, "resourceGroupName"),
            gallery: ref(inputs, deps, "resourceName"),
          }
        : undefined;
    }
    case "ManagementLockByScope":
      return typeof inputs.scope === "string" && !isUnknown(inputs.scope)
        ? targetOfScope(inputs.scope)
        : { scope: "fromDependencies", from: deps.scope ?? [] };
  }
}

/** The same name, or (when either is unknown) a value taken from the same resource. */
function matches(ref: NameRef, name: unknown, urns: readonly string[]): boolean {
  if (ref.name !== undefined && typeof name === "string" && !isUnknown(name))
    return ref.name === name.toLowerCase();
  return ref.from.some((urn) => urns.includes(urn));
}

export function protectsGallery(lock: DeclaredLock, gallery: ReviewedResource): boolean {
  const props = gallery.after ?? {};
  const groupUrns = gallery.propertyDependencies?.resourceGroupName ?? [];
  const target = lock.target;
  switch (target.scope) {
    case "subscription":
      return true;
    case "resourceGroup":
      return matches(target.resourceGroup, props.resourceGroupName, groupUrns);
    case "gallery":
      return (
        matches(target.resourceGroup, props.resourceGroupName, groupUrns) &&
        matches(target.gallery, props.galleryName, [gallery.urn])
      );
    case "fromDependencies":
      return target.from.some((urn) => urn === gallery.urn || groupUrns.includes(urn));
  }
}
