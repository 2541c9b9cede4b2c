/**
 * Turns zod issues into Pulumi check failures `{ property, reason }` that name the path, the value
 * and what is allowed, and drops the issues caused by values that are unknown at preview.
 *
 * Exports: `CheckFailure`, `schemaFailures(schema, input)`.
 */
import { z } from "zod";
import { isUnknown } from "../model/unknown";
import { formatPath, getPath, showValue, type PathSegment } from "./values";

export interface CheckFailure {
  /** Property path, e.g. `publishingProfile.targetRegions[1].regionalReplicaCount`. */
  readonly property: string;
  /** What is wrong: the value and what is allowed. */
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
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeysAt(schema, path);
      return issue.keys.map((key) => ({
        property: formatPath([...path, key]),
        reason: `unknown argument "${key}"${suggestion(key, allowed)}; allowed here: ${allowed.join(", ")}`,
      }));
    }
    case "invalid_value":
      if (value === undefined) {
        return [
          {
            property,
            reason: `${property} is required; allowed values: ${issue.values.map(String).join(", ")}`,
          },
        ];
      }
      return [
        {
          property,
          reason: `${showValue(value)} is not allowed; allowed values: ${issue.values.map(String).join(", ")}`,
        },
      ];
    case "invalid_type":
      if (value === undefined) return [{ property, reason: `${property} is required (${issue.expected})` }];
      return [{ property, reason: `expected ${describeExpected(issue.expected)}, got ${showValue(value)}` }];
    default:
      return [{ property, reason: `${showValue(value)}: ${issue.message}` }];
  }
}

function describeExpected(expected: string): string {
  return expected === "int" ? "an integer" : `a ${expected}`;
}

/** The keys a strict object at `path` of `schema` accepts (for "allowed here" hints). */
function allowedKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodArray && typeof segment === "number")
      current = unwrap(current.element as z.ZodType);
    else if (current instanceof z.ZodObject && typeof segment === "string") {
      const next: z.ZodType | undefined = current.shape[segment];
      current = next === undefined ? undefined : unwrap(next);
    } else current = undefined;
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** `; did you mean "replicaCount"?` when a key differs from an allowed one by case or one typo. */
function suggestion(key: string, allowed: readonly string[]): string {
  const close = allowed.find(
    (candidate) => candidate.toLowerCase() === key.toLowerCase() || editDistance(candidate, key) <= 2,
  );
  return close === undefined ? "" : ` (did you mean "${close}"?)`;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}
