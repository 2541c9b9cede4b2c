// The project's main job: a golden-image pipeline as a platform team runs it.
// One gallery, a Linux (Gen2) and a Windows image definition, versions
// replicated to three regions with their own replica counts and storage
// types, a canary version kept out of "latest", and stack outputs that show
// which version each region resolves as latest and how replication went.
import * as pulumi from "@pulumi/pulumi";
import * as acg from "../provider";

const buildImages = (subscriptionId: string) =>
  `/subscriptions/${subscriptionId}/resourceGroups/rg-image-builds/providers/Microsoft.Compute/images`;

export function imagePipeline() {
  const config = new pulumi.Config();
  const resourceGroupName = config.get("resourceGroupName") ?? "rg-golden-images";
  // The embedded emulator's subscription; on Azure, the one holding the build images.
  const sourceSubscriptionId = config.get("sourceSubscriptionId") ?? "00000000-0000-0000-0000-000000000001";
  const location = "westeurope";
  const regions = [
    { name: "westeurope", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS" },
    { name: "North Europe", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
    { name: "eastus", regionalReplicaCount: 1, storageAccountType: "Premium_LRS" },
  ];

  const gallery = new acg.Gallery("golden", {
    resourceGroupName,
    galleryName: "corpGoldenImages",
    location,
    description: "Hardened VM images built by the platform team",
    tags: { owner: "platform", costCenter: "4711" },
  });

  const ubuntu = new acg.GalleryImage("ubuntu-2204", {
    resourceGroupName,
    galleryName: gallery.galleryName,
    galleryImageName: "ubuntu-2204-gen2",
    location,
    osType: "Linux",
    osState: "Generalized",
    hyperVGeneration: "V2",
    identifier: { publisher: "Contoso", offer: "UbuntuServer", sku: "22_04-lts-gen2" },
    recommended: { vCPUs: { min: 2, max: 16 }, memory: { min: 4, max: 64 } },
    description: "Ubuntu 22.04 LTS, CIS level 1",
  });

  const windows = new acg.GalleryImage("windows-2022", {
    resourceGroupName,
    galleryName: gallery.galleryName,
    galleryImageName: "windows-2022",
    location,
    osType: "Windows",
    osState: "Generalized",
    hyperVGeneration: "V2",
    identifier: { publisher: "Contoso", offer: "WindowsServer", sku: "2022-datacenter" },
    description: "Windows Server 2022 Datacenter with the corporate baseline",
  });

  const ubuntuStable = new acg.GalleryImageVersion("ubuntu-1.0.0", {
    resourceGroupName,
    galleryName: gallery.galleryName,
    galleryImageName: ubuntu.galleryImageName,
    galleryImageVersionName: "1.0.0",
    location,
    storageProfile: { source: { id: `${buildImages(sourceSubscriptionId)}/ubuntu-2204-build-1042` } },
    publishingProfile: { replicaCount: 1, targetRegions: regions },
  });

  // A canary: published everywhere, but nobody gets it as "latest" yet.
  const ubuntuCanary = new acg.GalleryImageVersion("ubuntu-1.1.0", {
    resourceGroupName,
    galleryName: gallery.galleryName,
    galleryImageName: ubuntu.galleryImageName,
    galleryImageVersionName: "1.1.0",
    location,
    storageProfile: { source: { id: `${buildImages(sourceSubscriptionId)}/ubuntu-2204-build-1057` } },
    publishingProfile: { replicaCount: 1, excludeFromLatest: true, targetRegions: regions },
  });

  const windowsStable = new acg.GalleryImageVersion("windows-2024.11.26", {
    resourceGroupName,
    galleryName: gallery.galleryName,
    galleryImageName: windows.galleryImageName,
    galleryImageVersionName: "2024.11.26",
    location,
    storageProfile: { source: { id: `${buildImages(sourceSubscriptionId)}/win2022-build-311` } },
    publishingProfile: {
      targetRegions: [
        { name: "westeurope", regionalReplicaCount: 1, storageAccountType: "Standard_ZRS" },
        { name: "eastus", regionalReplicaCount: 1 },
      ],
    },
  });

  const versions = { ubuntu: [ubuntuStable, ubuntuCanary], windows: [windowsStable] };
  const latestPerRegion = (list: acg.GalleryImageVersion[]) =>
    pulumi
      .all(list.map((v) => pulumi.all([v.galleryImageVersionName, v.publishingProfile, v.replicationStatus])))
      .apply((rows) => {
        const snapshot: acg.ImageVersionSnapshot[] = rows.map(
          ([name, publishingProfile, replicationStatus]) => ({
            name,
            properties: { publishingProfile, replicationStatus },
          }),
        );
        return Object.fromEntries(
          regions.map((r) => [r.name, acg.latestImageVersion(snapshot, r.name)?.name ?? null]),
        );
      });

  return {
    galleryUniqueName: gallery.identifier.apply((i) => i?.uniqueName),
    latestUbuntuPerRegion: latestPerRegion(versions.ubuntu),
    latestWindowsPerRegion: latestPerRegion(versions.windows),
    replication: pulumi
      .all(
        [...versions.ubuntu, ...versions.windows].map((v) =>
          pulumi.all([v.galleryImageName, v.galleryImageVersionName, v.replicationStatus]),
        ),
      )
      .apply((rows) =>
        Object.fromEntries(rows.map(([image, version, status]) => [`${image}/${version}`, status])),
      ),
  };
}
