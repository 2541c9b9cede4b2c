/**
 * Service limits of Azure Compute Gallery, as one table. `check` reads the entries it enforces; the
 * docs generator (scripts/generate-docs.ts) prints all of them into docs/limits.md.
 */
export interface LimitEntry {
  /** The number. */
  readonly value: number;
  /** What the number limits, in words. */
  readonly description: string;
  /** "check" when `check` rejects inputs beyond it; "informational" when only Azure can know (quotas). */
  readonly enforcedBy: "check" | "informational";
}

export const LIMITS = {
  maxRegionalReplicaCount: {
    value: 10,
    description: "Replicas of one image version in one region (`regionalReplicaCount`, `replicaCount`)",
    enforcedBy: "check",
  },
  minRegionalReplicaCount: {
    value: 1,
    description: "Minimum replicas of an image version in a target region",
    enforcedBy: "check",
  },
  maxGalleryNameLength: { value: 80, description: "Characters in a gallery name", enforcedBy: "check" },
  maxImageNameLength: {
    value: 80,
    description: "Characters in an image definition name",
    enforcedBy: "check",
  },
  maxVersionNumberPart: {
    value: 2_147_483_647,
    description: "Each of Major, Minor, Patch of a version name (a 32-bit signed integer)",
    enforcedBy: "check",
  },
  maxResourceGroupNameLength: {
    value: 90,
    description: "Characters in a resource group name",
    enforcedBy: "check",
  },
  galleriesPerSubscriptionPerRegion: {
    value: 100,
    description: "Galleries per subscription and region",
    enforcedBy: "informational",
  },
  imageDefinitionsPerSubscriptionPerRegion: {
    value: 1000,
    description: "Image definitions per subscription and region",
    enforcedBy: "informational",
  },
  imageVersionsPerSubscriptionPerRegion: {
    value: 10000,
    description: "Image versions per subscription and region",
    enforcedBy: "informational",
  },
  softDeleteRetentionDays: {
    value: 7,
    description:
      "Days a soft-deleted image version stays restorable (gallery `softDeletePolicy`; fixed by Azure)",
    enforcedBy: "informational",
  },
  maxDiskSizeGiB: {
    value: 1024,
    description: "Size in GiB of any disk attached to an image (1 TB)",
    enforcedBy: "informational",
  },
  maxTagsPerResource: {
    value: 50,
    description: "Tags on one gallery, image definition or version, the provider's owner marker included",
    enforcedBy: "check",
  },
  maxTagNameLength: { value: 512, description: "Characters in a tag name", enforcedBy: "check" },
  maxTagValueLength: { value: 256, description: "Characters in a tag value", enforcedBy: "check" },
} as const satisfies Record<string, LimitEntry>;

export type LimitName = keyof typeof LIMITS;

/** The limits as rows, in declaration order, for documentation. */
export const LIMIT_TABLE: readonly (LimitEntry & { name: LimitName })[] = (
  Object.keys(LIMITS) as LimitName[]
).map((name) => ({ name, ...LIMITS[name] }));
