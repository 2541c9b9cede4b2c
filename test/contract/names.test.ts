// The name edge cases of every resource: the provider's check and the emulator give the same verdict.
import {
  checkGallery,
  checkGalleryImage,
  checkGalleryImageVersion,
  type CheckResult,
} from "../../provider/lifecycle/check";
import { FAST } from "../emulator/client";
import {
  type Backend,
  CHECK_CONTEXT,
  HOME,
  LINUX_IMAGE,
  type Refusal,
  refusalOf,
  RG,
  SOURCE,
  startBackendWithImage,
  verdictOf,
  type Verdict,
} from "./harness";

const GALLERY_NAMES = [
  "a",
  "corpImages",
  "corp_images",
  "corp.images",
  "corp__images",
  "corp-images",
  "_corp",
  "corp_",
  ".corp",
  "corp.",
  "corp images",
  "a".repeat(80),
  "a".repeat(81),
];
const IMAGE_NAMES = [
  "a",
  "ubuntu-22.04_lts",
  "img-",
  "-img",
  "img.",
  ".img",
  "_x",
  "x_",
  "a--b",
  "a b",
  "a".repeat(80),
  "a".repeat(81),
];
const VERSION_NAMES = [
  "0.0.0",
  "1.0.0",
  "2147483647.2147483647.2147483647",
  "2147483648.0.0",
  "0.0.2147483648",
  "01.0.0",
  "0000000001.0.0",
  "00000000001.0.0",
  "1.0",
  "1.0.0.0",
  "v1.0.0",
  "1.0.0-beta",
  "-1.0.0",
];

let backend: Backend;
beforeAll(async () => {
  backend = await startBackendWithImage();
}, 60_000);
afterAll(() => backend.stop());

/** Same verdict, and a refusal is Azure's InvalidParameter (not some other failure on the way). */
function expectSameVerdict(expected: Verdict, refusal: Refusal | undefined): void {
  expect({ verdict: verdictOf(refusal), refusal }).toMatchObject({ verdict: expected });
  if (refusal) expect(refusal.code).toBe("InvalidParameter");
}

function providerVerdict(result: CheckResult, property: string): Verdict {
  return result.failures.some((f) => f.property === property) ? "refused" : "accepted";
}

it.each(GALLERY_NAMES)("gallery name %j: same verdict", async (galleryName) => {
  const expected = providerVerdict(
    checkGallery({}, { resourceGroupName: RG, galleryName, location: HOME }, CHECK_CONTEXT),
    "galleryName",
  );
  const refusal = await refusalOf(() =>
    backend.client.galleries.createOrUpdate(RG, galleryName, { location: HOME }, FAST),
  );
  expectSameVerdict(expected, refusal);
});

it.each(IMAGE_NAMES.map((name, index) => [name, index] as const))(
  "image definition name %j: same verdict",
  async (galleryImageName, index) => {
    const identifier = { publisher: "Contoso", offer: "Names", sku: `sku${index}` };
    const expected = providerVerdict(
      checkGalleryImage(
        {},
        { resourceGroupName: RG, galleryName: "home", galleryImageName, ...LINUX_IMAGE, identifier },
        CHECK_CONTEXT,
      ),
      "galleryImageName",
    );
    const refusal = await refusalOf(() =>
      backend.client.galleryImages.createOrUpdate(
        RG,
        "home",
        galleryImageName,
        { ...LINUX_IMAGE, identifier },
        FAST,
      ),
    );
    expectSameVerdict(expected, refusal);
  },
);

it.each(VERSION_NAMES)("image version name %j: same verdict", async (galleryImageVersionName) => {
  const version = {
    location: HOME,
    storageProfile: { source: { id: SOURCE } },
    publishingProfile: { targetRegions: [{ name: HOME }] },
  };
  const expected = providerVerdict(
    checkGalleryImageVersion(
      {},
      {
        resourceGroupName: RG,
        galleryName: "home",
        galleryImageName: "img",
        galleryImageVersionName,
        ...version,
      },
      CHECK_CONTEXT,
    ),
    "galleryImageVersionName",
  );
  const refusal = await refusalOf(() =>
    backend.client.galleryImageVersions.createOrUpdate(
      RG,
      "home",
      "img",
      galleryImageVersionName,
      version,
      FAST,
    ),
  );
  expectSameVerdict(expected, refusal);
});
