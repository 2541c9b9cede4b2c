// Public exports of the package. Loading it first checks the program's @pulumi/pulumi.
import { assertSupportedPulumi } from "./pulumiVersion";

assertSupportedPulumi();

export { Gallery, type GalleryArgs } from "./resources/gallery";
export { GalleryImage, type GalleryImageArgs } from "./resources/galleryImage";
export { GalleryImageVersion, type GalleryImageVersionArgs } from "./resources/galleryImageVersion";
export { GalleryRoleAssignment, type GalleryRoleAssignmentArgs } from "./resources/galleryRoleAssignment";
export { reachOf, grantReaches, type Grant, type Reach, type ReachOptions } from "./access/reach";
export type * from "./resources/generated/args";
export type * from "./resources/generated/outputs";
// Public declarations stay clear of zod's: under Pulumi's TypeScript template (no esModuleInterop, no
// skipLibCheck) zod's own declarations fail to compile (test/consumer).
export type { Architecture, HyperVGeneration, OsState, OsType, PrincipalType } from "./model/enums";
export { providers } from "./shim";
export {
  latestVersion as latestImageVersion,
  resolveLatest as resolveLatestImageVersion,
  compareVersionNames,
  type GalleryImageVersionListItem as ImageVersionSnapshot,
} from "./lifecycle/latest";
export { normaliseRegionName, displayRegionName } from "./model/regions";
export {
  recommendedReplicas,
  replicaAdvice,
  VMS_PER_REPLICA,
  type ExpectedLoad,
  type ReplicaAdvice,
} from "./advice/replicas";
export {
  storageEstimate,
  footprintOfVersion,
  type StorageEstimate,
  type VersionFootprint,
} from "./advice/storage";
