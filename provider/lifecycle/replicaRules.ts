/**
 * Replica rules that look at the version as a whole: the total over all target regions, and
 * shallow replication, which keeps one replica per region. The per-region range is in regionRules.ts.
 *
 * Like the other rules they read the raw inputs and say nothing while a count is unknown at preview.
 */
import { DEFAULTS } from "../model/defaults";
import { LIMITS } from "../model/limits";
import { isUnknown } from "../model/unknown";
import type { CheckFailure } from "./schemaFailures";
import { getPath, listAt, numberAt, showValue, stringAt, type PathSegment } from "./values";

/** A count as written: a number, undefined when omitted, or "unknown" while a preview cannot know it. */
type Count = number | undefined | "unknown";

function countAt(news: unknown, path: readonly PathSegment[]): Count {
  return isUnknown(getPath(news, path)) ? "unknown" : numberAt(news, path);
}

/** One count a target region asks for, with the argument that says it and what stands in when omitted. */
interface RegionCount {
  property: string;
  count: Count;
  /** A region's own count falls back to the profile's replicaCount; a replica set's to 1. */
  omitted: "profileCount" | "one";
}

/** Every region's own count and those of its additional replica sets, in order. */
function regionCounts(news: unknown, regions: readonly unknown[]): RegionCount[] {
  return regions.flatMap((_region, index) => {
    const at = `publishingProfile.targetRegions[${index}]`;
    const path = ["publishingProfile", "targetRegions", index];
    const sets = listAt(news, [...path, "additionalReplicaSets"]) ?? [];
    return [
      {
        property: `${at}.regionalReplicaCount`,
        count: countAt(news, [...path, "regionalReplicaCount"]),
        omitted: "profileCount" as const,
      },
      ...sets.map((_set, setIndex) => ({
        property: `${at}.additionalReplicaSets[${setIndex}].regionalReplicaCount`,
        count: countAt(news, [...path, "additionalReplicaSets", setIndex, "regionalReplicaCount"]),
        omitted: "one" as const,
      })),
    ];
  });
}

const PROFILE_COUNT = ["publishingProfile", "replicaCount"] as const;

/** Shallow replication keeps a single replica per region: any count written above one is refused. */
export function shallowReplicaFailures(news: unknown, regions: readonly unknown[]): CheckFailure[] {
  if (stringAt(news, ["publishingProfile", "replicationMode"]) !== "Shallow") return [];
  const allowed = LIMITS.shallowReplicaCount.value;
  const written = [
    { property: PROFILE_COUNT.join("."), count: countAt(news, PROFILE_COUNT) },
    ...regionCounts(news, regions),
  ];
  return written
    .filter((c): c is { property: string; count: number } => typeof c.count === "number" && c.count > allowed)
    .map(({ property, count }) => ({
      property,
      reason: `${property} ${count}: with publishingProfile.replicationMode "Shallow" Azure keeps ${allowed} replica per region; set it to ${allowed}, or use replicationMode "Full" for more replicas`,
    }));
}

/**
 * Azure caps the replicas of one version over all its regions. Each region counts its own
 * regionalReplicaCount (or the profile's replicaCount, or 1) plus its additional replica sets.
 */
export function totalReplicaFailures(news: unknown, regions: readonly unknown[]): CheckFailure[] {
  const profileCount = countAt(news, PROFILE_COUNT);
  const counts = regionCounts(news, regions);
  if (profileCount === "unknown" || counts.some((c) => c.count === "unknown")) return [];
  const standIn = (c: RegionCount) =>
    c.omitted === "profileCount" ? (profileCount ?? DEFAULTS.replicaCount) : DEFAULTS.replicaCount;
  const total = counts.reduce((sum, c) => sum + (typeof c.count === "number" ? c.count : standIn(c)), 0);
  const max = LIMITS.maxReplicasPerVersion.value;
  if (total <= max) return [];
  return [
    {
      property: "publishingProfile.targetRegions",
      reason: `publishingProfile.targetRegions asks for ${showValue(total)} replicas in all, and Azure allows at most ${max} replicas of one image version; lower regionalReplicaCount in some regions`,
    },
  ];
}
