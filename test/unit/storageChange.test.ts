// What a version change does to billed storage and egress, as the preview note and the version's
// `storageEstimate` output report it. Expected figures are worked out by hand from Azure's billing
// rules (every replica is a snapshot billed on the used size; the first copy to each region other
// than the source region is egress, once), starting from the seed's example.
import { storageChange, storageChangeSummary } from "../../provider/advice/storageChange";
import type { Prices } from "../../provider/advice/config";
import { toOutputs } from "../../provider/outputs";

const region = (name: string, regionalReplicaCount = 2) => ({
  name,
  regionalReplicaCount,
  storageAccountType: "Standard_LRS",
});

/** The seed's version: 10 GB used (127 GB OS disk, empty 32 GB data disk), in West Europe. */
const version = (regions: string[], usedSizeInGB: number | null = 10) => ({
  location: "westeurope",
  ...(usedSizeInGB === null ? {} : { usedSizeInGB }),
  publishingProfile: { targetRegions: regions.map((name) => region(name)) },
});

const PRICES: Prices = { currency: "EUR", storagePerGBMonth: { Standard_LRS: 0.05 }, egressPerGB: 0.02 };

describe("storage change of an image version", () => {
  test("adding two regions with two replicas each: +4 snapshots, +40 GB, egress to both new regions", () => {
    const change = storageChange(
      version(["westeurope"]),
      version(["westeurope", "northeurope", "eastus"]),
      false,
    );
    expect(storageChangeSummary(change)).toBe(
      "storage 2 -> 6 snapshots (+4), 20 GB -> 60 GB (+40 GB), 10 GB per snapshot, the used size given (usedSizeInGB); " +
        "egress 20 GB once (to northeurope, eastus)",
    );
  });

  test("with prices the line ends with the monthly and the one-time cost", () => {
    const change = storageChange(
      version(["westeurope"]),
      version(["westeurope", "northeurope", "eastus"]),
      false,
      PRICES,
    );
    // 20 GB x 0.05 = 1.00 before, 60 GB x 0.05 = 3.00 after; 20 GB x 0.02 = 0.40 egress.
    expect(storageChangeSummary(change, PRICES)).toMatch(
      /; cost \+2\.00 EUR per month, 0\.40 EUR egress once$/,
    );
  });

  test("removing a region frees its snapshots and costs no egress", () => {
    const change = storageChange(version(["westeurope", "eastus"]), version(["westeurope"]), false);
    expect(storageChangeSummary(change)).toBe(
      "storage 4 -> 2 snapshots (-2), 40 GB -> 20 GB (-20 GB), 10 GB per snapshot, the used size given (usedSizeInGB); egress none",
    );
  });

  test("a replacement copies to every region other than the source again", () => {
    const change = storageChange(version(["westeurope", "eastus"]), version(["westeurope", "eastus"]), true);
    expect(change.egress.regions).toEqual(["eastus"]);
    expect(change.egress.gb).toBe(10);
  });
});

describe("the version's storageEstimate output", () => {
  test("carries the seed's figures: 3 regions x 2 replicas of a 10 GB version", () => {
    const inputs = {
      resourceGroupName: "rg",
      galleryName: "g",
      galleryImageName: "i",
      galleryImageVersionName: "1.0.0",
      ...version(["westeurope", "northeurope", "eastus"]),
    };
    const outs = toOutputs("galleryImageVersion", inputs, { id: "/x", provisioningState: "Succeeded" });
    expect(outs.storageEstimate).toMatchObject({
      basis: "used",
      sizePerSnapshotGB: 10,
      snapshots: 6,
      storedGB: 60,
      egressRegions: ["northeurope", "eastus"],
      egressGB: 20,
    });
  });

  test("without usedSizeInGB it is an upper bound from the disk sizes Azure reports", () => {
    const inputs = { ...version(["westeurope"], null), galleryImageVersionName: "1.0.0" };
    const azure = {
      id: "/x",
      storageProfile: { osDiskImage: { sizeInGB: 127 }, dataDiskImages: [{ lun: 0, sizeInGB: 32 }] },
    };
    const outs = toOutputs("galleryImageVersion", inputs, azure);
    expect(outs.storageEstimate).toMatchObject({
      basis: "provisioned (upper bound)",
      snapshots: 2,
      storedGB: 318,
    });
  });

  test("galleries and definitions have none", () => {
    expect(toOutputs("gallery", { galleryName: "g" }, { id: "/x" })).not.toHaveProperty("storageEstimate");
  });
});
