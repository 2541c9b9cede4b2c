// Retiring old versions: each gets an end-of-life date and leaves "latest",
// so new VMs stop picking it while existing ones keep running. Both changes
// are in-place updates.
import * as acg from "pulumi-azure-compute-gallery";

const resourceGroupName = "rg-retire";
const images =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images";

const gallery = new acg.Gallery("gallery", {
  resourceGroupName,
  galleryName: "retireGallery",
  location: "westeurope",
});
const image = new acg.GalleryImage("app", {
  resourceGroupName,
  galleryName: gallery.galleryName,
  galleryImageName: "app",
  location: "westeurope",
  osType: "Linux",
  osState: "Generalized",
  identifier: { publisher: "Contoso", offer: "Retire", sku: "app" },
});

const releases = [
  { version: "1.0.0", source: "ubuntu-build-1", retireOn: "2030-01-31T00:00:00Z" },
  { version: "1.1.0", source: "ubuntu-build-2" },
];

export const versions = releases.map(
  (release) =>
    new acg.GalleryImageVersion(`v${release.version}`, {
      resourceGroupName,
      galleryName: gallery.galleryName,
      galleryImageName: image.galleryImageName,
      galleryImageVersionName: release.version,
      location: "westeurope",
      storageProfile: { source: { id: `${images}/${release.source}` } },
      publishingProfile: {
        targetRegions: [{ name: "westeurope" }],
        ...(release.retireOn ? { endOfLifeDate: release.retireOn, excludeFromLatest: true } : {}),
      },
    }).publishingProfile,
);
