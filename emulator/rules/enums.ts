// Enumerations the service validates, from the 2024-03-03 contract (gallery.json, galleryRPCommon.json),
// named as the provider names the same lists (provider/model/enums.ts), so a new value is the same edit
// in both; test/contract compares the lists the two share. Values are matched case-insensitively and
// stored in the spelling below.

export const OS_TYPES = ["Windows", "Linux"] as const;
export const OS_STATES = ["Generalized", "Specialized"] as const;
export const HYPER_V_GENERATIONS = ["V1", "V2"] as const;
export const ARCHITECTURES = ["x64", "Arm64"] as const;
export const STORAGE_ACCOUNT_TYPES = [
  "Standard_LRS",
  "Standard_ZRS",
  "Premium_LRS",
  "PremiumV2_LRS",
] as const;
export const REPLICATION_MODES = ["Full", "Shallow"] as const;
export const HOST_CACHING = ["None", "ReadOnly", "ReadWrite"] as const;
export const SHARING_PERMISSIONS = ["Private", "Groups", "Community"] as const;
export const SHARING_GROUP_TYPES = ["Subscriptions", "AADTenants"] as const;
// The emulator's own: the provider never sends these.
export const SHARING_UPDATE_OPERATION_TYPES = ["Add", "Remove", "Reset", "EnableCommunity"] as const;
// VM applications (GalleryRP 2024-03-03 gallery.json): GalleryApplicationProperties.supportedOSType is
// OS_TYPES; UserArtifactSettings.scriptBehaviorAfterReboot; GalleryApplicationCustomActionParameter.type.
export const SCRIPT_BEHAVIORS_AFTER_REBOOT = ["None", "Rerun"] as const;
export const CUSTOM_ACTION_PARAMETER_TYPES = ["String", "ConfigurationDataBlob", "LogOutputBlob"] as const;
export const SOFT_DELETED_ARTIFACT_TYPES = ["Images"] as const;

/** Storage types that need availability zones in the target region. */
export const ZONE_REDUNDANT_STORAGE = new Set<string>(["Standard_ZRS"]);

/** The value in the list's spelling, or undefined when the list does not hold it in any case. */
export function canonicalEnum(allowed: readonly string[], value: string): string | undefined {
  return allowed.find((v) => v.toLowerCase() === value.toLowerCase());
}
