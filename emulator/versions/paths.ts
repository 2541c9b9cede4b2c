// Property paths of an image version as ARM's error targets name them.
export const P = "galleryImageVersion.properties";
export const PP = `${P}.publishingProfile`;
export const SP = `${P}.storageProfile`;
