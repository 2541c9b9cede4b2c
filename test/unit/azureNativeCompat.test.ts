// Switching from @pulumi/azure-native is an import change: objects of azure-native's Args types,
// built with azure-native's enums, must be assignable to our Args types. `tsc --noEmit` (npm run lint)
// type-checks this file, which holds the assignments that must compile (jest's ts-jest runs with
// isolatedModules and does not); jest constructs the resources under mocks.
//
// Deliberate differences, listed here so that they stay few and explained:
// - Omitted: `allowUpdateImage` (GalleryImage): only needed to change features in place, which this
//   provider never does (a features change replaces the definition).
// - Omitted: `restore` (GalleryImageVersion): restoring a soft-deleted version is an operation, not
//   a desired state.
// - Required: `location`, on each resource that has one. azure-native falls back to the resource group's region,
//   which needs an Azure call; this provider's check and preview work without one.
import * as pulumi from "@pulumi/pulumi";
import type * as azureNative from "@pulumi/azure-native";
import * as enums from "@pulumi/azure-native/types/enums/compute";

pulumi.runtime.setMocks(
  { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
  "project",
  "stack",
  false,
);

import { Gallery, type GalleryArgs } from "../../provider/resources/gallery";
import { GalleryImage, type GalleryImageArgs } from "../../provider/resources/galleryImage";
import {
  GalleryImageVersion,
  type GalleryImageVersionArgs,
} from "../../provider/resources/galleryImageVersion";

type WithLocation<T> = T & { location: pulumi.Input<string> };
type NativeGalleryArgs = WithLocation<azureNative.compute.GalleryArgs>;
type NativeImageArgs = WithLocation<Omit<azureNative.compute.GalleryImageArgs, "allowUpdateImage">>;
type NativeVersionArgs = WithLocation<Omit<azureNative.compute.GalleryImageVersionArgs, "restore">>;

// Compile-time assignability, in both the bare-type and the value form: tsc fails on `= true` when a
// type is not assignable.
type Assignable<From, To> = From extends To ? true : false;
const _galleryCompatible: Assignable<NativeGalleryArgs, GalleryArgs> = true;
const _imageCompatible: Assignable<NativeImageArgs, GalleryImageArgs> = true;
const _versionCompatible: Assignable<NativeVersionArgs, GalleryImageVersionArgs> = true;

const nativeGallery: NativeGalleryArgs = {
  resourceGroupName: "rg-images",
  galleryName: "corpImages",
  location: "westeurope",
  description: "Golden images",
  identity: { type: enums.ResourceIdentityType.UserAssigned, userAssignedIdentities: ["/identities/id1"] },
  sharingProfile: { permissions: enums.GallerySharingPermissionTypes.Groups },
  softDeletePolicy: { isSoftDeleteEnabled: true },
  tags: { team: "platform" },
};

const nativeImage: NativeImageArgs = {
  resourceGroupName: "rg-images",
  galleryName: "corpImages",
  galleryImageName: "ubuntu-22",
  location: "westeurope",
  osType: enums.OperatingSystemTypes.Linux,
  osState: enums.OperatingSystemStateTypes.Generalized,
  hyperVGeneration: enums.HyperVGeneration.V2,
  architecture: enums.Architecture.X64,
  identifier: { publisher: "Contoso", offer: "Finance", sku: "Backend" },
  recommended: { vCPUs: { min: 2, max: 8 }, memory: { min: 4, max: 32 } },
  disallowed: { diskTypes: ["Standard_LRS"] },
  purchasePlan: { name: "plan", publisher: "contoso", product: "finance" },
  features: [{ name: "SecurityType", value: "TrustedLaunch" }],
  endOfLifeDate: "2030-01-01T00:00:00Z",
};

const nativeVersion: NativeVersionArgs = {
  resourceGroupName: "rg-images",
  galleryName: "corpImages",
  galleryImageName: "ubuntu-22",
  galleryImageVersionName: "1.0.0",
  location: "westeurope",
  storageProfile: {
    source: { id: "/images/golden" },
    osDiskImage: { hostCaching: enums.HostCaching.ReadWrite },
    dataDiskImages: [
      {
        lun: 0,
        hostCaching: enums.HostCaching.None,
        source: { uri: "https://a/b.vhd", storageAccountId: "/sa" },
      },
    ],
  },
  publishingProfile: {
    replicaCount: 1,
    storageAccountType: enums.StorageAccountType.Standard_LRS,
    replicationMode: enums.ReplicationMode.Full,
    targetRegions: [
      {
        name: "westeurope",
        regionalReplicaCount: 2,
        storageAccountType: enums.StorageAccountType.Standard_ZRS,
      },
      {
        name: "East US",
        excludeFromLatest: true,
        encryption: { osDiskImage: { diskEncryptionSetId: "/des" } },
      },
    ],
  },
  safetyProfile: { allowDeletionOfReplicatedLocations: false, blockDeletionBeforeEndOfLife: false },
  securityProfile: {
    uefiSettings: { signatureTemplateNames: [enums.UefiSignatureTemplateName.MicrosoftWindowsTemplate] },
  },
};

// The assignments that must compile.
const galleryArgs: GalleryArgs = nativeGallery;
const imageArgs: GalleryImageArgs = nativeImage;
const versionArgs: GalleryImageVersionArgs = nativeVersion;

function urnOf(resource: pulumi.CustomResource): Promise<string> {
  return new Promise((resolve) => resource.urn.apply(resolve));
}

describe("azure-native compatibility", () => {
  it("constructs the resources from azure-native-shaped arguments", async () => {
    const urns = await Promise.all([
      urnOf(new Gallery("g", galleryArgs)),
      urnOf(new GalleryImage("i", imageArgs)),
      urnOf(new GalleryImageVersion("v", versionArgs)),
    ]);
    expect(urns.map((urn) => urn.split("::")[2])).toEqual([
      "pulumi-nodejs:dynamic/compute-gallery:Gallery",
      "pulumi-nodejs:dynamic/compute-gallery:GalleryImage",
      "pulumi-nodejs:dynamic/compute-gallery:GalleryImageVersion",
    ]);
  });
});
