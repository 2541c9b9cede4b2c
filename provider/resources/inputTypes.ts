/**
 * Nested argument types shared by the three resources, with `pulumi.Input` at every level, in Azure's
 * REST names and nesting (as `@pulumi/azure-native`'s compute inputs, so that switching is an import
 * change). Closed value sets accept our literals, azure-native's enum values and plain strings.
 */
import type * as pulumi from "@pulumi/pulumi";
import type {
  Architecture,
  ConfidentialVmEncryptionType,
  EdgeZoneStorageAccountType,
  ExtendedLocationType,
  GalleryIdentityType,
  HostCaching,
  HyperVGeneration,
  OsState,
  OsType,
  ReplicationMode,
  SharingPermission,
  StorageAccountType,
  UefiKeyType,
  UefiSignatureTemplateName,
} from "../model/enums";

/** One of the known values (offered by editors), or any string (validated by check). */
export type OneOf<T extends string> = T | (string & {});

export type Tags = pulumi.Input<Record<string, pulumi.Input<string>> | undefined>;

export interface GalleryIdentityArgs {
  /** SystemAssigned, UserAssigned, "SystemAssigned, UserAssigned" or None. */
  readonly type?: pulumi.Input<undefined | OneOf<GalleryIdentityType>>;
  /** User-assigned identity ids (azure-native's list form) or ARM's map of id to `{}`. */
  readonly userAssignedIdentities?: pulumi.Input<undefined | pulumi.Input<string>[] | Record<string, object>>;
}

export interface CommunityGalleryInfoArgs {
  /** The link to the publisher's website, visible to all users. */
  readonly publisherUri?: pulumi.Input<undefined | string>;
  /** The publisher's support e-mail address, visible to all users. */
  readonly publisherContact?: pulumi.Input<undefined | string>;
  /** End-user license agreement of the community gallery's images. */
  readonly eula?: pulumi.Input<undefined | string>;
  /** Prefix of the gallery's public name; fixed once shared. */
  readonly publicNamePrefix?: pulumi.Input<undefined | string>;
}

export interface SharingProfileArgs {
  /** Private, Groups or Community. */
  readonly permissions?: pulumi.Input<undefined | OneOf<SharingPermission>>;
  /** Publisher details when the gallery is shared with the community. */
  readonly communityGalleryInfo?: pulumi.Input<undefined | CommunityGalleryInfoArgs>;
}

export interface SoftDeletePolicyArgs {
  /** Lets deleted resources of the gallery be recovered within the retention time. */
  readonly isSoftDeleteEnabled?: pulumi.Input<undefined | boolean>;
}

export interface GalleryImageIdentifierArgs {
  /** Publisher of the definition; with offer and sku unique in the gallery. */
  readonly publisher: pulumi.Input<string>;
  /** Offer of the definition. */
  readonly offer: pulumi.Input<string>;
  /** SKU of the definition. */
  readonly sku: pulumi.Input<string>;
}

export interface ResourceRangeArgs {
  /** The minimum recommended. */
  readonly min?: pulumi.Input<undefined | number>;
  /** The maximum recommended. */
  readonly max?: pulumi.Input<undefined | number>;
}

export interface RecommendedMachineConfigurationArgs {
  /** Recommended vCPU count range. */
  readonly vCPUs?: pulumi.Input<undefined | ResourceRangeArgs>;
  /** Recommended memory range in GB. */
  readonly memory?: pulumi.Input<undefined | ResourceRangeArgs>;
}

export interface DisallowedArgs {
  /** Disk types VMs from this image should not use, e.g. Standard_LRS. */
  readonly diskTypes?: pulumi.Input<undefined | pulumi.Input<string>[]>;
}

export interface ImagePurchasePlanArgs {
  /** Marketplace plan id. */
  readonly name?: pulumi.Input<undefined | string>;
  /** Marketplace publisher id. */
  readonly publisher?: pulumi.Input<undefined | string>;
  /** Marketplace product id. */
  readonly product?: pulumi.Input<undefined | string>;
}

export interface GalleryImageFeatureArgs {
  /** Feature name, e.g. SecurityType. */
  readonly name?: pulumi.Input<undefined | string>;
  /** Feature value, e.g. TrustedLaunch. */
  readonly value?: pulumi.Input<undefined | string>;
  /** The first version that supports the feature. */
  readonly startsAtVersion?: pulumi.Input<undefined | string>;
}

export interface DiskImageEncryptionArgs {
  /** Resource id of the disk encryption set. */
  readonly diskEncryptionSetId?: pulumi.Input<undefined | string>;
}

export interface OSDiskImageEncryptionArgs extends DiskImageEncryptionArgs {
  /** Confidential VM encryption of the OS disk. */
  readonly securityProfile?: pulumi.Input<
    | undefined
    | {
        readonly confidentialVMEncryptionType?: pulumi.Input<undefined | OneOf<ConfidentialVmEncryptionType>>;
        readonly secureVMDiskEncryptionSetId?: pulumi.Input<undefined | string>;
      }
  >;
}

export interface DataDiskImageEncryptionArgs extends DiskImageEncryptionArgs {
  /** LUN of the data disk this applies to. */
  readonly lun: pulumi.Input<number>;
}

export interface EncryptionImagesArgs {
  /** Encryption of the OS disk image. */
  readonly osDiskImage?: pulumi.Input<undefined | OSDiskImageEncryptionArgs>;
  /** Encryption of data disk images, by LUN. */
  readonly dataDiskImages?: pulumi.Input<undefined | pulumi.Input<DataDiskImageEncryptionArgs>[]>;
}

export interface AdditionalReplicaSetArgs {
  /** Storage type of the direct-drive replicas. */
  readonly storageAccountType?: pulumi.Input<undefined | OneOf<StorageAccountType>>;
  /** Number of direct-drive replicas. */
  readonly regionalReplicaCount?: pulumi.Input<undefined | number>;
}

export interface TargetRegionArgs {
  /** Region name, `eastus2` or `East US 2`. */
  readonly name: pulumi.Input<string>;
  /** Replicas in this region (1-10); defaults to publishingProfile.replicaCount. Updatable. */
  readonly regionalReplicaCount?: pulumi.Input<undefined | number>;
  /** Storage of the replicas here; defaults to publishingProfile.storageAccountType. Changing it replaces. */
  readonly storageAccountType?: pulumi.Input<undefined | OneOf<StorageAccountType>>;
  /** Hide this version from `latest` in this region; overrides the profile-wide flag. */
  readonly excludeFromLatest?: pulumi.Input<undefined | boolean>;
  /** Customer-managed keys for the replicas in this region. */
  readonly encryption?: pulumi.Input<undefined | EncryptionImagesArgs>;
  /** Direct-drive replica sets in this region. */
  readonly additionalReplicaSets?: pulumi.Input<undefined | pulumi.Input<AdditionalReplicaSetArgs>[]>;
}

export interface GalleryTargetExtendedLocationArgs {
  /** Region of the extended location. */
  readonly name?: pulumi.Input<undefined | string>;
  /** The edge zone. */
  readonly extendedLocation?: pulumi.Input<
    | undefined
    | {
        readonly name?: pulumi.Input<undefined | string>;
        readonly type?: pulumi.Input<undefined | OneOf<ExtendedLocationType>>;
      }
  >;
  /** Replicas in the extended location. */
  readonly extendedLocationReplicaCount?: pulumi.Input<undefined | number>;
  /** Storage of the replicas in the extended location. */
  readonly storageAccountType?: pulumi.Input<undefined | OneOf<EdgeZoneStorageAccountType>>;
  /** Customer-managed keys for these replicas. */
  readonly encryption?: pulumi.Input<undefined | EncryptionImagesArgs>;
}

export interface GalleryImageVersionPublishingProfileArgs {
  /** Regions to replicate to; must include the version's location. */
  readonly targetRegions?: pulumi.Input<undefined | pulumi.Input<TargetRegionArgs>[]>;
  /** Replicas per region where a region does not say (default 1). */
  readonly replicaCount?: pulumi.Input<undefined | number>;
  /** Hide this version from `latest` (default false). */
  readonly excludeFromLatest?: pulumi.Input<undefined | boolean>;
  /** Informational end-of-life date (ISO 8601). */
  readonly endOfLifeDate?: pulumi.Input<undefined | string>;
  /** Storage of replicas where a region does not say (default Standard_LRS). Changing it replaces. */
  readonly storageAccountType?: pulumi.Input<undefined | OneOf<StorageAccountType>>;
  /** Full or Shallow replication. Changing it replaces. */
  readonly replicationMode?: pulumi.Input<undefined | OneOf<ReplicationMode>>;
  /** Extended locations (edge zones) to replicate to. */
  readonly targetExtendedLocations?: pulumi.Input<
    undefined | pulumi.Input<GalleryTargetExtendedLocationArgs>[]
  >;
}

export interface GalleryDiskImageSourceArgs {
  /** A snapshot or managed disk id. */
  readonly id?: pulumi.Input<undefined | string>;
  /** A VHD blob uri (needs storageAccountId). */
  readonly uri?: pulumi.Input<undefined | string>;
  /** The storage account that holds the VHD. */
  readonly storageAccountId?: pulumi.Input<undefined | string>;
}

export interface GalleryOSDiskImageArgs {
  /** None, ReadOnly or ReadWrite; Azure chooses when omitted. */
  readonly hostCaching?: pulumi.Input<undefined | OneOf<HostCaching>>;
  /** Where the OS disk comes from. */
  readonly source?: pulumi.Input<undefined | GalleryDiskImageSourceArgs>;
}

export interface GalleryDataDiskImageArgs extends GalleryOSDiskImageArgs {
  /** The data disk's LUN, unique per version. */
  readonly lun: pulumi.Input<number>;
}

export interface GalleryArtifactVersionFullSourceArgs {
  /** A managed image, VM or another gallery image version. */
  readonly id?: pulumi.Input<undefined | string>;
  /** A VM to capture. */
  readonly virtualMachineId?: pulumi.Input<undefined | string>;
  /** A community gallery image. */
  readonly communityGalleryImageId?: pulumi.Input<undefined | string>;
}

export interface GalleryImageVersionStorageProfileArgs {
  /** The whole-image source. */
  readonly source?: pulumi.Input<undefined | GalleryArtifactVersionFullSourceArgs>;
  /** The OS disk image (snapshot, disk or VHD). */
  readonly osDiskImage?: pulumi.Input<undefined | GalleryOSDiskImageArgs>;
  /** Data disk images by LUN. */
  readonly dataDiskImages?: pulumi.Input<undefined | pulumi.Input<GalleryDataDiskImageArgs>[]>;
}

export interface GalleryImageVersionSafetyProfileArgs {
  /** Allow removing target regions that hold replicas (default false). */
  readonly allowDeletionOfReplicatedLocations?: pulumi.Input<undefined | boolean>;
  /** Refuse deletion before the end-of-life date. */
  readonly blockDeletionBeforeEndOfLife?: pulumi.Input<undefined | boolean>;
}

export interface UefiKeyArgs {
  /** sha256 or x509. */
  readonly type?: pulumi.Input<undefined | OneOf<UefiKeyType>>;
  /** The key signatures. */
  readonly value?: pulumi.Input<undefined | pulumi.Input<string>[]>;
}

export interface ImageVersionSecurityProfileArgs {
  /** UEFI keys added to the image. */
  readonly uefiSettings?: pulumi.Input<
    | undefined
    | {
        readonly signatureTemplateNames?: pulumi.Input<
          undefined | pulumi.Input<OneOf<UefiSignatureTemplateName>>[]
        >;
        readonly additionalSignatures?: pulumi.Input<
          | undefined
          | {
              readonly pk?: pulumi.Input<undefined | UefiKeyArgs>;
              readonly kek?: pulumi.Input<undefined | pulumi.Input<UefiKeyArgs>[]>;
              readonly db?: pulumi.Input<undefined | pulumi.Input<UefiKeyArgs>[]>;
              readonly dbx?: pulumi.Input<undefined | pulumi.Input<UefiKeyArgs>[]>;
            }
        >;
      }
  >;
}

export type { Architecture, HyperVGeneration, OsState, OsType };
