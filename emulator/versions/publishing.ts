// publishingProfile of an image or application version: validated, with the service's defaults filled in, and the target
// regions it must replicate to.
import { isObject } from "../arm/json";
import type { Context } from "../context";
import { errors } from "../errors";
import type { Json, JsonObject } from "../model";
import { targetRegion } from "../rules/locations";
import { findRegion } from "../rules/regions";
import { enumValue, positiveInt } from "../rules/validate";
import { REPLICATION_MODES, STORAGE_ACCOUNT_TYPES, ZONE_REDUNDANT_STORAGE } from "../rules/enums";
import { azureTime, normaliseDateProperty } from "../time";
import type { Limits } from "../rules/limits";
import { PUBLISHING_PROFILE } from "./paths";

/** One target region as replication needs it (normalised name, the counts and storage that apply). */
export interface Target {
  region: string;
  replicaCount: number;
  storageAccountType: string;
}

/**
 * What differs between the kinds that share this profile (GalleryArtifactPublishingProfileBase): the
 * error targets' prefix, the noun in messages, the replica limit per region.
 */
export interface PublishingShape {
  readonly path: string;
  readonly what: string;
  readonly replicasPerRegion: (limits: Limits) => number;
}

export const IMAGE_VERSION_PUBLISHING: PublishingShape = {
  path: PUBLISHING_PROFILE,
  what: "image version",
  replicasPerRegion: (limits) => limits.replicasPerVersionPerRegion,
};

/** Validates the publishing profile and fills the service's defaults; returns the normalised targets. */
export function normalisePublishing(
  ctx: Context,
  raw: Json | undefined,
  location: string,
  existing: JsonObject | undefined,
  shape: PublishingShape = IMAGE_VERSION_PUBLISHING,
): { profile: JsonObject; targets: Target[] } {
  const svc = ctx.svc;
  const limit = shape.replicasPerRegion(svc.opts.limits);
  const base = shape.path;
  const profile: JsonObject = isObject(raw) ? { ...raw } : {};
  const replicaCount =
    profile.replicaCount === undefined || profile.replicaCount === null
      ? 1
      : positiveInt(profile.replicaCount, `${base}.replicaCount`);
  if (replicaCount > limit) {
    throw errors.quotaExceeded(
      `The replica count ${replicaCount} exceeds the limit of ${limit} replicas per region.`,
      `${base}.replicaCount`,
    );
  }
  profile.replicaCount = replicaCount;
  if (profile.excludeFromLatest === undefined || profile.excludeFromLatest === null)
    profile.excludeFromLatest = false;
  if (typeof profile.excludeFromLatest !== "boolean") {
    throw errors.invalidParameter(
      `The value of parameter '${base}.excludeFromLatest' must be a boolean.`,
      `${base}.excludeFromLatest`,
    );
  }
  profile.publishedDate = (existing?.publishedDate as string | undefined) ?? azureTime(ctx.now);
  if (profile.storageAccountType === undefined || profile.storageAccountType === null)
    profile.storageAccountType = "Standard_LRS";
  enumValue(profile, "storageAccountType", STORAGE_ACCOUNT_TYPES, `${base}.storageAccountType`);
  enumValue(profile, "replicationMode", REPLICATION_MODES, `${base}.replicationMode`);
  normaliseDateProperty(profile, "endOfLifeDate", `${base}.endOfLifeDate`);
  const rawTargets: Json = profile.targetRegions ?? [{ name: location }];
  if (!Array.isArray(rawTargets) || rawTargets.length === 0)
    throw errors.missingParameter(`${base}.targetRegions`);
  const targets: Target[] = [];
  profile.targetRegions = rawTargets.map((t, i) => {
    const path = `${base}.targetRegions[${i}]`;
    if (!isObject(t))
      throw errors.invalidParameter(`The value of parameter '${path}' must be an object.`, path);
    const region = targetRegion(t.name, `${path}.name`, svc.opts.allowedAccessRegions);
    if (targets.some((x) => x.region === region.name)) {
      throw errors.invalidParameter(
        `Region '${region.displayName}' is listed more than once in targetRegions.`,
        `${path}.name`,
      );
    }
    const out: JsonObject = { ...t, name: region.displayName };
    const count =
      t.regionalReplicaCount === undefined || t.regionalReplicaCount === null
        ? replicaCount
        : positiveInt(t.regionalReplicaCount, `${path}.regionalReplicaCount`);
    if (count > limit) {
      throw errors.quotaExceeded(
        `The regional replica count ${count} for region '${region.displayName}' exceeds the limit of ${limit} replicas per ${shape.what} per region.`,
        `${path}.regionalReplicaCount`,
      );
    }
    if (profile.replicationMode === "Shallow" && count > 1) {
      throw errors.invalidParameter(
        `Shallow replication keeps one replica per region; the replica count for region '${region.displayName}' is ${count}.`,
        `${path}.regionalReplicaCount`,
      );
    }
    out.regionalReplicaCount = count;
    if (out.storageAccountType === undefined || out.storageAccountType === null)
      out.storageAccountType = profile.storageAccountType ?? "Standard_LRS";
    const storage =
      enumValue(out, "storageAccountType", STORAGE_ACCOUNT_TYPES, `${path}.storageAccountType`) ??
      "Standard_LRS";
    if (ZONE_REDUNDANT_STORAGE.has(storage) && !region.hasAvailabilityZones) {
      throw errors.invalidParameter(
        `Storage account type '${storage}' is not supported in region '${region.displayName}' because it has no availability zones.`,
        `${path}.storageAccountType`,
      );
    }
    if (isObject(out.encryption) && isObject(out.encryption.osDiskImage)) {
      out.encryption = {
        ...out.encryption,
        osDiskImage: { securityProfile: {}, ...out.encryption.osDiskImage },
      };
    }
    targets.push({ region: region.name, replicaCount: count, storageAccountType: storage });
    return out;
  });
  const total = profile.targetRegions.reduce<number>((sum, t) => sum + replicasOfRegion(t as JsonObject), 0);
  if (total > svc.opts.limits.replicasPerVersion) {
    throw errors.quotaExceeded(
      `The ${shape.what} asks for ${total} replicas over all its target regions, which exceeds the limit of ${svc.opts.limits.replicasPerVersion} replicas per ${shape.what}.`,
      `${base}.targetRegions`,
    );
  }
  const home = findRegion(location);
  if (home && !targets.some((t) => t.region === home.name)) {
    throw errors.invalidParameter(
      `The ${shape.what}'s location '${location}' must be one of its target regions.`,
      `${base}.targetRegions`,
    );
  }
  return { profile, targets };
}

/** A target region's replicas: its own count plus those of its additional replica sets. */
function replicasOfRegion(target: JsonObject): number {
  const sets = Array.isArray(target.additionalReplicaSets) ? target.additionalReplicaSets : [];
  const extra = sets.reduce<number>(
    (sum, set) =>
      sum + (isObject(set) && typeof set.regionalReplicaCount === "number" ? set.regionalReplicaCount : 1),
    0,
  );
  return (target.regionalReplicaCount as number) + extra;
}
