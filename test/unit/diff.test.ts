// Named behaviours of diff, one per row, so that a wrong table entry fails with a telling name.
import {
  diffGallery,
  diffGalleryImage,
  diffGalleryImageVersion,
  type DiffOutcome,
} from "../../provider/lifecycle/diff";
import { checkGallery, checkGalleryImageVersion, type CheckResult } from "../../provider/lifecycle/check";
import type { JsonObject } from "../../provider/model/jsonObject";
import { CTX, edited, fullGallery, fullGalleryImage, fullGalleryImageVersion, UNKNOWN } from "./fixtures";

type Expected = "no change" | "update" | "replace";

function outcomeOf(result: DiffOutcome): Expected {
  if (result.replaces.length > 0) return "replace";
  return result.changes ? "update" : "no change";
}

const gallery = fullGallery();
const image = fullGalleryImage();
const version = fullGalleryImageVersion();
const regions = (v: any) => v.publishingProfile.targetRegions;

/** What the engine hands diff: the program's arguments after check, which must pass. */
function checked<T>(
  check: (olds: JsonObject, news: JsonObject, ctx: typeof CTX) => CheckResult<T>,
  news: JsonObject,
): T {
  const { inputs, failures } = check({}, news, CTX);
  expect(failures).toEqual([]);
  return inputs;
}

const rows: [name: string, run: () => DiffOutcome, expected: Expected][] = [
  [
    "changing the gallery description updates the gallery",
    () =>
      diffGallery(
        gallery,
        edited(gallery, (g) => (g.description = "new")),
      ),
    "update",
  ],
  [
    "changing gallery tags updates the gallery",
    () =>
      diffGallery(
        gallery,
        edited(gallery, (g) => (g.tags = { a: "b" })),
      ),
    "update",
  ],
  [
    "renaming the gallery replaces it",
    () =>
      diffGallery(
        gallery,
        edited(gallery, (g) => (g.galleryName = "other")),
      ),
    "replace",
  ],
  [
    "changing the gallery name's case is no change",
    () =>
      diffGallery(
        gallery,
        edited(gallery, (g) => (g.galleryName = "CORPIMAGES")),
      ),
    "no change",
  ],
  [
    "moving the gallery to another resource group replaces it",
    () =>
      diffGallery(
        gallery,
        edited(gallery, (g) => (g.resourceGroupName = "rg-2")),
      ),
    "replace",
  ],
  [
    "moving the gallery to another region replaces it",
    () =>
      diffGallery(
        gallery,
        edited(gallery, (g) => (g.location = "northeurope")),
      ),
    "replace",
  ],
  [
    "spelling the gallery's location as a display name is no change",
    () =>
      diffGallery(
        gallery,
        checked(
          checkGallery,
          edited(gallery, (g) => (g.location = "West Europe")),
        ),
      ),
    "no change",
  ],
  [
    "empty tags and no tags are no change",
    () =>
      diffGallery(
        { ...gallery, tags: {} },
        edited(gallery, (g) => delete g.tags),
      ),
    "no change",
  ],

  [
    "changing osType replaces the image definition",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.osType = "Windows")),
      ),
    "replace",
  ],
  [
    "changing osState replaces the image definition",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.osState = "Specialized")),
      ),
    "replace",
  ],
  [
    "changing hyperVGeneration replaces the image definition",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.hyperVGeneration = "V1")),
      ),
    "replace",
  ],
  [
    "omitting hyperVGeneration where it was V1 is no change",
    () =>
      diffGalleryImage(
        { ...image, hyperVGeneration: "V1" },
        edited(image, (i) => delete i.hyperVGeneration),
      ),
    "no change",
  ],
  [
    "changing the architecture replaces the image definition",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.architecture = "Arm64")),
      ),
    "replace",
  ],
  [
    "changing the identifier's sku replaces the image definition",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.identifier.sku = "Frontend")),
      ),
    "replace",
  ],
  [
    "changing the eula replaces the image definition",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.eula = "other")),
      ),
    "replace",
  ],
  [
    "changing the purchase plan replaces the image definition",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.purchasePlan.product = "x")),
      ),
    "replace",
  ],
  [
    "changing features replaces the image definition",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.features = [{ name: "IsAcceleratedNetworkSupported", value: "true" }])),
      ),
    "replace",
  ],
  [
    "changing the definition's description updates it",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.description = "new")),
      ),
    "update",
  ],
  [
    "changing recommended vCPUs updates the image definition",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.recommended.vCPUs.max = 32)),
      ),
    "update",
  ],
  [
    "changing recommended memory updates the image definition",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.recommended.memory.min = 8)),
      ),
    "update",
  ],
  [
    "changing the definition's endOfLifeDate updates it",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.endOfLifeDate = "2031-01-01T00:00:00Z")),
      ),
    "update",
  ],
  [
    "the same endOfLifeDate in another notation is no change",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.endOfLifeDate = "2030-01-01T00:00:00+00:00")),
      ),
    "no change",
  ],
  [
    "changing disallowed disk types updates the image definition",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.disallowed.diskTypes = ["Premium_LRS"])),
      ),
    "update",
  ],
  [
    "reordering disallowed disk types is no change",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => i.disallowed.diskTypes.reverse()),
      ),
    "no change",
  ],
  [
    "changing the releaseNoteUri updates the image definition",
    () =>
      diffGalleryImage(
        image,
        edited(image, (i) => (i.releaseNoteUri = "https://x")),
      ),
    "update",
  ],

  [
    "changing a region's storageAccountType replaces the version",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (regions(v)[1].storageAccountType = "Premium_LRS")),
      ),
    "replace",
  ],
  [
    "adding a target region updates the version in place",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) =>
          regions(v).push({
            name: "northeurope",
            regionalReplicaCount: 1,
            storageAccountType: "Standard_LRS",
          }),
        ),
      ),
    "update",
  ],
  [
    "removing a target region updates the version in place",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => regions(v).pop()),
      ),
    "update",
  ],
  [
    "changing a region's replica count updates the version",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (regions(v)[0].regionalReplicaCount = 3)),
      ),
    "update",
  ],
  [
    "excluding a region from latest updates the version",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (regions(v)[1].excludeFromLatest = true)),
      ),
    "update",
  ],
  [
    "reordering target regions is no change",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => regions(v).reverse()),
      ),
    "no change",
  ],
  [
    "spelling a region as 'East US' instead of 'eastus' is no change",
    () =>
      diffGalleryImageVersion(
        version,
        checked(
          checkGalleryImageVersion,
          edited(version, (v) => (regions(v)[1].name = "East US")),
        ),
      ),
    "no change",
  ],
  [
    "changing replicaCount updates the version",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (v.publishingProfile.replicaCount = 2)),
      ),
    "update",
  ],
  [
    "excluding the version from latest updates it",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (v.publishingProfile.excludeFromLatest = true)),
      ),
    "update",
  ],
  [
    "changing the version's endOfLifeDate updates it",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (v.publishingProfile.endOfLifeDate = "2032-01-01")),
      ),
    "update",
  ],
  [
    "changing safety flags updates the version",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (v.safetyProfile.allowDeletionOfReplicatedLocations = true)),
      ),
    "update",
  ],
  [
    "changing the version's tags updates it",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (v.tags = {})),
      ),
    "update",
  ],
  [
    "changing the source replaces the version",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (v.storageProfile.source.id = "/images/other")),
      ),
    "replace",
  ],
  [
    "changing the profile's storageAccountType replaces the version",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (v.publishingProfile.storageAccountType = "Premium_LRS")),
      ),
    "replace",
  ],
  [
    "changing replicationMode replaces the version",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (v.publishingProfile.replicationMode = "Shallow")),
      ),
    "replace",
  ],
  [
    "renaming the version replaces it",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (v.galleryImageVersionName = "1.0.1")),
      ),
    "replace",
  ],
  [
    "moving the version to another image definition replaces it",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (v.galleryImageName = "other")),
      ),
    "replace",
  ],
  [
    "changing the version's location replaces it",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (v.location = "eastus")),
      ),
    "replace",
  ],
  [
    "adding a data disk replaces the version",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => v.storageProfile.dataDiskImages.push({ lun: 3, source: { id: "/s" } })),
      ),
    "replace",
  ],
  [
    "omitting hostCaching that Azure chose is no change",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => delete v.storageProfile.osDiskImage.hostCaching),
      ),
    "no change",
  ],
  [
    "omitting a region's replica count and storage type, which it inherits from the profile, is no change",
    () =>
      diffGalleryImageVersion(
        version,
        checked(
          checkGalleryImageVersion,
          edited(version, (v) => {
            delete regions(v)[1].regionalReplicaCount;
            delete regions(v)[1].storageAccountType;
          }),
        ),
      ),
    "no change",
  ],
  [
    "an unknown replica count at preview updates the version",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (regions(v)[0].regionalReplicaCount = UNKNOWN)),
      ),
    "update",
  ],
  [
    "an unknown source at preview replaces the version",
    () =>
      diffGalleryImageVersion(
        version,
        edited(version, (v) => (v.storageProfile = UNKNOWN)),
      ),
    "replace",
  ],
];

describe("diff", () => {
  it.each(rows)("%s", (_name, run, expected) => {
    const result = run();
    expect(outcomeOf(result)).toBe(expected);
    // A replacement is a change too: `changes: false` would tell the engine there is nothing to do.
    expect(result.changes).toBe(expected !== "no change");
    expect(result.deleteBeforeReplace).toBe(expected === "replace");
  });

  it("names the resource, the property, old -> new and why in a replacement warning", () => {
    const result = diffGalleryImage(
      image,
      edited(image, (i) => (i.osType = "Windows")),
      "urn:...::GalleryImage::ubuntu",
    );
    expect(result.replaces).toEqual(["osType"]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain("urn:...::GalleryImage::ubuntu");
    expect(result.warnings[0]).toContain('osType changes: "Linux" -> "Windows"');
    expect(result.warnings[0]).toContain("describes every version already in the definition");
  });

  it("reports a changed region storage type at the region's position in the new inputs", () => {
    const result = diffGalleryImageVersion(
      version,
      edited(version, (v) => {
        regions(v).reverse();
        regions(v)[0].storageAccountType = "Premium_LRS";
      }),
    );
    expect(result.replaces).toEqual(["publishingProfile.targetRegions[0].storageAccountType"]);
  });

  it("yields one warning per replaced property", () => {
    const result = diffGalleryImage(
      image,
      edited(image, (i) => {
        i.osType = "Windows";
        i.osState = "Specialized";
      }),
    );
    expect(result.replaces).toEqual(["osType", "osState"]);
    expect(result.warnings).toHaveLength(2);
  });
});
