// The provider lifecycle (check, diff, create, read, update, delete) through the real serializable
// provider objects (shim -> runtime), against an in-memory Azure.
import { providers } from "../../provider/index";
import { useConnection } from "../../provider/runtime";
import { setEngineLog, type Severity } from "../../provider/engineLog";
import type { BackendSettings } from "../../provider/azure/settings";
import { normaliseRegionName } from "../../provider/model/regions";
import { FakeGalleryApi, PUBLISHED_DATE } from "./fakeGalleryApi";
import { edited, exampleGalleryArgs, exampleImageArgs, exampleVersionArgs } from "./fixtures";

type Props = Record<string, any>;
type Kind = keyof typeof providers;

const SETTINGS: BackendSettings = {
  kind: "local",
  stateDir: "/nonexistent/unused",
  accessGrantedRegions: [],
};

let fake: FakeGalleryApi;
let logged: { severity: Severity; message: string }[];

beforeEach(() => {
  fake = new FakeGalleryApi();
  logged = [];
  useConnection(fake.connection(), SETTINGS);
  setEngineLog({ log: async (severity, message) => void logged.push({ severity, message }) });
});

afterAll(() => {
  useConnection(undefined);
  setEngineLog(undefined);
});

const warnings = () => logged.filter((l) => l.severity === "warning").map((l) => l.message);

/** What the engine does before create: check the user's arguments, which must pass. */
async function checked(kind: Kind, args: Props): Promise<Props> {
  const { inputs, failures } = await providers[kind].check!({}, { ...args, __provider: "x" });
  expect(failures).toEqual([]);
  return inputs!;
}

async function created(kind: Kind, args: Props): Promise<{ id: string; inputs: Props; outs: Props }> {
  const inputs = await checked(kind, args);
  const { id, outs } = await providers[kind].create!(inputs);
  return { id, inputs, outs: outs! };
}

/** Paths of every `undefined` in a value. */
function undefinedPaths(value: unknown, at = "$"): string[] {
  if (value === undefined) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => undefinedPaths(v, `${at}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => undefinedPaths(v, `${at}.${k}`));
  }
  return [];
}

const galleryId =
  "/subscriptions/sub/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/corpImages";
const imageRef = { resourceGroupName: "rg-images", galleryName: "corpImages", galleryImageName: "ubuntu-22" };
const versionRef = { ...imageRef, galleryImageVersionName: "1.0.0" };

describe("create", () => {
  test("creating a gallery returns its Azure id and outputs with what Azure filled in", async () => {
    const { id, outs } = await created("gallery", exampleGalleryArgs());
    expect(id).toBe(galleryId);
    expect(outs).toMatchObject({
      ...exampleGalleryArgs(),
      provisioningState: "Succeeded",
      identifier: { uniqueName: "sub-CORPIMAGES" },
    });
    expect(undefinedPaths(outs)).toEqual([]);
  });

  test("creating a version returns outputs with replication status and published date, no undefined", async () => {
    const { id, outs } = await created("galleryImageVersion", exampleVersionArgs());
    expect(id).toBe(`${galleryId}/images/ubuntu-22/versions/1.0.0`);
    expect(outs).toMatchObject({
      galleryImageVersionName: "1.0.0",
      provisioningState: "Succeeded",
      publishingProfile: { publishedDate: PUBLISHED_DATE, replicaCount: 1 },
      replicationStatus: { aggregatedState: "Completed" },
    });
    expect(outs.replicationStatus.summary.map((s: Props) => [s.region, s.state])).toEqual([
      ["West Europe", "Completed"],
      ["East US", "Completed"],
    ]);
    expect(undefinedPaths(outs)).toEqual([]);
  });

  test("__provider and the ARM names never reach a request body", async () => {
    await created("gallery", exampleGalleryArgs());
    await created("galleryImage", exampleImageArgs());
    await created("galleryImageVersion", exampleVersionArgs());
    expect(fake.putBodies).toHaveLength(3);
    for (const body of fake.putBodies) {
      expect(JSON.stringify(body)).not.toContain("__provider");
      expect(body).not.toHaveProperty("resourceGroupName");
      expect(body).not.toHaveProperty("galleryName");
      expect(undefinedPaths(body)).toEqual([]);
    }
  });

  test("usedSizeInGB is kept in the outputs for the review but never reaches Azure", async () => {
    const { outs } = await created("galleryImageVersion", { ...exampleVersionArgs(), usedSizeInGB: 10 });
    expect(fake.putBodies).toHaveLength(1);
    expect(fake.putBodies[0]).not.toHaveProperty("usedSizeInGB");
    expect(outs.usedSizeInGB).toBe(10);
  });

  test("creating a resource that already exists in Azure fails, says so and writes nothing", async () => {
    fake.seed(imageRef, { location: "westeurope", osType: "Windows" });
    const inputs = await checked("galleryImage", exampleImageArgs());
    await expect(providers.galleryImage.create!(inputs)).rejects.toThrow(
      "image definition rg-images/corpImages/ubuntu-22 already exists in Azure",
    );
    expect(fake.putBodies).toEqual([]);
    expect(fake.stored(imageRef)).toMatchObject({ osType: "Windows" });
  });
});

describe("read", () => {
  test("reading a gallery shows drift in props and inputs, without read-only fields in inputs", async () => {
    const { id } = await created("gallery", exampleGalleryArgs());
    fake.drift(
      { resourceGroupName: "rg-images", galleryName: "corpImages" },
      (g) => (g.description = "changed"),
    );
    const result = await providers.gallery.read!(id, {
      resourceGroupName: "rg-images",
      galleryName: "corpImages",
    });
    expect(result.id).toBe(galleryId);
    expect(result.props).toMatchObject({
      description: "changed",
      identifier: { uniqueName: "sub-CORPIMAGES" },
    });
    expect(result.inputs).toMatchObject({ resourceGroupName: "rg-images", galleryName: "corpImages" });
    expect(result.inputs!.description).toBe("changed");
    expect(result.inputs).not.toHaveProperty("provisioningState");
    expect(result.inputs).not.toHaveProperty("identifier");
    expect(result.inputs).not.toHaveProperty("id");
    expect(undefinedPaths(result)).toEqual([]);
  });

  test("reading a resource that has not drifted returns no inputs: the engine keeps the program's", async () => {
    const { id, outs } = await created("galleryImageVersion", exampleVersionArgs());
    const result = await providers.galleryImageVersion.read!(id, { ...outs, __provider: "serialized" });
    expect(result.props).toEqual(outs);
    expect(result.inputs).toBeUndefined();
  });

  test("reading a version drops replication status and published date from inputs, keeps target regions", async () => {
    const { id, outs } = await created("galleryImageVersion", exampleVersionArgs());
    fake.drift(versionRef, (v: any) => (v.tags = { drifted: "yes" }));
    const result = await providers.galleryImageVersion.read!(id, outs);
    expect(result.props).toHaveProperty("replicationStatus");
    expect(result.props!.publishingProfile.publishedDate).toBe(PUBLISHED_DATE);
    const inputs = result.inputs!;
    expect(inputs).not.toHaveProperty("replicationStatus");
    expect(inputs).not.toHaveProperty("provisioningState");
    expect(inputs.publishingProfile).not.toHaveProperty("publishedDate");
    const regionNames = inputs.publishingProfile.targetRegions.map((r: Props) => normaliseRegionName(r.name));
    expect(regionNames).toEqual(["westeurope", "eastus"]);
    expect(inputs.galleryImageVersionName).toBe("1.0.0");
  });

  test("reading a resource that is gone from Azure returns an empty id", async () => {
    const result = await providers.galleryImage.read!("some-id", { ...imageRef });
    expect(result.id).toBe("");
  });

  const spelledByUser = () =>
    edited(exampleVersionArgs(), (v) => {
      v.publishingProfile.targetRegions[1].name = "eastus";
      v.publishingProfile.endOfLifeDate = "2030-01-01T00:00:00Z";
    });

  test.each(["East US", "eastus", "EastUS"])(
    "a program naming a region %s previews no change after a refresh (Azure answers East US)",
    async (spelling) => {
      const args = edited(spelledByUser(), (v) => (v.publishingProfile.targetRegions[1].name = spelling));
      const version = await created("galleryImageVersion", args);
      const refreshed = await providers.galleryImageVersion.read!(version.id, version.outs);
      // The next preview: check against the state's inputs after the refresh (the engine keeps the old
      // ones when a read brings none), then diff against the refreshed outputs.
      const { inputs, failures } = await providers.galleryImageVersion.check!(
        refreshed.inputs ?? version.inputs,
        args,
      );
      expect(failures).toEqual([]);
      const diff = await providers.galleryImageVersion.diff!(version.id, refreshed.props!, inputs);
      expect(diff).toMatchObject({ changes: false, replaces: [] });
      expect(warnings()).toEqual([]);
    },
  );

  test("reading drops what only Azure sets at any depth (a disk's measured size) from inputs", async () => {
    const { id, outs } = await created("galleryImageVersion", exampleVersionArgs());
    fake.drift(
      versionRef,
      (v: any) => (v.storageProfile.osDiskImage = { hostCaching: "ReadWrite", sizeInGB: 30 }),
    );
    const result = await providers.galleryImageVersion.read!(id, outs);
    expect(result.props!.storageProfile.osDiskImage).toEqual({ hostCaching: "ReadWrite", sizeInGB: 30 });
    expect(result.inputs!.storageProfile.osDiskImage).toEqual({ hostCaching: "ReadWrite" });
  });

  test("reading normalises Azure's region names and keeps the input's spelling of dates", async () => {
    const { id, outs } = await created("galleryImageVersion", spelledByUser());
    // Azure itself answers in its own spelling.
    const azure: any = fake.stored(versionRef);
    expect(azure.publishingProfile.targetRegions[1].name).toBe("East US");
    expect(azure.publishingProfile.endOfLifeDate).toBe("2030-01-01T00:00:00+00:00");

    // Drift elsewhere, so that the read brings inputs too.
    fake.drift(versionRef, (v: any) => (v.tags = { drifted: "yes" }));
    const refreshed = await providers.galleryImageVersion.read!(id, outs);
    const profile = refreshed.props!.publishingProfile;
    expect({
      regions: profile.targetRegions.map((r: Props) => r.name),
      endOfLifeDate: profile.endOfLifeDate,
      inputRegions: refreshed.inputs!.publishingProfile.targetRegions.map((r: Props) => r.name),
    }).toEqual({
      regions: ["westeurope", "eastus"],
      endOfLifeDate: "2030-01-01T00:00:00Z",
      inputRegions: ["westeurope", "eastus"],
    });
  });

  test("an image definition's end-of-life date in Azure's offset form is no change after refresh", async () => {
    const args = { ...exampleImageArgs(), endOfLifeDate: "2030-01-01T00:00:00Z" };
    const { id, inputs, outs } = await created("galleryImage", args);
    fake.drift(imageRef, (i) => (i.endOfLifeDate = "2030-01-01T00:00:00+00:00"));
    const refreshed = await providers.galleryImage.read!(id, outs);
    const diff = await providers.galleryImage.diff!(id, refreshed.props!, inputs);
    expect(diff.changes).toBe(false);
  });
});

describe("update", () => {
  test("updating a gallery PUTs the new body and returns the new outputs", async () => {
    const { id, outs } = await created("gallery", exampleGalleryArgs());
    const news = await checked("gallery", { ...exampleGalleryArgs(), description: "Silver images" });
    const result = await providers.gallery.update!(id, outs, news);
    const last = fake.calls.at(-1)!;
    expect(last.method).toBe("putGallery");
    expect(last.ref).toEqual({ resourceGroupName: "rg-images", galleryName: "corpImages" });
    expect(last.body).toEqual({ location: "westeurope", description: "Silver images" });
    expect(result.outs).toMatchObject({ description: "Silver images", provisioningState: "Succeeded" });
    expect(result.outs).not.toHaveProperty("__provider");
    expect(undefinedPaths(result.outs)).toEqual([]);
  });

  test("updating a version reads back its replication status for the outputs", async () => {
    const { id, outs } = await created("galleryImageVersion", exampleVersionArgs());
    const news = await checked(
      "galleryImageVersion",
      edited(exampleVersionArgs(), (v) => (v.publishingProfile.replicaCount = 3)),
    );
    const result = await providers.galleryImageVersion.update!(id, outs, news);
    expect(fake.putBodies.at(-1)!.publishingProfile).toMatchObject({ replicaCount: 3 });
    expect(result.outs).toMatchObject({
      publishingProfile: { replicaCount: 3 },
      replicationStatus: { aggregatedState: "Completed" },
    });
  });
});

describe("delete", () => {
  test("deleting sends the delete and no existence check after it (the operation's success means gone)", async () => {
    const { id, outs } = await created("galleryImage", exampleImageArgs());
    fake.calls.length = 0;
    await providers.galleryImage.delete!(id, outs);
    expect(fake.calls.map((c) => c.method)).toEqual(["deleteImage"]);
    expect(fake.stored(imageRef)).toBeUndefined();
  });
});

describe("diff", () => {
  test("adding a target region logs, as info on the version, the added snapshots and the egress to it", async () => {
    const args = exampleVersionArgs();
    const { id, outs } = await created("galleryImageVersion", args);
    const news = await checked("galleryImageVersion", {
      ...args,
      publishingProfile: {
        ...args.publishingProfile,
        targetRegions: [
          ...args.publishingProfile.targetRegions,
          { name: "japaneast", regionalReplicaCount: 3 },
        ],
      },
    });
    logged = []; // create reported replication progress
    await providers.galleryImageVersion.diff!(id, outs, news);
    const info = logged.filter((l) => l.severity === "info").map((l) => l.message);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatch(/snapshots \(\+3\)/);
    expect(info[0]).toMatch(/egress .* once \(to japaneast\)/);
  });

  test("a change that moves nothing billed logs no storage note", async () => {
    const args = exampleVersionArgs();
    const { id, outs } = await created("galleryImageVersion", args);
    const news = await checked("galleryImageVersion", { ...args, tags: { team: "platform" } });
    logged = []; // create reported replication progress
    await providers.galleryImageVersion.diff!(id, outs, news);
    expect(logged.filter((l) => l.severity === "info")).toEqual([]);
  });

  test("a replacement logs one warning naming the property and old -> new", async () => {
    const { id, outs } = await created("gallery", exampleGalleryArgs());
    const news = await checked("gallery", { ...exampleGalleryArgs(), location: "eastus" });
    const diff = await providers.gallery.diff!(id, outs, news);
    expect(diff.replaces).toEqual(["location"]);
    expect(diff.changes).toBe(true);
    expect(diff.deleteBeforeReplace).toBe(true);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/location/);
    expect(warnings()[0]).toContain("->");
  });

  test("two replaced properties log two warnings", async () => {
    const { id, outs } = await created("galleryImage", exampleImageArgs());
    const news = await checked("galleryImage", {
      ...exampleImageArgs(),
      osType: "Windows",
      hyperVGeneration: "V1",
    });
    const diff = await providers.galleryImage.diff!(id, outs, news);
    expect([...diff.replaces!].sort()).toEqual(["hyperVGeneration", "osType"]);
    expect(warnings()).toHaveLength(2);
    expect(warnings().some((w) => w.includes("osType") && w.includes("->"))).toBe(true);
    expect(warnings().some((w) => w.includes("hyperVGeneration") && w.includes("->"))).toBe(true);
  });

  test("removing a target region with allowDeletionOfReplicatedLocations warns naming the region", async () => {
    const args = exampleVersionArgs();
    const { id, outs } = await created("galleryImageVersion", args);
    const regions = args.publishingProfile.targetRegions as { name: string }[];
    const news = await checked("galleryImageVersion", {
      ...args,
      publishingProfile: { ...args.publishingProfile, targetRegions: regions.slice(0, 1) },
      safetyProfile: { allowDeletionOfReplicatedLocations: true },
    });
    const diff = await providers.galleryImageVersion.diff!(id, outs, news);
    expect(diff.replaces ?? []).toEqual([]);
    expect(diff.changes).toBe(true);
    const removed = regions.slice(1).map((r) => r.name);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/deletes the replicas/);
    for (const name of removed)
      expect(warnings()[0]!.toLowerCase().replace(/ /g, "")).toContain(name.toLowerCase().replace(/ /g, ""));
  });

  test("replacing an image definition that has versions warns naming the versions", async () => {
    const { id, outs } = await created("galleryImage", exampleImageArgs());
    await created("galleryImageVersion", exampleVersionArgs());
    await created("galleryImageVersion", { ...exampleVersionArgs(), galleryImageVersionName: "1.0.1" });
    const news = await checked("galleryImage", { ...exampleImageArgs(), osType: "Windows" });
    await providers.galleryImage.diff!(id, outs, news);
    expect(warnings()).toHaveLength(2);
    const note = warnings().find((w) => w.includes("version(s)"));
    expect(note).toBeDefined();
    expect(note).toContain("1.0.0");
    expect(note).toContain("1.0.1");
  });

  test("an image definition without versions gets no version warning, and no-change diffs ask Azure nothing", async () => {
    const { id, inputs, outs } = await created("galleryImage", exampleImageArgs());
    const news = await checked("galleryImage", { ...exampleImageArgs(), osType: "Windows" });
    await providers.galleryImage.diff!(id, outs, news);
    expect(warnings()).toHaveLength(1);
    fake.calls.length = 0;
    await providers.galleryImage.diff!(id, outs, inputs);
    expect(fake.calls).toEqual([]);
  });

  // The engine reads `changes: undefined` as "unknown" and diffs by itself, so the answer is always explicit.
  test.each([
    ["no change", (g: Props) => g, { changes: false, replaces: [] }],
    ["a description change", (g: Props) => ({ ...g, description: "other" }), { changes: true, replaces: [] }],
    [
      "a location change",
      (g: Props) => ({ ...g, location: "eastus" }),
      { changes: true, replaces: ["location"] },
    ],
  ])("a gallery diff reports %s explicitly", async (_name, change, expected) => {
    const { id, outs } = await created("gallery", exampleGalleryArgs());
    const diff = await providers.gallery.diff!(
      id,
      outs,
      await checked("gallery", change(exampleGalleryArgs())),
    );
    expect({ changes: diff.changes, replaces: diff.replaces ?? [] }).toEqual(expected);
  });
});

describe("check", () => {
  test("an unknown target region fails check naming the property, without calling Azure", async () => {
    const args = edited(
      exampleVersionArgs(),
      (v) => (v.publishingProfile.targetRegions[1].name = "Atlantis"),
    );
    const { failures } = await providers.galleryImageVersion.check!({}, args);
    expect(failures).toEqual(
      expect.arrayContaining([
        { property: "publishingProfile.targetRegions[1].name", reason: expect.stringContaining("Atlantis") },
      ]),
    );
    for (const failure of failures!) expect(Object.keys(failure).sort()).toEqual(["property", "reason"]);
    expect(fake.calls).toEqual([]);
  });

  test("check keeps __provider for the engine and valid inputs pass", async () => {
    const { inputs, failures } = await providers.gallery.check!(
      {},
      { ...exampleGalleryArgs(), __provider: "x" },
    );
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ ...exampleGalleryArgs(), __provider: "x" });
    expect(fake.calls).toEqual([]);
  });
});
