/**
 * Small helpers for walking loosely typed input objects (what the engine hands a dynamic provider)
 * and for printing paths and values in messages.
 */
import { isJsonObject, type JsonObject } from "../model/jsonObject";
import { isUnknown } from "../model/unknown";

export type PathSegment = string | number;

/** The value at `path`, or undefined when any step is missing or not a container. */
export function getPath(root: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof segment === "number") {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isJsonObject(current)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

/** `["publishingProfile", "targetRegions", 1, "name"]` -> `publishingProfile.targetRegions[1].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

/** A value as it appears in a message: JSON, shortened; the unknown sentinel as "(known after apply)". */
export function showValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  if (isUnknown(value)) return "(known after apply)";
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 120 ? `${json.slice(0, 117)}...` : json;
}

/** A deep copy without `undefined` values (the engine's inputs must never hold them). */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== undefined).map((item) => withoutUndefined(item)) as T;
  }
  if (isJsonObject(value)) {
    const copy: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) copy[key] = withoutUndefined(item);
    }
    return copy as T;
  }
  return value;
}

/** The string at `path`, or undefined when it is missing, unknown or not a string. */
export function stringAt(root: unknown, path: readonly PathSegment[]): string | undefined {
  const value = getPath(root, path);
  return typeof value === "string" && !isUnknown(value) ? value : undefined;
}

/** The number at `path`, or undefined when it is missing, unknown or not a number. */
export function numberAt(root: unknown, path: readonly PathSegment[]): number | undefined {
  const value = getPath(root, path);
  return typeof value === "number" ? value : undefined;
}

/** The list at `path`, or undefined when it is missing, unknown or not a list. */
export function listAt(root: unknown, path: readonly PathSegment[]): readonly unknown[] | undefined {
  const value = getPath(root, path);
  return Array.isArray(value) ? value : undefined;
}
