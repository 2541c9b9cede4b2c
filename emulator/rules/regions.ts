// The region catalog, as data, in the same shape and words as the provider's (provider/model/regions.ts):
// a row is a display name, whether the region has availability zones (the zone-redundant storage that
// Standard_ZRS replicas need), its cloud, and whether it needs an access request, so a new region is the
// same line in both files. Kept apart from the provider's catalog on purpose: the emulator is the oracle
// the provider is tested against, and test/contract proves the two agree.
// Inside the emulator a region is its normalised name (`eastus2`); the display name (`East US 2`) is
// only produced at the edges (target region names in responses, error messages).

export type Cloud = "public" | "usgov" | "china";

export interface Region {
  /** Lower case, no spaces: `eastus2`. */
  readonly name: string;
  /** As Azure displays it: `East US 2`. */
  readonly displayName: string;
  readonly hasAvailabilityZones: boolean;
  readonly cloud: Cloud;
  /** Regions Microsoft only opens on an access request; the emulator refuses them unless configured. */
  readonly needsAccessRequest: boolean;
  /** The spelling the service uses in capsOperations URLs, where it is not the name. */
  readonly operationsToken?: string;
}

type Row = [displayName: string, hasAvailabilityZones: boolean, cloud?: Cloud, needsAccessRequest?: boolean];

// In the order the emulator lists them (the locations of its resource types, LocationNotAvailable).
const ROWS: readonly Row[] = [
  // Americas
  ["East US", true],
  ["East US 2", true],
  ["South Central US", true],
  ["West US 2", true],
  ["West US 3", true],
  ["Central US", true],
  ["North Central US", false],
  ["West US", false],
  ["West Central US", false],
  ["Canada Central", true],
  ["Canada East", false],
  ["Brazil South", true],
  ["Brazil Southeast", false],
  ["Mexico Central", true],
  // Asia Pacific
  ["Australia East", true],
  ["Australia Southeast", false],
  ["Australia Central", false, "public", true],
  ["Australia Central 2", false, "public", true],
  ["Southeast Asia", true],
  ["East Asia", true],
  ["Japan East", true],
  ["Japan West", false],
  ["Korea Central", true],
  ["Korea South", false],
  ["Central India", true],
  ["South India", false],
  ["West India", false],
  ["Jio India West", false],
  ["Jio India Central", false],
  ["New Zealand North", true],
  ["Indonesia Central", true],
  ["Malaysia West", true],
  // Europe
  ["North Europe", true],
  ["West Europe", true],
  ["UK South", true],
  ["UK West", false],
  ["France Central", true],
  ["France South", false],
  ["Germany West Central", true],
  ["Germany North", false],
  ["Italy North", true],
  ["Norway East", true],
  ["Norway West", false],
  ["Poland Central", true],
  ["Spain Central", true],
  ["Sweden Central", true],
  ["Sweden South", false],
  ["Switzerland North", true],
  ["Switzerland West", false],
  ["Austria East", true],
  // Middle East and Africa
  ["UAE North", true],
  ["UAE Central", false],
  ["Qatar Central", true],
  ["Israel Central", true],
  ["South Africa North", true],
  ["South Africa West", false],
  // Canary regions (early-access); they appear in Azure's own recordings.
  ["East US 2 EUAP", true],
  ["Central US EUAP", false],
  // Azure Government
  ["USGov Virginia", true, "usgov"],
  ["USGov Arizona", false, "usgov"],
  ["USGov Texas", false, "usgov"],
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

/** The canary regions are CamelCase in capsOperations URLs. */
const OPERATIONS_TOKENS: Readonly<Record<string, string>> = {
  eastus2euap: "EastUS2EUAP",
  centraluseuap: "CentralUSEUAP",
};

/** How Azure names each cloud in its messages. */
export const CLOUD_NAMES: Readonly<Record<Cloud, string>> = {
  public: "AzureCloud",
  usgov: "AzureUSGovernment",
  china: "AzureChinaCloud",
};

/** A region's key in any of Azure's spellings: `East US 2`, `eastus2`, `EastUS2`, `east_us_2`. */
const squash = (s: string): string => s.toLowerCase().replace(/[\s_-]/g, "");

export const REGIONS: readonly Region[] = ROWS.map(
  ([displayName, hasAvailabilityZones, cloud = "public", needsAccessRequest = false]) => {
    const name = squash(displayName);
    const operationsToken = OPERATIONS_TOKENS[name];
    return {
      name,
      displayName,
      hasAvailabilityZones,
      cloud,
      needsAccessRequest,
      ...(operationsToken ? { operationsToken } : {}),
    };
  },
);

/** The emulator plays the public cloud; regions of other clouds exist in the catalog only to be refused. */
export const EMULATED_CLOUD: Cloud = "public";

// A region's name is its display name squashed, so one key finds it by either.
const BY_KEY = new Map<string, Region>(REGIONS.map((region) => [region.name, region]));

/** Accepts `eastus2`, `East US 2`, `EastUS2`... (Azure is case- and space-insensitive here). */
export function findRegion(input: string): Region | undefined {
  return BY_KEY.get(squash(input));
}

export function publicRegionNames(): string[] {
  return REGIONS.filter((r) => r.cloud === EMULATED_CLOUD).map((r) => r.displayName);
}
