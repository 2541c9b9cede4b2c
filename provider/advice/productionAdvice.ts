/**
 * The best practices one image version decides by itself (bestPractices.ts), for a version whose
 * image is a production one by `compute-gallery:intent`:
 *   - a target region with fewer than 3 replicas (Best practices: "a minimum of three replicas for
 *     production images"); not for shallow replication, which Azure allows one replica per region
 *     (limits.ts, shallowReplicaCount), so more cannot be advised;
 *   - a target region storing Standard_LRS where the region has availability zones (Best practices:
 *     "Use ZRS wherever it's available"). Which regions have them is the region catalog's
 *     `hasAvailabilityZones` (regions.ts, from Azure's list of regions with zone-redundant storage;
 *     today's Best practices points to "Azure regions list", learn.microsoft.com/azure/reliability/
 *     availability-zones-region-support). Premium_LRS and PremiumV2_LRS are left alone: the gallery
 *     API has no zone-redundant premium type to move to (enums.ts, STORAGE_ACCOUNT_TYPES).
 *
 *   productionFindings(version, intent): PracticeFinding[]
 *   productionWarnings(label, version, intent): string[] — the preview's words for them
 *
 * A version whose names, regions or counts are unknown at preview is skipped (checked at the next
 * preview). Pure: no I/O.
 */
import type { JsonObject } from "../model/jsonObject";
import { getPath } from "../lifecycle/values";
import { findRegion } from "../model/regions";
import { containsUnknown } from "../model/unknown";
import { BEST_PRACTICES, BEST_PRACTICES_URL, PRODUCTION_MIN_REPLICAS } from "./bestPractices";
import { imageRole, type Intent } from "./intent";
import { footprintOfVersion } from "./storage";

export type PracticeFinding =
  | { readonly practice: "productionReplicas"; readonly region: string; readonly replicas: number }
  | {
      readonly practice: "zoneRedundantStorage";
      readonly region: string;
      readonly storageAccountType: string;
    };

export function isProductionVersion(version: JsonObject, intent: Intent): boolean {
  const { galleryName, galleryImageName } = version;
  return (
    typeof galleryName === "string" &&
    typeof galleryImageName === "string" &&
    !containsUnknown(galleryName) &&
    !containsUnknown(galleryImageName) &&
    imageRole(intent, galleryName, galleryImageName) === "production"
  );
}

export function productionFindings(version: JsonObject, intent: Intent): PracticeFinding[] {
  if (!isProductionVersion(version, intent)) return [];
  if (containsUnknown(version.publishingProfile) || containsUnknown(version.location)) return [];
  const shallow = getPath(version, ["publishingProfile", "replicationMode"]) === "Shallow";
  return footprintOfVersion(version).targetRegions.flatMap(
    ({ region, replicas, storageAccountType }): PracticeFinding[] => [
      ...(!shallow && replicas < PRODUCTION_MIN_REPLICAS
        ? [{ practice: "productionReplicas" as const, region, replicas }]
        : []),
      ...(storageAccountType === "Standard_LRS" && findRegion(region)?.hasAvailabilityZones
        ? [{ practice: "zoneRedundantStorage" as const, region, storageAccountType }]
        : []),
    ],
  );
}

/** One finding in words, without the resource's name: shared by the preview and the report. */
export function describeFinding(finding: PracticeFinding): string {
  return finding.practice === "productionReplicas"
    ? `${finding.region} has ${finding.replicas} replica(s) of this production image; Azure's best practice ` +
        `is to ${BEST_PRACTICES.productionReplicas.advice}`
    : `${finding.region} has availability zones but stores the replicas as ${finding.storageAccountType}; ` +
        `Azure's best practice is to ${BEST_PRACTICES.zoneRedundantStorage.advice}`;
}

export function productionWarnings(label: string, version: JsonObject, intent: Intent): string[] {
  return productionFindings(version, intent).map(
    (finding) => `${label}: ${describeFinding(finding)} (${BEST_PRACTICES_URL})`,
  );
}
