// Public exports of the package.
export { Gallery, type GalleryArgs } from "./resources/gallery";
export { GalleryImage, type GalleryImageArgs } from "./resources/galleryImage";
export {
  GalleryImageVersion,
  type GalleryImageVersionArgs,
  type ReplicationStatus,
} from "./resources/galleryImageVersion";
export * from "./resources/inputTypes";
export { providers } from "./shim";
export {
  latestVersion as latestImageVersion,
  resolveLatest as resolveLatestImageVersion,
  compareVersionNames,
  type GalleryImageVersionListItem as ImageVersionSnapshot,
} from "./lifecycle/latest";
export { normaliseRegionName, displayRegionName } from "./model/regions";
