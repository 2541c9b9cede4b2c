// A version checked against the parents the same program declares, with the real engine: the
// engine checks the gallery and the definition before the version that names them through their
// outputs, so a managed-image source under a Trusted Launch definition and an encrypted replica in
// a direct-shared gallery fail the preview, before anything is created.
import * as path from "path";
import * as acg from "../../provider";
import { E2EStack, requirePulumiCli } from "./harness";

jest.setTimeout(600_000);

const rg = "rg-parents";
const MANAGED_IMAGE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images/base-1";
const DES =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/des";

function program() {
  return async () => {
    const gallery = new acg.Gallery("gallery", {
      resourceGroupName: rg,
      galleryName: "directShared",
      location: "westeurope",
      sharingProfile: { permissions: "Groups" },
    });
    const image = new acg.GalleryImage("image", {
      resourceGroupName: rg,
      galleryName: gallery.galleryName,
      galleryImageName: "trusted",
      location: "westeurope",
      osType: "Linux",
      osState: "Generalized",
      hyperVGeneration: "V2",
      identifier: { publisher: "Contoso", offer: "Trusted", sku: "linux" },
      features: [{ name: "SecurityType", value: "TrustedLaunch" }],
    });
    new acg.GalleryImageVersion("version", {
      resourceGroupName: rg,
      galleryName: gallery.galleryName,
      galleryImageName: image.galleryImageName,
      galleryImageVersionName: "1.0.0",
      location: "westeurope",
      storageProfile: { source: { id: MANAGED_IMAGE } },
      publishingProfile: {
        targetRegions: [{ name: "westeurope", encryption: { osDiskImage: { diskEncryptionSetId: DES } } }],
      },
    });
  };
}

let stack: E2EStack;

beforeAll(async () => {
  requirePulumiCli();
  stack = await E2EStack.create("acg-parents", program(), {
    "compute-gallery:emulatorSeedFile": path.join(__dirname, "seed.json"),
  });
});

afterAll(async () => {
  await stack?.dispose();
});

test("the first preview refuses the version for its definition's security type and its gallery's sharing", async () => {
  const report = await stack.preview();
  expect(report.failed).toBe(true);
  const errors = report.errors.join("\n");
  expect(errors).toMatch(/storageProfile\.source\.id.*TrustedLaunch/);
  expect(errors).toMatch(/targetRegions\[0\]\.encryption.*"Groups"/);
  // Nothing was sent: the emulator holds no gallery.
  expect(
    await stack.withApi((api) => api.getGallery({ resourceGroupName: rg, galleryName: "directShared" })),
  ).toBeUndefined();
});
