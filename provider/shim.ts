// The serializable provider objects of the resource kinds, one module each (dynamic/), so that an
// installed package is stored in state as a require of that module (see dynamic/forwarding.ts).
import type * as pulumi from "@pulumi/pulumi";
import gallery = require("./dynamic/gallery");
import galleryImage = require("./dynamic/galleryImage");
import galleryImageVersion = require("./dynamic/galleryImageVersion");
import galleryRoleAssignment = require("./dynamic/galleryRoleAssignment");

import type { ResourceKind } from "./dynamic/forwarding";

export type { ResourceKind };

export const providers: Record<ResourceKind, pulumi.dynamic.ResourceProvider> = {
  gallery,
  galleryImage,
  galleryImageVersion,
  galleryRoleAssignment,
};
