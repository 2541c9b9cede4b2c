// Publishing a new version safely: it is created excluded from "latest", so
// scale sets that follow latest keep the old one; `pulumi config set promote
// true` and another `pulumi up` include it (an in-place update).
import * as pulumi from "@pulumi/pulumi";
import * as acg from "pulumi-azure-compute-gallery";

const config = new pulumi.Config();
const promote = config.getBoolean("promote") ?? false;
const resourceGroupName = "rg-promote";
const images =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images";

const gallery = new acg.Gallery("gallery", {
  resourceGroupName,
  galleryName: "promoteGallery",
  location: "westeurope",
});
const image = new acg.GalleryImage("app", {
  resourceGroupName,
  galleryName: gallery.galleryName,
  galleryImageName: "app",
  location: "westeurope",
  osType: "Linux",
  osState: "Generalized",
  identifier: { publisher: "Contoso", offer: "Promote", sku: "app" },
});

const common = {
  resourceGroupName,
  galleryName: gallery.galleryName,
  galleryImageName: image.galleryImageName,
  location: "westeurope",
};
const current = new acg.GalleryImageVersion("current", {
  ...common,
  galleryImageVersionName: "1.0.0",
  storageProfile: { source: { id: `${images}/ubuntu-build-1` } },
  publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "northeurope" }] },
});
const candidate = new acg.GalleryImageVersion("candidate", {
  ...common,
  galleryImageVersionName: "1.1.0",
  storageProfile: { source: { id: `${images}/ubuntu-build-2` } },
  publishingProfile: {
    excludeFromLatest: !promote,
    targetRegions: [{ name: "westeurope" }, { name: "northeurope" }],
  },
});

export const latest = pulumi
  .all([
    current.galleryImageVersionName,
    current.publishingProfile,
    current.replicationStatus,
    candidate.galleryImageVersionName,
    candidate.publishingProfile,
    candidate.replicationStatus,
  ])
  .apply(
    ([n1, p1, r1, n2, p2, r2]) =>
      acg.latestImageVersion(
        [
          { name: n1, properties: { publishingProfile: p1, replicationStatus: r1 } },
          { name: n2, properties: { publishingProfile: p2, replicationStatus: r2 } },
        ] as acg.ImageVersionSnapshot[],
        "westeurope",
      )?.name,
  );
