// Properties Azure refuses to change once a resource exists (PropertyChangeNotAllowed). Paths are
// relative to the resource body; the error target prefixes them with the body parameter's name.
//
// Image definitions: Azure documents description, end-of-life date, release notes and the recommended
// configuration as updatable; the terms of use (eula, privacy statement) and what the definition says
// about every version (OS, generation, architecture, identifier, plan, features) are fixed, except
// that features may change when the request sets allowUpdateImage (see featuresChangeAllowed).

export const IMMUTABLE_PATHS = {
  // Community galleries' public names are derived from the prefix when the gallery is shared.
  gallery: ["location", "properties.sharingProfile.communityGalleryInfo.publicNamePrefix"],
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
  // A version's content (its sources, disk caching, UEFI keys) is written once; so are the storage
  // type and encryption of replicas already written, and the replication mode.
  version: [
    "location",
    "properties.storageProfile.source.id",
    "properties.storageProfile.source.uri",
    "properties.storageProfile.source.virtualMachineId",
    "properties.storageProfile.source.communityGalleryImageId",
    "properties.storageProfile.osDiskImage.source.id",
    "properties.storageProfile.osDiskImage.source.uri",
    "properties.storageProfile.osDiskImage.source.storageAccountId",
    "properties.storageProfile.osDiskImage.hostCaching",
    "properties.storageProfile.dataDiskImages",
    "properties.publishingProfile.storageAccountType",
    "properties.publishingProfile.replicationMode",
    "properties.securityProfile.uefiSettings",
  ],
  // VM application definitions (GalleryRP 2024-03-03 gallery.json, GalleryApplicationProperties): the
  // spec calls description and endOfLifeDate updatable. supportedOSType is what every version is built
  // for; the terms of use (eula, privacy statement) are fixed as they are for image definitions. That
  // the last two are fixed, and that releaseNoteUri and customActions may change, is the emulator's
  // reading by analogy with image definitions: no recording shows Azure's answer.
  application: [
    "location",
    "properties.supportedOSType",
    "properties.eula",
    "properties.privacyStatementUri",
  ],
  // VM application versions (GalleryApplicationVersionPublishingProfile, GalleryArtifactPublishingProfileBase):
  // the spec calls storageAccountType and replicationMode "not updatable" and targetRegions, replicaCount
  // and endOfLifeDate updatable. The package itself is written once: the blob a media link names may not
  // change, only its SAS (QUERY_MAY_CHANGE; Microsoft's "Publishing VM Applications in a Secure World",
  // devblogs.microsoft.com/azure-vm-runtime, 2026: "we do allow you to modify the SAS (but not the rest of
  // the url) for an existing application version"). Install, remove and update commands and the file
  // names fixed with the package are the emulator's guess (no recording shows an update of them).
  applicationVersion: [
    "location",
    "properties.publishingProfile.source.mediaLink",
    "properties.publishingProfile.source.defaultConfigurationLink",
    "properties.publishingProfile.manageActions.install",
    "properties.publishingProfile.manageActions.remove",
    "properties.publishingProfile.manageActions.update",
    "properties.publishingProfile.settings.packageFileName",
    "properties.publishingProfile.settings.configFileName",
    "properties.publishingProfile.storageAccountType",
    "properties.publishingProfile.replicationMode",
  ],
} as const;

/** Blob URLs compared without their query: a new SAS for the same blob is no change (see applicationVersion). */
export const QUERY_MAY_CHANGE: ReadonlySet<string> = new Set([
  "properties.publishingProfile.source.mediaLink",
  "properties.publishingProfile.source.defaultConfigurationLink",
]);

/** What the service assumes for an immutable property a request leaves out (not echoed back). */
export const ASSUMED_WHEN_ABSENT: Readonly<Record<string, unknown>> = {
  "properties.publishingProfile.replicationMode": "Full",
};

/**
 * Immutable properties the service fills in itself when the request leaves them out (disk caching of
 * a managed-image source): a request may name them once known, so absence on either side is no change.
 */
export const FILLED_BY_SERVICE: ReadonlySet<string> = new Set([
  "properties.storageProfile.osDiskImage.hostCaching",
]);

/**
 * Fields of list elements that are fixed once the element exists; elements are matched by `key`
 * (a region, an edge zone, a LUN), so adding or removing an element is not a change of its fields.
 */
export interface ImmutableElementFields {
  readonly list: string;
  readonly key: "region" | "edgeZone" | "lun";
  readonly fields: readonly string[];
  /** Fields the service fills in itself, so a value stored without them may gain them: no change. */
  readonly filledByService?: readonly string[];
}

export const IMMUTABLE_ELEMENT_FIELDS: Partial<
  Record<keyof typeof IMMUTABLE_PATHS, readonly ImmutableElementFields[]>
> = {
  gallery: [],
  version: [
    {
      list: "properties.publishingProfile.targetRegions",
      key: "region",
      fields: ["storageAccountType", "encryption"],
    },
    {
      list: "properties.publishingProfile.targetExtendedLocations",
      key: "edgeZone",
      fields: ["storageAccountType", "encryption"],
    },
    {
      list: "properties.storageProfile.dataDiskImages",
      key: "lun",
      fields: ["hostCaching", "source.storageAccountId"],
      filledByService: ["hostCaching"],
    },
  ],
  // TargetRegion.storageAccountType: "This property is not updatable" (GalleryRP 2024-03-03).
  applicationVersion: [
    { list: "properties.publishingProfile.targetRegions", key: "region", fields: ["storageAccountType"] },
  ],
};

export const BODY_PARAMETER = {
  gallery: "gallery",
  image: "galleryImage",
  version: "galleryImageVersion",
  application: "galleryApplication",
  applicationVersion: "galleryApplicationVersion",
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
