// The argument and output types are generated from the zod model; the model is the one source.
import * as fs from "fs";
import * as path from "path";
import { renderGeneratedTypes } from "../../scripts/generate-types";
import { describeShape, flattenShape } from "../../provider/model/describeShape";
import { INPUT_SCHEMAS, OUTPUT_SCHEMAS } from "../../provider/model/schemas";

const ROOT = path.join(__dirname, "..", "..");
const KINDS = ["gallery", "galleryImage", "galleryImageVersion"] as const;

describe("generated types", () => {
  it.each(Object.entries(renderGeneratedTypes()))(
    "%s is what the model generates (run npm run generate)",
    (file, text) => {
      expect(fs.readFileSync(path.join(ROOT, file), "utf8")).toBe(text);
    },
  );
});

describe("the model", () => {
  it.each(KINDS)("describes every property of the %s's inputs and outputs", (kind) => {
    // describeShape refuses a property without a description.
    for (const schema of [INPUT_SCHEMAS[kind], OUTPUT_SCHEMAS[kind]]) {
      for (const property of flattenShape(describeShape(schema))) {
        expect(property.description.length).toBeGreaterThan(5);
      }
    }
  });

  // From the 2024-03-03 spec: the properties marked readOnly, plus ARM's id, name and type.
  const outputOnly: Record<(typeof KINDS)[number], string[]> = {
    gallery: [
      "id",
      "name",
      "type",
      "provisioningState",
      "systemData",
      "identifier",
      "identifier.uniqueName",
      "identity.principalId",
      "identity.tenantId",
      // sharingProfile.groups is readOnly in the spec's PUT, yet an argument here: the provider
      // applies it through the gallery's share action.
      "sharingProfile.communityGalleryInfo.communityGalleryEnabled",
      "sharingProfile.communityGalleryInfo.publicNames",
      "sharingStatus",
    ],
    galleryImage: ["id", "name", "type", "provisioningState", "systemData"],
    galleryImageVersion: [
      "id",
      "name",
      "type",
      "provisioningState",
      "systemData",
      "publishingProfile.publishedDate",
      "storageProfile.osDiskImage.sizeInGB",
      "storageProfile.dataDiskImages[].sizeInGB",
      "safetyProfile.reportedForPolicyViolation",
      "safetyProfile.policyViolations",
      "replicationStatus",
      // Not Azure's: the provider computes it from the outputs, and no program may set it.
      "storageEstimate",
      "validationsProfile",
    ],
  };
  it.each(KINDS)("marks what only Azure sets on a %s as output-only, and nothing else", (kind) => {
    const marked = flattenShape(describeShape(OUTPUT_SCHEMAS[kind]))
      .filter((property) => property.outputOnly)
      .map((property) => property.path);
    expect(marked.sort()).toEqual([...outputOnly[kind]].sort());
  });

  it.each(KINDS)("has no output-only property among the %s's arguments", (kind) => {
    const properties = flattenShape(describeShape(INPUT_SCHEMAS[kind]));
    expect(properties.filter((property) => property.outputOnly).map((property) => property.path)).toEqual([]);
  });
});
