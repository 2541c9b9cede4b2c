// Property paths of VM applications and their versions as ARM's error targets name them (the body
// parameters of GalleryApplications_CreateOrUpdate and GalleryApplicationVersions_CreateOrUpdate).
export const APPLICATION_PROPERTIES = "galleryApplication.properties";
export const APPLICATION_VERSION_PROPERTIES = "galleryApplicationVersion.properties";
export const APPLICATION_PUBLISHING_PROFILE = `${APPLICATION_VERSION_PROPERTIES}.publishingProfile`;
