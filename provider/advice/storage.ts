/**
 * What an image version costs to keep, in the quantities Azure bills (Compute Gallery, "Billing"):
 *   - storage: every replica is a snapshot, billed on the version's used size, per region at the
 *     region's storage type;
 *   - egress: the first replica in each target region other than the source region is copied over
 *     the network once; further replicas in a region are copied inside it and cost no egress.
 * Azure reports provisioned disk sizes only. The used size comes from the user (`usedSizeInGB`);
 * without it, the provisioned sizes give upper bounds, and the estimate says so (`basis`).
 *
 * Pure: no I/O.
 */
import { DEFAULTS } from "../model/defaults";
import { normaliseRegionName } from "../model/regions";
import type { JsonObject } from "../model/jsonObject";

export interface RegionReplicas {
  /** Normalised region name. */
  readonly region: string;
  readonly replicas: number;
  readonly storageAccountType: string;
}

export interface VersionFootprint {
  /** The version's source region (its location), normalised. */
  readonly sourceRegion: string;
  readonly targetRegions: readonly RegionReplicas[];
  /** Used size of all the version's disks together, in GB, when the user gave it. */
  readonly usedSizeInGB?: number;
  /** Provisioned sizes of the OS and data disks in GB, as Azure reports them (absent before creation). */
  readonly provisionedDiskSizesInGB?: readonly number[];
}

/** Where the size per snapshot comes from. */
export type SizeBasis = "used" | "provisioned (upper bound)" | "unknown";

export interface RegionStorage extends RegionReplicas {
  /** One snapshot per replica. */
  readonly snapshots: number;
  /** snapshots x size per snapshot; undefined when the size is unknown. */
  readonly storedGB: number | undefined;
}

export interface StorageEstimate {
  readonly regions: readonly RegionStorage[];
  readonly snapshots: number;
  readonly sizePerSnapshotGB: number | undefined;
  readonly basis: SizeBasis;
  readonly storedGB: number | undefined;
  /** Target regions other than the source: each receives one copy over the network. */
  readonly egressRegions: readonly string[];
  readonly egressGB: number | undefined;
}

export function storageEstimate(footprint: VersionFootprint): StorageEstimate {
  const { size, basis } = sizePerSnapshot(footprint);
  const regions = footprint.targetRegions.map((target) => ({
    ...target,
    snapshots: target.replicas,
    storedGB: times(size, target.replicas),
  }));
  const snapshots = regions.reduce((sum, region) => sum + region.snapshots, 0);
  const egressRegions = footprint.targetRegions
    .map((target) => target.region)
    .filter((region) => region !== footprint.sourceRegion);
  return {
    regions,
    snapshots,
    sizePerSnapshotGB: size,
    basis,
    storedGB: times(size, snapshots),
    egressRegions,
    egressGB: times(size, egressRegions.length),
  };
}

function sizePerSnapshot(footprint: VersionFootprint): { size: number | undefined; basis: SizeBasis } {
  if (footprint.usedSizeInGB !== undefined) return { size: footprint.usedSizeInGB, basis: "used" };
  const disks = footprint.provisionedDiskSizesInGB ?? [];
  return disks.length === 0
    ? { size: undefined, basis: "unknown" }
    : { size: disks.reduce((sum, gb) => sum + gb, 0), basis: "provisioned (upper bound)" };
}

function times(size: number | undefined, count: number): number | undefined {
  return size === undefined ? undefined : size * count;
}

/**
 * The egress a change causes: every target region other than the source when the version is new or
 * recreated; otherwise only regions it was not in before (a removed region's copy is not refunded,
 * a region that stays was paid for already).
 */
export function egressOfChange(
  before: StorageEstimate | undefined,
  after: StorageEstimate,
  recreated: boolean,
): { regions: string[]; gb: number | undefined } {
  const paid = new Set(before === undefined || recreated ? [] : before.egressRegions);
  const regions = after.egressRegions.filter((region) => !paid.has(region));
  return { regions, gb: times(after.sizePerSnapshotGB, regions.length) };
}

const record = (value: unknown): JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const nonNegative = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;

/**
 * A version's footprint from its inputs or outputs (the shape of `GalleryImageVersionArgs`), with
 * Azure's defaults where the profile omits a value: target regions = [location], replica count and
 * storage type from the profile.
 */
export function footprintOfVersion(props: JsonObject): VersionFootprint {
  const location = typeof props.location === "string" ? normaliseRegionName(props.location) : "";
  const profile = record(props.publishingProfile);
  const replicaCount = nonNegative(profile.replicaCount) ?? DEFAULTS.replicaCount;
  const storageType =
    typeof profile.storageAccountType === "string" ? profile.storageAccountType : DEFAULTS.storageAccountType;
  const declared = list(profile.targetRegions).map(record);
  const targets = declared.length > 0 ? declared : [{ name: location }];
  const storage = record(props.storageProfile);
  const diskSizes = [record(storage.osDiskImage), ...list(storage.dataDiskImages).map(record)]
    .map((disk) => nonNegative(disk.sizeInGB))
    .filter((size): size is number => size !== undefined);
  const used = nonNegative(props.usedSizeInGB);
  return {
    sourceRegion: location,
    targetRegions: targets.map((target) => ({
      region: typeof target.name === "string" ? normaliseRegionName(target.name) : "(unknown)",
      replicas: nonNegative(target.regionalReplicaCount) ?? replicaCount,
      storageAccountType:
        typeof target.storageAccountType === "string" ? target.storageAccountType : storageType,
    })),
    ...(used === undefined ? {} : { usedSizeInGB: used }),
    ...(diskSizes.length === 0 ? {} : { provisionedDiskSizesInGB: diskSizes }),
  };
}
