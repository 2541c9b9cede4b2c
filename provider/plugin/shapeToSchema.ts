/**
 * A resource's shape (model/describeShape.ts, walked from the zod model) as Pulumi package-schema
 * properties and object types.
 *
 *   shapeToSchema(shape, options, types): { properties, required }
 *
 * Objects become object types named `<package>:index:<typeName>` (the name the generated TypeScript
 * types use; `<resource><Path>` for an object without one), added to `types`: an input and an
 * output object of the same name are one type holding the properties of both. Enums are strings
 * whose description lists the allowed values; unions and free JSON are `pulumi.json#/Any`.
 * `annotate(path)` adds what the caller knows about a property path (`a.b[].c`): its mutability.
 */
import type { ObjectShape, ShapeType } from "../model/describeShape";

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

export interface ShapeSchemaOptions {
  /** e.g. "compute-gallery:index:" */
  tokenPrefix: string;
  /** Names objects without a type name: `GalleryImageVersion` + `PublishingProfile`. */
  resourceName: string;
  annotate(path: string): Pick<PropertySpec, "description" | "replaceOnChanges">;
}

const ANY = { $ref: "pulumi.json#/Any" } as const;

function pascal(path: string): string {
  return path
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

export function shapeToSchema(
  shape: ObjectShape,
  options: ShapeSchemaOptions,
  types: Record<string, ObjectTypeSpec>,
): { properties: Record<string, PropertySpec>; required: string[] } {
  const typeOf = (type: ShapeType, path: string): { spec: TypeSpec; note?: string } => {
    switch (type.kind) {
      case "string":
      case "integer":
      case "number":
      case "boolean":
        return { spec: { type: type.kind } };
      case "enum":
        return { spec: { type: "string" }, note: `One of: ${type.values.join(", ")}.` };
      case "array": {
        const element = typeOf(type.element, `${path}[]`);
        return {
          spec: { type: "array", items: element.spec },
          ...(element.note ? { note: element.note } : {}),
        };
      }
      case "map":
        return { spec: { type: "object", additionalProperties: typeOf(type.value, path).spec } };
      case "object": {
        const token = `${options.tokenPrefix}${type.typeName ?? `${options.resourceName}${pascal(path)}`}`;
        const { properties, required } = objectOf(type);
        const known = types[token];
        types[token] = known
          ? { ...known, properties: { ...properties, ...known.properties } }
          : {
              type: "object",
              ...(type.description ? { description: type.description } : {}),
              properties,
              ...(required.length > 0 ? { required } : {}),
            };
        return { spec: { $ref: `#/types/${token}` } };
      }
      case "union":
      case "json":
        return { spec: { ...ANY } };
    }
  };

  const objectOf = (object: ObjectShape) => {
    const properties: Record<string, PropertySpec> = {};
    const required: string[] = [];
    for (const property of object.properties) {
      const { spec, note } = typeOf(property.type, property.path);
      const known = options.annotate(property.path);
      const text = [property.description, note, known.description].filter(Boolean).join(" ");
      properties[property.name] = {
        ...spec,
        ...(text ? { description: text } : {}),
        ...(known.replaceOnChanges ? { replaceOnChanges: true } : {}),
      };
      if (!property.optional) required.push(property.name);
    }
    return { properties, required };
  };

  return objectOf(shape);
}
