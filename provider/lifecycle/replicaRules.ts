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
import { getPath, listAt, showValue, stringAt } from "./values";

/** A count as written: a number, undefined when omitted, or "unknown" while a preview cannot know it. */
function countAt(news: unknown, path: readonly (string | number)[]): number | undefined | "unknown" {
  const value = getPath(news, path);
  if (isUnknown(value)) return "unknown";
  return typeof value === "number" ? value : undefined;
}

/** The counts a version asks for, each with the argument that says it. */
function writtenCounts(
  news: unknown,
  regions: readonly unknown[],
): { property: string; count: number | "unknown" | undefined }[] {
  const counts: { property: string; count: number | "unknown" | undefined }[] = [
    {
      property: "publishingProfile.replicaCount",
      count: countAt(news, ["publishingProfile", "replicaCount"]),
    },
  ];
  regions.forEach((_region, index) => {
    const path = ["publishingProfile", "targetRegions", index];
    counts.push({
      property: `publishingProfile.targetRegions[${index}].regionalReplicaCount`,
      count: countAt(news, [...path, "regionalReplicaCount"]),
    });
    (listAt(news, [...path, "additionalReplicaSets"]) ?? []).forEach((_set, setIndex) => {
      counts.push({
        property: `publishingProfile.targetRegions[${index}].additionalReplicaSets[${setIndex}].regionalReplicaCount`,
        count: countAt(news, [...path, "additionalReplicaSets", setIndex, "regionalReplicaCount"]),
      });
    });
  });
  return counts;
}

/** Shallow replication keeps a single replica per region: any count written above one is refused. */
export function shallowReplicaFailures(news: unknown, regions: readonly unknown[]): CheckFailure[] {
  if (stringAt(news, ["publishingProfile", "replicationMode"]) !== "Shallow") return [];
  const allowed = LIMITS.shallowReplicaCount.value;
  return writtenCounts(news, regions)
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
  const profileCount = countAt(news, ["publishingProfile", "replicaCount"]);
  if (profileCount === "unknown") return [];
  let total = 0;
  for (let index = 0; index < regions.length; index++) {
    const path = ["publishingProfile", "targetRegions", index];
    const own = countAt(news, [...path, "regionalReplicaCount"]);
    if (own === "unknown") return [];
    total += own ?? profileCount ?? DEFAULTS.replicaCount;
    for (
      let setIndex = 0;
      setIndex < (listAt(news, [...path, "additionalReplicaSets"]) ?? []).length;
      setIndex++
    ) {
      const extra = countAt(news, [...path, "additionalReplicaSets", setIndex, "regionalReplicaCount"]);
      if (extra === "unknown") return [];
      total += extra ?? DEFAULTS.replicaCount;
    }
  }
  const max = LIMITS.maxReplicasPerVersion.value;
  if (total <= max) return [];
  return [
    {
      property: "publishingProfile.targetRegions",
      reason: `publishingProfile.targetRegions asks for ${showValue(total)} replicas in all, and Azure allows at most ${max} replicas of one image version; lower regionalReplicaCount in some regions`,
    },
  ];
}
