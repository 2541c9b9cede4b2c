/**
 * A zod object schema as Pulumi package-schema properties and object types.
 *
 *   zodObjectToSchema(schema, options): { properties, required, types }
 *
 * Optional and described wrappers are looked through (a `.describe()` on either the wrapper or the
 * inner schema becomes the property's description); objects become named object types (token =
 * `typePrefix` + the PascalCase path, e.g. `compute-gallery:index:GalleryImageVersionPublishingProfile`);
 * arrays, records, enums (listed in the description), integers, strings and booleans map to their
 * schema types; unions become `pulumi.json#/Any`. `annotate(path)` adds what the caller knows about a
 * property path (`a.b[].c`): its mutability, for instance.
 *
 * Pure, and the only place that reads zod's internal definitions for the schema.
 */
import type { z } from "zod";

export interface TypeSpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  items?: TypeSpec;
  additionalProperties?: TypeSpec;
  $ref?: string;
}

export interface PropertySpec extends TypeSpec {
  description?: string;
  replaceOnChanges?: boolean;
  secret?: boolean;
}

export interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

export interface ZodSchemaOptions {
  /** e.g. "compute-gallery:index:GalleryImageVersion" */
  typePrefix: string;
  annotate(path: string): Pick<PropertySpec, "description" | "replaceOnChanges">;
}

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string>;
  checks?: { _zod: { def: { format?: string } } }[];
}

const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

const ANY = { $ref: "pulumi.json#/Any" } as const;

function pascal(path: string): string {
  return path
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

export function zodObjectToSchema(
  schema: z.ZodType,
  options: ZodSchemaOptions,
): { properties: Record<string, PropertySpec>; required: string[]; types: Record<string, ObjectTypeSpec> } {
  const types: Record<string, ObjectTypeSpec> = {};

  /** Unwraps optional/described wrappers: the inner schema, its description, whether it may be omitted. */
  const unwrap = (field: z.ZodType) => {
    let current = field;
    let optional = false;
    let description = current.description;
    while (defOf(current).type === "optional" || defOf(current).type === "nullable") {
      optional = true;
      current = defOf(current).innerType!;
      description ??= current.description;
    }
    return { inner: current, optional, description };
  };

  const typeOf = (field: z.ZodType, path: string): { spec: TypeSpec; note?: string } => {
    const def = defOf(field);
    switch (def.type) {
      case "string":
        return { spec: { type: "string" } };
      case "boolean":
        return { spec: { type: "boolean" } };
      case "number": {
        const integer = def.checks?.some((check) => /int/.test(check._zod.def.format ?? ""));
        return { spec: { type: integer ? "integer" : "number" } };
      }
      case "enum":
        return {
          spec: { type: "string" },
          note: `One of: ${Object.values(def.entries ?? {}).join(", ")}.`,
        };
      case "array": {
        const element = typeOf(unwrap(def.element!).inner, `${path}[]`);
        return {
          spec: { type: "array", items: element.spec },
          ...(element.note ? { note: element.note } : {}),
        };
      }
      case "record":
        return { spec: { type: "object", additionalProperties: typeOf(def.valueType!, path).spec } };
      case "object": {
        const token = `${options.typePrefix}${pascal(path)}`;
        types[token] = { type: "object", ...objectOf(field, `${path}.`) };
        return { spec: { $ref: `#/types/${token}` } };
      }
      default:
        return { spec: { ...ANY } };
    }
  };

  const objectOf = (object: z.ZodType, prefix: string) => {
    const properties: Record<string, PropertySpec> = {};
    const required: string[] = [];
    for (const [key, field] of Object.entries(defOf(object).shape ?? {})) {
      const path = `${prefix}${key}`;
      const { inner, optional, description } = unwrap(field);
      const { spec, note } = typeOf(inner, path);
      const known = options.annotate(path);
      const text = [description, note, known.description].filter(Boolean).join(" ");
      properties[key] = {
        ...spec,
        ...(text ? { description: text } : {}),
        ...(known.replaceOnChanges ? { replaceOnChanges: true } : {}),
      };
      if (!optional) required.push(key);
    }
    return { properties, ...(required.length > 0 ? { required } : {}) };
  };

  const top = objectOf(schema, "");
  return { properties: top.properties, required: top.required ?? [], types };
}
