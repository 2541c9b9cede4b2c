// The Azure SDK's compute client, imported here and nowhere else in the provider.
//
// The build (scripts/bundle-dependencies.ts) replaces this module's compiled copy with a single file
// holding the client and the SDK code it runs, cut down to the operation groups below.
// @azure/arm-compute loads every compute operation group, a file at a time: about 200 ms of each
// provider process's start, before its first request; the bundle loads in about 30. From source
// (tests, ts-node) the package loads as it is: the same code the bundle holds, and more of it.
import { ComputeManagementClient } from "@azure/arm-compute";

export { ComputeManagementClient };

/** The compute operation groups the provider calls: the bundled client has these and no others. */
export const GALLERY_OPERATION_GROUPS = [
  "galleries",
  "galleryImages",
  "galleryImageVersions",
  "gallerySharingProfile",
] as const;

/** The compute client as the provider may use it: a group outside the list fails to compile. */
export type GalleryClient = Pick<ComputeManagementClient, (typeof GALLERY_OPERATION_GROUPS)[number]>;
