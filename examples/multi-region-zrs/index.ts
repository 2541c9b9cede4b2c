// One version in three regions: two zone-redundant replicas where the users
// are, one locally redundant copy for disaster recovery, and premium storage
// where scale sets deploy hundreds of VMs at once.
import * as acg from "pulumi-azure-compute-gallery";

const resourceGroupName = "rg-multi-region";
const images =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images";

const gallery = new acg.Gallery("gallery", {
  resourceGroupName,
  galleryName: "multiRegionGallery",
  location: "westeurope",
});

const image = new acg.GalleryImage("app", {
  resourceGroupName,
  galleryName: gallery.galleryName,
  galleryImageName: "app-server",
  location: "westeurope",
  osType: "Linux",
  osState: "Generalized",
  hyperVGeneration: "V2",
  identifier: { publisher: "Contoso", offer: "AppServer", sku: "gen2" },
});

const version = new acg.GalleryImageVersion("v1", {
  resourceGroupName,
  galleryName: gallery.galleryName,
  galleryImageName: image.galleryImageName,
  galleryImageVersionName: "1.0.0",
  location: "westeurope",
  storageProfile: { source: { id: `${images}/ubuntu-build-1` } },
  publishingProfile: {
    replicaCount: 1,
    targetRegions: [
      { name: "westeurope", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS" },
      { name: "North Europe", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
      { name: "eastus2", regionalReplicaCount: 3, storageAccountType: "Premium_LRS" },
    ],
  },
});

export const replication = version.replicationStatus;
