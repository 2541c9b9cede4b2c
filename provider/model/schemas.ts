/**
 * zod schemas of the *resolved* inputs of the three resources (api-version 2024-03-03): what a
 * program's arguments look like once every `pulumi.Input` has a value. Every object is a
 * `z.strictObject`, so a misspelt argument is an error that names the key.
 *
 * Only shapes and closed value sets live here; rules that relate several values (min <= max, regions,
 * dates, names) live in `lifecycle/check.ts`, where they can name the offending path and say what is
 * allowed.
 *
 * Exports: `galleryInputsSchema`, `galleryImageInputsSchema`, `galleryImageVersionInputsSchema`,
 * `INPUT_SCHEMAS` (by resource kind), and the inferred types `GalleryInputs`, `GalleryImageInputs`,
 * `GalleryImageVersionInputs`, `TargetRegionInputs`.
 */
import { z } from "zod";
import {
  ARCHITECTURES,
  CONFIDENTIAL_VM_ENCRYPTION_TYPES,
  EDGE_ZONE_STORAGE_ACCOUNT_TYPES,
  EXTENDED_LOCATION_TYPES,
  GALLERY_IDENTITY_TYPES,
  HOST_CACHING,
  HYPER_V_GENERATIONS,
  OS_STATES,
  OS_TYPES,
  REPLICATION_MODES,
  SHARING_PERMISSIONS,
  STORAGE_ACCOUNT_TYPES,
  UEFI_KEY_TYPES,
  UEFI_SIGNATURE_TEMPLATE_NAMES,
} from "./enums";
import type { ResourceKind } from "./mutability";

const tags = z.record(z.string(), z.string());
const integer = z.number().int();

// ---- Gallery ---------------------------------------------------------------------------------

const galleryIdentity = z.strictObject({
  type: z.enum(GALLERY_IDENTITY_TYPES).optional(),
  // ARM spells this as a map from identity id to `{}`; @pulumi/azure-native as a list of ids. Both
  // are accepted so that switching from azure-native is an import change.
  userAssignedIdentities: z.union([z.array(z.string()), z.record(z.string(), z.strictObject({}))]).optional(),
});

const communityGalleryInfo = z.strictObject({
  publisherUri: z.string().optional(),
  publisherContact: z.string().optional(),
  eula: z.string().optional(),
  publicNamePrefix: z.string().optional(),
});

export const galleryInputsSchema = z.strictObject({
  resourceGroupName: z.string(),
  galleryName: z.string(),
  location: z.string(),
  description: z.string().optional(),
  tags: tags.optional(),
  identity: galleryIdentity.optional(),
  sharingProfile: z
    .strictObject({
      permissions: z.enum(SHARING_PERMISSIONS).optional(),
      communityGalleryInfo: communityGalleryInfo.optional(),
    })
    .optional(),
  softDeletePolicy: z.strictObject({ isSoftDeleteEnabled: z.boolean().optional() }).optional(),
});

// ---- Image definition ------------------------------------------------------------------------

const resourceRange = z.strictObject({ min: integer.optional(), max: integer.optional() });

export const galleryImageInputsSchema = z.strictObject({
  resourceGroupName: z.string(),
  galleryName: z.string(),
  galleryImageName: z.string(),
  location: z.string(),
  tags: tags.optional(),
  description: z.string().optional(),
  eula: z.string().optional(),
  privacyStatementUri: z.string().optional(),
  releaseNoteUri: z.string().optional(),
  osType: z.enum(OS_TYPES),
  osState: z.enum(OS_STATES),
  hyperVGeneration: z.enum(HYPER_V_GENERATIONS).optional(),
  architecture: z.enum(ARCHITECTURES).optional(),
  endOfLifeDate: z.string().optional(),
  identifier: z.strictObject({ publisher: z.string(), offer: z.string(), sku: z.string() }),
  recommended: z
    .strictObject({ vCPUs: resourceRange.optional(), memory: resourceRange.optional() })
    .optional(),
  disallowed: z.strictObject({ diskTypes: z.array(z.string()).optional() }).optional(),
  purchasePlan: z
    .strictObject({
      name: z.string().optional(),
      publisher: z.string().optional(),
      product: z.string().optional(),
    })
    .optional(),
  /** Must be true for `features` to change in place (api-version 2024-03-03). */
  allowUpdateImage: z.boolean().optional(),
  features: z
    .array(
      z.strictObject({
        name: z.string().optional(),
        value: z.string().optional(),
        startsAtVersion: z.string().optional(),
      }),
    )
    .optional(),
});

// ---- Image version ---------------------------------------------------------------------------

const encryptionImages = z.strictObject({
  osDiskImage: z
    .strictObject({
      diskEncryptionSetId: z.string().optional(),
      securityProfile: z
        .strictObject({
          confidentialVMEncryptionType: z.enum(CONFIDENTIAL_VM_ENCRYPTION_TYPES).optional(),
          secureVMDiskEncryptionSetId: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  dataDiskImages: z
    .array(z.strictObject({ lun: integer, diskEncryptionSetId: z.string().optional() }))
    .optional(),
});

const targetRegion = z.strictObject({
  name: z.string(),
  regionalReplicaCount: integer.optional(),
  storageAccountType: z.enum(STORAGE_ACCOUNT_TYPES).optional(),
  excludeFromLatest: z.boolean().optional(),
  encryption: encryptionImages.optional(),
  additionalReplicaSets: z
    .array(
      z.strictObject({
        storageAccountType: z.enum(STORAGE_ACCOUNT_TYPES).optional(),
        regionalReplicaCount: integer.optional(),
      }),
    )
    .optional(),
});

const targetExtendedLocation = z.strictObject({
  name: z.string().optional(),
  extendedLocation: z
    .strictObject({ name: z.string().optional(), type: z.enum(EXTENDED_LOCATION_TYPES).optional() })
    .optional(),
  extendedLocationReplicaCount: integer.optional(),
  storageAccountType: z.enum(EDGE_ZONE_STORAGE_ACCOUNT_TYPES).optional(),
  encryption: encryptionImages.optional(),
});

/** A disk's own source: a snapshot or managed disk (`id`) or a VHD blob (`uri` + `storageAccountId`). */
const diskImageSource = z.strictObject({
  id: z.string().optional(),
  uri: z.string().optional(),
  storageAccountId: z.string().optional(),
});

const uefiKey = z.strictObject({
  type: z.enum(UEFI_KEY_TYPES).optional(),
  value: z.array(z.string()).optional(),
});

export const galleryImageVersionInputsSchema = z.strictObject({
  resourceGroupName: z.string(),
  galleryName: z.string(),
  galleryImageName: z.string(),
  galleryImageVersionName: z.string(),
  location: z.string(),
  tags: tags.optional(),
  publishingProfile: z
    .strictObject({
      targetRegions: z.array(targetRegion).optional(),
      replicaCount: integer.optional(),
      excludeFromLatest: z.boolean().optional(),
      endOfLifeDate: z.string().optional(),
      storageAccountType: z.enum(STORAGE_ACCOUNT_TYPES).optional(),
      replicationMode: z.enum(REPLICATION_MODES).optional(),
      targetExtendedLocations: z.array(targetExtendedLocation).optional(),
    })
    .optional(),
  storageProfile: z.strictObject({
    /**
     * The whole-image source: a managed image, a VM, another gallery image version (`id`), a VM by
     * `virtualMachineId`, or a community gallery image (`communityGalleryImageId`). api-version
     * 2024-03-03 has no `uri` here: VHD blobs go in `osDiskImage.source` / `dataDiskImages[].source`.
     */
    source: z
      .strictObject({
        id: z.string().optional(),
        virtualMachineId: z.string().optional(),
        communityGalleryImageId: z.string().optional(),
      })
      .optional(),
    osDiskImage: z
      .strictObject({ hostCaching: z.enum(HOST_CACHING).optional(), source: diskImageSource.optional() })
      .optional(),
    dataDiskImages: z
      .array(
        z.strictObject({
          lun: integer,
          hostCaching: z.enum(HOST_CACHING).optional(),
          source: diskImageSource.optional(),
        }),
      )
      .optional(),
  }),
  /** Restores a soft-deleted version of this name (api-version 2024-03-03). */
  restore: z.boolean().optional(),
  safetyProfile: z
    .strictObject({
      allowDeletionOfReplicatedLocations: z.boolean().optional(),
      blockDeletionBeforeEndOfLife: z.boolean().optional(),
    })
    .optional(),
  securityProfile: z
    .strictObject({
      uefiSettings: z
        .strictObject({
          signatureTemplateNames: z.array(z.enum(UEFI_SIGNATURE_TEMPLATE_NAMES)).optional(),
          additionalSignatures: z
            .strictObject({
              pk: uefiKey.optional(),
              kek: z.array(uefiKey).optional(),
              db: z.array(uefiKey).optional(),
              dbx: z.array(uefiKey).optional(),
            })
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

export type GalleryInputs = z.infer<typeof galleryInputsSchema>;
export type GalleryImageInputs = z.infer<typeof galleryImageInputsSchema>;
export type GalleryImageVersionInputs = z.infer<typeof galleryImageVersionInputsSchema>;
export type TargetRegionInputs = z.infer<typeof targetRegion>;

/** The input schema of each resource kind. */
export const INPUT_SCHEMAS: Readonly<Record<ResourceKind, z.ZodObject>> = {
  gallery: galleryInputsSchema,
  galleryImage: galleryImageInputsSchema,
  galleryImageVersion: galleryImageVersionInputsSchema,
};
