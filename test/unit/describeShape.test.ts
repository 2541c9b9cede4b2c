// describeShape turns a zod model into the neutral tree every generator reads.
import { z } from "zod";
import { describeShape, flattenShape } from "../../provider/model/describeShape";

const element = z
  .strictObject({ name: z.string().meta({ description: "Where.", regionName: true }) })
  .meta({ typeName: "Place", description: "A place." });

const model = z.strictObject({
  label: z.string().describe("A label."),
  size: z.number().int().describe("How many.").optional(),
  ratio: z.number().describe("A fraction.").optional(),
  kind: z.enum(["a", "b"]).describe("Which kind."),
  places: z.array(element).describe("The places.").optional(),
  labels: z.record(z.string(), z.string()).describe("Labels.").optional(),
  home: element.describe("The home place."),
  createdBy: z.string().meta({ description: "Set by the service.", outputOnly: true }),
  nameOf: z.string().meta({ description: "Defaults to the resource name.", resourceNameDefault: true }),
  either: z
    .union([z.array(z.string()), z.boolean()])
    .describe("A list or a flag.")
    .optional(),
});

describe("describeShape", () => {
  const shape = describeShape(model);
  const byPath = new Map(flattenShape(shape).map((property) => [property.path, property]));

  it("lists every property depth-first, array elements under []", () => {
    expect([...byPath.keys()]).toEqual([
      "label",
      "size",
      "ratio",
      "kind",
      "places",
      "places[].name",
      "labels",
      "home",
      "home.name",
      "createdBy",
      "nameOf",
      "either",
    ]);
  });

  it("tells integers from numbers, and keeps enum values, optionality and flags", () => {
    expect(byPath.get("size")).toMatchObject({ optional: true, type: { kind: "integer" } });
    expect(byPath.get("ratio")?.type).toEqual({ kind: "number" });
    expect(byPath.get("kind")).toMatchObject({ optional: false, type: { kind: "enum", values: ["a", "b"] } });
    expect(byPath.get("labels")?.type).toEqual({ kind: "map", value: { kind: "string", regionName: false } });
    expect(byPath.get("places[].name")?.type).toEqual({ kind: "string", regionName: true });
    expect(byPath.get("createdBy")).toMatchObject({ outputOnly: true, resourceNameDefault: false });
    expect(byPath.get("nameOf")).toMatchObject({ outputOnly: false, resourceNameDefault: true });
    expect(byPath.get("either")?.type.kind).toBe("union");
  });

  it("takes a property's description from where it is used, and a type's from where it is named", () => {
    expect(byPath.get("home")).toMatchObject({
      description: "The home place.",
      type: { kind: "object", typeName: "Place", description: "A place." },
    });
    expect(byPath.get("places")?.type).toMatchObject({ kind: "array", element: { typeName: "Place" } });
  });

  it("refuses a property without a description, naming its path", () => {
    const undocumented = z.strictObject({ outer: z.strictObject({ inner: z.string() }).describe("Outer.") });
    expect(() => describeShape(undocumented)).toThrow("outer.inner has no description");
  });
});
