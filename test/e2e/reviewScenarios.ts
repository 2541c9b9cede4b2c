// The changes the review report is golden-tested on, as Pulumi programs over one base state:
// a replica-count update, a storage-type replacement, a region removal and a new version. The e2e
// test previews each with the real engine (`pulumi preview --json`); the JSON and the reviewed
// Markdown live in test/fixtures/review/.
import * as path from "path";
import * as acg from "../../provider";

const IMAGES =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images";

export const REVIEW_FIXTURES = path.resolve(__dirname, "../fixtures/review");

/** Stack config of the scenarios: a load that needs 6 replicas in westeurope, and prices. */
export const REVIEW_CONFIG: Record<string, string> = {
  "compute-gallery:emulatorSeedFile": path.join(__dirname, "seed.json"),
  "compute-gallery:expectedLoad": JSON.stringify({ westeurope: { concurrentVms: 120 } }),
  "compute-gallery:prices": JSON.stringify({
    currency: "EUR",
    storagePerGBMonth: { Standard_LRS: 0.05, Premium_LRS: { default: 0.12, eastus: 0.1 } },
    egressPerGB: 0.02,
  }),
};

type Region = {
  name: string;
  regionalReplicaCount: number;
  storageAccountType?: string;
  excludeFromLatest?: boolean;
};

interface VersionSpec {
  readonly name: string;
  readonly regions: Region[];
  readonly usedSizeInGB?: number;
  readonly source: string;
}

const BASE: readonly VersionSpec[] = [
  {
    name: "1.0.0",
    usedSizeInGB: 10,
    source: "base-1",
    regions: [
      { name: "westeurope", regionalReplicaCount: 2, storageAccountType: "Standard_LRS" },
      { name: "eastus", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
      { name: "northeurope", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
    ],
  },
  {
    // No used size: the review falls back to the provisioned 30 GB of the seed's image.
    name: "1.1.0",
    source: "base-2",
    regions: [
      { name: "westeurope", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
      {
        name: "eastus",
        regionalReplicaCount: 1,
        storageAccountType: "Standard_LRS",
        excludeFromLatest: true,
      },
    ],
  },
];

function withRegions(versions: readonly VersionSpec[], name: string, regions: Region[]): VersionSpec[] {
  return versions.map((v) => (v.name === name ? { ...v, regions } : v));
}

export const SCENARIOS: Readonly<Record<string, readonly VersionSpec[]>> = {
  // 1.0.0 gets more replicas in westeurope, still fewer than the 120 VMs there need.
  update: withRegions(BASE, "1.0.0", [
    { name: "westeurope", regionalReplicaCount: 4, storageAccountType: "Standard_LRS" },
    BASE[0]!.regions[1]!,
    BASE[0]!.regions[2]!,
  ]),
  // 1.1.0's replicas in eastus move to Premium_LRS: Azure cannot convert them.
  replacement: withRegions(BASE, "1.1.0", [
    BASE[1]!.regions[0]!,
    { ...BASE[1]!.regions[1]!, storageAccountType: "Premium_LRS" },
  ]),
  // 1.0.0 leaves northeurope: its replicas there are deleted.
  "region-removal": withRegions(BASE, "1.0.0", BASE[0]!.regions.slice(0, 2)),
  // 1.2.0 is published to westeurope and eastus and becomes latest in both.
  "new-version": [
    ...BASE,
    {
      name: "1.2.0",
      usedSizeInGB: 12,
      source: "base-2",
      regions: [
        { name: "westeurope", regionalReplicaCount: 6, storageAccountType: "Standard_LRS" },
        { name: "eastus", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
      ],
    },
  ],
};

export function reviewProgram(versions: readonly VersionSpec[] = BASE) {
  return async () => {
    const gallery = new acg.Gallery("gallery", {
      resourceGroupName: "rg-images",
      galleryName: "corpImages",
      location: "westeurope",
    });
    const image = new acg.GalleryImage("app-linux", {
      resourceGroupName: "rg-images",
      galleryName: gallery.galleryName,
      galleryImageName: "app-linux",
      location: "westeurope",
      osType: "Linux",
      osState: "Generalized",
      identifier: { publisher: "Contoso", offer: "App", sku: "linux" },
    });
    for (const version of versions) {
      new acg.GalleryImageVersion(`app-linux-${version.name}`, {
        resourceGroupName: "rg-images",
        galleryName: gallery.galleryName,
        galleryImageName: image.galleryImageName,
        galleryImageVersionName: version.name,
        location: "westeurope",
        ...(version.usedSizeInGB === undefined ? {} : { usedSizeInGB: version.usedSizeInGB }),
        storageProfile: { source: { id: `${IMAGES}/${version.source}` } },
        publishingProfile: { targetRegions: version.regions },
        safetyProfile: { allowDeletionOfReplicatedLocations: true },
      });
    }
  };
}

/**
 * Machine-specific text out of the engine's JSON (checkout paths in the serialized provider and in
 * source positions), so that fixtures written on one machine compare on another.
 */
export function scrubPaths(json: string): string {
  const repo = path.resolve(__dirname, "../..");
  const modules = path
    .dirname(require.resolve("@pulumi/pulumi/package.json"))
    .replace(/\/@pulumi\/pulumi$/, "");
  return json.split(modules).join("<node_modules>").split(repo).join("<repo>");
}
