// Inputs of each resource kind with every argument set, shaped like checked inputs, for tables.
import { UNKNOWN } from "../../provider/model/unknown";

export { UNKNOWN };

export const NOW = new Date("2025-06-01T00:00:00Z");
export const CTX = { now: NOW, accessGrantedRegions: [] as string[] };

const MANAGED_IMAGE = "/subscriptions/0000/resourceGroups/rg-src/providers/Microsoft.Compute/images/golden";
const SNAPSHOT = "/subscriptions/0000/resourceGroups/rg-src/providers/Microsoft.Compute/snapshots/data0";
const STORAGE = "/subscriptions/0000/resourceGroups/rg-src/providers/Microsoft.Storage/storageAccounts/vhds";
const DES = "/subscriptions/0000/resourceGroups/rg-src/providers/Microsoft.Compute/diskEncryptionSets/des1";

export function fullGallery(): Record<string, any> {
  return {
    resourceGroupName: "rg-images",
    galleryName: "corpImages",
    location: "westeurope",
    description: "Golden images",
    tags: { team: "platform" },
    identity: { type: "UserAssigned", userAssignedIdentities: ["/subscriptions/0000/identities/id1"] },
    sharingProfile: {
      permissions: "Groups",
      groups: [{ type: "Subscriptions", ids: ["34a4ab42-0d72-47d9-bd1a-aed207386dac"] }],
      communityGalleryInfo: {
        publisherUri: "https://contoso.example",
        publisherContact: "images@contoso.example",
        eula: "https://contoso.example/eula",
        publicNamePrefix: "contoso",
      },
    },
    softDeletePolicy: { isSoftDeleteEnabled: true },
  };
}

export function fullGalleryImage(): Record<string, any> {
  return {
    resourceGroupName: "rg-images",
    galleryName: "corpImages",
    galleryImageName: "ubuntu-22",
    location: "westeurope",
    tags: { os: "ubuntu" },
    description: "Ubuntu 22.04",
    eula: "https://contoso.example/eula",
    privacyStatementUri: "https://contoso.example/privacy",
    releaseNoteUri: "https://contoso.example/notes",
    osType: "Linux",
    osState: "Generalized",
    hyperVGeneration: "V2",
    architecture: "x64",
    endOfLifeDate: "2030-01-01T00:00:00Z",
    identifier: { publisher: "Contoso", offer: "Finance", sku: "Backend" },
    recommended: { vCPUs: { min: 2, max: 16 }, memory: { min: 4, max: 64 } },
    disallowed: { diskTypes: ["Standard_LRS", "StandardSSD_LRS"] },
    purchasePlan: { name: "plan", publisher: "contoso", product: "finance" },
    features: [{ name: "SecurityType", value: "TrustedLaunch" }],
  };
}

export function fullGalleryImageVersion(): Record<string, any> {
  return {
    resourceGroupName: "rg-images",
    galleryName: "corpImages",
    galleryImageName: "ubuntu-22",
    galleryImageVersionName: "1.0.0",
    location: "westeurope",
    tags: { build: "42" },
    publishingProfile: {
      targetRegions: [
        {
          name: "westeurope",
          regionalReplicaCount: 2,
          storageAccountType: "Standard_ZRS",
          excludeFromLatest: false,
          encryption: { osDiskImage: { diskEncryptionSetId: DES } },
          additionalReplicaSets: [{ storageAccountType: "PremiumV2_LRS", regionalReplicaCount: 1 }],
        },
        { name: "eastus", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
      ],
      replicaCount: 1,
      excludeFromLatest: false,
      endOfLifeDate: "2030-01-01T00:00:00Z",
      storageAccountType: "Standard_LRS",
      replicationMode: "Full",
      targetExtendedLocations: [
        {
          name: "westus",
          extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" },
          extendedLocationReplicaCount: 1,
          storageAccountType: "StandardSSD_LRS",
          encryption: { osDiskImage: { diskEncryptionSetId: DES } },
        },
      ],
    },
    storageProfile: {
      source: { id: MANAGED_IMAGE, virtualMachineId: "vm-id", communityGalleryImageId: "community-id" },
      osDiskImage: {
        hostCaching: "ReadWrite",
        source: { id: SNAPSHOT, uri: "https://vhds/os.vhd", storageAccountId: STORAGE },
      },
      dataDiskImages: [
        {
          lun: 0,
          hostCaching: "ReadOnly",
          source: { id: SNAPSHOT, uri: "https://vhds/d.vhd", storageAccountId: STORAGE },
        },
      ],
    },
    safetyProfile: { allowDeletionOfReplicatedLocations: false, blockDeletionBeforeEndOfLife: false },
    securityProfile: {
      uefiSettings: {
        signatureTemplateNames: ["MicrosoftUefiCertificateAuthorityTemplate"],
        additionalSignatures: { db: [{ type: "x509", value: ["MIIB"] }] },
      },
    },
  };
}

/** The example from the README: what a user writes for a version, before check. */
export function exampleVersionArgs(): Record<string, any> {
  return {
    resourceGroupName: "rg-images",
    galleryName: "corpImages",
    galleryImageName: "ubuntu-22",
    galleryImageVersionName: "1.0.0",
    location: "westeurope",
    storageProfile: { source: { id: MANAGED_IMAGE } },
    publishingProfile: {
      replicaCount: 1,
      targetRegions: [
        { name: "westeurope", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS" },
        { name: "East US" },
      ],
    },
  };
}

export function exampleImageArgs(): Record<string, any> {
  return {
    resourceGroupName: "rg-images",
    galleryName: "corpImages",
    galleryImageName: "ubuntu-22",
    location: "westeurope",
    osType: "Linux",
    osState: "Generalized",
    hyperVGeneration: "V2",
    identifier: { publisher: "Contoso", offer: "Finance", sku: "Backend" },
  };
}

export function exampleGalleryArgs(): Record<string, any> {
  return {
    resourceGroupName: "rg-images",
    galleryName: "corpImages",
    location: "westeurope",
    description: "Golden images",
  };
}

/** A deep copy with `change` applied to it. */
export const GALLERY_ID =
  "/subscriptions/sub/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/corpImages";
export const READER_ROLE_ID =
  "/subscriptions/sub/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7";

/** A role assignment with every argument set (the role both by name and by id, as the outputs carry it). */
export function fullGalleryRoleAssignment(): Record<string, any> {
  return {
    scope: GALLERY_ID,
    principalId: "5e1f0000-0000-4000-8000-000000000001",
    principalType: "Group",
    roleDefinitionId: READER_ROLE_ID,
    roleName: "Reader",
    roleAssignmentName: "c0de0000-0000-4000-8000-000000000001",
    description: "Consumers read the images",
    allowImageVersionScope: false,
  };
}

/** What a program typically gives: Reader on a gallery for a group. */
export function exampleRoleAssignmentArgs(): Record<string, any> {
  return {
    scope: GALLERY_ID,
    principalId: "5e1f0000-0000-4000-8000-000000000001",
    principalType: "Group",
    roleName: "Reader",
  };
}

export function edited<T>(value: T, change: (copy: any) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}
