/**
 * `Gallery`: an Azure Compute Gallery (Microsoft.Compute/galleries), type token
 * `pulumi-nodejs:dynamic/compute-gallery:Gallery`. Its arguments and outputs are generated from the
 * model (provider/model/schemas.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import { providers } from "../shim";
import type { GalleryArgs } from "./generated/args";
import { GalleryOutputs, galleryOutputOnlyKeys } from "./generated/outputs";
import { nameOrDefault } from "./nameOrDefault";
import { resourceUrn } from "./resourceUrn";
import { unsetOutputs } from "./unsetOutputs";

export type { GalleryArgs };

export class Gallery extends GalleryOutputs {
  constructor(name: string, args: GalleryArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = { ...args, galleryName: nameOrDefault(args.galleryName, name) };
    const props = {
      ...unsetOutputs(galleryOutputOnlyKeys),
      ...inputs,
      __urn: resourceUrn(name, "Gallery", opts),
    };
    super(providers.gallery, name, props, opts, "compute-gallery", "Gallery");
  }
}
