/**
 * Fills in the values Azure assumes for omitted arguments (model/defaults.ts), so that the checked
 * inputs say what Azure will do and leaving a default out never differs from spelling it out.
 * Values unknown at preview are left alone; the user's spelling of region names is kept (diff
 * compares them normalised).
 */
import { DEFAULTS } from "../model/defaults";
import { isUnknown } from "../model/unknown";
import { isJsonObject, type JsonObject } from "../model/jsonObject";

export function galleryImageDefaults(news: JsonObject): JsonObject {
  return {
    ...news,
    hyperVGeneration: news.hyperVGeneration ?? DEFAULTS.hyperVGeneration,
    architecture: news.architecture ?? DEFAULTS.architecture,
  };
}

/**
 * Profile-wide replica count and storage type, and for each target region its own count and storage
 * type (inherited from the profile when omitted, as Azure does). Without target regions the version
 * is replicated to its own location only, as in Azure.
 */
export function galleryImageVersionDefaults(news: JsonObject): JsonObject {
  const given = news.publishingProfile;
  if (given !== undefined && !isJsonObject(given)) return news; // unknown or malformed: leave it
  const profile: JsonObject = given ?? {};
  const replicaCount = profile.replicaCount ?? DEFAULTS.replicaCount;
  const storageAccountType = profile.storageAccountType ?? DEFAULTS.storageAccountType;
  const location = news.location;
  const regions =
    profile.targetRegions ??
    (typeof location === "string" && !isUnknown(location) ? [{ name: location }] : undefined);
  const targetRegions = Array.isArray(regions)
    ? regions.map((region: unknown) =>
        isJsonObject(region)
          ? {
              ...region,
              regionalReplicaCount: region.regionalReplicaCount ?? replicaCount,
              storageAccountType: region.storageAccountType ?? storageAccountType,
            }
          : region,
      )
    : regions;
  return {
    ...news,
    publishingProfile: {
      ...profile,
      replicaCount,
      storageAccountType,
      excludeFromLatest: profile.excludeFromLatest ?? DEFAULTS.excludeFromLatest,
      ...(targetRegions === undefined ? {} : { targetRegions }),
    },
  };
}
