/**
 * The features an image definition may declare (`features[]`: name and value pairs): the names Azure
 * documents, the values each takes, and what a security type asks of the definition and its
 * versions. The spec types both name and value as free strings (GalleryImageFeature,
 * galleryRPCommon.json 2024-03-03, unchanged in GalleryRP.json 2025-03-03), so these lists come
 * from Microsoft's docs and from what other clients send; each fact names its source.
 *
 * Here rather than in enums.ts: the values are matched without regard to case (Azure stores what it
 * is sent, and clients differ: azurerm sends `ConfidentialVmSupported`, Azure Verified Modules
 * `ConfidentialVMSupported`), so they are not zod enums.
 */

/** Feature names. */
export const SECURITY_TYPE_FEATURE = "SecurityType";
export const ACCELERATED_NETWORK_FEATURE = "IsAcceleratedNetworkSupported";
export const DISK_CONTROLLER_FEATURE = "DiskControllerTypes";
export const HIBERNATE_FEATURE = "IsHibernateSupported";

/**
 * Security types of a definition. Sources: learn.microsoft.com trusted-launch-portal, "Deploy a
 * Trusted Launch VM from an Azure Compute Gallery image" (TrustedLaunchSupported, TrustedLaunch);
 * the Azure Verified Modules gallery module's `securityType` parameter (Standard, ConfidentialVM,
 * ConfidentialVMSupported, TrustedLaunchAndConfidentialVmSupported); terraform-provider-azurerm
 * shared_image_resource.go (sends TrustedLaunchSupported, TrustedLaunch, ConfidentialVmSupported,
 * ConfidentialVM).
 */
export const SECURITY_TYPES = [
  "Standard",
  "TrustedLaunchSupported",
  "TrustedLaunch",
  "ConfidentialVmSupported",
  "ConfidentialVM",
  "TrustedLaunchAndConfidentialVmSupported",
] as const;
export type SecurityType = (typeof SECURITY_TYPES)[number];

/**
 * Security types that need hyperVGeneration V2: Trusted Launch and confidential VMs run only as
 * Generation 2 VMs (learn.microsoft.com trusted-launch, first paragraph: "Generation 2 virtual
 * machines"; the Azure Verified Modules gallery module: "Requires a hyperVGeneration V2").
 */
export const SECURITY_TYPES_NEEDING_V2: readonly SecurityType[] = SECURITY_TYPES.filter(
  (type) => type !== "Standard",
);

/**
 * Security types whose versions must carry the VM guest state: TrustedLaunch images come from a
 * Trusted Launch VM, a managed OS disk or its snapshot, and only TrustedLaunchSupported takes a VHD,
 * a managed image or another gallery version (learn.microsoft.com trusted-launch-portal, "Trusted
 * Launch VM images" and "Trusted Launch VM supported images"); managed images are not supported with
 * Trusted Launch at all (learn.microsoft.com trusted-launch, "Unsupported features"). ConfidentialVM
 * is the confidential counterpart of TrustedLaunch: its source is a confidential VM, disk or snapshot.
 */
export const SECURITY_TYPES_NEEDING_GUEST_STATE: readonly SecurityType[] = [
  "TrustedLaunch",
  "ConfidentialVM",
];

/** Values of the yes/no features; Azure and its clients write them True/False in any case. */
export const BOOLEAN_FEATURE_VALUES = ["True", "False"] as const;

/**
 * The disk controllers a definition's VMs may use: SCSI alone, or SCSI and NVMe in either order
 * (learn.microsoft.com JavaScript reference, SupportedCapabilities.diskControllerTypes: "SCSI or
 * SCSI, NVME or NVME, SCSI"; azurerm sends "SCSI, NVMe"). NVMe alone is not among them.
 */
export const DISK_CONTROLLER_VALUES = ["SCSI", "SCSI, NVMe", "NVMe, SCSI"] as const;

/** The documented feature names and what each takes, as shown in messages. */
export const KNOWN_FEATURES: Readonly<Record<string, readonly string[]>> = {
  [SECURITY_TYPE_FEATURE]: SECURITY_TYPES,
  [ACCELERATED_NETWORK_FEATURE]: BOOLEAN_FEATURE_VALUES,
  [DISK_CONTROLLER_FEATURE]: DISK_CONTROLLER_VALUES,
  [HIBERNATE_FEATURE]: BOOLEAN_FEATURE_VALUES,
};

/** The documented name spelt as Azure documents it, for a name in any case; undefined when unknown. */
export function knownFeatureName(name: string): string | undefined {
  return Object.keys(KNOWN_FEATURES).find((known) => known.toLowerCase() === name.toLowerCase());
}

/** The allowed value spelt as documented, for a value in any case; undefined when not allowed. */
export function allowedFeatureValue(name: string, value: string): string | undefined {
  const known = knownFeatureName(name);
  if (known === DISK_CONTROLLER_FEATURE) return diskControllerValue(value);
  return (known === undefined ? [] : KNOWN_FEATURES[known]!).find(
    (allowed) => allowed.toLowerCase() === value.trim().toLowerCase(),
  );
}

/** `SCSI,nvme` -> `SCSI, NVMe`: the list compared as controllers, so spacing does not matter. */
function diskControllerValue(value: string): string | undefined {
  const parts = value.split(",").map((part) => part.trim().toLowerCase());
  return DISK_CONTROLLER_VALUES.find((allowed) => {
    const wanted = allowed.split(",").map((part) => part.trim().toLowerCase());
    return wanted.length === parts.length && wanted.every((part, i) => part === parts[i]);
  });
}

/** The definition's security type from its features, as documented; undefined when not declared. */
export function securityTypeOf(features: unknown): SecurityType | undefined {
  if (!Array.isArray(features)) return undefined;
  for (const feature of features) {
    const name = (feature as { name?: unknown } | null)?.name;
    const value = (feature as { value?: unknown } | null)?.value;
    if (typeof name !== "string" || typeof value !== "string") continue;
    if (knownFeatureName(name) !== SECURITY_TYPE_FEATURE) continue;
    return allowedFeatureValue(name, value) as SecurityType | undefined;
  }
  return undefined;
}
