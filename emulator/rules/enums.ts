// Enumerations the service validates, from the 2024-03-03 contract (gallery.json, galleryRPCommon.json).
// Values are matched case-insensitively and stored in the spelling below.

export const ENUMS = {
  osType: ["Windows", "Linux"],
  osState: ["Generalized", "Specialized"],
  hyperVGeneration: ["V1", "V2"],
  architecture: ["x64", "Arm64"],
  storageAccountType: ["Standard_LRS", "Standard_ZRS", "Premium_LRS", "PremiumV2_LRS"],
  replicationMode: ["Full", "Shallow"],
  hostCaching: ["None", "ReadOnly", "ReadWrite"],
  sharingPermissions: ["Private", "Groups", "Community"],
  sharingUpdateOperationType: ["Add", "Remove", "Reset", "EnableCommunity"],
  sharingProfileGroupType: ["Subscriptions", "AADTenants"],
  softDeletedArtifactType: ["Images"],
} as const;

export type EnumName = keyof typeof ENUMS;

/** Storage types that need availability zones in the target region. */
export const ZONE_REDUNDANT_STORAGE = new Set<string>(["Standard_ZRS"]);

export function canonicalEnum(name: EnumName, value: string): string | undefined {
  return ENUMS[name].find((v) => v.toLowerCase() === value.toLowerCase());
}
