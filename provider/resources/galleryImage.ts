/**
 * `GalleryImage`: an image definition in a gallery (Microsoft.Compute/galleries/images), type token
 * `pulumi-nodejs:dynamic/compute-gallery:GalleryImage`.
 */
import * as pulumi from "@pulumi/pulumi";
import { providers } from "../shim";
import { nameOrDefault } from "./nameOrDefault";
import type {
  Architecture,
  DisallowedArgs,
  GalleryImageFeatureArgs,
  GalleryImageIdentifierArgs,
  HyperVGeneration,
  ImagePurchasePlanArgs,
  OneOf,
  OsState,
  OsType,
  RecommendedMachineConfigurationArgs,
  Tags,
} from "./inputTypes";

export interface GalleryImageArgs {
  /** Resource group of the gallery. Changing it replaces the definition. */
  readonly resourceGroupName: pulumi.Input<string>;
  /** The gallery that holds the definition. Changing it replaces the definition. */
  readonly galleryName: pulumi.Input<string>;
  /** Definition name (letters, digits, `.`, `-`, `_`); defaults to the resource name. Changing it replaces. */
  readonly galleryImageName?: pulumi.Input<undefined | string>;
  /** Region. Changing it replaces the definition. */
  readonly location: pulumi.Input<string>;
  /** Resource tags; updatable. */
  readonly tags?: Tags;
  /** Description; updatable. */
  readonly description?: pulumi.Input<undefined | string>;
  /** End-user license agreement. Changing it replaces the definition. */
  readonly eula?: pulumi.Input<undefined | string>;
  /** Privacy statement uri. Changing it replaces the definition. */
  readonly privacyStatementUri?: pulumi.Input<undefined | string>;
  /** Release notes uri; updatable. */
  readonly releaseNoteUri?: pulumi.Input<undefined | string>;
  /** Windows or Linux. Changing it replaces the definition. */
  readonly osType: pulumi.Input<OneOf<OsType>>;
  /** Generalized or Specialized. Changing it replaces the definition. */
  readonly osState: pulumi.Input<OneOf<OsState>>;
  /** V1 (default) or V2. Changing it replaces the definition. */
  readonly hyperVGeneration?: pulumi.Input<undefined | OneOf<HyperVGeneration>>;
  /** x64 (default) or Arm64. Changing it replaces the definition. */
  readonly architecture?: pulumi.Input<undefined | OneOf<Architecture>>;
  /** Informational end-of-life date (ISO 8601); updatable. */
  readonly endOfLifeDate?: pulumi.Input<undefined | string>;
  /** Publisher, offer and SKU, unique in the gallery. Changing them replaces the definition. */
  readonly identifier: pulumi.Input<GalleryImageIdentifierArgs>;
  /** Recommended vCPUs and memory; updatable. */
  readonly recommended?: pulumi.Input<undefined | RecommendedMachineConfigurationArgs>;
  /** Disk types VMs should not use; updatable. */
  readonly disallowed?: pulumi.Input<undefined | DisallowedArgs>;
  /** Marketplace purchase plan. Changing it replaces the definition. */
  readonly purchasePlan?: pulumi.Input<undefined | ImagePurchasePlanArgs>;
  /**
   * Features such as SecurityType. Changing them replaces the definition, unless allowUpdateImage is
   * true, none is removed and each added or changed feature has startsAtVersion.
   */
  readonly features?: pulumi.Input<undefined | pulumi.Input<GalleryImageFeatureArgs>[]>;
  /** Must be true for features to change in place; Azure does not store it. */
  readonly allowUpdateImage?: pulumi.Input<undefined | boolean>;
}

export class GalleryImage extends pulumi.dynamic.Resource {
  declare public readonly resourceGroupName: pulumi.Output<string>;
  declare public readonly galleryName: pulumi.Output<string>;
  declare public readonly galleryImageName: pulumi.Output<string>;
  declare public readonly location: pulumi.Output<string>;
  declare public readonly tags: pulumi.Output<Record<string, string> | undefined>;
  declare public readonly description: pulumi.Output<string | undefined>;
  declare public readonly eula: pulumi.Output<string | undefined>;
  declare public readonly privacyStatementUri: pulumi.Output<string | undefined>;
  declare public readonly releaseNoteUri: pulumi.Output<string | undefined>;
  declare public readonly osType: pulumi.Output<string>;
  declare public readonly osState: pulumi.Output<string>;
  declare public readonly hyperVGeneration: pulumi.Output<string>;
  declare public readonly architecture: pulumi.Output<string>;
  declare public readonly endOfLifeDate: pulumi.Output<string | undefined>;
  declare public readonly identifier: pulumi.Output<{ publisher: string; offer: string; sku: string }>;
  declare public readonly recommended: pulumi.Output<
    { vCPUs?: { min?: number; max?: number }; memory?: { min?: number; max?: number } } | undefined
  >;
  declare public readonly disallowed: pulumi.Output<{ diskTypes?: string[] } | undefined>;
  declare public readonly purchasePlan: pulumi.Output<
    { name?: string; publisher?: string; product?: string } | undefined
  >;
  declare public readonly features: pulumi.Output<
    { name?: string; value?: string; startsAtVersion?: string }[] | undefined
  >;
  /** Azure's resource name (the definition name). */
  declare public readonly name: pulumi.Output<string>;
  /** Azure's resource type, `Microsoft.Compute/galleries/images`. */
  declare public readonly type: pulumi.Output<string>;
  declare public readonly provisioningState: pulumi.Output<string>;

  constructor(name: string, args: GalleryImageArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = { name: undefined, type: undefined, provisioningState: undefined };
    const inputs = { ...args, galleryImageName: nameOrDefault(args.galleryImageName, name) };
    super(providers.galleryImage, name, { ...outputs, ...inputs }, opts, "compute-gallery", "GalleryImage");
  }
}
