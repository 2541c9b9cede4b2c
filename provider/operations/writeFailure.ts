// A write that Azure accepted and then failed (its long-running operation ended Failed, or the answer
// was lost): the resource exists in Azure. The error carries its id and the state read back, so the
// engine records the resource (as one that failed to initialise) instead of leaking it, and the next
// `up` updates it, which retries what failed. Both front doors know this error: the dynamic-provider
// host packs `id`, `properties` and `reasons` into ErrorResourceInitFailed, the plugin does the same.
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

/** "West US 3: <Azure's details>" for each region whose replication failed. */
export function failedRegions(version: JsonObject): string[] {
  const status = version.replicationStatus as { summary?: RegionSummary[] } | undefined;
  return (status?.summary ?? [])
    .filter((s) => s.state === "Failed")
    .map((s) => `${s.region ?? "?"}: ${s.details || "replication failed"}`);
}
