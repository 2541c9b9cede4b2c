/**
 * THE shape of each resource (api-version 2024-03-03), written once: the zod schemas of the
 * *resolved* inputs (what a program's arguments look like once every `pulumi.Input` has a value),
 * and of the outputs (the inputs plus what only Azure sets). Every object is a `z.strictObject`, so
 * a misspelt argument is an error that names the key.
 *
 * Everything else about a shape derives from here: check validates against these schemas, the
 * `pulumi.Input` argument types, the output declarations and the argument tables of docs/resources.md are
 * generated from them (`npm run generate`, `npm run docs`) through `describeShape.ts`. So every
 * property carries a short description for users, and the metadata the generators need:
 *   - `typeName` on an object: the name of its generated types (`TargetRegion` -> `TargetRegionArgs`);
 *   - `outputOnly`: set by Azure, never an argument;
 *   - `regionName`: a region (normalised to `eastus2` where values enter the provider);
 *   - `resourceNameDefault`: optional in the arguments, the Pulumi resource name being the default.
 *
 * Only shapes and closed value sets live here; rules that relate several values (min <= max, regions,
 * dates, names) live in `lifecycle/check.ts`, where they can name the offending path and say what is
 * allowed.
 */
import { z } from "./zod";
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
  SHARING_GROUP_TYPES,
  SHARING_PERMISSIONS,
  STORAGE_ACCOUNT_TYPES,
  UEFI_KEY_TYPES,
  UEFI_SIGNATURE_TEMPLATE_NAMES,
} from "./enums";
import type { ResourceKind } from "./mutability";
import {
  galleryRoleAssignmentInputsSchema,
  galleryRoleAssignmentOutputsSchema,
  type GalleryRoleAssignmentInputs,
} from "./roleAssignment";

declare module "zod" {
  interface GlobalMeta {
    /** Names the generated types of an object schema (`TargetRegion` -> `TargetRegionArgs`). */
    typeName?: string;
    /** Set by Azure and reported in the outputs; never an argument. */
    outputOnly?: boolean;
    /** The value is a region name. */
    regionName?: boolean;
    /** Optional in the resource's arguments: the Pulumi resource name is the default. */
    resourceNameDefault?: boolean;
  }
}

const integer = z.number().int();
const text = (description: string) => z.string().describe(description);
const nonEmptyText = (description: string) => z.string().min(1).describe(description);
const flag = (description: string) => z.boolean().describe(description);
const count = (description: string) => integer.describe(description);
const region = (description: string) => z.string().meta({ description, regionName: true });
const tags = z.record(z.string(), z.string()).describe("Resource tags (name to value).");
/** What only Azure sets; the engine shows it in the outputs. */
const outputOnly = <T extends z.ZodType>(schema: T, description: string) =>
  schema.meta({ description, outputOnly: true });

const resourceGroupName = (owner: string) => text(`The resource group that holds the ${owner}.`);
const location = (owner: string) => region(`The Azure region of the ${owner}, e.g. \`westeurope\`.`);

/** The fields ARM reports for every resource. */
const armOutputs = {
  id: outputOnly(z.string(), "The Azure resource id."),
  name: outputOnly(z.string(), "Azure's resource name (the last segment of the id)."),
  type: outputOnly(z.string(), "Azure's resource type, e.g. `Microsoft.Compute/galleries`."),
  provisioningState: outputOnly(
    z.string(),
    "Where Azure is with the last write: Creating, Updating, Succeeded, Failed, Deleting or Migrating.",
  ),
  systemData: outputOnly(
    z.record(z.string(), z.string()),
    "Who created and last modified the resource, and when (ARM metadata).",
  ).optional(),
};

// ---- Gallery ---------------------------------------------------------------------------------

const galleryIdentity = z
  .strictObject({
    type: z
      .enum(GALLERY_IDENTITY_TYPES)
      .describe("Which managed identities the gallery has: system-assigned, user-assigned, both or none.")
      .optional(),
    // ARM spells this as a map from identity id to `{}`; @pulumi/azure-native as a list of ids. Both
    // are accepted so that switching from azure-native is an import change.
    userAssignedIdentities: z
      .union([z.array(z.string()), z.record(z.string(), z.strictObject({}))])
      .describe("The user-assigned identities: a list of their resource ids, or ARM's map of id to `{}`.")
      .optional(),
  })
  .meta({ typeName: "GalleryIdentity", description: "The managed identity of the gallery." });

const communityGalleryInfo = z
  .strictObject({
    publisherUri: text("Link to the publisher's website, shown to everyone.").optional(),
    publisherContact: text("E-mail address for support from the publisher, shown to everyone.").optional(),
    eula: text("End-user license agreement of the community gallery's images.").optional(),
    publicNamePrefix: text("Prefix of the name under which the gallery is shown publicly.").optional(),
  })
  .meta({
    typeName: "CommunityGalleryInfo",
    description: "Publisher details, when the gallery is shared with the community.",
  });

const sharingProfileGroup = z
  .strictObject({
    type: z.enum(SHARING_GROUP_TYPES).describe("Subscriptions or AADTenants."),
    ids: z.array(z.string()).describe("The subscription or tenant ids (GUIDs)."),
  })
  .meta({ typeName: "SharingProfileGroup", description: "One group the gallery is shared with." });

const sharingProfile = z
  .strictObject({
    permissions: z
      .enum(SHARING_PERMISSIONS)
      .describe("Who may use the gallery: Private, Groups (subscriptions and tenants) or Community.")
      .optional(),
    // Read-only in Azure's gallery PUT: the provider adds and removes them through the share action.
    groups: z
      .array(sharingProfileGroup)
      .describe(
        "The subscriptions and tenants the gallery is shared with (permissions Groups), each type listed once.",
      )
      .optional(),
    communityGalleryInfo: communityGalleryInfo.optional(),
  })
  .meta({ typeName: "SharingProfile", description: "How the gallery is shared." });

const softDeletePolicy = z
  .strictObject({
    isSoftDeleteEnabled: flag(
      "Keep deleted images and versions of the gallery recoverable for a retention time.",
    ).optional(),
  })
  .meta({ typeName: "SoftDeletePolicy", description: "Soft deletion of the gallery's resources." });

export const galleryInputsSchema = z
  .strictObject({
    resourceGroupName: resourceGroupName("gallery"),
    galleryName: z.string().meta({
      description:
        "The gallery's name: letters, digits, `_` and `.`; unique in the subscription. Defaults to the resource name.",
      resourceNameDefault: true,
    }),
    location: location("gallery"),
    description: text("A description of the gallery.").optional(),
    tags: tags.optional(),
    identity: galleryIdentity.optional(),
    sharingProfile: sharingProfile.optional(),
    softDeletePolicy: softDeletePolicy.optional(),
  })
  .meta({ typeName: "Gallery", description: "An Azure Compute Gallery (Microsoft.Compute/galleries)." });

const sharingStatus = z
  .strictObject({
    aggregatedState: text("The sharing state over all regions."),
    summary: z
      .array(
        z
          .strictObject({
            region: text("The region."),
            state: text("The sharing state in this region."),
            details: text("Why sharing failed in this region.").optional(),
          })
          .meta({ typeName: "RegionalSharingStatus", description: "Sharing in one region." }),
      )
      .describe("Sharing per region.")
      .optional(),
  })
  .meta({ typeName: "SharingStatus", description: "Sharing state, per region." });

const galleryOutputsSchema = galleryInputsSchema
  .extend({
    ...armOutputs,
    identifier: outputOnly(
      z
        .strictObject({
          uniqueName: outputOnly(z.string(), "`<subscription id>-<GALLERY NAME>`, generated by Azure."),
        })
        .meta({ typeName: "GalleryIdentifier" }),
      "The gallery's unique name, generated by Azure.",
    ),
    identity: galleryIdentity
      .extend({
        principalId: outputOnly(z.string(), "The principal id of the system-assigned identity.").optional(),
        tenantId: outputOnly(z.string(), "The tenant of the system-assigned identity.").optional(),
      })
      .meta({ typeName: "GalleryIdentityOutput", description: "The managed identity of the gallery." })
      .optional(),
    sharingProfile: sharingProfile
      .extend({
        communityGalleryInfo: communityGalleryInfo
          .extend({
            communityGalleryEnabled: outputOnly(
              z.boolean(),
              "Whether the gallery is shared with the community (after the share action EnableCommunity).",
            ).optional(),
            publicNames: outputOnly(
              z.array(z.string()),
              "The names consumers use for the community gallery: the prefix and a GUID Azure picks.",
            ).optional(),
          })
          .meta({
            typeName: "CommunityGalleryInfoOutput",
            description: "Publisher details, when the gallery is shared with the community.",
          })
          .optional(),
      })
      .meta({ typeName: "SharingProfileOutput", description: "How the gallery is shared." })
      .optional(),
    sharingStatus: outputOnly(sharingStatus, "Sharing state, per region.").optional(),
  })
  .meta({ typeName: "Gallery" });

// ---- Image definition ------------------------------------------------------------------------

// Azure stores the range as two integers; a negative count of vCPUs or GB means nothing.
const recommendedCount = (description: string) => integer.nonnegative().describe(description);
const resourceRange = z
  .strictObject({
    min: recommendedCount("The least recommended (0 or more).").optional(),
    max: recommendedCount("The most recommended (0 or more, at least min).").optional(),
  })
  .meta({ typeName: "ResourceRange", description: "A recommended range." });

const galleryImageFeature = z
  .strictObject({
    name: text("The feature's name, e.g. `SecurityType`.").optional(),
    value: text("The feature's value, e.g. `TrustedLaunch`.").optional(),
    startsAtVersion: text("The first image version that supports the feature.").optional(),
  })
  .meta({ typeName: "GalleryImageFeature", description: "A feature of the image definition." });

export const galleryImageInputsSchema = z
  .strictObject({
    resourceGroupName: resourceGroupName("gallery"),
    galleryName: text("The gallery that holds the image definition."),
    galleryImageName: z.string().meta({
      description:
        "The image definition's name: letters, digits, `.`, `-` and `_`. Defaults to the resource name.",
      resourceNameDefault: true,
    }),
    location: location("image definition"),
    tags: tags.optional(),
    description: text("A description of the image definition.").optional(),
    eula: text("The end-user license agreement of the image.").optional(),
    privacyStatementUri: text("Link to the image's privacy statement.").optional(),
    releaseNoteUri: text("Link to the image's release notes.").optional(),
    osType: z.enum(OS_TYPES).describe("The operating system of the image: Windows or Linux."),
    osState: z
      .enum(OS_STATES)
      .describe("Whether VMs from the image are Generalized (need provisioning) or Specialized."),
    hyperVGeneration: z
      .enum(HYPER_V_GENERATIONS)
      .describe("The Hyper-V generation of VMs from the image: V1 (default) or V2.")
      .optional(),
    architecture: z
      .enum(ARCHITECTURES)
      .describe("The CPU architecture of the image: x64 (default) or Arm64.")
      .optional(),
    endOfLifeDate: text(
      "When the image definition reaches its end of life (ISO 8601); informational.",
    ).optional(),
    identifier: z
      .strictObject({
        // Azure refuses an empty publisher, offer or SKU (they form the definition's unique key).
        publisher: nonEmptyText("The publisher of the image definition (not empty)."),
        offer: nonEmptyText("The offer of the image definition (not empty)."),
        sku: nonEmptyText("The SKU of the image definition (not empty)."),
      })
      .meta({
        typeName: "GalleryImageIdentifier",
        description: "Publisher, offer and SKU: together unique in the gallery.",
      }),
    recommended: z
      .strictObject({
        vCPUs: resourceRange.describe("Recommended number of vCPUs.").optional(),
        memory: resourceRange.describe("Recommended memory in GB.").optional(),
      })
      .meta({
        typeName: "RecommendedMachineConfiguration",
        description: "The VM sizes recommended for the image.",
      })
      .optional(),
    disallowed: z
      .strictObject({
        diskTypes: z
          .array(z.string())
          .describe("Disk types that VMs from the image must not use, e.g. `Standard_LRS`.")
          .optional(),
      })
      .meta({ typeName: "Disallowed", description: "What VMs from the image must not use." })
      .optional(),
    purchasePlan: z
      .strictObject({
        name: text("The plan id.").optional(),
        publisher: text("The publisher id.").optional(),
        product: text("The product id.").optional(),
      })
      .meta({ typeName: "ImagePurchasePlan", description: "The Marketplace purchase plan of the image." })
      .optional(),
    features: z
      .array(galleryImageFeature)
      .describe(
        "Features of the image, such as its security type; see allowUpdateImage to change them in place.",
      )
      .optional(),
    allowUpdateImage: flag(
      "Must be true for features to change in place; a flag of the request, not stored by Azure.",
    ).optional(),
  })
  .meta({
    typeName: "GalleryImage",
    description: "An image definition in a gallery (Microsoft.Compute/galleries/images).",
  });

const galleryImageOutputsSchema = galleryImageInputsSchema
  .extend({
    ...armOutputs,
    hyperVGeneration: galleryImageInputsSchema.shape.hyperVGeneration.unwrap(),
    architecture: galleryImageInputsSchema.shape.architecture.unwrap(),
  })
  .meta({ typeName: "GalleryImage" });

// ---- Image version ---------------------------------------------------------------------------

const diskEncryptionSetId = text("Resource id of the disk encryption set (customer-managed keys).");

const encryptionImages = z
  .strictObject({
    osDiskImage: z
      .strictObject({
        diskEncryptionSetId: diskEncryptionSetId.optional(),
        securityProfile: z
          .strictObject({
            confidentialVMEncryptionType: z
              .enum(CONFIDENTIAL_VM_ENCRYPTION_TYPES)
              .describe("How the OS disk of confidential VMs is encrypted.")
              .optional(),
            secureVMDiskEncryptionSetId: text(
              "Resource id of the disk encryption set for confidential VMs.",
            ).optional(),
          })
          .meta({ typeName: "OSDiskImageSecurityProfile", description: "Confidential VM encryption." })
          .optional(),
      })
      .meta({ typeName: "OSDiskImageEncryption", description: "Encryption of the OS disk image." })
      .optional(),
    dataDiskImages: z
      .array(
        z
          .strictObject({
            lun: count("The LUN of the data disk this applies to."),
            diskEncryptionSetId: diskEncryptionSetId.optional(),
          })
          .meta({ typeName: "DataDiskImageEncryption", description: "Encryption of one data disk image." }),
      )
      .describe("Encryption of the data disk images, by LUN.")
      .optional(),
  })
  .meta({ typeName: "EncryptionImages", description: "Customer-managed keys for the replicas." });

const storageAccountType = (where: string) =>
  z.enum(STORAGE_ACCOUNT_TYPES).describe(`The storage type of the replicas ${where}.`);

const targetRegion = z
  .strictObject({
    name: region("The region, e.g. `eastus2` or `East US 2`."),
    regionalReplicaCount: count(
      "Replicas in this region (1-10); defaults to publishingProfile.replicaCount.",
    ).optional(),
    storageAccountType: storageAccountType(
      "in this region; defaults to publishingProfile.storageAccountType",
    ).optional(),
    excludeFromLatest: flag(
      "Hide the version from `latest` in this region; overrides the profile's flag.",
    ).optional(),
    encryption: encryptionImages.optional(),
    additionalReplicaSets: z
      .array(
        z
          .strictObject({
            storageAccountType: storageAccountType("of this set").optional(),
            regionalReplicaCount: count("Replicas in this set.").optional(),
          })
          .meta({
            typeName: "AdditionalReplicaSet",
            description: "Direct-drive replicas of one storage type.",
          }),
      )
      .describe("Direct-drive replica sets in this region.")
      .optional(),
  })
  .meta({ typeName: "TargetRegion", description: "A region the version is replicated to." });

const targetExtendedLocation = z
  .strictObject({
    name: region("The region of the extended location.").optional(),
    extendedLocation: z
      .strictObject({
        name: text("The name of the edge zone.").optional(),
        type: z.enum(EXTENDED_LOCATION_TYPES).describe("The kind of extended location: EdgeZone.").optional(),
      })
      .meta({ typeName: "GalleryExtendedLocation", description: "The edge zone." })
      .optional(),
    extendedLocationReplicaCount: count("Replicas in the extended location.").optional(),
    storageAccountType: z
      .enum(EDGE_ZONE_STORAGE_ACCOUNT_TYPES)
      .describe("The storage type of the replicas in the extended location.")
      .optional(),
    encryption: encryptionImages.optional(),
  })
  .meta({
    typeName: "GalleryTargetExtendedLocation",
    description: "An extended location (edge zone) the version is replicated to.",
  });

const publishingProfileFields = {
  targetRegions: z
    .array(targetRegion)
    .describe("The regions to replicate to; must include the version's location (the default).")
    .optional(),
  replicaCount: count("Replicas per region where a region does not say (default 1).").optional(),
  excludeFromLatest: flag(
    "Hide the version from `latest` (default false), so VMs asking for the latest version do not get it.",
  ).optional(),
  endOfLifeDate: text("When the version reaches its end of life (ISO 8601); informational.").optional(),
  storageAccountType: storageAccountType("where a region does not say (default Standard_LRS)").optional(),
  replicationMode: z
    .enum(REPLICATION_MODES)
    .describe("Full (default) replication, or Shallow for faster copies meant for testing.")
    .optional(),
  targetExtendedLocations: z
    .array(targetExtendedLocation)
    .describe("The extended locations (edge zones) to replicate to.")
    .optional(),
};

const publishingProfile = z.strictObject(publishingProfileFields).meta({
  typeName: "GalleryImageVersionPublishingProfile",
  description: "Where and how the version is replicated.",
});

/** A disk's own source: a snapshot or managed disk (`id`) or a VHD blob (`uri` + `storageAccountId`). */
const diskImageSource = z
  .strictObject({
    id: text("A snapshot or managed disk.").optional(),
    uri: text("A VHD blob (with storageAccountId).").optional(),
    storageAccountId: text("The storage account that holds the VHD blob.").optional(),
  })
  .meta({ typeName: "GalleryDiskImageSource", description: "Where the disk comes from." });

const hostCaching = z
  .enum(HOST_CACHING)
  .describe("Host caching of the disk: None, ReadOnly or ReadWrite; Azure chooses when omitted.");

const osDiskImageFields = { hostCaching: hostCaching.optional(), source: diskImageSource.optional() };
const dataDiskImageFields = {
  lun: count("The data disk's LUN, unique in the version."),
  ...osDiskImageFields,
};

const storageSource = z
  .strictObject({
    id: text("A managed image, a VM or another gallery image version.").optional(),
    virtualMachineId: text("A VM to capture.").optional(),
    communityGalleryImageId: text("A community gallery image.").optional(),
  })
  .meta({ typeName: "GalleryArtifactVersionFullSource", description: "The whole-image source." });

const storageProfile = z
  .strictObject({
    // api-version 2024-03-03 has no `uri` here: VHD blobs go in `osDiskImage.source` /
    // `dataDiskImages[].source`.
    source: storageSource.optional(),
    osDiskImage: z
      .strictObject(osDiskImageFields)
      .meta({ typeName: "GalleryOSDiskImage", description: "The OS disk image (a snapshot, disk or VHD)." })
      .optional(),
    dataDiskImages: z
      .array(
        z
          .strictObject(dataDiskImageFields)
          .meta({ typeName: "GalleryDataDiskImage", description: "A data disk image." }),
      )
      .describe("The data disk images, by LUN.")
      .optional(),
  })
  .meta({
    typeName: "GalleryImageVersionStorageProfile",
    description: "The source of the version: a whole image, or its OS and data disks.",
  });

const safetyProfile = z
  .strictObject({
    allowDeletionOfReplicatedLocations: flag(
      "Allow removing target regions that hold replicas, which deletes them (default false).",
    ).optional(),
    blockDeletionBeforeEndOfLife: flag("Refuse deleting the version before its end-of-life date.").optional(),
  })
  .meta({ typeName: "GalleryImageVersionSafetyProfile", description: "Safeguards against deletion." });

const uefiKey = z
  .strictObject({
    type: z.enum(UEFI_KEY_TYPES).describe("The kind of key signature: sha256 or x509.").optional(),
    value: z.array(z.string()).describe("The key signatures.").optional(),
  })
  .meta({ typeName: "UefiKey", description: "UEFI key signatures." });

const securityProfile = z
  .strictObject({
    uefiSettings: z
      .strictObject({
        signatureTemplateNames: z
          .array(z.enum(UEFI_SIGNATURE_TEMPLATE_NAMES))
          .describe("Templates of default UEFI key signatures added to the image.")
          .optional(),
        additionalSignatures: z
          .strictObject({
            pk: uefiKey.describe("The platform key.").optional(),
            kek: z.array(uefiKey).describe("The key exchange keys.").optional(),
            db: z.array(uefiKey).describe("The allowed signatures database.").optional(),
            dbx: z.array(uefiKey).describe("The revoked signatures database.").optional(),
          })
          .meta({ typeName: "UefiKeySignatures", description: "UEFI keys added beyond the templates." })
          .optional(),
      })
      .meta({ typeName: "GalleryImageVersionUefiSettings", description: "UEFI keys added to the image." })
      .optional(),
  })
  .meta({ typeName: "ImageVersionSecurityProfile", description: "Security settings of the version." });

export const galleryImageVersionInputsSchema = z
  .strictObject({
    resourceGroupName: resourceGroupName("gallery"),
    galleryName: text("The gallery that holds the image definition."),
    galleryImageName: text("The image definition the version belongs to."),
    galleryImageVersionName: z.string().meta({
      description: "The version, `Major.Minor.Patch` such as `1.0.0`. Defaults to the resource name.",
      resourceNameDefault: true,
    }),
    location: location("version: its source region, one of its target regions"),
    tags: tags.optional(),
    publishingProfile: publishingProfile.optional(),
    storageProfile,
    restore: flag(
      "Restores a soft-deleted version of this name; a flag of the request, not stored by Azure.",
    ).optional(),
    // Not Azure's: Azure bills each replica on the used size but reports provisioned sizes only.
    usedSizeInGB: z
      .number()
      .min(0)
      .describe(
        "Used size of all the version's disks together, in GB, for the storage and egress estimates " +
          "(else upper bounds from provisioned sizes); never sent to Azure.",
      )
      .optional(),
    safetyProfile: safetyProfile.optional(),
    securityProfile: securityProfile.optional(),
  })
  .meta({
    typeName: "GalleryImageVersion",
    description: "A version of an image definition (Microsoft.Compute/galleries/images/versions).",
  });

const sizeInGB = outputOnly(integer, "The size of the disk in GB, as Azure measured it.").optional();

const replicationStatus = z
  .strictObject({
    aggregatedState: text("Replication over all regions: Unknown, InProgress, Completed or Failed."),
    summary: z
      .array(
        z
          .strictObject({
            region: text("The region (Azure's display name)."),
            state: text("Unknown, Replicating, Completed or Failed."),
            progress: count("Percent done."),
            details: text("Why replication failed.").optional(),
          })
          .meta({ typeName: "RegionalReplicationStatus", description: "Replication in one region." }),
      )
      .describe("Replication per region."),
  })
  .meta({ typeName: "ReplicationStatus" });

const gigabytes = (description: string) => z.number().describe(description);

/** What the version's replicas cost in the quantities Azure bills (provider/advice/storage.ts). */
const storageEstimateOutput = z
  .strictObject({
    basis: text(
      "Where the size per snapshot comes from: `used` (usedSizeInGB), `provisioned (upper bound)` " +
        "(the provisioned disk sizes Azure reports) or `unknown`.",
    ),
    sizePerSnapshotGB: gigabytes("GB billed per snapshot.").optional(),
    snapshots: count("Snapshots billed: one per replica, over all target regions."),
    storedGB: gigabytes("Snapshots times the size per snapshot.").optional(),
    egressRegions: z
      .array(z.string())
      .describe("Target regions other than the source region: each received one copy over the network."),
    egressGB: gigabytes("GB copied over the network to those regions, once.").optional(),
    regions: z
      .array(
        z
          .strictObject({
            region: text("The target region (normalised name)."),
            replicas: count("Replicas in the region."),
            storageAccountType: text("The storage type of the region's replicas."),
            snapshots: count("Snapshots billed in the region: one per replica."),
            storedGB: gigabytes("GB stored in the region.").optional(),
          })
          .meta({ typeName: "RegionStorageEstimate", description: "Storage of the version in one region." }),
      )
      .describe("Storage per target region."),
  })
  .meta({ typeName: "StorageEstimate" });

const galleryImageVersionOutputsSchema = galleryImageVersionInputsSchema
  .extend({
    ...armOutputs,
    publishingProfile: z
      .strictObject({
        ...publishingProfileFields,
        targetRegions: publishingProfileFields.targetRegions.unwrap(),
        replicaCount: publishingProfileFields.replicaCount.unwrap(),
        excludeFromLatest: publishingProfileFields.excludeFromLatest.unwrap(),
        storageAccountType: publishingProfileFields.storageAccountType.unwrap(),
        publishedDate: outputOnly(z.string(), "When the version was published (set by Azure)."),
      })
      .meta({
        typeName: "GalleryImageVersionPublishingProfileOutput",
        description: "Where and how the version is replicated, with Azure's publishing date.",
      }),
    storageProfile: storageProfile
      .extend({
        osDiskImage: z
          .strictObject({ ...osDiskImageFields, sizeInGB })
          .meta({ typeName: "GalleryOSDiskImageOutput", description: "The OS disk image." })
          .optional(),
        dataDiskImages: z
          .array(
            z
              .strictObject({ ...dataDiskImageFields, sizeInGB })
              .meta({ typeName: "GalleryDataDiskImageOutput", description: "A data disk image." }),
          )
          .describe("The data disk images, by LUN.")
          .optional(),
      })
      .meta({
        typeName: "GalleryImageVersionStorageProfileOutput",
        description: "The source of the version, with the disk sizes Azure measured.",
      }),
    safetyProfile: safetyProfile
      .extend({
        reportedForPolicyViolation: outputOnly(
          z.boolean(),
          "Whether the version was reported for violating Microsoft's policies.",
        ).optional(),
        policyViolations: outputOnly(
          z.array(
            z
              .strictObject({
                category: text("The kind of violation.").optional(),
                details: text("What was reported.").optional(),
              })
              .meta({ typeName: "PolicyViolation", description: "A reported policy violation." }),
          ),
          "The policy violations reported for the version.",
        ).optional(),
      })
      .meta({
        typeName: "GalleryImageVersionSafetyProfileOutput",
        description: "Safeguards against deletion.",
      })
      .optional(),
    replicationStatus: outputOnly(replicationStatus, "Replication of the version, per region."),
    storageEstimate: outputOnly(
      storageEstimateOutput,
      "What the replicas cost in the quantities Azure bills: snapshots, stored GB and egress (computed by " +
        "this provider from the target regions and the version's size; prices are never guessed).",
    ),
    validationsProfile: outputOnly(
      z.record(z.string(), z.unknown()),
      "The validations Azure ran on the version.",
    ).optional(),
  })
  .meta({ typeName: "GalleryImageVersion" });

export type GalleryInputs = z.infer<typeof galleryInputsSchema>;
export type GalleryImageInputs = z.infer<typeof galleryImageInputsSchema>;
export type GalleryImageVersionInputs = z.infer<typeof galleryImageVersionInputsSchema>;
export type TargetRegionInputs = z.infer<typeof targetRegion>;

/** The checked inputs of each resource kind. */
export interface ResourceInputs {
  gallery: GalleryInputs;
  galleryImage: GalleryImageInputs;
  galleryImageVersion: GalleryImageVersionInputs;
  galleryRoleAssignment: GalleryRoleAssignmentInputs;
}

/** The input schema of each resource kind. */
export const INPUT_SCHEMAS: Readonly<Record<ResourceKind, z.ZodObject>> = {
  gallery: galleryInputsSchema,
  galleryImage: galleryImageInputsSchema,
  galleryImageVersion: galleryImageVersionInputsSchema,
  galleryRoleAssignment: galleryRoleAssignmentInputsSchema,
};

/** The output schema of each resource kind: its inputs plus what Azure sets. */
export const OUTPUT_SCHEMAS: Readonly<Record<ResourceKind, z.ZodObject>> = {
  gallery: galleryOutputsSchema,
  galleryImage: galleryImageOutputsSchema,
  galleryImageVersion: galleryImageVersionOutputsSchema,
  galleryRoleAssignment: galleryRoleAssignmentOutputsSchema,
};
