// One row per check rule: the failure names the property, the value and what is allowed.
import { checkGallery, checkGalleryImage, checkGalleryImageVersion } from "../../provider/lifecycle/check";
import { unknownFeatureNotes } from "../../provider/lifecycle/featureRules";
import { checkCase, failing, passing } from "./checkCases";
import { CTX, edited, exampleGalleryArgs, exampleImageArgs, exampleVersionArgs, UNKNOWN } from "./fixtures";

describe("check rejects", () => {
  it.each(failing)("%s", (_rule, run, property, mentions) => {
    const { failures } = checkCase(run);
    const failure = failures.find((f) => f.property === property);
    expect(failure).toBeDefined();
    for (const text of mentions) expect(failure!.reason).toContain(text);
  });
});

describe("check accepts", () => {
  it.each(passing)("%s", (_rule, run) => {
    expect(checkCase(run).failures).toEqual([]);
  });
});

describe("feature names Azure does not document", () => {
  it("are warned about at preview, naming the feature and the documented names", () => {
    const inputs = edited(
      exampleImageArgs(),
      (i) => (i.features = [{ name: "IsSecurBootSupported", value: "True" }]),
    );
    const [note, ...more] = unknownFeatureNotes(inputs, "image definition ubuntu-22");
    expect(more).toEqual([]);
    for (const text of ["features[0].name", "IsSecurBootSupported", "SecurityType", "DiskControllerTypes"])
      expect(note).toContain(text);
  });

  it("are not confused with documented names in another case", () => {
    const inputs = edited(
      exampleImageArgs(),
      (i) =>
        (i.features = [
          { name: "issecuritytype", value: "x" },
          { name: "securitytype", value: "Standard" },
        ]),
    );
    expect(unknownFeatureNotes(inputs, "d")).toHaveLength(1);
  });
});

describe("check's inputs", () => {
  it("fill in Azure's defaults", () => {
    const { inputs } = checkGalleryImage(
      {},
      edited(exampleImageArgs(), (i) => delete i.hyperVGeneration),
      CTX,
    );
    expect(inputs.hyperVGeneration).toBe("V1");
    expect(inputs.architecture).toBe("x64");
  });

  it("give each target region its replica count and storage type, inherited from the profile", () => {
    const { inputs } = checkGalleryImageVersion({}, exampleVersionArgs(), CTX);
    expect(inputs.publishingProfile).toEqual({
      replicaCount: 1,
      storageAccountType: "Standard_LRS",
      excludeFromLatest: false,
      targetRegions: [
        { name: "westeurope", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS" },
        { name: "eastus", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
      ],
    });
  });

  it("replicate to the version's own location when no target regions are given", () => {
    const { inputs } = checkGalleryImageVersion(
      {},
      edited(exampleVersionArgs(), (v) => delete v.publishingProfile),
      CTX,
    );
    expect((inputs.publishingProfile as any).targetRegions).toEqual([
      { name: "westeurope", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
    ]);
  });

  it("pass __provider through untouched", () => {
    const provider = "exports.handler = __f0;";
    expect(checkGallery({}, { ...exampleGalleryArgs(), __provider: provider }, CTX).inputs.__provider).toBe(
      provider,
    );
  });

  it("hold no undefined values", () => {
    const { inputs } = checkGalleryImage(
      {},
      { ...exampleImageArgs(), description: undefined, recommended: { vCPUs: { min: undefined, max: 4 } } },
      CTX,
    );
    const hasUndefined = (value: unknown): boolean =>
      value === undefined ||
      (typeof value === "object" && value !== null && Object.values(value).some(hasUndefined));
    expect(hasUndefined(inputs)).toBe(false);
    expect("description" in inputs).toBe(false);
  });

  it("keep unknown values as they are", () => {
    const { inputs } = checkGalleryImageVersion(
      {},
      edited(exampleVersionArgs(), (v) => (v.publishingProfile.replicaCount = UNKNOWN)),
      CTX,
    );
    expect((inputs.publishingProfile as any).replicaCount).toBe(UNKNOWN);
    expect((inputs.publishingProfile as any).targetRegions[1].regionalReplicaCount).toBe(UNKNOWN);
  });

  it("normalise region names, as Azure's answers are, so that spelling never makes a difference", () => {
    const { inputs } = checkGalleryImageVersion(
      {},
      edited(exampleVersionArgs(), (v) => {
        v.location = "West Europe";
        v.publishingProfile.targetRegions[0].name = "West Europe";
        v.publishingProfile.targetExtendedLocations = [
          { name: "West US", extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" } },
        ];
      }),
      CTX,
    );
    expect({
      location: inputs.location,
      targetRegions: inputs.publishingProfile!.targetRegions!.map((region) => region.name),
      extendedLocations: inputs.publishingProfile!.targetExtendedLocations!.map((location) => location.name),
    }).toEqual({
      location: "westeurope",
      targetRegions: ["westeurope", "eastus"],
      extendedLocations: ["westus"],
    });
    expect(checkGallery({}, { ...exampleGalleryArgs(), location: "North Europe" }, CTX).inputs.location).toBe(
      "northeurope",
    );
  });

  it("quote the user's spelling of a region in failures", () => {
    const { failures } = checkGalleryImageVersion(
      {},
      edited(exampleVersionArgs(), (v) => (v.publishingProfile.targetRegions[1].name = "East Atlantis")),
      CTX,
    );
    expect(failures).toEqual([
      {
        property: "publishingProfile.targetRegions[1].name",
        reason: expect.stringContaining('"East Atlantis"'),
      },
    ]);
  });
});
