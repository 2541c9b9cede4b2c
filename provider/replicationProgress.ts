// One line that says where a version's replication stands, region by region:
// "Replicating: West Europe 40% (2 replicas), East US Completed".
import type { JsonObject } from "./model/jsonObject";

type Summary = { region?: string; state?: string; progress?: number };

export function describeReplication(version: JsonObject): string {
  const status = version.replicationStatus as { aggregatedState?: string; summary?: Summary[] } | undefined;
  if (!status?.summary?.length) return `provisioning ${version.provisioningState ?? "unknown"}`;
  const regions = status.summary
    .map((s) => `${s.region} ${s.state === "Replicating" ? `${s.progress ?? 0}%` : s.state}`)
    .join(", ");
  return `${status.aggregatedState ?? "Unknown"}: ${regions}`;
}
