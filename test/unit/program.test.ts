// The README example, read from README.md and run as a program under mocks: resources registered with
// distinct type tokens and the arguments as written.
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
import * as ts from "typescript";
import * as acg from "../../provider";
import { Gallery } from "../../provider/resources/gallery";
import { EXAMPLE_MANAGED_IMAGE_ID, PACKAGE_NAME, readmeUsageExample } from "./readmeExample";

function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** Runs the README's example as a CommonJS module whose `require` of the package yields this source tree. */
function runReadmeExample(): Record<string, unknown> {
  const js = ts.transpileModule(readmeUsageExample(), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const exports: Record<string, unknown> = {};
  const requireFromExample = (name: string): unknown => {
    if (name !== PACKAGE_NAME) throw new Error(`the README example requires ${name}`);
    return acg;
  };
  new Function("exports", "require", "managedImageId", js)(
    exports,
    requireFromExample,
    EXAMPLE_MANAGED_IMAGE_ID,
  );
  return exports;
}

describe("the README example program", () => {
  const managedImageId = EXAMPLE_MANAGED_IMAGE_ID;
  const stackOutputs = runReadmeExample();
  const outputs = () => stackOutputs as { replication: pulumi.Output<unknown> };

  // Every registration has reached the mock monitor once the last output resolves.
  beforeAll(() => valueOf(outputs().replication));

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

  it("exports the version's replication status", () => {
    expect(pulumi.Output.isInstance(outputs().replication)).toBe(true);
  });
});

describe("names default to the resource name", () => {
  it("uses the resource name as the gallery name when galleryName is omitted", async () => {
    const gallery = new Gallery("defaultName", { resourceGroupName: "rg", location: "westeurope" });
    expect(await valueOf(gallery.galleryName)).toBe("defaultName");
  });
});
