// The Azure SDK's compute client, imported here and nowhere else in the provider, through the
// package's public entry point.
import { ComputeManagementClient } from "@azure/arm-compute";

export { ComputeManagementClient };

/** The compute operation groups the provider calls. */
export const GALLERY_OPERATION_GROUPS = [
  "galleries",
  "galleryImages",
  "galleryImageVersions",
  "gallerySharingProfile",
] as const;

/** The compute client as the provider may use it: a group outside the list fails to compile. */
export type GalleryClient = Pick<ComputeManagementClient, (typeof GALLERY_OPERATION_GROUPS)[number]>;
