/**
 * "latest" of an image definition, resolved as Azure does for one region.
 *
 *   latestVersion(versions: readonly GalleryImageVersionListItem[], region: string): GalleryImageVersionListItem | undefined
 *   resolveLatest(pages: AsyncIterable<GalleryImageVersionListItem[]> | AsyncIterable<GalleryImageVersionListItem>,
 *                 region: string): Promise<GalleryImageVersionListItem | undefined>
 *   compareVersionNames(a, b): number   (negative when a is older)
 *
 * Versions are shaped like ARM's GET / list with `$expand=ReplicationStatus`. A version counts when
 *   - its name is Major.Minor.Patch,
 *   - it is not excluded from latest for the region: the region's own `excludeFromLatest` wins over
 *     the profile-wide one when set,
 *   - its replication to the region is Completed (per `replicationStatus.summary`; a version without
 *     replication status is not known to be there, so it does not count).
 * The highest Major, then Minor, then Patch wins, compared as integers (1.0.10 beats 1.0.9).
 */
import { normaliseRegionName } from "../model/regions";

export interface GalleryImageVersionListItem {
  readonly name?: string;
  readonly properties?: {
    readonly publishingProfile?: {
      readonly excludeFromLatest?: boolean;
      readonly targetRegions?: readonly { readonly name: string; readonly excludeFromLatest?: boolean }[];
    };
    readonly replicationStatus?: {
      readonly aggregatedState?: string;
      readonly summary?: readonly { readonly region?: string; readonly state?: string }[];
    };
  };
}

const VERSION_NAME = /^(\d+)\.(\d+)\.(\d+)$/;

function versionParts(name: string | undefined): [number, number, number] | undefined {
  const match = VERSION_NAME.exec(name ?? "");
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** Orders version names numerically, part by part; negative when `a` is older than `b`. */
export function compareVersionNames(a: string, b: string): number {
  const [left, right] = [versionParts(a) ?? [-1, -1, -1], versionParts(b) ?? [-1, -1, -1]];
  for (let index = 0; index < 3; index++) {
    const difference = left[index]! - right[index]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

function excludedIn(version: GalleryImageVersionListItem, region: string): boolean {
  const profile = version.properties?.publishingProfile;
  const regional = profile?.targetRegions?.find((target) => normaliseRegionName(target.name) === region);
  return regional?.excludeFromLatest ?? profile?.excludeFromLatest ?? false;
}

function replicatedTo(version: GalleryImageVersionListItem, region: string): boolean {
  const summary = version.properties?.replicationStatus?.summary ?? [];
  return summary.some(
    (status) =>
      status.region !== undefined &&
      normaliseRegionName(status.region) === region &&
      status.state === "Completed",
  );
}

/** Whether `version` may be what "latest" means in `region` (normalised). */
function eligible(version: GalleryImageVersionListItem, region: string): boolean {
  return (
    versionParts(version.name) !== undefined && !excludedIn(version, region) && replicatedTo(version, region)
  );
}

function newer(
  best: GalleryImageVersionListItem | undefined,
  candidate: GalleryImageVersionListItem,
): GalleryImageVersionListItem {
  return best === undefined || compareVersionNames(candidate.name!, best.name!) > 0 ? candidate : best;
}

export function latestVersion(
  versions: readonly GalleryImageVersionListItem[],
  region: string,
): GalleryImageVersionListItem | undefined {
  const key = normaliseRegionName(region);
  return versions.filter((version) => eligible(version, key)).reduce(newer, undefined);
}

/** Follows every page of a version list (or a flat stream of versions) and resolves latest. */
export async function resolveLatest(
  pages: AsyncIterable<GalleryImageVersionListItem[]> | AsyncIterable<GalleryImageVersionListItem>,
  region: string,
): Promise<GalleryImageVersionListItem | undefined> {
  let best: GalleryImageVersionListItem | undefined;
  for await (const page of pages as AsyncIterable<
    GalleryImageVersionListItem[] | GalleryImageVersionListItem
  >) {
    const candidate = latestVersion(Array.isArray(page) ? page : [page], region);
    if (candidate !== undefined) best = newer(best, candidate);
  }
  return best;
}
