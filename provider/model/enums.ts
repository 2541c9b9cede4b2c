/**
 * The closed value sets of api-version 2024-03-03, as const arrays so that the schemas, the checks,
 * the docs and the resource argument types all read the same list.
 */
export const OS_TYPES = ["Windows", "Linux"] as const;
export const OS_STATES = ["Generalized", "Specialized"] as const;
export const HYPER_V_GENERATIONS = ["V1", "V2"] as const;
export const ARCHITECTURES = ["x64", "Arm64"] as const;
/**
 * Storage types of image replicas. `PremiumV2_LRS` is listed because api-version 2024-03-03 accepts
 * it for target regions and additional replica sets.
 */
export const STORAGE_ACCOUNT_TYPES = [
  "Standard_LRS",
  "Standard_ZRS",
  "Premium_LRS",
  "PremiumV2_LRS",
] as const;
/** Storage types of replicas in extended locations (edge zones): a different list in the spec. */
export const EDGE_ZONE_STORAGE_ACCOUNT_TYPES = [
  "Standard_LRS",
  "Standard_ZRS",
  "StandardSSD_LRS",
  "Premium_LRS",
] as const;
export const REPLICATION_MODES = ["Full", "Shallow"] as const;
export const HOST_CACHING = ["None", "ReadOnly", "ReadWrite"] as const;
export const GALLERY_IDENTITY_TYPES = [
  "SystemAssigned",
  "UserAssigned",
  "SystemAssigned, UserAssigned",
  "None",
] as const;
/**
 * The principal types a gallery grant names (Microsoft.Authorization's enum also has ForeignGroup and
 * Device). Here rather than in roleAssignment.ts, which imports zod: the package's public types must
 * not reach zod's declarations.
 */
export const PRINCIPAL_TYPES = ["User", "Group", "ServicePrincipal"] as const;
export const SHARING_PERMISSIONS = ["Private", "Groups", "Community"] as const;
export const SHARING_GROUP_TYPES = ["Subscriptions", "AADTenants"] as const;
export const EXTENDED_LOCATION_TYPES = ["EdgeZone", "Unknown"] as const;
export const CONFIDENTIAL_VM_ENCRYPTION_TYPES = [
  "EncryptedVMGuestStateOnlyWithPmk",
  "EncryptedWithPmk",
  "EncryptedWithCmk",
  "NonPersistedTPM",
] as const;
export const UEFI_SIGNATURE_TEMPLATE_NAMES = [
  "NoSignatureTemplate",
  "MicrosoftUefiCertificateAuthorityTemplate",
  "MicrosoftWindowsTemplate",
] as const;
export const UEFI_KEY_TYPES = ["sha256", "x509"] as const;

export type OsType = (typeof OS_TYPES)[number];
export type OsState = (typeof OS_STATES)[number];
export type HyperVGeneration = (typeof HYPER_V_GENERATIONS)[number];
export type Architecture = (typeof ARCHITECTURES)[number];
export type StorageAccountType = (typeof STORAGE_ACCOUNT_TYPES)[number];
export type EdgeZoneStorageAccountType = (typeof EDGE_ZONE_STORAGE_ACCOUNT_TYPES)[number];
export type ReplicationMode = (typeof REPLICATION_MODES)[number];
export type HostCaching = (typeof HOST_CACHING)[number];
export type GalleryIdentityType = (typeof GALLERY_IDENTITY_TYPES)[number];
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];
export type SharingPermission = (typeof SHARING_PERMISSIONS)[number];
export type SharingGroupType = (typeof SHARING_GROUP_TYPES)[number];
export type ExtendedLocationType = (typeof EXTENDED_LOCATION_TYPES)[number];
export type ConfidentialVmEncryptionType = (typeof CONFIDENTIAL_VM_ENCRYPTION_TYPES)[number];
export type UefiSignatureTemplateName = (typeof UEFI_SIGNATURE_TEMPLATE_NAMES)[number];
export type UefiKeyType = (typeof UEFI_KEY_TYPES)[number];
