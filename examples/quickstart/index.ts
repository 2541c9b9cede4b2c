// The smallest useful pipeline: a gallery, a Linux image definition and one
// version built from a managed image, replicated in the gallery's region.
import * as acg from "pulumi-azure-compute-gallery";

const resourceGroupName = "rg-quickstart";
const images =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images";

const gallery = new acg.Gallery("gallery", {
  resourceGroupName,
  galleryName: "quickstartGallery",
  location: "westeurope",
  description: "My first gallery",
});

const image = new acg.GalleryImage("ubuntu", {
  resourceGroupName,
  galleryName: gallery.galleryName,
  galleryImageName: "ubuntu-22",
  location: "westeurope",
  osType: "Linux",
  osState: "Generalized",
  hyperVGeneration: "V2",
  identifier: { publisher: "Contoso", offer: "Quickstart", sku: "ubuntu-22" },
});

const version = new acg.GalleryImageVersion("v1", {
  resourceGroupName,
  galleryName: gallery.galleryName,
  galleryImageName: image.galleryImageName,
  galleryImageVersionName: "1.0.0",
  location: "westeurope",
  storageProfile: { source: { id: `${images}/ubuntu-build-1` } },
  publishingProfile: { targetRegions: [{ name: "westeurope" }] },
});

export const galleryUniqueName = gallery.identifier.apply((i) => i?.uniqueName);
export const replication = version.replicationStatus;
