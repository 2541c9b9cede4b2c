// A refresh reads every version of a stack, one GET each. Many versions of one image definition are
// read from its version list instead (one request per page of 100), which is also what keeps a
// refresh of 1,000 versions inside ARM's read limits for a subscription.
//
// The list has everything a GET has but the replication status ($expand=ReplicationStatus works on
// a GET only). A version is served from the list only when its status cannot have moved since the
// state recorded it: Azure says the version Succeeded, and the state's status was Completed in the
// same regions that the version now targets. Any other version (still replicating, failed, regions
// changed, gone from the list, imported with no state) is read with its own GET.
//
// The first LIST_AFTER_READS reads of a definition in a run are GETs, so that a stack with a few
// versions of a definition that holds many never pays for listing it. The list is kept per
// connection for LISTING_MAX_AGE_MS, and forgotten when this connection writes or deletes a version
// of the definition.
import type { GalleryApi, ImageRef, VersionRef } from "../azure/galleryApi";
import { isJsonObject, type JsonObject } from "../model/jsonObject";
import { normaliseRegionName } from "../model/regions";
import { armKey, connectionMemo } from "./connectionMemo";

export const LIST_AFTER_READS = 10;
export const LISTING_MAX_AGE_MS = 30_000;

interface Listing {
  readonly at: number;
  /** Versions by lowercased name (ARM names are case-insensitive). */
  readonly versions: Promise<Map<string, JsonObject>>;
}

interface Definition {
  reads: number;
  listing?: Listing;
}

const definitionsOf = connectionMemo<Definition>();
const keyOf = (ref: ImageRef) => armKey(ref.resourceGroupName, ref.galleryName, ref.galleryImageName);

function definitionOf(api: GalleryApi, ref: ImageRef): Definition {
  const known = definitionsOf(api);
  let definition = known.get(keyOf(ref));
  if (!definition) known.set(keyOf(ref), (definition = { reads: 0 }));
  return definition;
}

async function listAll(api: GalleryApi, ref: ImageRef): Promise<Map<string, JsonObject>> {
  const versions = new Map<string, JsonObject>();
  for await (const version of api.listVersions(ref))
    versions.set(String(version.name).toLowerCase(), version);
  return versions;
}

function currentListing(api: GalleryApi, ref: ImageRef, definition: Definition, now: number): Listing {
  const kept = definition.listing;
  if (kept && now - kept.at <= LISTING_MAX_AGE_MS) return kept;
  const listing: Listing = { at: now, versions: listAll(api, ref) };
  definition.listing = listing;
  // A failed list is not kept: the reads that waited for it fall back to GETs.
  listing.versions.catch(() => {
    if (definition.listing === listing) definition.listing = undefined;
  });
  return listing;
}

/** The regions of a replication status that was Completed; undefined for any other status. */
function completedRegions(status: unknown): Set<string> | undefined {
  if (!isJsonObject(status) || status.aggregatedState !== "Completed" || !Array.isArray(status.summary)) {
    return undefined;
  }
  return new Set(
    status.summary.map((entry) => normaliseRegionName(String(isJsonObject(entry) ? entry.region : ""))),
  );
}

function targetRegions(version: JsonObject): Set<string> {
  const profile = version.publishingProfile;
  const regions = isJsonObject(profile) && Array.isArray(profile.targetRegions) ? profile.targetRegions : [];
  return new Set(
    regions.map((region) => normaliseRegionName(String(isJsonObject(region) ? region.name : ""))),
  );
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * The listed version with the state's replication status, when that status still holds: the version
 * Succeeded and targets the regions the status was Completed in.
 */
function servedFromList(
  listed: JsonObject | undefined,
  prior: JsonObject,
  completed: Set<string>,
): JsonObject | undefined {
  if (!listed || listed.provisioningState !== "Succeeded" || !sameSet(completed, targetRegions(listed))) {
    return undefined;
  }
  return { ...listed, replicationStatus: prior.replicationStatus! };
}

/**
 * The version as Azure has it, with its replication status: from the definition's version list when
 * the rules above allow, else from its own GET. `prior` is what the state holds for it.
 */
export async function readVersion(
  api: GalleryApi,
  ref: VersionRef,
  prior: JsonObject,
  now: () => number = Date.now,
): Promise<JsonObject | undefined> {
  const get = () => api.getVersion(ref, { replicationStatus: true });
  const completed = completedRegions(prior.replicationStatus);
  if (!completed) return get();
  const definition = definitionOf(api, ref);
  definition.reads += 1;
  if (definition.reads <= LIST_AFTER_READS) return get();
  const listed = await currentListing(api, ref, definition, now()).versions.catch(() => undefined);
  const version = listed?.get(ref.galleryImageVersionName.toLowerCase());
  return servedFromList(version, prior, completed) ?? get();
}

/** After this connection writes or deletes a version, its definition is listed afresh. */
export function forgetVersionListing(api: GalleryApi, ref: ImageRef): void {
  const definition = definitionsOf(api).get(keyOf(ref));
  if (definition) definition.listing = undefined;
}
