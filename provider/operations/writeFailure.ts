// A write that Azure accepted and then failed (its long-running operation ended Failed, or the answer
// was lost): the resource exists in Azure. The error carries its id and the state read back, so the
// engine records the resource (as one that failed to initialise) instead of leaking it, and the next
// `up` updates it, which retries what failed. Both front doors know this error: the dynamic-provider
// host packs `id`, `properties` and `reasons` into ErrorResourceInitFailed, the plugin does the same.
import type { DiffOutcome } from "../lifecycle/diff";
import type { JsonObject } from "../model/jsonObject";

export class ResourceInitError extends Error {
  constructor(
    message: string,
    /** The resource's ARM id. */
    readonly id: string,
    /** Its outputs as Azure reports them after the failure. */
    public properties: JsonObject,
    /** What failed, one line each (the engine lists them under the resource). */
    readonly reasons: string[],
  ) {
    super(message);
    this.name = "ResourceInitError";
    this.stack = message; // a message for people, like AzureError's
  }
}

interface RegionSummary {
  region?: string;
  state?: string;
  details?: string;
}

/** The regions whose replication failed, with Azure's details. */
export function failedRegions(version: JsonObject): { region: string; details: string }[] {
  const status = version.replicationStatus as { summary?: RegionSummary[] } | undefined;
  return (status?.summary ?? [])
    .filter((s) => s.state === "Failed")
    .map((s) => ({ region: s.region ?? "?", details: s.details ?? "" }));
}

/**
 * A resource Azure reports as Failed (a failed write recorded above, or found by `refresh`) is
 * updated by the next `up` even when the program did not change: the same PUT retries what failed
 * (for a version, replication in the failed regions). The engine's own retry of resources that
 * failed to initialise does not survive a refresh, so the diff says it.
 */
export function repairingFailed(outcome: DiffOutcome, olds: JsonObject, label: string): DiffOutcome {
  if (olds.provisioningState !== "Failed" || outcome.replaces.length > 0) return outcome;
  const regions = failedRegions(olds).map((r) => r.region);
  const where = regions.length > 0 ? ` (replication failed in ${regions.join(", ")})` : "";
  return {
    ...outcome,
    changes: true,
    updates: outcome.updates.includes("provisioningState")
      ? outcome.updates
      : [...outcome.updates, "provisioningState"],
    details: [...outcome.details, { path: "provisioningState", kind: "update", replace: false }],
    warnings: [...outcome.warnings, `${label} is Failed in Azure${where}: the update retries it`],
  };
}
