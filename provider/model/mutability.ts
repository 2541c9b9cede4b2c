/**
 * THE mutability table: for every argument of every resource kind, whether Azure changes it in place
 * ("update") or the resource has to be deleted and created again ("replace"), and why.
 *
 * `diff` reads nothing but this table; the docs generator prints it (docs/resources.md); a unit test walks the
 * schemas and fails when an argument is missing here.
 *
 * Path syntax: dot-separated argument names following Azure's REST nesting. `[]` marks a list whose
 * elements are matched by a key rather than by position (`keyedBy`):
 *   - a row whose path ends in `[]` ("publishingProfile.targetRegions[]") is the row for adding or
 *     removing an element (a region, a data disk);
 *   - a row below it ("publishingProfile.targetRegions[].storageAccountType") is a change of that
 *     field in an element present before and after.
 * The key fields themselves (a target region's `name`, a data disk's `lun`) have no row of their
 * own: changing one is removing one element and adding another.
 * Lists without `[]` (tags, disallowed disk types, features, encryption) are compared as one value.
 */
import { DEFAULTS } from "./defaults";

export type Behaviour = "update" | "replace";
/** The resource kinds: every list or table keyed by kind derives from this one. */
const KINDS = ["gallery", "galleryImage", "galleryImageVersion", "galleryRoleAssignment"] as const;
export type ResourceKind = (typeof KINDS)[number];
export const RESOURCE_KINDS: readonly ResourceKind[] = KINDS;
export const RESOURCE_DISPLAY_NAMES: Readonly<Record<ResourceKind, string>> = {
  gallery: "Gallery",
  galleryImage: "GalleryImage",
  galleryImageVersion: "GalleryImageVersion",
  galleryRoleAssignment: "GalleryRoleAssignment",
};

/**
 * How two values of an argument are compared.
 * - exact: deep equality (objects by key, lists by position); `{}`/`[]` equal an omitted value.
 * - caseInsensitive: Azure resource names are case-insensitive (`rg-Images` is `rg-images`).
 * - instant: dates compared as points in time (Azure answers `…59.000Z` as `…59+00:00`).
 * - unordered: a list whose order carries no meaning (disallowed disk types, features).
 * - requestOnly: a flag of the request that Azure neither stores nor returns (`allowUpdateImage`,
 *   `restore`), so
 *   it is never a change by itself; it only decides how another change is made (`inPlaceWhen`).
 * - members: a set of ids (subscriptions, tenants), compared case-insensitively in any order; each id
 *   added or removed is a change of its own, so the diff names exactly which.
 */
export type Comparison = "exact" | "caseInsensitive" | "instant" | "unordered" | "requestOnly" | "members";

/**
 * A "replace" row that Azure changes in place under a condition, written as data: the request sets
 * `flag` to true, no element of the list disappears (elements matched by `name`), and every added or
 * changed element carries `changedElementsCarry`.
 */
export interface InPlaceCondition {
  readonly flag: string;
  readonly changedElementsCarry: string;
}

/**
 * How the elements of a `[]` list are matched between old and new.
 * - region: by `name` (normalised where values enter, so `East US` and `eastus` are one region).
 * - lun: by `lun`.
 * - extendedLocation: by region `name` plus `extendedLocation.name`.
 * - groupType: by `type` (a gallery's sharing groups: Subscriptions, AADTenants).
 */
export type ElementKey = "region" | "lun" | "extendedLocation" | "groupType";

export interface MutabilityEntry {
  readonly resource: ResourceKind;
  readonly path: string;
  readonly behaviour: Behaviour;
  /** Why Azure allows or forbids the change in place, in one sentence for users. */
  readonly why: string;
  readonly compare?: Comparison;
  /** Only on rows ending in `[]`: how elements are matched. */
  readonly keyedBy?: ElementKey;
  /** The value Azure assumes when the argument is omitted; omitted and default compare equal. */
  readonly default?: unknown;
  /**
   * Azure picks the value itself when it is omitted (it depends on the source), so an omitted new
   * value never differs from whatever Azure reported.
   */
  readonly azureChoosesWhenOmitted?: true;
  /** Only on "replace" rows: when Azure makes the change in place after all. */
  readonly inPlaceWhen?: InPlaceCondition;
}

const NAME_WHY =
  "the name is part of the Azure resource id, and ARM cannot rename or move a resource, so a new one is created under the new id";
const PARENT_WHY =
  "the parent is part of the Azure resource id, and ARM cannot move a resource between parents, so a new one is created under the new parent";
const LOCATION_WHY = "ARM cannot move a resource to another region";
const TAGS_WHY = "tags are ARM metadata and can be changed on any resource";

type Row = Omit<MutabilityEntry, "resource">;

function rowsOf(resource: ResourceKind, rows: readonly Row[]): MutabilityEntry[] {
  return rows.map((row) => ({ resource, ...row }));
}

const GALLERY: readonly Row[] = [
  { path: "resourceGroupName", behaviour: "replace", why: PARENT_WHY, compare: "caseInsensitive" },
  { path: "galleryName", behaviour: "replace", why: NAME_WHY, compare: "caseInsensitive" },
  { path: "location", behaviour: "replace", why: LOCATION_WHY },
  { path: "description", behaviour: "update", why: "Azure documents the gallery description as updatable" },
  { path: "tags", behaviour: "update", why: TAGS_WHY },
  // Managed identities can be assigned and removed on an existing gallery (PATCH), as on any ARM
  // resource that supports them.
  {
    path: "identity.type",
    behaviour: "update",
    why: "managed identities can be assigned to or removed from an existing gallery",
  },
  {
    path: "identity.userAssignedIdentities",
    behaviour: "update",
    why: "managed identities can be assigned to or removed from an existing gallery",
    compare: "unordered",
  },
  // Sharing is changed in place through the gallery's `share` action, never its PUT (which ignores
  // the groups): Add shares with groups, Remove stops sharing with some, Reset makes the gallery
  // private, EnableCommunity shares it with everyone (lifecycle/sharingPlan.ts).
  {
    path: "sharingProfile.permissions",
    behaviour: "update",
    why: "sharing is changed in place through the gallery's share action (Add, EnableCommunity, Reset)",
    default: "Private",
  },
  {
    path: "sharingProfile.groups[]",
    behaviour: "update",
    why: "subscriptions and tenants are added and removed through the gallery's share action (Add, Remove)",
    keyedBy: "groupType",
  },
  {
    path: "sharingProfile.groups[].ids",
    behaviour: "update",
    why: "subscriptions and tenants are added and removed through the gallery's share action (Add, Remove)",
    compare: "members",
  },
  {
    path: "sharingProfile.communityGalleryInfo.publisherUri",
    behaviour: "update",
    why: "community gallery publisher details can be edited on an existing gallery",
  },
  {
    path: "sharingProfile.communityGalleryInfo.publisherContact",
    behaviour: "update",
    why: "community gallery publisher details can be edited on an existing gallery",
  },
  {
    path: "sharingProfile.communityGalleryInfo.eula",
    behaviour: "update",
    why: "community gallery publisher details can be edited on an existing gallery",
  },
  // Our choice: the public names (`<prefix>-<guid>`) that consumers reference are derived from the
  // prefix once, so a different prefix means a different community gallery.
  {
    path: "sharingProfile.communityGalleryInfo.publicNamePrefix",
    behaviour: "replace",
    why: "the community gallery's public names, which consumers reference, are derived from the prefix when the gallery is shared and never change afterwards",
  },
  {
    path: "softDeletePolicy.isSoftDeleteEnabled",
    behaviour: "update",
    why: "soft delete can be switched on and off on an existing gallery",
    default: false,
  },
];

function fixedOnDefinition(what: string): string {
  return `${what} describes every version already in the definition; Azure rejects changing it once the definition exists`;
}

const GALLERY_IMAGE: readonly Row[] = [
  { path: "resourceGroupName", behaviour: "replace", why: PARENT_WHY, compare: "caseInsensitive" },
  { path: "galleryName", behaviour: "replace", why: PARENT_WHY, compare: "caseInsensitive" },
  { path: "galleryImageName", behaviour: "replace", why: NAME_WHY, compare: "caseInsensitive" },
  { path: "location", behaviour: "replace", why: LOCATION_WHY },
  { path: "tags", behaviour: "update", why: TAGS_WHY },
  { path: "description", behaviour: "update", why: "Azure documents the description as updatable" },
  {
    path: "endOfLifeDate",
    behaviour: "update",
    why: "Azure documents the end-of-life date as updatable; it is informational",
    compare: "instant",
  },
  { path: "releaseNoteUri", behaviour: "update", why: "release notes are informational and updatable" },
  ...(["vCPUs", "memory"] as const).flatMap((resource) =>
    (["min", "max"] as const).map((bound): Row => ({
      path: `recommended.${resource}.${bound}`,
      behaviour: "update",
      why: "Azure documents the recommended machine configuration as updatable; it is advice to consumers",
    })),
  ),
  {
    path: "disallowed.diskTypes",
    behaviour: "update",
    why: "disallowed disk types are advice to consumers and updatable",
    compare: "unordered",
  },
  // Azure documents description, end-of-life date, release notes and the recommended configuration
  // as the updatable properties of a definition; the terms of use are not among them.
  { path: "eula", behaviour: "replace", why: fixedOnDefinition("the EULA, a term of use of the image,") },
  {
    path: "privacyStatementUri",
    behaviour: "replace",
    why: fixedOnDefinition("the privacy statement, a term of use of the image,"),
  },
  { path: "osType", behaviour: "replace", why: fixedOnDefinition("the OS type") },
  {
    path: "osState",
    behaviour: "replace",
    why: fixedOnDefinition("the OS state (generalized or specialized)"),
  },
  {
    path: "hyperVGeneration",
    behaviour: "replace",
    // allowUpdateImage opens only the features (GalleryRP 2024-03-03; Azure/azure-cli#33172).
    why: `${fixedOnDefinition("the Hyper-V generation")}, allowUpdateImage or not (it opens only the features)`,
    default: DEFAULTS.hyperVGeneration,
  },
  {
    path: "architecture",
    behaviour: "replace",
    why: fixedOnDefinition("the CPU architecture"),
    default: DEFAULTS.architecture,
  },
  ...(["publisher", "offer", "sku"] as const).map((part): Row => ({
    path: `identifier.${part}`,
    behaviour: "replace",
    why: "publisher, offer and SKU identify the definition (they must be unique in the gallery) and cannot be changed",
  })),
  ...(["name", "publisher", "product"] as const).map((part): Row => ({
    path: `purchasePlan.${part}`,
    behaviour: "replace",
    why: "the Marketplace purchase plan is bound to the image at creation and cannot be changed",
  })),
  // The 2024-03-03 spec (GalleryImage_UpdateFeatures): with allowUpdateImage, features change in
  // place when each new one says from which version on it holds (startsAtVersion). Replacing instead
  // would delete every version of the definition, so the condition is modelled, not approximated.
  {
    path: "features",
    behaviour: "replace",
    why: "features (security type, accelerated networking, ...) describe what every existing version supports; Azure changes them in place only when allowUpdateImage is true, no feature is removed, and each added or changed feature carries startsAtVersion, so that existing versions keep their claims",
    compare: "unordered",
    inPlaceWhen: { flag: "allowUpdateImage", changedElementsCarry: "startsAtVersion" },
  },
  {
    path: "allowUpdateImage",
    behaviour: "update",
    why: "a flag of the request that Azure neither stores nor returns; it only allows a features change in place",
    compare: "requestOnly",
  },
];

const REPLICA_COUNT_WHY =
  "replicas are added or removed in place; Azure documents the replica count as updatable";
const EXCLUDE_WHY = "excludeFromLatest is updatable; it only changes which version `latest` resolves to";
const SOURCE_WHY =
  "the source is copied into the version once, when it is created; a version's content never changes, so another source is another version";
const REPLICA_STORAGE_WHY =
  "replicas already written to a storage type cannot be converted; Azure documents the storage type as not updatable";

const GALLERY_IMAGE_VERSION: readonly Row[] = [
  { path: "resourceGroupName", behaviour: "replace", why: PARENT_WHY, compare: "caseInsensitive" },
  { path: "galleryName", behaviour: "replace", why: PARENT_WHY, compare: "caseInsensitive" },
  { path: "galleryImageName", behaviour: "replace", why: PARENT_WHY, compare: "caseInsensitive" },
  { path: "galleryImageVersionName", behaviour: "replace", why: NAME_WHY },
  {
    path: "location",
    behaviour: "replace",
    why: `${LOCATION_WHY}: the location is the version's source region`,
  },
  { path: "tags", behaviour: "update", why: TAGS_WHY },
  {
    path: "publishingProfile.targetRegions[]",
    behaviour: "update",
    why: "Azure documents target regions as updatable: a new region is replicated to, a removed one has its replicas deleted",
    keyedBy: "region",
  },
  {
    path: "publishingProfile.targetRegions[].regionalReplicaCount",
    behaviour: "update",
    why: REPLICA_COUNT_WHY,
  },
  {
    path: "publishingProfile.targetRegions[].storageAccountType",
    behaviour: "replace",
    why: REPLICA_STORAGE_WHY,
  },
  {
    path: "publishingProfile.targetRegions[].excludeFromLatest",
    behaviour: "update",
    why: EXCLUDE_WHY,
    default: DEFAULTS.excludeFromLatest,
  },
  {
    path: "publishingProfile.targetRegions[].encryption",
    behaviour: "replace",
    why: "replicas are encrypted with their disk encryption set when written and cannot be re-encrypted",
  },
  // Our choice: direct-drive replica sets are added and resized like regional replicas.
  {
    path: "publishingProfile.targetRegions[].additionalReplicaSets",
    behaviour: "update",
    why: "Azure documents the direct-drive replica count as updatable",
  },
  {
    path: "publishingProfile.replicaCount",
    behaviour: "update",
    why: REPLICA_COUNT_WHY,
    default: DEFAULTS.replicaCount,
  },
  {
    path: "publishingProfile.excludeFromLatest",
    behaviour: "update",
    why: EXCLUDE_WHY,
    default: DEFAULTS.excludeFromLatest,
  },
  {
    path: "publishingProfile.endOfLifeDate",
    behaviour: "update",
    why: "Azure documents the end-of-life date as updatable; it is informational",
    compare: "instant",
  },
  // The profile-wide storage type is the default of every region that names none, so changing it
  // changes the storage of existing replicas: replace, like a region's own storage type.
  {
    path: "publishingProfile.storageAccountType",
    behaviour: "replace",
    why: REPLICA_STORAGE_WHY,
    default: DEFAULTS.storageAccountType,
  },
  {
    path: "publishingProfile.replicationMode",
    behaviour: "replace",
    why: "Azure documents the replication mode (Full or Shallow) as not updatable",
    default: "Full",
  },
  {
    path: "publishingProfile.targetExtendedLocations[]",
    behaviour: "update",
    why: "Azure documents target extended locations as updatable",
    keyedBy: "extendedLocation",
  },
  {
    path: "publishingProfile.targetExtendedLocations[].extendedLocationReplicaCount",
    behaviour: "update",
    why: REPLICA_COUNT_WHY,
  },
  {
    path: "publishingProfile.targetExtendedLocations[].storageAccountType",
    behaviour: "replace",
    why: REPLICA_STORAGE_WHY,
  },
  {
    path: "publishingProfile.targetExtendedLocations[].encryption",
    behaviour: "replace",
    why: "replicas are encrypted with their disk encryption set when written and cannot be re-encrypted",
  },
  { path: "storageProfile.source.id", behaviour: "replace", why: SOURCE_WHY },
  { path: "storageProfile.source.virtualMachineId", behaviour: "replace", why: SOURCE_WHY },
  { path: "storageProfile.source.communityGalleryImageId", behaviour: "replace", why: SOURCE_WHY },
  { path: "storageProfile.osDiskImage.source.id", behaviour: "replace", why: SOURCE_WHY },
  { path: "storageProfile.osDiskImage.source.uri", behaviour: "replace", why: SOURCE_WHY },
  { path: "storageProfile.osDiskImage.source.storageAccountId", behaviour: "replace", why: SOURCE_WHY },
  {
    path: "storageProfile.osDiskImage.hostCaching",
    behaviour: "replace",
    why: "host caching is recorded in the disk image when the version is created",
    azureChoosesWhenOmitted: true,
  },
  {
    path: "storageProfile.dataDiskImages[]",
    behaviour: "replace",
    why: `the data disks are part of the image: ${SOURCE_WHY}`,
    keyedBy: "lun",
    // With a managed image or VM source, Azure lists the source's data disks itself.
    azureChoosesWhenOmitted: true,
  },
  { path: "storageProfile.dataDiskImages[].source.id", behaviour: "replace", why: SOURCE_WHY },
  { path: "storageProfile.dataDiskImages[].source.uri", behaviour: "replace", why: SOURCE_WHY },
  { path: "storageProfile.dataDiskImages[].source.storageAccountId", behaviour: "replace", why: SOURCE_WHY },
  {
    path: "storageProfile.dataDiskImages[].hostCaching",
    behaviour: "replace",
    why: "host caching is recorded in the disk image when the version is created",
    azureChoosesWhenOmitted: true,
  },
  {
    path: "safetyProfile.allowDeletionOfReplicatedLocations",
    behaviour: "update",
    why: "safety flags are settings of the version, updatable at any time",
    default: DEFAULTS.allowDeletionOfReplicatedLocations,
  },
  {
    path: "safetyProfile.blockDeletionBeforeEndOfLife",
    behaviour: "update",
    why: "safety flags are settings of the version, updatable at any time",
    default: DEFAULTS.blockDeletionBeforeEndOfLife,
  },
  {
    path: "restore",
    behaviour: "update",
    why: "a flag of the request (restore a soft-deleted version of this name) that Azure neither stores nor returns",
    compare: "requestOnly",
  },
  // Our argument, not Azure's: an estimate for the storage figures, so changing it alone calls nothing.
  {
    path: "usedSizeInGB",
    behaviour: "update",
    why: "the used size is this package's estimate for storage and egress figures; Azure never sees it, so changing it alone changes nothing in Azure",
    compare: "requestOnly",
  },
  {
    path: "securityProfile.uefiSettings.signatureTemplateNames",
    behaviour: "replace",
    why: "UEFI keys are written into the image when the version is created",
    compare: "unordered",
  },
  {
    path: "securityProfile.uefiSettings.additionalSignatures",
    behaviour: "replace",
    why: "UEFI keys are written into the image when the version is created",
  },
];

// Azure refuses to change a role assignment's scope, principal or role ("Tenant ID, application ID,
// principal ID, and scope are not allowed to be updated", RoleAssignmentUpdateNotPermitted); a PUT of the
// same assignment may change its description only.
const GRANT_WHY =
  "Azure does not change the scope, principal or role of a role assignment; a new assignment replaces it";
const GALLERY_ROLE_ASSIGNMENT: readonly Row[] = [
  { path: "scope", behaviour: "replace", why: GRANT_WHY, compare: "caseInsensitive" },
  { path: "principalId", behaviour: "replace", why: GRANT_WHY, compare: "caseInsensitive" },
  { path: "principalType", behaviour: "replace", why: GRANT_WHY },
  { path: "roleDefinitionId", behaviour: "replace", why: GRANT_WHY, compare: "caseInsensitive" },
  { path: "roleName", behaviour: "replace", why: GRANT_WHY, compare: "caseInsensitive" },
  { path: "roleAssignmentName", behaviour: "replace", why: NAME_WHY, compare: "caseInsensitive" },
  {
    path: "description",
    behaviour: "update",
    why: "a PUT of the same role assignment may change its description",
  },
  {
    path: "allowImageVersionScope",
    behaviour: "update",
    why: "a flag of this package's check (may the scope be a single image version); Azure never sees it",
    compare: "requestOnly",
  },
];

export const MUTABILITY: readonly MutabilityEntry[] = [
  ...rowsOf("gallery", GALLERY),
  ...rowsOf("galleryImage", GALLERY_IMAGE),
  ...rowsOf("galleryImageVersion", GALLERY_IMAGE_VERSION),
  ...rowsOf("galleryRoleAssignment", GALLERY_ROLE_ASSIGNMENT),
];

/** The rows of one resource, in table order. */
export function mutabilityOf(kind: ResourceKind): readonly MutabilityEntry[] {
  return MUTABILITY.filter((entry) => entry.resource === kind);
}
