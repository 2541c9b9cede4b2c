import * as pulumi from "@pulumi/pulumi";
import { LIMITS } from "../../provider/model/limits";
import { displayRegionName, findRegion, normaliseRegionName, REGIONS } from "../../provider/model/regions";
import { UNKNOWN } from "../../provider/model/unknown";

describe("region names", () => {
  it.each([
    ["East US 2", "eastus2"],
    ["eastus2", "eastus2"],
    [" East  US 2 ", "eastus2"],
    ["USGov Virginia", "usgovvirginia"],
    ["Central US EUAP", "centraluseuap"],
  ])("%s normalises to %s", (given, normalised) => {
    expect(normaliseRegionName(given)).toBe(normalised);
  });

  it("shows the display name Azure answers with", () => {
    expect(displayRegionName("eastus2")).toBe("East US 2");
    expect(displayRegionName("westcentralus")).toBe("West Central US");
  });

  it("has one entry per normalised name", () => {
    expect(new Set(REGIONS.map((r) => r.name)).size).toBe(REGIONS.length);
  });

  it("marks Australia Central and Australia Central 2, and only them, as needing an access request", () => {
    expect(REGIONS.filter((r) => r.needsAccessRequest).map((r) => r.name)).toEqual([
      "australiacentral",
      "australiacentral2",
    ]);
  });

  it("knows which regions have availability zones and which cloud they belong to", () => {
    expect(findRegion("East US 2")).toMatchObject({ hasAvailabilityZones: true, cloud: "public" });
    expect(findRegion("westus")).toMatchObject({ hasAvailabilityZones: false });
    // Not in Azure's list of regions with zone-redundant storage.
    expect(findRegion("japanwest")).toMatchObject({ hasAvailabilityZones: false });
    expect(findRegion("centraluseuap")).toMatchObject({ hasAvailabilityZones: false });
    expect(findRegion("Indonesia Central")).toMatchObject({ hasAvailabilityZones: true, cloud: "public" });
    expect(findRegion("usgovtexas")?.cloud).toBe("usgov");
    expect(findRegion("chinaeast2")?.cloud).toBe("china");
    expect(findRegion("atlantis")).toBeUndefined();
  });
});

describe("the model", () => {
  // Today's gallery article (Best practices) allows 50 replicas per region; the 2021 edition said 10.
  it("limits regional replicas to today's 50, keeping the seed article's 10 as history", () => {
    expect(LIMITS.maxRegionalReplicaCount.value).toBe(50);
    expect(LIMITS.maxRegionalReplicaCount.seedArticleValue).toBe(10);
  });

  it("uses the engine's own unknown sentinel", () => {
    expect(UNKNOWN).toBe(pulumi.runtime.unknownValue);
  });
});
