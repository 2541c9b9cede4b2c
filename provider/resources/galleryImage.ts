/**
 * `GalleryImage`: an image definition in a gallery (Microsoft.Compute/galleries/images), type token
 * `pulumi-nodejs:dynamic/compute-gallery:GalleryImage`. Its arguments and outputs are generated from
 * the model (provider/model/schemas.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import { providers } from "../shim";
import type { GalleryImageArgs } from "./generated/args";
import { GalleryImageOutputs, galleryImageOutputOnlyKeys } from "./generated/outputs";
import { nameOrDefault } from "./nameOrDefault";
import { resourceUrn } from "./resourceUrn";
import { unsetOutputs } from "./unsetOutputs";

export type { GalleryImageArgs };

export class GalleryImage extends GalleryImageOutputs {
  constructor(name: string, args: GalleryImageArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = { ...args, galleryImageName: nameOrDefault(args.galleryImageName, name) };
    const props = {
      ...unsetOutputs(galleryImageOutputOnlyKeys),
      ...inputs,
      __urn: resourceUrn(name, "GalleryImage", opts),
    };
    super(providers.galleryImage, name, props, opts, "compute-gallery", "GalleryImage");
  }
}
