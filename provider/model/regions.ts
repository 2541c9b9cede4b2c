/**
 * The region catalog: which regions exist, their display names, whether they have availability zones
 * (Standard_ZRS needs them), which cloud they belong to (replication never crosses clouds) and which
 * need an access request before a subscription may use them.
 *
 * Inside the code a region is always its normalised name (`eastus2`); the display name (`East US 2`)
 * is what Azure answers in `targetRegions[].name` and is only produced at the edges.
 *
 * `hasAvailabilityZones` means what Standard_ZRS replicas need: Azure lists the region among those
 * with zone-redundant storage ("Azure regions that support zone-redundant storage"), or it opened
 * after that list with three zones (Austria East, Indonesia Central, Malaysia West, New Zealand
 * North). Japan West and Central US EUAP are not on the list. When Azure adds ZRS to a region, flip
 * its flag here and in the emulator's catalog (emulator/rules/regions.ts); the contract test fails
 * until both agree.
 *
 * Sovereign-cloud regions are listed so that check can say where they belong when refusing them:
 * both backends (Azure's public Resource Manager and the emulator) are the public cloud.
 */
export type Cloud = "public" | "usgov" | "china";

export interface RegionInfo {
  /** Lower case, no spaces: `eastus2`. */
  readonly name: string;
  /** As Azure displays it: `East US 2`. */
  readonly displayName: string;
  readonly hasAvailabilityZones: boolean;
  readonly cloud: Cloud;
  /** Regions a subscription may only use after Microsoft grants an access request. */
  readonly needsAccessRequest: boolean;
}

type Row = [displayName: string, hasAvailabilityZones: boolean, cloud?: Cloud, needsAccessRequest?: boolean];

const ROWS: readonly Row[] = [
  // Americas
  ["East US", true],
  ["East US 2", true],
  ["Central US", true],
  ["North Central US", false],
  ["South Central US", true],
  ["West Central US", false],
  ["West US", false],
  ["West US 2", true],
  ["West US 3", true],
  ["Canada Central", true],
  ["Canada East", false],
  ["Brazil South", true],
  ["Brazil Southeast", false],
  ["Mexico Central", true],
  // Canary regions (early-access); they appear in Azure's own recordings.
  ["East US 2 EUAP", true],
  ["Central US EUAP", false],
  // Europe
  ["North Europe", true],
  ["West Europe", true],
  ["UK South", true],
  ["UK West", false],
  ["France Central", true],
  ["France South", false],
  ["Germany West Central", true],
  ["Germany North", false],
  ["Switzerland North", true],
  ["Switzerland West", false],
  ["Norway East", true],
  ["Norway West", false],
  ["Sweden Central", true],
  ["Sweden South", false],
  ["Austria East", true],
  ["Poland Central", true],
  ["Italy North", true],
  ["Spain Central", true],
  // Middle East and Africa
  ["Israel Central", true],
  ["Qatar Central", true],
  ["UAE North", true],
  ["UAE Central", false],
  ["South Africa North", true],
  ["South Africa West", false],
  // Asia Pacific
  ["Central India", true],
  ["South India", false],
  ["West India", false],
  ["Jio India West", false],
  ["Jio India Central", false],
  ["East Asia", true],
  ["Southeast Asia", true],
  ["Japan East", true],
  ["Japan West", false],
  ["Korea Central", true],
  ["Korea South", false],
  ["Australia East", true],
  ["Australia Southeast", false],
  ["Australia Central", false, "public", true],
  ["Australia Central 2", false, "public", true],
  ["New Zealand North", true],
  ["Indonesia Central", true],
  ["Malaysia West", true],
  // Azure Government
  ["USGov Virginia", true, "usgov"],
  ["USGov Texas", false, "usgov"],
  ["USGov Arizona", false, "usgov"],
  ["USDoD Central", false, "usgov"],
  ["USDoD East", false, "usgov"],
  // Azure operated by 21Vianet (China)
  ["China North", false, "china"],
  ["China East", false, "china"],
  ["China North 2", false, "china"],
  ["China East 2", false, "china"],
  ["China North 3", true, "china"],
  ["China East 3", false, "china"],
];

/** `East US 2`, `eastus2`, ` EastUS2 ` all become `eastus2`. */
export function normaliseRegionName(name: string): string {
  return name.replace(/\s+/g, "").toLowerCase();
}

export const REGIONS: readonly RegionInfo[] = ROWS.map(
  ([displayName, hasAvailabilityZones, cloud = "public", needsAccessRequest = false]) => ({
    name: normaliseRegionName(displayName),
    displayName,
    hasAvailabilityZones,
    cloud,
    needsAccessRequest,
  }),
);

const BY_NAME: ReadonlyMap<string, RegionInfo> = new Map(REGIONS.map((region) => [region.name, region]));

/** The catalog entry of a region given in any spelling, or undefined when the region is unknown. */
export function findRegion(name: string): RegionInfo | undefined {
  return BY_NAME.get(normaliseRegionName(name));
}

/** Azure's display name of a region (`East US 2`), or the input unchanged when unknown. */
export function displayRegionName(name: string): string {
  return findRegion(name)?.displayName ?? name;
}
