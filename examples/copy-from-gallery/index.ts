// Copying a version between galleries: the build team's gallery holds the
// original, the production gallery gets a copy whose source is the original
// image version (no managed image or snapshot needed).
import * as acg from "pulumi-azure-compute-gallery";

const resourceGroupName = "rg-copy";
const snapshots =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/snapshots";

function definition(name: string, galleryName: string) {
  const gallery = new acg.Gallery(`${name}-gallery`, {
    resourceGroupName,
    galleryName,
    location: "westeurope",
  });
  const image = new acg.GalleryImage(`${name}-image`, {
    resourceGroupName,
    galleryName: gallery.galleryName,
    galleryImageName: "web",
    location: "westeurope",
    osType: "Linux",
    osState: "Generalized",
    identifier: { publisher: "Contoso", offer: `Web-${name}`, sku: "web" },
  });
  return { gallery, image };
}

const build = definition("build", "buildGallery");
const prod = definition("prod", "prodGallery");

const original = new acg.GalleryImageVersion("original", {
  resourceGroupName,
  galleryName: build.gallery.galleryName,
  galleryImageName: build.image.galleryImageName,
  galleryImageVersionName: "2.0.0",
  location: "westeurope",
  storageProfile: { osDiskImage: { source: { id: `${snapshots}/os-disk-snapshot` } } },
  publishingProfile: { targetRegions: [{ name: "westeurope" }] },
});

const copy = new acg.GalleryImageVersion("copy", {
  resourceGroupName,
  galleryName: prod.gallery.galleryName,
  galleryImageName: prod.image.galleryImageName,
  galleryImageVersionName: "2.0.0",
  location: "westeurope",
  storageProfile: { source: { id: original.id } },
  publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "eastus" }] },
});

export const copiedFrom = copy.storageProfile.apply((s) => s?.source?.id);
