// compute-gallery:expectedLoad and compute-gallery:prices: parsed into settings, refused with a message
// naming the key, the property, the value and what is allowed; and the preview warning for too few
// replicas that the expected load produces.
import { readSettings } from "../../provider/azure/settings";
import { replicaWarnings } from "../../provider/advice/replicaWarnings";
import { monthlyStorageCost, egressCost } from "../../provider/advice/cost";
import { storageEstimate } from "../../provider/advice/storage";
import { UNKNOWN } from "../../provider/model/unknown";

const settingsWith = (config: Record<string, string>) =>
  readSettings({ get: (key) => config[key.replace(/^compute-gallery:/, "")] }, {}, "/tmp");

describe("stack configuration of load and prices", () => {
  it("reads the expected load per region, region names normalised", () => {
    const settings = settingsWith({
      expectedLoad: '{"West Europe": {"concurrentVms": 120}, "eastus": {"concurrentScaleSets": 2}}',
    });
    expect(settings.expectedLoad).toEqual({
      westeurope: { concurrentVms: 120 },
      eastus: { concurrentScaleSets: 2 },
    });
  });

  it("has neither when neither is configured (no prices are guessed)", () => {
    const settings = settingsWith({});
    expect(settings.expectedLoad).toBeUndefined();
    expect(settings.prices).toBeUndefined();
  });

  it.each([
    ["expectedLoad", "{", /compute-gallery:expectedLoad is not valid JSON/],
    [
      "expectedLoad",
      '{"westeurope": {"concurrentVms": -1}}',
      /expectedLoad\.westeurope\.concurrentVms is -1: .*0 or more/,
    ],
    ["expectedLoad", '{"westeurope": {"concurrentVms": 2.5}}', /concurrentVms is 2.5/],
    [
      "expectedLoad",
      '{"westeurope": {"vms": 3}}',
      /expectedLoad\.westeurope is \{"vms":3\}: .*"vms".*concurrentVms and concurrentScaleSets/,
    ],
    ["expectedLoad", '{"narnia": {"concurrentVms": 3}}', /region "narnia", which is no Azure region/],
    [
      "prices",
      '{"storagePerGBMonth": {"Standard_GRS": 0.1}}',
      /prices\.storagePerGBMonth .*Standard_GRS.*Standard_LRS, Standard_ZRS, Premium_LRS/,
    ],
    ["prices", '{"egressPerGB": "cheap"}', /prices\.egressPerGB is "cheap"/],
    ["prices", '{"egressPerGB": -0.01}', /prices\.egressPerGB is -0.01/],
    ["prices", '{"storagePerGBMonth": {"Premium_LRS": {"default": 0.12, "mars": 0.2}}}', /region "mars"/],
    ["prices", '{"perMonth": 3}', /prices is \{"perMonth":3\}: .*"perMonth"/],
  ])("%s = %s is refused", (key, value, message) => {
    expect(() => settingsWith({ [key]: value })).toThrow(message);
  });
});

const version = (regions: object[]) => ({
  location: "westeurope",
  publishingProfile: { replicaCount: 1, targetRegions: regions },
});
const label = "image version rg/g/app/1.0.0";

describe("replicaWarnings", () => {
  const load = { westeurope: { concurrentVms: 120 }, eastus: { concurrentScaleSets: 12 } };

  it("names version, region, current and recommended count when a region has too few replicas", () => {
    const warnings = replicaWarnings(
      label,
      version([{ name: "West Europe", regionalReplicaCount: 2 }]),
      load,
    );
    expect(warnings).toEqual([
      "image version rg/g/app/1.0.0: westeurope has 2 replica(s); the expected load (120 VMs and 0 scale sets " +
        "created at the same time) needs 6 (Azure's guidance: one replica per 20 VMs, one per scale set)",
    ]);
  });

  it("is silent when the region has enough replicas or no expected load", () => {
    expect(replicaWarnings(label, version([{ name: "westeurope", regionalReplicaCount: 6 }]), load)).toEqual(
      [],
    );
    expect(replicaWarnings(label, version([{ name: "northeurope", regionalReplicaCount: 1 }]), load)).toEqual(
      [],
    );
  });

  it("says when the load exceeds what the replica limit can serve, even at the limit", () => {
    const heavy = { eastus: { concurrentScaleSets: 60 } };
    const warnings = replicaWarnings(label, version([{ name: "eastus", regionalReplicaCount: 50 }]), heavy);
    expect(warnings).toEqual([
      "image version rg/g/app/1.0.0: the expected load in eastus (0 VMs and 60 scale sets created at the same time) " +
        "needs 60 replicas, more than the 50 one region may hold; spread the deployments over time or regions",
    ]);
  });

  it("skips a profile not known yet at preview", () => {
    expect(replicaWarnings(label, { location: "westeurope", publishingProfile: UNKNOWN }, load)).toEqual([]);
  });
});

describe("cost from configured prices only", () => {
  const estimate = storageEstimate({
    sourceRegion: "westeurope",
    targetRegions: [
      { region: "westeurope", replicas: 2, storageAccountType: "Premium_LRS" },
      { region: "eastus", replicas: 2, storageAccountType: "Standard_LRS" },
    ],
    usedSizeInGB: 10,
  });

  it("prices each region's snapshots at its storage type, a region's own price first", () => {
    const prices = {
      storagePerGBMonth: { Standard_LRS: 0.05, Premium_LRS: { default: 0.1, westeurope: 0.2 } },
    };
    // westeurope: 20 GB x 0.2 = 4; eastus: 20 GB x 0.05 = 1
    expect(monthlyStorageCost(estimate, prices)).toEqual({ amount: 5, missing: [] });
  });

  it("names what is missing instead of guessing", () => {
    expect(monthlyStorageCost(estimate, { storagePerGBMonth: { Standard_LRS: 0.05 } })).toEqual({
      amount: undefined,
      missing: ["storage price of Premium_LRS in westeurope"],
    });
    expect(egressCost(10, {})).toEqual({ amount: undefined, missing: ["egress price (egressPerGB)"] });
    expect(egressCost(10, { egressPerGB: 0.02 }).amount).toBeCloseTo(0.2);
  });
});
