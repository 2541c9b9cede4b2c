// Properties Azure refuses to change once a resource exists (PropertyChangeNotAllowed). Paths are
// relative to the resource body; the error target prefixes them with the body parameter's name.
//
// Image definitions: Azure documents description, end-of-life date, release notes and the recommended
// configuration as updatable; the terms of use (eula, privacy statement) and what the definition says
// about every version (OS, generation, architecture, identifier, plan, features) are fixed, except
// that features may change when the request sets allowUpdateImage (see featuresChangeAllowed).

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
    "properties.eula",
    "properties.privacyStatementUri",
    "properties.features",
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

const featureKey = (feature: unknown): string => JSON.stringify(feature ?? null).toLowerCase();
const featureName = (feature: unknown): string =>
  String((feature as { name?: unknown } | null)?.name ?? "").toLowerCase();
const startsAtVersion = (feature: unknown): string =>
  String((feature as { startsAtVersion?: unknown } | null)?.startsAtVersion ?? "");

/**
 * Whether an image definition's features may go from `before` to `after` in place: the list is the
 * same set; or the request sets allowUpdateImage, no feature disappears, and every added or changed
 * feature names the first version it applies to (startsAtVersion), so that no existing version
 * changes what it claims (the spec's GalleryImage_UpdateFeatures example).
 */
export function featuresChangeAllowed(before: unknown, after: unknown, allowUpdateImage: boolean): boolean {
  const old = Array.isArray(before) ? before : [];
  const next = Array.isArray(after) ? after : [];
  const oldKeys = new Set(old.map(featureKey));
  const changed = next.filter((feature) => !oldKeys.has(featureKey(feature)));
  if (changed.length === 0 && next.length === old.length) return true;
  if (!allowUpdateImage) return false;
  const kept = new Set(next.map(featureName));
  return (
    old.every((feature) => kept.has(featureName(feature))) && changed.every((f) => startsAtVersion(f) !== "")
  );
}
