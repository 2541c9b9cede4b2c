// Service limits per subscription and region, from Microsoft's Azure Compute Gallery article
// (shared/seed/azure-compute-gallery.de.md, "Einschränkungen"). One table; the emulator's options may
// override any row.

export interface Limits {
  galleriesPerRegion: number;
  imageDefinitionsPerRegion: number;
  imageVersionsPerRegion: number;
  replicasPerVersionPerRegion: number;
  /** "All disks attached to the image must be at most 1 TB" (Azure later raised this to 2 TB). */
  maxDiskSizeGB: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  galleriesPerRegion: 100,
  imageDefinitionsPerRegion: 1000,
  imageVersionsPerRegion: 10000,
  replicasPerVersionPerRegion: 10,
  maxDiskSizeGB: 1024,
};
