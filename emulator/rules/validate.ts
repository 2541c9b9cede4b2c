// Small checks that name the offending parameter the way the service does.
import { errors } from "../errors";
import { canonicalEnum, ENUMS, type EnumName } from "./enums";
import { isValidName, NAME_RULES } from "./names";
import type { JsonObject } from "../model";
import { getPath, isObject } from "../arm";
import { IMMUTABLE_PATHS, BODY_PARAMETER } from "./immutability";
import type { Kind } from "../model";

export function checkName(kind: keyof typeof NAME_RULES, name: string): void {
  if (!isValidName(kind, name)) {
    const rule = NAME_RULES[kind];
    throw errors.invalidParameter(
      `The name '${name}' of parameter '${rule.param}' is invalid: ${rule.rule}.`,
      rule.param,
    );
  }
}

/** Returns the canonical spelling of an enum value, or undefined when absent; throws when not allowed. */
export function enumValue(obj: JsonObject, key: string, name: EnumName, target: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  const canonical = typeof v === "string" ? canonicalEnum(name, v) : undefined;
  if (!canonical) throw errors.enumValueNotAllowed(v, target, ENUMS[name]);
  obj[key] = canonical;
  return canonical;
}

export function requiredString(obj: JsonObject | undefined, key: string, target: string): string {
  const v = obj?.[key];
  if (v === undefined || v === null || v === "") throw errors.missingParameter(target);
  if (typeof v !== "string")
    throw errors.invalidParameter(`The value of parameter '${target}' must be a string.`, target);
  return v;
}

export function optionalObject(obj: JsonObject, key: string, target: string): JsonObject | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v))
    throw errors.invalidParameter(`The value of parameter '${target}' must be an object.`, target);
  return v;
}

export function positiveInt(v: unknown, target: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
    throw errors.invalidParameter(
      `The value '${String(v)}' of parameter '${target}' must be an integer greater than 0.`,
      target,
    );
  }
  return v;
}

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a ?? null).toLowerCase() === JSON.stringify(b ?? null).toLowerCase();

/** PropertyChangeNotAllowed for the first immutable path whose value changes (location compared by region). */
export function checkImmutable(
  kind: Kind,
  before: JsonObject,
  after: JsonObject,
  regionOf: (v: unknown) => string | undefined,
  skip: readonly string[] = [],
): void {
  for (const path of IMMUTABLE_PATHS[kind]) {
    if (skip.includes(path)) continue;
    const a = getPath(before, path);
    const b = getPath(after, path);
    const changed = path === "location" ? regionOf(a) !== regionOf(b) : !same(a, b);
    if (changed) throw errors.propertyChangeNotAllowed(`${BODY_PARAMETER[kind]}.${path}`);
  }
}
