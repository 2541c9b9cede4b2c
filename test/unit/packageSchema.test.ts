// The plugin's package schema against its sources: every argument of the zod models is a property,
// every row of the mutability table that forces replacement is marked replaceOnChanges (and no
// update row is), the client secret is a secret, and the tokens read compute-gallery:index:<Type>.
import { z } from "zod";
import { packageSchema } from "../../provider/plugin/packageSchema";
import type { PropertySpec } from "../../provider/plugin/shapeToSchema";
import { MUTABILITY, RESOURCE_KINDS, type ResourceKind } from "../../provider/model/mutability";
import { INPUT_SCHEMAS } from "../../provider/model/schemas";

const schema = packageSchema("1.2.3");
const TOKENS: Record<ResourceKind, string> = {
  gallery: "compute-gallery:index:Gallery",
  galleryImage: "compute-gallery:index:GalleryImage",
  galleryImageVersion: "compute-gallery:index:GalleryImageVersion",
  galleryRoleAssignment: "compute-gallery:index:GalleryRoleAssignment",
};

/** The schema property at a mutability-table path (`a.b[].c`), following type references. */
function propertyAt(kind: ResourceKind, path: string): PropertySpec | undefined {
  let properties: Record<string, PropertySpec> | undefined = schema.resources[TOKENS[kind]]!.inputProperties;
  let found: PropertySpec | undefined;
  for (const part of path.replace(/\[\]$/, "").split(".")) {
    const key = part.replace("[]", "");
    found = properties?.[key];
    if (!found) return undefined;
    const ref: string | undefined = found.$ref ?? found.items?.$ref;
    properties = ref ? schema.types[ref.replace("#/types/", "")]?.properties : undefined;
  }
  return found;
}

/** Every argument path of a zod object, lists of objects as `[]`. */
function argumentPaths(object: z.ZodType, prefix = ""): string[] {
  let inner: z.ZodType = object;
  while (inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodArray && inner.element instanceof z.ZodObject) inner = inner.element as z.ZodType;
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape).flatMap(([key, child]) => {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    return [path, ...argumentPaths(child as z.ZodType, path)];
  });
}

test("the three resources are named compute-gallery:index:<Type>, the package after the config namespace", () => {
  expect(schema.name).toBe("compute-gallery");
  expect(schema.version).toBe("1.2.3");
  expect(Object.keys(schema.resources).sort()).toEqual(Object.values(TOKENS).sort());
});

describe.each(RESOURCE_KINDS)("the %s resource", (kind) => {
  it.each(argumentPaths(INPUT_SCHEMAS[kind]))("has the argument %s as an input property", (path) => {
    expect(propertyAt(kind, path)).toBeDefined();
  });

  it("requires what the zod model requires", () => {
    const required = Object.entries((INPUT_SCHEMAS[kind] as z.ZodObject).shape)
      .filter(([, field]) => !(field instanceof z.ZodOptional))
      .map(([key]) => key);
    expect(schema.resources[TOKENS[kind]]!.requiredInputs).toEqual(required);
  });
});

describe("replace-on-change marks follow the mutability table", () => {
  it.each(MUTABILITY.map((row) => [`${row.resource} ${row.path} (${row.behaviour})`, row] as const))(
    "%s",
    (_name, row) => {
      const property = propertyAt(row.resource, row.path);
      expect(property).toBeDefined();
      if (row.behaviour === "replace" && !row.inPlaceWhen) {
        expect(property!.replaceOnChanges).toBe(true);
        expect(property!.description).toContain(row.why);
      } else if (row.inPlaceWhen) {
        // Replaced unless its in-place condition holds: only the provider's diff can tell.
        expect(property!.replaceOnChanges).toBeUndefined();
        expect(property!.description).toContain(row.why);
      } else if (!MUTABILITY.some((r) => r.resource === row.resource && r.path === `${row.path}[]`)) {
        expect(property!.replaceOnChanges).toBeUndefined();
      }
    },
  );

  it("a version's storage type is marked, its replica count is not", () => {
    expect(
      propertyAt("galleryImageVersion", "publishingProfile.targetRegions[].storageAccountType"),
    ).toMatchObject({
      replaceOnChanges: true,
    });
    expect(
      propertyAt("galleryImageVersion", "publishingProfile.targetRegions[].regionalReplicaCount")
        ?.replaceOnChanges,
    ).toBeUndefined();
  });
});

test("enumerations list their allowed values", () => {
  expect(propertyAt("galleryImage", "osType")?.description).toContain("One of: Windows, Linux.");
});

test("the configuration keys are the compute-gallery:* keys, the client secret a secret", () => {
  const variables = (schema.config as { variables: Record<string, PropertySpec> }).variables;
  expect(Object.keys(variables)).toEqual(
    expect.arrayContaining([
      "backend",
      "subscriptionId",
      "emulatorEndpoint",
      "emulatorClientSecret",
      "stateDir",
    ]),
  );
  expect(variables.emulatorClientSecret!.secret).toBe(true);
  expect(variables.backend!.secret).toBeUndefined();
});

test("getLatestImageVersion takes the definition and a region and returns the version's name and id", () => {
  const fn = (schema.functions as Record<string, any>)["compute-gallery:index:getLatestImageVersion"];
  expect(fn.inputs.required).toEqual(["resourceGroupName", "galleryName", "galleryImageName", "region"]);
  expect(Object.keys(fn.outputs.properties)).toEqual(["galleryImageVersionName", "id"]);
});
