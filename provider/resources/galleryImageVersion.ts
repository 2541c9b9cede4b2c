/**
 * `GalleryImageVersion`: a version of an image definition (Microsoft.Compute/galleries/images/versions),
 * type token `pulumi-nodejs:dynamic/compute-gallery:GalleryImageVersion`. Its arguments and outputs
 * are generated from the model (provider/model/schemas.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import { providers } from "../shim";
import type { GalleryImageVersionArgs } from "./generated/args";
import { GalleryImageVersionOutputs, galleryImageVersionOutputOnlyKeys } from "./generated/outputs";
import { nameOrDefault } from "./nameOrDefault";
import { resourceUrn } from "./resourceUrn";
import { unsetOutputs } from "./unsetOutputs";

export type { GalleryImageVersionArgs };

export class GalleryImageVersion extends GalleryImageVersionOutputs {
  constructor(name: string, args: GalleryImageVersionArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = { ...args, galleryImageVersionName: nameOrDefault(args.galleryImageVersionName, name) };
    const props = {
      ...unsetOutputs(galleryImageVersionOutputOnlyKeys),
      ...inputs,
      __urn: resourceUrn(name, "GalleryImageVersion", opts),
    };
    super(providers.galleryImageVersion, name, props, opts, "compute-gallery", "GalleryImageVersion");
  }
}
