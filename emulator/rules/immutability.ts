// Properties Azure refuses to change once a resource exists (PropertyChangeNotAllowed). Paths are
// relative to the resource body; the error target prefixes them with the body parameter's name.

export const IMMUTABLE_PATHS = {
  gallery: ["location"],
  image: [
    "location",
    "properties.osType",
    "properties.osState",
    "properties.hyperVGeneration",
    "properties.architecture",
    "properties.identifier.publisher",
    "properties.identifier.offer",
    "properties.identifier.sku",
    "properties.purchasePlan",
  ],
  version: [
    "location",
    "properties.storageProfile.source.id",
    "properties.storageProfile.source.uri",
    "properties.storageProfile.osDiskImage.source.id",
    "properties.storageProfile.osDiskImage.source.uri",
    "properties.storageProfile.dataDiskImages",
  ],
} as const;

export const BODY_PARAMETER = {
  gallery: "gallery",
  image: "galleryImage",
  version: "galleryImageVersion",
} as const;
