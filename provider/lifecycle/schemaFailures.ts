/**
 * Turns zod issues into Pulumi check failures `{ property, reason }` that name the path, the value
 * and what is allowed, and drops the issues caused by values that are unknown at preview.
 *
 * Every reason starts with the property path and quotes the value: the engine prints the failure as
 * "property <path> value {<its top-level input named path>} has a problem: <reason>", and for a
 * nested path such as `publishingProfile.replicaCount` there is no such top-level input, so the
 * engine's `value` part shows `{<nil>}`; the reason alone must say everything.
 */
import { z } from "../model/zod";
import { isUnknown } from "../model/unknown";
import { didYouMean } from "./suggest";
import { formatPath, getPath, showValue, type PathSegment } from "./values";

export interface CheckFailure {
  /** Property path, e.g. `publishingProfile.targetRegions[1].regionalReplicaCount`. */
  readonly property: string;
  /** What is wrong: the property, the value and what is allowed. */
  readonly reason: string;
}

/** Validates `input` against `schema`; one failure per issue, except issues under unknown values. */
export function schemaFailures(schema: z.ZodType, input: unknown): CheckFailure[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => !liesUnderUnknown(input, issue.path))
    .flatMap((issue) => describeIssue(schema, input, issue));
}

function liesUnderUnknown(input: unknown, path: readonly PropertyKey[]): boolean {
  for (let depth = 0; depth <= path.length; depth++) {
    if (isUnknown(getPath(input, path.slice(0, depth) as PathSegment[]))) return true;
  }
  return false;
}

function describeIssue(schema: z.ZodType, input: unknown, issue: z.core.$ZodIssue): CheckFailure[] {
  const path = issue.path as PathSegment[];
  const property = formatPath(path);
  const value = getPath(input, path);
  const expected = schemaAt(schema, path);
  const one = (reason: string): CheckFailure[] => [{ property, reason }];
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = expected instanceof z.ZodObject ? Object.keys(expected.shape) : [];
      return issue.keys.map((key) => {
        const at = formatPath([...path, key]);
        return {
          property: at,
          reason: `${at}: "${key}" is not an argument${didYouMean(key, allowed)}; allowed${property === "" ? "" : ` in ${property}`}: ${allowed.join(", ")}`,
        };
      });
    }
    case "invalid_value": {
      const allowed = issue.values.map(String).join(", ");
      if (value === undefined) return one(`${property} is required; allowed values: ${allowed}`);
      return one(`${property} must be one of ${allowed}; got ${describeValue(value)}`);
    }
    case "invalid_type":
      if (value === undefined) return one(`${property} is required: ${kindOf(expected, issue.expected)}`);
      return one(`${property} must be ${kindOf(expected, issue.expected)}; got ${describeValue(value)}`);
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1)
        return one(`${property} must not be empty; got ${describeValue(value)}`);
      return one(`${property} must be at least ${String(issue.minimum)}; got ${describeValue(value)}`);
    case "too_big":
      return one(`${property} must be at most ${String(issue.maximum)}; got ${describeValue(value)}`);
    default:
      return one(`${property}: ${issue.message}; got ${describeValue(value)}`);
  }
}

/** What a value is, in words a user reads: `the text "2"`, `an object {"name":"westeurope"}`. */
function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (isUnknown(value)) return showValue(value);
  if (Array.isArray(value)) return `a list ${showValue(value)}`;
  switch (typeof value) {
    case "string":
      return `the text ${showValue(value)}`;
    case "number":
      return `the number ${showValue(value)}`;
    case "boolean":
      return showValue(value);
    case "object":
      return `an object ${showValue(value)}`;
    default:
      return showValue(value);
  }
}

/** What the schema wants, in words: "a list of target regions", "a whole number", "text". */
function kindOf(schema: z.ZodType | undefined, fallback: string): string {
  if (schema instanceof z.ZodArray) {
    const element = unwrap(schema.element as z.ZodType);
    const name = z.globalRegistry.get(element)?.typeName;
    return name === undefined ? "a list" : `a list of ${words(name)}s`;
  }
  if (schema instanceof z.ZodRecord) return 'a map of names to text values, such as { env: "prod" }';
  if (schema instanceof z.ZodObject) {
    const name = z.globalRegistry.get(schema)?.typeName;
    const fields = Object.keys(schema.shape).join(", ");
    return `${name === undefined ? "an object" : `an object (${words(name)})`} with the fields ${fields}`;
  }
  if (schema instanceof z.ZodNumber)
    return schema.format === "safeint" ? "an integer (a whole number)" : "a number";
  if (schema instanceof z.ZodString) return "text";
  if (schema instanceof z.ZodBoolean) return "true or false";
  return fallback === "int" ? "an integer (a whole number)" : `a ${fallback}`;
}

/** `TargetRegion` -> `target region`. */
function words(typeName: string): string {
  return typeName
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/\buefi\b/, "UEFI");
}

/** The schema at `path` of `schema` (optional and default wrappers removed), if the path leads anywhere. */
function schemaAt(schema: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodArray && typeof segment === "number")
      current = unwrap(current.element as z.ZodType);
    else if (current instanceof z.ZodRecord && typeof segment === "string")
      current = unwrap(current.valueType as z.ZodType);
    else if (current instanceof z.ZodObject && typeof segment === "string") {
      const next: z.ZodType | undefined = current.shape[segment];
      current = next === undefined ? undefined : unwrap(next);
    } else current = undefined;
  }
  return current;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}
