// Service limits per subscription and region, and per image version, as Microsoft's current Azure
// Compute Gallery article states them (Limits, Best practices); the 2021 edition the project started from
// said 10 replicas per region and 1 TB disks. One table; the emulator's options may override any row.

export interface Limits {
  galleriesPerRegion: number;
  imageDefinitionsPerRegion: number;
  imageVersionsPerRegion: number;
  replicasPerVersionPerRegion: number;
  /** Replicas of one version over all its target regions. */
  replicasPerVersion: number;
  /** Disks of an image with full replication must be under 2 TB: 2,047 GiB is the largest whole size. */
  maxDiskSizeGB: number;
  /** Shallow replication takes disks up to 32 TB. */
  maxShallowDiskSizeGB: number;
  /** VM applications article (learn.microsoft.com/azure/virtual-machines/vm-applications), Limitations. */
  replicasPerApplicationVersionPerRegion: number;
  /** The same section: an application version's package file is at most 2 GB (the 2022 edition: 1 GB). */
  maxApplicationPackageSizeGB: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  galleriesPerRegion: 100,
  imageDefinitionsPerRegion: 1000,
  imageVersionsPerRegion: 10000,
  replicasPerVersionPerRegion: 50,
  replicasPerVersion: 100,
  maxDiskSizeGB: 2047,
  maxShallowDiskSizeGB: 32768,
  replicasPerApplicationVersionPerRegion: 3,
  maxApplicationPackageSizeGB: 2,
};

/**
 * How many subscriptions and tenants one gallery is shared with directly: "up to 30 subscriptions and
 * 5 tenants" (learn.microsoft.com share-gallery-direct, Limitations). Fixed, not an option: a preview
 * limit of the feature rather than a quota.
 */
export const DIRECT_SHARE_LIMITS: Readonly<Record<string, { max: number; what: string }>> = {
  Subscriptions: { max: 30, what: "subscriptions" },
  AADTenants: { max: 5, what: "tenants" },
};
