// Property paths of an image version as ARM's error targets name them.
export const VERSION_PROPERTIES = "galleryImageVersion.properties";
export const PUBLISHING_PROFILE = `${VERSION_PROPERTIES}.publishingProfile`;
export const STORAGE_PROFILE = `${VERSION_PROPERTIES}.storageProfile`;
