// Where a resource may be created: a child lives in its gallery's region, and each region holds at most
// the subscription's quota of each kind.
import type { TYPES } from "../arm/ids";
import type { Json, Kind, ResourceRecord } from "../model";
import { errors } from "../errors";
import { resourceLocation } from "../rules/locations";
import type { Limits } from "../rules/limits";
import type { Region } from "../rules/regions";
import type { Service } from "../service";

/** The kinds Microsoft's gallery article gives a per-region quota; it gives none for VM applications. */
type QuotaKind = Extract<Kind, "gallery" | "image" | "version">;

const QUOTA: Record<QuotaKind, { limit: keyof Limits; what: string }> = {
  gallery: { limit: "galleriesPerRegion", what: "galleries" },
  image: { limit: "imageDefinitionsPerRegion", what: "image definitions" },
  version: { limit: "imageVersionsPerRegion", what: "image versions" },
};

/** Refuses a new resource of `kind` when `region` already holds the quota's number of them. */
export function checkRegionQuota(svc: Service, kind: QuotaKind, region: string): void {
  const { limit, what } = QUOTA[kind];
  const max = svc.opts.limits[limit];
  if (svc.store.countInRegion(kind, svc.opts.subscriptionId, region) >= max) {
    throw errors.quotaExceeded(
      `Operation results in exceeding quota limits of ${what}. Maximum allowed: ${max}, region: '${region}'.`,
    );
  }
}

/** The region of a gallery's child (definition, application, version), which must be its gallery's (`parent` carries it). */
export function childLocation(
  svc: Service,
  location: Json | undefined,
  child: { type: (typeof TYPES)[Exclude<keyof typeof TYPES, "gallery">]; property: string; what: string },
  parent: ResourceRecord,
): Region {
  const region = resourceLocation(location, child.property, child.type, svc.opts.allowedAccessRegions);
  if (region.name !== parent.region) {
    throw errors.invalidParameter(
      `The location '${String(location)}' of the ${child.what} must be the location of its gallery '${String(parent.body.location)}'.`,
      child.property,
    );
  }
  return region;
}
