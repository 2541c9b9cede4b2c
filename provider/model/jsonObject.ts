/**
 * The one name for an object whose shape is not known to the type system: an ARM request or
 * response body, or the property bag the Pulumi engine hands a provider before check has
 * validated it. Where a value has passed its zod schema, the inferred types of model/schemas.ts
 * are used instead.
 */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
