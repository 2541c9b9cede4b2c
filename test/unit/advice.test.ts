// Replica advice and storage arithmetic, with Azure's own figures (Compute Gallery overview:
// "Scaling" and "Billing"). Expected numbers are worked out by hand from that text.
import { recommendedReplicas, replicaAdvice } from "../../provider";
import {
  egressOfChange,
  footprintOfVersion,
  storageEstimate,
  type VersionFootprint,
} from "../../provider/advice/storage";

describe("recommendedReplicas", () => {
  it.each([
    [{ concurrentVms: 120 }, 6], // Azure's example: 120 VMs at the same time -> at least 6
    [{ concurrentVms: 20 }, 1],
    [{ concurrentVms: 21 }, 2], // a 21st VM needs a second replica
    [{ concurrentVms: 0 }, 1], // a target region always holds at least one replica
    [{}, 1],
    [{ concurrentScaleSets: 3 }, 3], // one per scale set deployed at the same time
    [{ concurrentVms: 40, concurrentScaleSets: 2 }, 4], // both loads at once add up
    [{ concurrentVms: 200 }, 10],
    [{ concurrentVms: 400 }, 20], // 2021's cap of 10 per region no longer applies
    [{ concurrentScaleSets: 12 }, 12],
    [{ concurrentVms: 1200 }, 50], // capped by today's 50 replicas per region
    [{ concurrentScaleSets: 60 }, 50],
  ])("%j -> %i replicas", (load, expected) => {
    expect(recommendedReplicas(load)).toBe(expected);
  });

  it("says when the load needs more replicas than one region may hold", () => {
    expect(replicaAdvice({ concurrentVms: 1200 })).toEqual({
      needed: 60,
      recommended: 50,
      exceedsLimit: true,
    });
    expect(replicaAdvice({ concurrentVms: 1000 })).toEqual({
      needed: 50,
      recommended: 50,
      exceedsLimit: false,
    });
  });

  it("refuses a negative or fractional load, naming it", () => {
    expect(() => recommendedReplicas({ concurrentVms: -1 })).toThrow(/concurrentVms is -1/);
    expect(() => recommendedReplicas({ concurrentScaleSets: 1.5 })).toThrow(/concurrentScaleSets is 1.5/);
  });
});

// Azure's billing example: a 127 GB OS disk using 10 GB and an empty 32 GB data disk, replicated to
// three regions with two replicas each.
const seedExample: VersionFootprint = {
  sourceRegion: "westeurope",
  targetRegions: [
    { region: "westeurope", replicas: 2, storageAccountType: "Standard_LRS" },
    { region: "eastus", replicas: 2, storageAccountType: "Standard_LRS" },
    { region: "southeastasia", replicas: 2, storageAccountType: "Standard_LRS" },
  ],
  usedSizeInGB: 10,
  provisionedDiskSizesInGB: [127, 32],
};

describe("storageEstimate", () => {
  it("Azure's example: six snapshots of 10 GB, egress to the two other regions", () => {
    const estimate = storageEstimate(seedExample);
    expect(estimate.snapshots).toBe(6);
    expect(estimate.sizePerSnapshotGB).toBe(10);
    expect(estimate.basis).toBe("used");
    expect(estimate.storedGB).toBe(60);
    expect(estimate.regions.map((r) => [r.region, r.snapshots, r.storedGB])).toEqual([
      ["westeurope", 2, 20],
      ["eastus", 2, 20],
      ["southeastasia", 2, 20],
    ]);
    expect(estimate.egressRegions).toEqual(["eastus", "southeastasia"]);
    expect(estimate.egressGB).toBe(20);
  });

  it("without a used size, provisioned sizes give upper bounds and say so", () => {
    const { usedSizeInGB: _ignored, ...withoutUsed } = seedExample;
    const estimate = storageEstimate(withoutUsed);
    expect(estimate.basis).toBe("provisioned (upper bound)");
    expect(estimate.sizePerSnapshotGB).toBe(159);
    expect(estimate.storedGB).toBe(954);
    expect(estimate.egressGB).toBe(318);
  });

  it("with no size at all, counts snapshots and leaves GB unknown", () => {
    const estimate = storageEstimate({
      ...seedExample,
      usedSizeInGB: undefined,
      provisionedDiskSizesInGB: [],
    });
    expect(estimate.basis).toBe("unknown");
    expect(estimate.snapshots).toBe(6);
    expect(estimate.storedGB).toBeUndefined();
    expect(estimate.egressGB).toBeUndefined();
  });

  it("extra replicas in a region add snapshots, never egress", () => {
    const more = storageEstimate({
      ...seedExample,
      targetRegions: seedExample.targetRegions.map((t) => ({ ...t, replicas: 5 })),
    });
    expect(more.snapshots).toBe(15);
    expect(more.egressGB).toBe(20);
  });
});

describe("egressOfChange", () => {
  const before = storageEstimate({ ...seedExample, targetRegions: seedExample.targetRegions.slice(0, 2) });
  const after = storageEstimate(seedExample);

  it("an added region costs one copy; regions already there cost nothing", () => {
    expect(egressOfChange(before, after, false)).toEqual({ regions: ["southeastasia"], gb: 10 });
  });
  it("a recreated version is copied to every other region again", () => {
    expect(egressOfChange(before, after, true)).toEqual({ regions: ["eastus", "southeastasia"], gb: 20 });
  });
  it("removing a region causes no egress", () => {
    expect(egressOfChange(after, before, false)).toEqual({ regions: [], gb: 0 });
  });
});

describe("footprintOfVersion", () => {
  it("reads regions, counts and sizes from a version's outputs, with Azure's defaults", () => {
    const footprint = footprintOfVersion({
      location: "West Europe",
      usedSizeInGB: 10,
      publishingProfile: {
        replicaCount: 2,
        storageAccountType: "Premium_LRS",
        targetRegions: [
          { name: "West Europe" },
          { name: "eastus", regionalReplicaCount: 3, storageAccountType: "Standard_ZRS" },
        ],
      },
      storageProfile: { osDiskImage: { sizeInGB: 127 }, dataDiskImages: [{ lun: 0, sizeInGB: 32 }] },
    });
    expect(footprint).toEqual({
      sourceRegion: "westeurope",
      targetRegions: [
        { region: "westeurope", replicas: 2, storageAccountType: "Premium_LRS" },
        { region: "eastus", replicas: 3, storageAccountType: "Standard_ZRS" },
      ],
      usedSizeInGB: 10,
      provisionedDiskSizesInGB: [127, 32],
    });
  });

  it("a version without target regions is replicated to its location only, once, on Standard_LRS", () => {
    expect(footprintOfVersion({ location: "eastus", storageProfile: {} })).toEqual({
      sourceRegion: "eastus",
      targetRegions: [{ region: "eastus", replicas: 1, storageAccountType: "Standard_LRS" }],
    });
  });
});
