/**
 * Walks a resource's zod schema (model/schemas.ts) into a neutral tree that generators read without
 * knowing zod: the argument and output types, the docs' tables and the Pulumi package
 * schema all start from here, so the shape of a resource is written once.
 */
import { z } from "./zod";

export type ShapeType =
  | { readonly kind: "string"; readonly regionName: boolean }
  | { readonly kind: "integer" }
  | { readonly kind: "number" }
  | { readonly kind: "boolean" }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "array"; readonly element: ShapeType }
  | { readonly kind: "map"; readonly value: ShapeType }
  | { readonly kind: "union"; readonly options: readonly ShapeType[] }
  /** Any JSON value (what Azure reports without a documented shape). */
  | { readonly kind: "json" }
  | ObjectShape;

export interface ObjectShape {
  readonly kind: "object";
  /** The name of the object's generated types; inline objects have none. */
  readonly typeName?: string;
  readonly description?: string;
  readonly properties: readonly ShapeProperty[];
}

export interface ShapeProperty {
  readonly name: string;
  /** From the resource's root: `publishingProfile.targetRegions[].name`. */
  readonly path: string;
  readonly optional: boolean;
  readonly description: string;
  /** Set by Azure, never an argument. */
  readonly outputOnly: boolean;
  /** Optional in the arguments: the Pulumi resource name is the default. */
  readonly resourceNameDefault: boolean;
  readonly type: ShapeType;
}

/** The tree of an object schema; throws when a property has no description. */
export function describeShape(schema: z.ZodObject): ObjectShape {
  return objectShape(schema, "", metaOf(schema));
}

/** Every property of the tree, parents before children, with array elements' properties under `[]`. */
export function flattenShape(shape: ObjectShape): ShapeProperty[] {
  return shape.properties.flatMap((property) => [property, ...nestedProperties(property.type)]);
}

function nestedProperties(type: ShapeType): ShapeProperty[] {
  switch (type.kind) {
    case "object":
      return flattenShape(type);
    case "array":
      return nestedProperties(type.element);
    default:
      return [];
  }
}

type Meta = NonNullable<ReturnType<typeof z.globalRegistry.get>>;

function metaOf(schema: z.ZodType): Meta {
  return z.globalRegistry.get(schema) ?? {};
}

/**
 * The description given together with an object's `typeName`: a property may describe the object in
 * its own words (`resourceRange.describe("Recommended memory")`), which must not become the type's.
 */
function typeDescriptionOf(schema: z.core.$ZodType): string | undefined {
  for (let current: z.core.$ZodType | undefined = schema; current; current = current._zod.parent) {
    const own = z.globalRegistry._map.get(current);
    if (own?.typeName !== undefined) return own.description;
  }
  return undefined;
}

function objectShape(schema: z.ZodObject, path: string, meta: Meta): ObjectShape {
  const description = typeDescriptionOf(schema);
  const properties = Object.entries(schema.shape).map(([name, property]) =>
    describeProperty(name, path === "" ? name : `${path}.${name}`, property as z.ZodType),
  );
  return {
    kind: "object",
    ...(meta.typeName === undefined ? {} : { typeName: meta.typeName }),
    ...(description === undefined ? {} : { description }),
    properties,
  };
}

function describeProperty(name: string, path: string, schema: z.ZodType): ShapeProperty {
  const optional = schema instanceof z.ZodOptional;
  const inner = optional ? (schema.unwrap() as z.ZodType) : schema;
  // Metadata may sit on the optional wrapper or on what it wraps.
  const meta = { ...metaOf(inner), ...metaOf(schema) };
  if (meta.description === undefined) throw new Error(`model: ${path} has no description`);
  return {
    name,
    path,
    optional,
    description: meta.description,
    outputOnly: meta.outputOnly === true,
    resourceNameDefault: meta.resourceNameDefault === true,
    type: typeOf(inner, path),
  };
}

function typeOf(schema: z.ZodType, path: string): ShapeType {
  const meta = metaOf(schema);
  if (schema instanceof z.ZodString) return { kind: "string", regionName: meta.regionName === true };
  if (schema instanceof z.ZodNumber)
    return schema.format === "safeint" ? { kind: "integer" } : { kind: "number" };
  if (schema instanceof z.ZodBoolean) return { kind: "boolean" };
  if (schema instanceof z.ZodEnum) return { kind: "enum", values: schema.options.map(String) };
  if (schema instanceof z.ZodArray)
    return { kind: "array", element: typeOf(schema.element as z.ZodType, `${path}[]`) };
  if (schema instanceof z.ZodRecord)
    return { kind: "map", value: typeOf(schema.valueType as z.ZodType, path) };
  if (schema instanceof z.ZodUnion)
    return { kind: "union", options: schema.options.map((option) => typeOf(option as z.ZodType, path)) };
  if (schema instanceof z.ZodUnknown) return { kind: "json" };
  if (schema instanceof z.ZodObject) return objectShape(schema, path, meta);
  throw new Error(`model: ${path} has a schema the shape walker does not know (${schema.def.type})`);
}
