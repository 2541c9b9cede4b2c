/**
 * `GalleryImageVersion`: a version of an image definition (Microsoft.Compute/galleries/images/versions),
 * type token `pulumi-nodejs:dynamic/compute-gallery:GalleryImageVersion`.
 */
import * as pulumi from "@pulumi/pulumi";
import { providers } from "../shim";
import { nameOrDefault } from "./nameOrDefault";
import type {
  GalleryImageVersionPublishingProfileArgs,
  GalleryImageVersionSafetyProfileArgs,
  GalleryImageVersionStorageProfileArgs,
  ImageVersionSecurityProfileArgs,
  Tags,
} from "./inputTypes";

export interface GalleryImageVersionArgs {
  /** Resource group of the gallery. Changing it replaces the version. */
  readonly resourceGroupName: pulumi.Input<string>;
  /** The gallery. Changing it replaces the version. */
  readonly galleryName: pulumi.Input<string>;
  /** The image definition. Changing it replaces the version. */
  readonly galleryImageName: pulumi.Input<string>;
  /** Major.Minor.Patch, e.g. `1.0.0`; defaults to the resource name. Changing it replaces the version. */
  readonly galleryImageVersionName?: pulumi.Input<undefined | string>;
  /** Source region; must be one of the target regions. Changing it replaces the version. */
  readonly location: pulumi.Input<string>;
  /** Resource tags; updatable. */
  readonly tags?: Tags;
  /** Where and how the version is replicated; target regions and replica counts are updatable. */
  readonly publishingProfile?: pulumi.Input<undefined | GalleryImageVersionPublishingProfileArgs>;
  /** The source of the version. Changing it replaces the version. */
  readonly storageProfile: pulumi.Input<GalleryImageVersionStorageProfileArgs>;
  /** Deletion safeguards; updatable. */
  readonly safetyProfile?: pulumi.Input<undefined | GalleryImageVersionSafetyProfileArgs>;
  /** UEFI settings. Changing them replaces the version. */
  readonly securityProfile?: pulumi.Input<undefined | ImageVersionSecurityProfileArgs>;
  /** Restores a soft-deleted version of this name; a flag of the request, not stored by Azure. */
  readonly restore?: pulumi.Input<undefined | boolean>;
}

/** Replication of the version, per region, as Azure reports it. */
export interface ReplicationStatus {
  readonly aggregatedState: string;
  readonly summary: { region: string; state: string; progress: number; details?: string }[];
}

export interface TargetRegionOutput {
  readonly name: string;
  readonly regionalReplicaCount?: number;
  readonly storageAccountType?: string;
  readonly excludeFromLatest?: boolean;
  readonly encryption?: Record<string, unknown>;
  readonly additionalReplicaSets?: { storageAccountType?: string; regionalReplicaCount?: number }[];
}

export class GalleryImageVersion extends pulumi.dynamic.Resource {
  declare public readonly resourceGroupName: pulumi.Output<string>;
  declare public readonly galleryName: pulumi.Output<string>;
  declare public readonly galleryImageName: pulumi.Output<string>;
  declare public readonly galleryImageVersionName: pulumi.Output<string>;
  declare public readonly location: pulumi.Output<string>;
  declare public readonly tags: pulumi.Output<Record<string, string> | undefined>;
  /** The publishing profile, with Azure's `publishedDate`. */
  declare public readonly publishingProfile: pulumi.Output<{
    targetRegions: TargetRegionOutput[];
    replicaCount: number;
    excludeFromLatest: boolean;
    endOfLifeDate?: string;
    storageAccountType: string;
    replicationMode?: string;
    targetExtendedLocations?: Record<string, unknown>[];
    /** When the version was published (set by Azure). */
    publishedDate: string;
  }>;
  declare public readonly storageProfile: pulumi.Output<{
    source?: { id?: string; virtualMachineId?: string; communityGalleryImageId?: string };
    osDiskImage?: {
      hostCaching?: string;
      sizeInGB?: number;
      source?: { id?: string; uri?: string; storageAccountId?: string };
    };
    dataDiskImages?: {
      lun: number;
      hostCaching?: string;
      sizeInGB?: number;
      source?: { id?: string; uri?: string; storageAccountId?: string };
    }[];
  }>;
  declare public readonly safetyProfile: pulumi.Output<
    { allowDeletionOfReplicatedLocations?: boolean; blockDeletionBeforeEndOfLife?: boolean } | undefined
  >;
  declare public readonly securityProfile: pulumi.Output<Record<string, unknown> | undefined>;
  /** Azure's resource name (the version name). */
  declare public readonly name: pulumi.Output<string>;
  /** Azure's resource type, `Microsoft.Compute/galleries/images/versions`. */
  declare public readonly type: pulumi.Output<string>;
  declare public readonly provisioningState: pulumi.Output<string>;
  /** Replication per region: aggregatedState and summary[{ region, state, progress, details }]. */
  declare public readonly replicationStatus: pulumi.Output<ReplicationStatus>;

  constructor(name: string, args: GalleryImageVersionArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      name: undefined,
      type: undefined,
      provisioningState: undefined,
      replicationStatus: undefined,
    };
    const inputs = { ...args, galleryImageVersionName: nameOrDefault(args.galleryImageVersionName, name) };
    super(
      providers.galleryImageVersion,
      name,
      { ...outputs, ...inputs },
      opts,
      "compute-gallery",
      "GalleryImageVersion",
    );
  }
}
