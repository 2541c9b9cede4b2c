// The README example as a program under mocks: resources registered with distinct type tokens and
// the arguments as written.
import * as pulumi from "@pulumi/pulumi";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
}
const registered: Registered[] = [];

pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      registered.push({ type: args.type, name: args.name, inputs: args.inputs });
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call: (args) => args.inputs,
  },
  "project",
  "stack",
  false,
);

// Imported after setMocks so the resources register against the mock monitor.
import { Gallery } from "../../provider/resources/gallery";
import { GalleryImage } from "../../provider/resources/galleryImage";
import { GalleryImageVersion } from "../../provider/resources/galleryImageVersion";

function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

describe("the README example program", () => {
  const managedImageId =
    "/subscriptions/0000/resourceGroups/rg-src/providers/Microsoft.Compute/images/golden";
  const gallery = new Gallery("images", {
    resourceGroupName: "rg-images",
    galleryName: "corpImages",
    location: "westeurope",
    description: "Golden images",
  });
  const ubuntu = new GalleryImage("ubuntu", {
    resourceGroupName: "rg-images",
    galleryName: gallery.galleryName,
    galleryImageName: "ubuntu-22",
    location: "westeurope",
    osType: "Linux",
    osState: "Generalized",
    hyperVGeneration: "V2",
    identifier: { publisher: "Contoso", offer: "Finance", sku: "Backend" },
  });
  const v1 = new GalleryImageVersion("v1", {
    resourceGroupName: "rg-images",
    galleryName: gallery.galleryName,
    galleryImageName: ubuntu.galleryImageName,
    galleryImageVersionName: "1.0.0",
    location: "westeurope",
    storageProfile: { source: { id: managedImageId } },
    publishingProfile: {
      replicaCount: 1,
      targetRegions: [
        { name: "westeurope", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS" },
        { name: "East US" },
      ],
    },
  });

  beforeAll(() =>
    Promise.all([valueOf(gallery.urn), valueOf(ubuntu.urn), valueOf(v1.urn), valueOf(v1.galleryImageName)]),
  );

  it("registers three resources with distinct type tokens", () => {
    expect(registered.map((r) => [r.type, r.name])).toEqual([
      ["pulumi-nodejs:dynamic/compute-gallery:Gallery", "images"],
      ["pulumi-nodejs:dynamic/compute-gallery:GalleryImage", "ubuntu"],
      ["pulumi-nodejs:dynamic/compute-gallery:GalleryImageVersion", "v1"],
    ]);
  });

  it("passes the arguments as written, plus the serialized provider", () => {
    const [galleryInputs, imageInputs, versionInputs] = registered.map((r) => r.inputs);
    expect(galleryInputs).toMatchObject({
      resourceGroupName: "rg-images",
      galleryName: "corpImages",
      location: "westeurope",
      description: "Golden images",
    });
    expect(typeof galleryInputs!.__provider).toBe("string");
    expect(imageInputs).toMatchObject({
      galleryName: "corpImages",
      osType: "Linux",
      hyperVGeneration: "V2",
      identifier: { publisher: "Contoso", offer: "Finance", sku: "Backend" },
    });
    expect(versionInputs).toMatchObject({
      galleryName: "corpImages",
      galleryImageName: "ubuntu-22",
      galleryImageVersionName: "1.0.0",
      storageProfile: { source: { id: managedImageId } },
      publishingProfile: {
        replicaCount: 1,
        targetRegions: [
          { name: "westeurope", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS" },
          { name: "East US" },
        ],
      },
    });
  });

  it("exposes the inputs as outputs", async () => {
    expect(await valueOf(v1.galleryImageVersionName)).toBe("1.0.0");
    expect(await valueOf(ubuntu.osType)).toBe("Linux");
  });
});

describe("names default to the resource name", () => {
  it("uses the resource name as the gallery name when galleryName is omitted", async () => {
    const gallery = new Gallery("defaultName", { resourceGroupName: "rg", location: "westeurope" });
    expect(await valueOf(gallery.galleryName)).toBe("defaultName");
  });
});
