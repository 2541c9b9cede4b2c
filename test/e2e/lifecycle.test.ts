// The product's promise, checked with the real engine: for each property, the
// preview says update, replace (delete before replace) or check failure
// exactly as the mutability table does, and `up` leaves Azure (the emulator)
// in the state the program describes. Every test names the state it starts
// from and brings the stack there first (`atState`), so none relies on what an
// earlier test left; each also passes alone (`jest -t "<name>"`).
import * as path from "path";
import * as acg from "../../provider";
import { E2EStack, requirePulumiCli, type PreviewReport } from "./harness";

jest.setTimeout(600_000);

const IMAGES =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images";
const rg = "rg-e2e";
const names = { galleryName: "e2eGallery", galleryImageName: "app-linux", galleryImageVersionName: "1.0.0" };

interface Desired {
  gallery: Partial<acg.GalleryArgs>;
  image: Partial<acg.GalleryImageArgs>;
  version: Partial<acg.GalleryImageVersionArgs>;
}

const base: Desired = {
  gallery: { description: "e2e gallery" },
  image: {
    description: "app image",
    osType: "Linux",
    osState: "Generalized",
    hyperVGeneration: "V2",
    identifier: { publisher: "Contoso", offer: "App", sku: "linux" },
    recommended: { vCPUs: { min: 2, max: 8 } },
  },
  version: {
    storageProfile: { source: { id: `${IMAGES}/base-1` } },
    publishingProfile: {
      targetRegions: [
        { name: "westeurope", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
        { name: "East US", regionalReplicaCount: 1 },
      ],
    },
  },
};

function program(d: Desired) {
  return async () => {
    const gallery = new acg.Gallery("gallery", {
      ...d.gallery,
      resourceGroupName: rg,
      galleryName: names.galleryName,
      location: "westeurope",
    });
    const image = new acg.GalleryImage("image", {
      ...(d.image as acg.GalleryImageArgs),
      resourceGroupName: rg,
      galleryName: gallery.galleryName,
      galleryImageName: names.galleryImageName,
      location: "westeurope",
    });
    new acg.GalleryImageVersion("version", {
      ...(d.version as acg.GalleryImageVersionArgs),
      resourceGroupName: rg,
      galleryName: gallery.galleryName,
      galleryImageName: image.galleryImageName,
      galleryImageVersionName: names.galleryImageVersionName,
      location: "westeurope",
    });
  };
}

const regionsOf = (d: Desired): any[] => (d.version.publishingProfile as any).targetRegions;

/** `d` with its version's target regions edited, plus other publishingProfile fields. */
function editRegions(d: Desired, edit: (regions: any[]) => any[], extra: object = {}): Desired {
  const profile = d.version.publishingProfile as object;
  return {
    ...d,
    version: { ...d.version, publishingProfile: { ...profile, targetRegions: edit(regionsOf(d)), ...extra } },
  };
}

const isNorthEurope = (r: any) => r.name === "northeurope";

type Expectation = "update" | "replace" | "check failure";

function stepOf(report: PreviewReport, resource: string): Expectation | "same" | "other" {
  const ops = report.ops[resource] ?? [];
  if (report.failed && report.errors.length > 0) return "check failure";
  if (ops.includes("replace") || ops.includes("delete-replaced")) {
    // Azure names are fixed: the old resource must go before the new one comes.
    expect(ops.indexOf("delete-replaced")).toBeLessThan(ops.indexOf("create-replacement"));
    return "replace";
  }
  if (ops.includes("update")) return "update";
  if (ops.every((op) => op === "same")) return "same";
  return "other";
}

let stack: E2EStack;

beforeAll(async () => {
  requirePulumiCli();
  stack = await E2EStack.create("acg-e2e", program(base), {
    "compute-gallery:emulatorSeedFile": path.join(__dirname, "seed.json"),
    "compute-gallery:replicationSpeed": "1000",
  });
});

afterAll(async () => {
  await stack?.dispose();
});

/**
 * What the stack is known to hold, as the program state last applied by a successful `up`; undefined
 * when unknown (before the first up, after a failure, after changes made behind Pulumi's back). It
 * only saves an `up` that would change nothing.
 */
let known: Desired | undefined;

async function up(state: Desired) {
  known = undefined;
  stack.setProgram(program(state));
  const outcome = await stack.up();
  known = state;
  return outcome;
}

/**
 * Brings the stack to `state` with one `up` (none when it is known to be there). Where Azure's rules
 * forbid reaching it in place (a replicated region cannot be dropped without
 * allowDeletionOfReplicatedLocations), it starts over from an empty stack instead.
 */
async function atState(state: Desired): Promise<void> {
  if (known !== undefined && JSON.stringify(known) === JSON.stringify(state)) return;
  const inPlace = await up(state).catch(() => undefined);
  if (inPlace?.result.summary.result === "succeeded") return;
  await stack.destroy();
  const { result } = await up(state);
  expect(result.summary.result).toBe("succeeded");
}

test("up creates the gallery, the definition and the replicated version", async () => {
  known = undefined;
  await stack.destroy();
  const { result } = await up(base);
  expect(result.summary.resourceChanges?.create).toBe(4);
  const version = await stack.withApi((api) =>
    api.getVersion({ resourceGroupName: rg, ...names }, { replicationStatus: true }),
  );
  expect((version?.replicationStatus as any)?.aggregatedState).toBe("Completed");
});

test("a preview right after up reports no changes", async () => {
  await atState(base);
  const report = await stack.preview();
  expect(report.failed).toBe(false);
  for (const resource of ["gallery", "image", "version"]) expect(stepOf(report, resource)).toBe("same");
});

test("refresh right after up finds no drift", async () => {
  await atState(base);
  const result = await stack.refresh();
  expect(result.summary.resourceChanges?.update ?? 0).toBe(0);
});

interface Row {
  change: string;
  resource: "gallery" | "image" | "version";
  expected: Expectation;
  /** The change, applied to the state the row starts from. */
  next: (d: Desired) => Desired;
  /** What the emulator must hold after `up`. */
  verify?: (azure: { gallery?: any; image?: any; version?: any }) => void;
}

const rows: Row[] = [
  {
    change: "changing the gallery description updates the gallery in place",
    resource: "gallery",
    expected: "update",
    next: (d) => ({ ...d, gallery: { description: "renamed team gallery" } }),
    verify: ({ gallery }) => expect(gallery.description).toBe("renamed team gallery"),
  },
  {
    change: "changing the definition description updates it in place",
    resource: "image",
    expected: "update",
    next: (d) => ({ ...d, image: { ...d.image, description: "app image v2" } }),
    verify: ({ image }) => expect(image.description).toBe("app image v2"),
  },
  {
    change: "changing the recommended vCPUs updates the definition in place",
    resource: "image",
    expected: "update",
    next: (d) => ({ ...d, image: { ...d.image, recommended: { vCPUs: { min: 4, max: 16 } } } }),
    verify: ({ image }) => expect(image.recommended.vCPUs).toEqual({ min: 4, max: 16 }),
  },
  {
    change: "setting the definition's endOfLifeDate updates it in place",
    resource: "image",
    expected: "update",
    next: (d) => ({ ...d, image: { ...d.image, endOfLifeDate: "2031-06-30T00:00:00Z" } }),
    verify: ({ image }) => expect(Date.parse(image.endOfLifeDate)).toBe(Date.parse("2031-06-30T00:00:00Z")),
  },
  {
    change: "adding a target region updates the version in place",
    resource: "version",
    expected: "update",
    next: (d) => editRegions(d, (rs) => [...rs, { name: "northeurope", regionalReplicaCount: 1 }]),
    verify: ({ version }) =>
      expect(version.publishingProfile.targetRegions.map((r: any) => r.name).sort()).toEqual([
        "East US",
        "North Europe",
        "West Europe",
      ]),
  },
  {
    change: "changing a region's regionalReplicaCount updates the version in place",
    resource: "version",
    expected: "update",
    next: (d) =>
      editRegions(d, (rs) =>
        rs.map((r) => (r.name === "westeurope" ? { ...r, regionalReplicaCount: 3 } : r)),
      ),
    verify: ({ version }) =>
      expect(
        version.publishingProfile.targetRegions.find((r: any) => r.name === "West Europe")
          .regionalReplicaCount,
      ).toBe(3),
  },
  {
    change: "setting excludeFromLatest updates the version in place",
    resource: "version",
    expected: "update",
    next: (d) => editRegions(d, (rs) => rs, { excludeFromLatest: true }),
    verify: ({ version }) => expect(version.publishingProfile.excludeFromLatest).toBe(true),
  },
  {
    change:
      "removing a region that holds replicas without allowDeletionOfReplicatedLocations fails the check",
    resource: "version",
    expected: "check failure",
    next: (d) => editRegions(d, (rs) => rs.filter((r) => !isNorthEurope(r))),
  },
  {
    change: "removing a region with allowDeletionOfReplicatedLocations updates the version in place",
    resource: "version",
    expected: "update",
    next: (d) => {
      const removed = editRegions(d, (rs) => rs.filter((r) => !isNorthEurope(r)));
      return {
        ...removed,
        version: { ...removed.version, safetyProfile: { allowDeletionOfReplicatedLocations: true } },
      };
    },
    verify: ({ version }) => expect(version.publishingProfile.targetRegions).toHaveLength(2),
  },
  {
    change: "changing the storage type of an existing region replaces the version",
    resource: "version",
    expected: "replace",
    next: (d) =>
      editRegions(d, (rs) =>
        rs.map((r) => (r.name === "westeurope" ? { ...r, storageAccountType: "Standard_ZRS" } : r)),
      ),
    verify: ({ version }) =>
      expect(
        version.publishingProfile.targetRegions.find((r: any) => r.name === "West Europe").storageAccountType,
      ).toBe("Standard_ZRS"),
  },
  {
    change: "changing the source replaces the version",
    resource: "version",
    expected: "replace",
    next: (d) => ({
      ...d,
      version: { ...d.version, storageProfile: { source: { id: `${IMAGES}/base-2` } } },
    }),
    verify: ({ version }) => expect(version.storageProfile.source.id).toBe(`${IMAGES}/base-2`),
  },
  {
    change: "changing identifier.sku replaces the definition",
    resource: "image",
    expected: "replace",
    next: (d) => ({
      ...d,
      image: { ...d.image, identifier: { publisher: "Contoso", offer: "App", sku: "linux-v2" } },
    }),
    verify: ({ image, version }) => {
      expect(image.identifier.sku).toBe("linux-v2");
      // The version is deleted with its definition and created again under the new one.
      expect(version).toBeDefined();
    },
  },
  {
    change: "changing osType replaces the definition",
    resource: "image",
    expected: "replace",
    next: (d) => ({ ...d, image: { ...d.image, osType: "Windows" } }),
    verify: ({ image }) => expect(image.osType).toBe("Windows"),
  },
  {
    change: "changing hyperVGeneration replaces the definition",
    resource: "image",
    expected: "replace",
    next: (d) => ({ ...d, image: { ...d.image, hyperVGeneration: "V1" } }),
    verify: ({ image }) => expect(image.hyperVGeneration).toBe("V1"),
  },
  {
    change: "changing the eula replaces the definition",
    resource: "image",
    expected: "replace",
    next: (d) => ({ ...d, image: { ...d.image, eula: "https://contoso.example/eula" } }),
    verify: ({ image }) => expect(image.eula).toBe("https://contoso.example/eula"),
  },
];

async function azureState() {
  return stack.withApi(async (api) => ({
    gallery: await api.getGallery({ resourceGroupName: rg, galleryName: names.galleryName }),
    image: await api.getImage({ resourceGroupName: rg, ...names }),
    version: await api.getVersion({ resourceGroupName: rg, ...names }),
  }));
}

/**
 * Where each row starts: the base with the changes of the rows above it applied (a check failure
 * changes nothing). Declared here rather than left by the previous row's up: a row run alone gets
 * there through `atState`; in a full run the stack is already there and no extra up is needed.
 */
const starts = new Map<Row, Desired>();
rows.reduce((state, row) => {
  starts.set(row, state);
  return row.expected === "check failure" ? state : row.next(state);
}, base);

describe.each(rows)("$change", (row) => {
  test("preview predicts it and up applies it", async () => {
    const from = starts.get(row)!;
    await atState(from);
    const next = row.next(from);
    stack.setProgram(program(next));
    const report = await stack.preview();
    expect(stepOf(report, row.resource)).toBe(row.expected);
    if (row.expected === "replace") {
      // One warning per replacement, naming the property and why Azure forbids the change.
      expect(report.warnings.join("\n")).toMatch(/replace/i);
      // ... shown under the resource it explains.
      expect(report.warnedResources).toContain(row.resource);
    }
    if (row.expected === "check failure") {
      expect(report.errors.join("\n")).toMatch(/allowDeletionOfReplicatedLocations/);
      expect(report.errors.join("\n")).toMatch(/North Europe|northeurope/i);
      // Nothing the user had is lost: the region is still there.
      const { version } = await azureState();
      expect(version?.publishingProfile).toBeDefined();
      expect((version!.publishingProfile as any).targetRegions).toHaveLength(3);
      return;
    }
    const { result } = await up(next);
    expect(result.summary.result).toBe("succeeded");
    row.verify?.(await azureState());
  });
});

test("drift made behind Pulumi's back shows in refresh and up puts it back", async () => {
  await atState(base);
  known = undefined;
  await stack.withApi(async (api) => {
    const gallery = await api.getGallery({ resourceGroupName: rg, galleryName: names.galleryName });
    await api.putGallery(
      { resourceGroupName: rg, galleryName: names.galleryName },
      { location: gallery!.location, description: "changed in the portal" },
    );
  });
  const refreshed = await stack.refresh();
  expect(refreshed.summary.resourceChanges?.update ?? 0).toBeGreaterThanOrEqual(1);
  const report = await stack.preview();
  expect(stepOf(report, "gallery")).toBe("update");
  await up(base);
  const { gallery } = await azureState();
  expect(gallery?.description).toBe("e2e gallery");
});

test("destroy leaves the emulator without any gallery", async () => {
  await atState(base);
  known = undefined;
  await stack.destroy();
  const { gallery, image, version } = await azureState();
  expect([gallery, image, version]).toEqual([undefined, undefined, undefined]);
});
