// Every region of both catalogs, as a gallery's location and as a replication target with and without
// zone-redundant storage: the provider's check and the emulator give the same verdict.
import { REGIONS as EMULATOR_REGIONS } from "../../emulator/rules/regions";
import { checkGallery, checkGalleryImageVersion } from "../../provider/lifecycle/check";
import { normaliseRegionName, REGIONS as PROVIDER_REGIONS } from "../../provider/model/regions";
import { FAST } from "../emulator/client";
import {
  type Backend,
  CHECK_CONTEXT,
  HOME,
  refusalOf,
  RG,
  SOURCE,
  startBackendWithImage,
  verdictOf,
  type Verdict,
} from "./harness";

const REGION_NAMES = [
  ...new Set([...PROVIDER_REGIONS.map((r) => r.name), ...EMULATOR_REGIONS.map((r) => r.name)]),
].sort();

let backend: Backend;
beforeAll(async () => {
  backend = await startBackendWithImage();
}, 60_000);
afterAll(() => backend.stop());

/** The facts both catalogs hold, by name; the emulator's capsOperations spelling is its own. */
function facts(regions: readonly (typeof PROVIDER_REGIONS)[number][]): Record<string, object> {
  return Object.fromEntries(
    regions.map(({ name, displayName, hasAvailabilityZones, cloud, needsAccessRequest }) => [
      name,
      { displayName, hasAvailabilityZones, cloud, needsAccessRequest },
    ]),
  );
}

it("both catalogs hold the same regions with the same facts", () => {
  expect(facts(EMULATOR_REGIONS)).toEqual(facts(PROVIDER_REGIONS));
});

describe.each(REGION_NAMES.map((name, index) => [name, index] as const))("region %s", (region, index) => {
  it("as a gallery's location: same verdict", async () => {
    const galleryName = `g${index}`;
    const provider = checkGallery(
      {},
      { resourceGroupName: RG, galleryName, location: region },
      CHECK_CONTEXT,
    );
    const expected: Verdict = provider.failures.some((f) => f.property === "location")
      ? "refused"
      : "accepted";
    const refusal = await refusalOf(() =>
      backend.client.galleries.createOrUpdate(RG, galleryName, { location: region }, FAST),
    );
    expect({ region, verdict: verdictOf(refusal), refusal }).toMatchObject({ region, verdict: expected });
    if (refusal) expect(refusal.code).toBe("LocationNotAvailableForResourceType");
  });

  it.each(["Standard_ZRS", "Standard_LRS"])("as a target region with %s: same verdict", async (storage) => {
    const target = { name: region, storageAccountType: storage };
    const targetRegions = normaliseRegionName(region) === HOME ? [target] : [{ name: HOME }, target];
    const version = {
      location: HOME,
      storageProfile: { source: { id: SOURCE } },
      publishingProfile: { targetRegions },
    };
    const versionName = `1.${index}.${storage === "Standard_ZRS" ? 1 : 0}`;
    const provider = checkGalleryImageVersion(
      {},
      {
        resourceGroupName: RG,
        galleryName: "home",
        galleryImageName: "img",
        galleryImageVersionName: versionName,
        ...version,
      },
      CHECK_CONTEXT,
    );
    const expected: Verdict = provider.failures.length > 0 ? "refused" : "accepted";
    const refusal = await refusalOf(() =>
      backend.client.galleryImageVersions.createOrUpdate(RG, "home", "img", versionName, version, FAST),
    );
    expect({ region, verdict: verdictOf(refusal), refusal, failures: provider.failures }).toMatchObject({
      region,
      verdict: expected,
    });
    if (refusal) expect(refusal.code).toBe("InvalidParameter");
  });
});
