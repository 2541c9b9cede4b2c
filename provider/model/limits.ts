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
  /** Where the number comes from, so a reader can check it against Azure as it is now. */
  readonly source: LimitSource;
  /** The 2021 seed article's number, where today's Azure differs from it (today's wins). */
  readonly seedArticleValue?: number;
}

/** The documents the limits are read from; each limit names one. */
export const LIMIT_SOURCES = {
  seedArticle: {
    title: 'Microsoft, "Store and share images in an Azure Compute Gallery" (2021), Limits',
    url: "https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#limits",
  },
  galleryLimitsToday: {
    title:
      'Microsoft, "Store and share images in an Azure Compute Gallery" (current edition), Limits: "a maximum 100 replicas per image version"; disks "less than 2 TB", "up to 32 TB" with shallow replication',
    url: "https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#limits",
  },
  galleryBestPracticesToday: {
    title:
      'Microsoft, "Store and share images in an Azure Compute Gallery" (current edition), Best practices: "a maximum of 50 replicas per region"',
    url: "https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#best-practices",
  },
  shallowReplication: {
    title:
      'Microsoft, "Store and share images in an Azure Compute Gallery" (current edition), Shallow replication: one replica per region',
    url: "https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#shallow-replication",
  },
  galleryRestSpec: {
    title: "Azure REST API spec, GalleryRP 2024-03-03 (`galleryImageVersionName`, `regionalReplicaCount`)",
    url: "https://github.com/Azure/azure-rest-api-specs/tree/main/specification/compute/resource-manager/Microsoft.Compute/GalleryRP/stable/2024-03-03",
  },
  namingRules: {
    title:
      'Microsoft, "Naming rules and restrictions for Azure resources" (Microsoft.Compute, Microsoft.Resources)',
    url: "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules",
  },
  softDelete: {
    title: 'Microsoft, "Soft Delete in Azure Compute Gallery" (preview)',
    url: "https://learn.microsoft.com/azure/virtual-machines/soft-delete-gallery",
  },
  directShare: {
    title:
      'Microsoft, "Share a gallery with all users in a subscription or tenant (preview)", Limitations: "up to 30 subscriptions and 5 tenants"',
    url: "https://learn.microsoft.com/azure/virtual-machines/share-gallery-direct",
  },
  tagLimits: {
    title: 'Microsoft, "Use tags to organize your Azure resources", Limitations',
    url: "https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations",
  },
} as const satisfies Record<string, { title: string; url: string }>;
export type LimitSource = keyof typeof LIMIT_SOURCES;

export const LIMITS = {
  maxRegionalReplicaCount: {
    value: 50,
    description: "Replicas of one image version in one region (`regionalReplicaCount`, `replicaCount`)",
    enforcedBy: "check",
    source: "galleryBestPracticesToday",
    seedArticleValue: 10,
  },
  maxReplicasPerVersion: {
    value: 100,
    description:
      "Replicas of one image version in all its target regions together (each region's count, summed)",
    enforcedBy: "check",
    source: "galleryLimitsToday",
  },
  shallowReplicaCount: {
    value: 1,
    description: "Replicas per region of a version with `replicationMode: Shallow`",
    enforcedBy: "check",
    source: "shallowReplication",
  },
  minRegionalReplicaCount: {
    value: 1,
    description: "Minimum replicas of an image version in a target region",
    enforcedBy: "check",
    source: "galleryRestSpec",
  },
  maxGalleryNameLength: {
    value: 80,
    description: "Characters in a gallery name",
    enforcedBy: "check",
    source: "namingRules",
  },
  maxImageNameLength: {
    value: 80,
    description: "Characters in an image definition name",
    enforcedBy: "check",
    source: "namingRules",
  },
  maxVersionNumberPart: {
    value: 2_147_483_647,
    description: "Each of Major, Minor, Patch of a version name (a 32-bit signed integer)",
    enforcedBy: "check",
    source: "galleryRestSpec",
  },
  maxResourceGroupNameLength: {
    value: 90,
    description: "Characters in a resource group name",
    enforcedBy: "check",
    source: "namingRules",
  },
  galleriesPerSubscriptionPerRegion: {
    value: 100,
    description: "Galleries per subscription and region",
    enforcedBy: "informational",
    source: "seedArticle",
  },
  imageDefinitionsPerSubscriptionPerRegion: {
    value: 1000,
    description: "Image definitions per subscription and region",
    enforcedBy: "informational",
    source: "seedArticle",
  },
  imageVersionsPerSubscriptionPerRegion: {
    value: 10000,
    description: "Image versions per subscription and region",
    enforcedBy: "informational",
    source: "seedArticle",
  },
  softDeleteRetentionDays: {
    value: 7,
    description:
      "Days a soft-deleted image version stays restorable (gallery `softDeletePolicy`; fixed by Azure)",
    enforcedBy: "informational",
    source: "softDelete",
  },
  maxDiskSizeGiB: {
    value: 2047,
    description: "Size in GiB of any disk of an image with full replication (under 2 TB)",
    enforcedBy: "informational",
    source: "galleryLimitsToday",
    seedArticleValue: 1024,
  },
  maxShallowDiskSizeGiB: {
    value: 32768,
    description: "Size in GiB of any disk of an image with `replicationMode: Shallow` (32 TB)",
    enforcedBy: "informational",
    source: "galleryLimitsToday",
  },
  maxDirectShareSubscriptions: {
    value: 30,
    description:
      "Subscriptions one gallery is shared with directly (`sharingProfile.groups`, type Subscriptions)",
    enforcedBy: "check",
    source: "directShare",
  },
  maxDirectShareTenants: {
    value: 5,
    description: "Tenants one gallery is shared with directly (`sharingProfile.groups`, type AADTenants)",
    enforcedBy: "check",
    source: "directShare",
  },
  maxTagsPerResource: {
    value: 50,
    description: "Tags on one gallery, image definition or version, the provider's owner marker included",
    enforcedBy: "check",
    source: "tagLimits",
  },
  maxTagNameLength: {
    value: 512,
    description: "Characters in a tag name",
    enforcedBy: "check",
    source: "tagLimits",
  },
  maxTagValueLength: {
    value: 256,
    description: "Characters in a tag value",
    enforcedBy: "check",
    source: "tagLimits",
  },
} as const satisfies Record<string, LimitEntry>;

export type LimitName = keyof typeof LIMITS;

/** The limits as rows, in declaration order, for documentation. */
export const LIMIT_TABLE: readonly (LimitEntry & { name: LimitName })[] = (
  Object.keys(LIMITS) as LimitName[]
).map((name) => ({ name, ...LIMITS[name] }));
