// The region catalog, as data. Keys are normalised names (`eastus2`); the display form (`East US 2`)
// is only produced at the edges (target region names in responses, error messages).
// `hasZones`: the region offers zone-redundant storage, so Standard_ZRS replicas can be written there
// (Azure's list of ZRS regions, plus the regions opened since with three zones). Kept apart from the
// provider's catalog on purpose: the emulator is the oracle, and test/contract proves both agree.

export type Cloud = "AzureCloud" | "AzureUSGovernment" | "AzureChinaCloud";

export interface Region {
  readonly name: string;
  readonly displayName: string;
  readonly hasZones: boolean;
  /** Regions Microsoft only opens on an access request; the emulator refuses them unless configured. */
  readonly needsAccessRequest: boolean;
  readonly cloud: Cloud;
  /** The spelling the service uses in capsOperations URLs (the canary regions are CamelCase there). */
  readonly operationsToken?: string;
}

type Row = [name: string, displayName: string, hasZones: boolean, extra?: Partial<Region>];

const ROWS: Row[] = [
  ["eastus", "East US", true],
  ["eastus2", "East US 2", true],
  ["southcentralus", "South Central US", true],
  ["westus2", "West US 2", true],
  ["westus3", "West US 3", true],
  ["centralus", "Central US", true],
  ["northcentralus", "North Central US", false],
  ["westus", "West US", false],
  ["westcentralus", "West Central US", false],
  ["canadacentral", "Canada Central", true],
  ["canadaeast", "Canada East", false],
  ["brazilsouth", "Brazil South", true],
  ["brazilsoutheast", "Brazil Southeast", false],
  ["mexicocentral", "Mexico Central", true],
  ["australiaeast", "Australia East", true],
  ["australiasoutheast", "Australia Southeast", false],
  ["australiacentral", "Australia Central", false, { needsAccessRequest: true }],
  ["australiacentral2", "Australia Central 2", false, { needsAccessRequest: true }],
  ["southeastasia", "Southeast Asia", true],
  ["eastasia", "East Asia", true],
  ["japaneast", "Japan East", true],
  ["japanwest", "Japan West", false],
  ["koreacentral", "Korea Central", true],
  ["koreasouth", "Korea South", false],
  ["centralindia", "Central India", true],
  ["southindia", "South India", false],
  ["westindia", "West India", false],
  ["jioindiawest", "Jio India West", false],
  ["jioindiacentral", "Jio India Central", false],
  ["newzealandnorth", "New Zealand North", true],
  ["indonesiacentral", "Indonesia Central", true],
  ["malaysiawest", "Malaysia West", true],
  ["northeurope", "North Europe", true],
  ["westeurope", "West Europe", true],
  ["uksouth", "UK South", true],
  ["ukwest", "UK West", false],
  ["francecentral", "France Central", true],
  ["francesouth", "France South", false],
  ["germanywestcentral", "Germany West Central", true],
  ["germanynorth", "Germany North", false],
  ["italynorth", "Italy North", true],
  ["norwayeast", "Norway East", true],
  ["norwaywest", "Norway West", false],
  ["polandcentral", "Poland Central", true],
  ["spaincentral", "Spain Central", true],
  ["swedencentral", "Sweden Central", true],
  ["swedensouth", "Sweden South", false],
  ["switzerlandnorth", "Switzerland North", true],
  ["switzerlandwest", "Switzerland West", false],
  ["austriaeast", "Austria East", true],
  ["uaenorth", "UAE North", true],
  ["uaecentral", "UAE Central", false],
  ["qatarcentral", "Qatar Central", true],
  ["israelcentral", "Israel Central", true],
  ["southafricanorth", "South Africa North", true],
  ["southafricawest", "South Africa West", false],
  ["eastus2euap", "East US 2 EUAP", true, { operationsToken: "EastUS2EUAP" }],
  ["centraluseuap", "Central US EUAP", false, { operationsToken: "CentralUSEUAP" }],
  ["usgovvirginia", "USGov Virginia", true, { cloud: "AzureUSGovernment" }],
  ["usgovarizona", "USGov Arizona", false, { cloud: "AzureUSGovernment" }],
  ["usgovtexas", "USGov Texas", false, { cloud: "AzureUSGovernment" }],
  ["usdodcentral", "USDoD Central", false, { cloud: "AzureUSGovernment" }],
  ["usdodeast", "USDoD East", false, { cloud: "AzureUSGovernment" }],
  ["chinanorth", "China North", false, { cloud: "AzureChinaCloud" }],
  ["chinaeast", "China East", false, { cloud: "AzureChinaCloud" }],
  ["chinanorth2", "China North 2", false, { cloud: "AzureChinaCloud" }],
  ["chinaeast2", "China East 2", false, { cloud: "AzureChinaCloud" }],
  ["chinanorth3", "China North 3", true, { cloud: "AzureChinaCloud" }],
  ["chinaeast3", "China East 3", false, { cloud: "AzureChinaCloud" }],
];

export const REGIONS: readonly Region[] = ROWS.map(([name, displayName, hasZones, extra]) => ({
  name,
  displayName,
  hasZones,
  needsAccessRequest: false,
  cloud: "AzureCloud" as Cloud,
  ...extra,
}));

/** The emulator plays the public cloud; regions of other clouds exist in the catalog only to be refused. */
export const EMULATED_CLOUD: Cloud = "AzureCloud";

const squash = (s: string): string => s.toLowerCase().replace(/[\s_-]/g, "");
const BY_KEY = new Map<string, Region>();
for (const r of REGIONS) {
  BY_KEY.set(squash(r.name), r);
  BY_KEY.set(squash(r.displayName), r);
}

/** Accepts `eastus2`, `East US 2`, `EastUS2`... (Azure is case- and space-insensitive here). */
export function findRegion(input: string): Region | undefined {
  return BY_KEY.get(squash(input));
}

export function publicRegionNames(): string[] {
  return REGIONS.filter((r) => r.cloud === EMULATED_CLOUD).map((r) => r.displayName);
}
