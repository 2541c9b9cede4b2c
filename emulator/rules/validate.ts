// Small checks that name the offending parameter the way the service does.
import { errors } from "../errors";
import { canonicalEnum } from "./enums";
import { isValidName, NAME_RULES } from "./names";
import type { JsonObject } from "../model";
import { getPath, isObject } from "../arm";
import {
  ASSUMED_WHEN_ABSENT,
  FILLED_BY_SERVICE,
  IMMUTABLE_ELEMENT_FIELDS,
  IMMUTABLE_PATHS,
  BODY_PARAMETER,
  QUERY_MAY_CHANGE,
  type ImmutableElementFields,
} from "./immutability";
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
export function enumValue(
  obj: JsonObject,
  key: string,
  allowed: readonly string[],
  target: string,
): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  const canonical = typeof v === "string" ? canonicalEnum(allowed, v) : undefined;
  if (!canonical) throw errors.enumValueNotAllowed(v, target, allowed);
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

/** A URL without its query string (a blob's SAS). */
const withoutQuery = (v: unknown): unknown => (typeof v === "string" ? v.split("?")[0] : v);

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a ?? null).toLowerCase() === JSON.stringify(b ?? null).toLowerCase();

/**
 * PropertyChangeNotAllowed for the first immutable path whose value changes (location compared by
 * region), then for the first fixed field of a list element present before and after. A value the
 * request leaves out of a list element is no change (the stored one is kept or filled in again).
 */
export function checkImmutable(
  kind: Kind,
  before: JsonObject,
  after: JsonObject,
  regionOf: (v: unknown) => string | undefined,
  skip: readonly string[] = [],
): void {
  for (const path of IMMUTABLE_PATHS[kind]) {
    if (skip.includes(path)) continue;
    const a = getPath(before, path) ?? ASSUMED_WHEN_ABSENT[path];
    const b = getPath(after, path) ?? ASSUMED_WHEN_ABSENT[path];
    if (FILLED_BY_SERVICE.has(path) && (a === undefined || b === undefined)) continue;
    const changed =
      path === "location"
        ? regionOf(a) !== regionOf(b)
        : QUERY_MAY_CHANGE.has(path)
          ? !same(withoutQuery(a), withoutQuery(b))
          : !same(a, b);
    if (changed) throw errors.propertyChangeNotAllowed(`${BODY_PARAMETER[kind]}.${path}`);
  }
  for (const rule of IMMUTABLE_ELEMENT_FIELDS[kind] ?? []) {
    const path = changedElementField(rule, before, after, regionOf);
    if (path !== undefined) throw errors.propertyChangeNotAllowed(`${BODY_PARAMETER[kind]}.${path}`);
  }
}

function elementKey(
  rule: ImmutableElementFields,
  element: unknown,
  regionOf: (v: unknown) => string | undefined,
) {
  if (!isObject(element)) return undefined;
  switch (rule.key) {
    case "region":
      return regionOf(element.name);
    case "edgeZone":
      return `${regionOf(element.name) ?? ""}/${String(getPath(element, "extendedLocation.name") ?? "").toLowerCase()}`;
    case "lun":
      return typeof element.lun === "number" ? String(element.lun) : undefined;
  }
}

/** `list[i].field` of the first element (by key) whose fixed field changes, else undefined. */
function changedElementField(
  rule: ImmutableElementFields,
  before: JsonObject,
  after: JsonObject,
  regionOf: (v: unknown) => string | undefined,
): string | undefined {
  const olds = getPath(before, rule.list);
  const news = getPath(after, rule.list);
  if (!Array.isArray(olds) || !Array.isArray(news)) return undefined;
  for (const [index, element] of news.entries()) {
    const key = elementKey(rule, element, regionOf);
    const old = olds.find((candidate) => key !== undefined && elementKey(rule, candidate, regionOf) === key);
    if (old === undefined) continue;
    for (const field of rule.fields) {
      // Left out of the request: the stored value is kept. Not stored yet: the service fills it in.
      const [previous, next] = [getPath(old, field), getPath(element, field)];
      if (next === undefined || (previous === undefined && rule.filledByService?.includes(field))) continue;
      if (!same(previous, next)) return `${rule.list}[${index}].${field}`;
    }
  }
  return undefined;
}
