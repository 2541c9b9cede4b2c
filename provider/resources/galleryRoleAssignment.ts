/**
 * `GalleryRoleAssignment`: an Azure role granted to a user, group or service principal on a gallery or
 * an image definition (Microsoft.Authorization/roleAssignments), type token
 * `pulumi-nodejs:dynamic/compute-gallery:GalleryRoleAssignment`. Its arguments and outputs are
 * generated from the model (provider/model/roleAssignment.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import { providers } from "../shim";
import type { GalleryRoleAssignmentArgs } from "./generated/args";
import { GalleryRoleAssignmentOutputs, galleryRoleAssignmentOutputOnlyKeys } from "./generated/outputs";
import { resourceUrn } from "./resourceUrn";
import { unsetOutputs } from "./unsetOutputs";

export type { GalleryRoleAssignmentArgs };

export class GalleryRoleAssignment extends GalleryRoleAssignmentOutputs {
  constructor(name: string, args: GalleryRoleAssignmentArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      ...unsetOutputs(galleryRoleAssignmentOutputOnlyKeys),
      // Outputs even when not given: the role is named one way, and create and read report both
      // spellings; check derives the default name from scope, principal and role.
      roleDefinitionId: args.roleDefinitionId,
      roleName: args.roleName,
      roleAssignmentName: args.roleAssignmentName,
      ...args,
      __urn: resourceUrn(name, "GalleryRoleAssignment", opts),
    };
    super(providers.galleryRoleAssignment, name, props, opts, "compute-gallery", "GalleryRoleAssignment");
  }
}
