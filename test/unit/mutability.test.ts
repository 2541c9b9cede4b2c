// diff against Azure's verdict per argument, written by hand (mutabilityCases.ts), so that a wrong
// table entry fails a test that says what it got wrong.
import type { z } from "zod";
import { diffResource } from "../../provider/lifecycle/diff";
import { describeShape, flattenShape } from "../../provider/model/describeShape";
import { MUTABILITY, mutabilityOf, RESOURCE_KINDS } from "../../provider/model/mutability";
import { INPUT_SCHEMAS } from "../../provider/model/schemas";
import { covered } from "./mutabilityCoverage";
import { fullGalleryImage, UNKNOWN } from "./fixtures";
import { AZURE, BASES, changedFor } from "./mutabilityCases";

describe("diff gives Azure's verdict for every argument", () => {
  it("has a hand-written expectation for exactly the rows of the table", () => {
    expect(MUTABILITY.map((entry) => `${entry.resource} ${entry.path}`).sort()).toEqual(
      Object.keys(AZURE).sort(),
    );
  });

  describe.each(MUTABILITY.map((entry) => [`${entry.resource} ${entry.path}`, entry] as const))(
    "%s",
    (name, entry) => {
      const expected = AZURE[name];
      it(`changing it: ${expected}`, () => {
        const outcome = diffResource(
          entry.resource,
          BASES[entry.resource](),
          changedFor(entry),
          "the resource",
        );
        if (expected === "no change") {
          expect(outcome.changes).toBe(false);
          return;
        }
        expect(outcome.changes).toBe(true);
        if (expected === "replace") {
          expect(outcome.replaces).toHaveLength(1);
          expect(outcome.deleteBeforeReplace).toBe(true);
          expect(outcome.warnings).toHaveLength(1);
          expect(outcome.warnings[0]).toContain(entry.why);
          expect(outcome.warnings[0]).toContain("the resource");
        } else {
          expect(outcome.replaces).toEqual([]);
          expect(outcome.deleteBeforeReplace).toBe(false);
          expect(outcome.updates).toHaveLength(1);
          expect(outcome.warnings).toEqual([]);
        }
      });

      if (!entry.path.includes("[]") && expected !== "no change") {
        it(`an unknown value at preview counts as a change (${expected})`, () => {
          const outcome = diffResource(entry.resource, BASES[entry.resource](), changedFor(entry, UNKNOWN));
          const paths = expected === "replace" ? outcome.replaces : outcome.updates;
          expect(paths).toEqual([entry.path]);
        });
      }
    },
  );

  it.each(["gallery", "galleryImage", "galleryImageVersion"] as const)(
    "identical %s inputs are no change",
    (kind) => {
      expect(diffResource(kind, BASES[kind](), BASES[kind]())).toEqual({
        changes: false,
        replaces: [],
        deleteBeforeReplace: false,
        updates: [],
        warnings: [],
        details: [],
      });
    },
  );

  it.each(["gallery", "galleryImage", "galleryImageVersion"] as const)(
    "read-only outputs in the old %s state are ignored",
    (kind) => {
      const olds = {
        ...BASES[kind](),
        id: "/subscriptions/0000/x",
        name: "x",
        type: "Microsoft.Compute/galleries",
        provisioningState: "Succeeded",
        identifier: { ...BASES[kind]().identifier, uniqueName: "0000-CORPIMAGES" },
        replicationStatus: { aggregatedState: "Completed", summary: [] },
      };
      expect(diffResource(kind, olds, BASES[kind]()).changes).toBe(false);
    },
  );
});

// ---- every argument has a row ----------------------------------------------------------------

/** Leaf argument paths of a schema, `[]` after lists of objects. */
function argumentPaths(schema: z.ZodObject): string[] {
  return flattenShape(describeShape(schema))
    .filter(
      ({ type }) => type.kind !== "object" && !(type.kind === "array" && type.element.kind === "object"),
    )
    .map((property) => property.path);
}

describe.each(RESOURCE_KINDS)("the %s rows", (kind) => {
  const paths = argumentPaths(INPUT_SCHEMAS[kind]);
  it.each(paths)("cover the argument %s", (path) => {
    expect(covered(kind, path)).toBe(true);
  });
  it("name only arguments that exist", () => {
    const stale = mutabilityOf(kind)
      .map((row) => row.path)
      .filter(
        (rowPath) =>
          !paths.some((path) => path === rowPath || path.startsWith(rowPath.replace(/\[\]$/, "[]"))),
      )
      .filter(
        (rowPath) => !paths.some((path) => path.startsWith(`${rowPath}.`) || path.startsWith(`${rowPath}[]`)),
      );
    expect(stale).toEqual([]);
  });
  it("give every row a reason", () => {
    for (const row of mutabilityOf(kind)) expect(row.why.length).toBeGreaterThan(20);
  });
});

// The 2024-03-03 spec's GalleryImage_UpdateFeatures: with allowUpdateImage, new features that say from
// which version on they hold are added in place. Replacing would delete every version of the image.
describe("features of an image definition", () => {
  const trustedLaunch = { name: "SecurityType", value: "TrustedLaunch" };
  const before = () => ({ ...fullGalleryImage(), features: [trustedLaunch] });
  const verdict = (after: Record<string, unknown>) => {
    const outcome = diffResource("galleryImage", before(), { ...fullGalleryImage(), ...after });
    return outcome.replaces.length > 0 ? "replace" : outcome.updates.length > 0 ? "update" : "no change";
  };
  const accelerated = { name: "IsAcceleratedNetworkSupported", value: "true" };

  it.each<[string, Record<string, unknown>, string]>([
    [
      "an added feature with startsAtVersion and allowUpdateImage updates in place",
      { allowUpdateImage: true, features: [trustedLaunch, { ...accelerated, startsAtVersion: "2.0.0" }] },
      "update",
    ],
    [
      "a changed feature with startsAtVersion and allowUpdateImage updates in place (the spec example)",
      {
        allowUpdateImage: true,
        features: [{ name: "SecurityType", value: "TrustedLaunchSupported", startsAtVersion: "2.0.0" }],
      },
      "update",
    ],
    [
      "an added feature without allowUpdateImage replaces",
      { features: [trustedLaunch, { ...accelerated, startsAtVersion: "2.0.0" }] },
      "replace",
    ],
    [
      "an added feature without startsAtVersion replaces, even with allowUpdateImage",
      { allowUpdateImage: true, features: [trustedLaunch, accelerated] },
      "replace",
    ],
    [
      "a removed feature replaces, even with allowUpdateImage",
      { allowUpdateImage: true, features: [{ ...accelerated, startsAtVersion: "2.0.0" }] },
      "replace",
    ],
    ["the same features in another order are no change", { features: [trustedLaunch] }, "no change"],
    [
      "setting allowUpdateImage alone is no change",
      { allowUpdateImage: true, features: [trustedLaunch] },
      "no change",
    ],
  ])("%s", (_name, after, expected) => {
    expect(verdict(after)).toBe(expected);
  });

  // allowUpdateImage is to be "set to true if the gallery image features are being updated" (GalleryRP
  // 2024-03-03 and 2025-03-03), and the features it updates are DiskControllerTypes, SecurityType,
  // IsAcceleratedNetworkSupported and IsHibernateSupported (Azure/azure-cli#33172): not the generation.
  it("moving a definition from Gen1 to Gen2 replaces it, even with allowUpdateImage and startsAtVersion", () => {
    const gen1 = { ...fullGalleryImage(), hyperVGeneration: "V1", features: [] };
    const outcome = diffResource("galleryImage", gen1, {
      ...gen1,
      hyperVGeneration: "V2",
      allowUpdateImage: true,
      features: [{ name: "SecurityType", value: "TrustedLaunchSupported", startsAtVersion: "2.0.0" }],
    });
    expect(outcome.replaces).toEqual(["hyperVGeneration"]);
  });

  it("allowUpdateImage is an argument of the image definition, not an unknown key", () => {
    expect(
      INPUT_SCHEMAS.galleryImage.safeParse({ ...fullGalleryImage(), allowUpdateImage: true }).success,
    ).toBe(true);
  });
});
