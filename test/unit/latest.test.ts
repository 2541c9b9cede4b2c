import {
  compareVersionNames,
  latestVersion,
  resolveLatest,
  type GalleryImageVersionListItem,
} from "../../provider/lifecycle/latest";

function version(
  name: string,
  options: {
    exclude?: boolean;
    regions?: { name: string; excludeFromLatest?: boolean; state?: string }[];
  } = {},
): GalleryImageVersionListItem {
  const regions = options.regions ?? [{ name: "West Europe" }, { name: "East US" }];
  return {
    name,
    properties: {
      publishingProfile: {
        ...(options.exclude === undefined ? {} : { excludeFromLatest: options.exclude }),
        targetRegions: regions.map(({ name: region, excludeFromLatest }) => ({
          name: region,
          ...(excludeFromLatest === undefined ? {} : { excludeFromLatest }),
        })),
      },
      replicationStatus: {
        aggregatedState: "Completed",
        summary: regions.map(({ name: region, state }) => ({
          region,
          state: state ?? "Completed",
          progress: 100,
        })),
      },
    },
  };
}

describe("latest", () => {
  it("compares version parts as integers: 1.0.10 beats 1.0.9", () => {
    expect(latestVersion([version("1.0.9"), version("1.0.10")], "westeurope")?.name).toBe("1.0.10");
    expect(compareVersionNames("1.10.0", "1.9.99")).toBeGreaterThan(0);
    expect(compareVersionNames("2.0.0", "10.0.0")).toBeLessThan(0);
  });

  it("orders by Major, then Minor, then Patch", () => {
    const versions = ["1.2.3", "1.3.0", "0.9.9", "1.2.10"].map((name) => version(name));
    expect(latestVersion(versions, "eastus")?.name).toBe("1.3.0");
  });

  it("skips versions excluded from latest", () => {
    expect(latestVersion([version("1.0.0"), version("2.0.0", { exclude: true })], "eastus")?.name).toBe(
      "1.0.0",
    );
  });

  it("lets a region's own excludeFromLatest override the global one", () => {
    const excludedHereOnly = version("2.0.0", {
      regions: [{ name: "West Europe", excludeFromLatest: true }, { name: "East US" }],
    });
    expect(latestVersion([version("1.0.0"), excludedHereOnly], "westeurope")?.name).toBe("1.0.0");
    expect(latestVersion([version("1.0.0"), excludedHereOnly], "East US")?.name).toBe("2.0.0");
    const includedHereOnly = version("3.0.0", {
      exclude: true,
      regions: [{ name: "West Europe", excludeFromLatest: false }, { name: "East US" }],
    });
    expect(latestVersion([version("1.0.0"), includedHereOnly], "westeurope")?.name).toBe("3.0.0");
    expect(latestVersion([version("1.0.0"), includedHereOnly], "eastus")?.name).toBe("1.0.0");
  });

  it("skips versions not yet replicated to the region", () => {
    const replicating = version("2.0.0", {
      regions: [{ name: "West Europe" }, { name: "East US", state: "Replicating" }],
    });
    expect(latestVersion([version("1.0.0"), replicating], "eastus")?.name).toBe("1.0.0");
    expect(latestVersion([version("1.0.0"), replicating], "westeurope")?.name).toBe("2.0.0");
  });

  it("skips versions not replicated to the region at all", () => {
    expect(
      latestVersion([version("1.0.0", { regions: [{ name: "westeurope" }] })], "eastus"),
    ).toBeUndefined();
  });

  it("skips versions without replication status", () => {
    expect(latestVersion([{ name: "1.0.0", properties: {} }], "eastus")).toBeUndefined();
  });

  it("follows every page", async () => {
    async function* pages() {
      yield [version("1.0.0"), version("1.0.9")];
      yield [version("1.0.10", { exclude: true })];
      yield [version("1.0.2"), version("1.1.0")];
      yield [];
    }
    expect((await resolveLatest(pages(), "westeurope"))?.name).toBe("1.1.0");
  });

  it("accepts a flat stream of versions", async () => {
    async function* items() {
      yield version("1.0.9");
      yield version("1.0.10");
    }
    expect((await resolveLatest(items(), "westeurope"))?.name).toBe("1.0.10");
  });

  it("resolves nothing for an empty list", async () => {
    async function* none(): AsyncGenerator<GalleryImageVersionListItem[]> {}
    expect(await resolveLatest(none(), "westeurope")).toBeUndefined();
  });
});
