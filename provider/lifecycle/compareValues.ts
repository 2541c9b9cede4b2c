/**
 * Whether an argument's old and new values mean the same to Azure, under the comparison named in
 * its mutability row (exact, case-insensitive name, instant, unordered list). Region names arrive
 * normalised (check, outputs.ts), so they compare exactly.
 */
import type { MutabilityEntry } from "../model/mutability";
import { containsUnknown } from "../model/unknown";
import { isJsonObject } from "../model/jsonObject";

export function sameValue(entry: MutabilityEntry, oldValue: unknown, newValue: unknown): boolean {
  if (entry.compare === "requestOnly") return true;
  if (containsUnknown(newValue)) return false; // known only after apply: assume it changes
  const before = withDefault(entry, empty(oldValue) ? undefined : oldValue);
  const after = withDefault(entry, empty(newValue) ? undefined : newValue);
  if (after === undefined && entry.azureChoosesWhenOmitted) return true;
  if (before === undefined || after === undefined) return before === after;
  switch (entry.compare ?? "exact") {
    case "caseInsensitive":
      return typeof before === "string" && typeof after === "string"
        ? before.toLowerCase() === after.toLowerCase()
        : canonicalJson(before) === canonicalJson(after);
    case "instant": {
      const [a, b] = [Date.parse(String(before)), Date.parse(String(after))];
      return Number.isNaN(a) || Number.isNaN(b) ? before === after : a === b;
    }
    case "unordered":
      return Array.isArray(before) && Array.isArray(after)
        ? canonicalJson(sortedByJson(before)) === canonicalJson(sortedByJson(after))
        : canonicalJson(before) === canonicalJson(after);
    case "members": {
      const { added, removed } = memberChanges(before, after);
      return added.length === 0 && removed.length === 0;
    }
    case "exact":
      return canonicalJson(before) === canonicalJson(after);
  }
}

/**
 * The ids of a `members` list that are new in `after` and gone from `before`, each with its index in
 * its own list; ids are GUIDs, so they compare case-insensitively.
 */
export function memberChanges(
  before: unknown,
  after: unknown,
): { added: { id: string; index: number }[]; removed: { id: string; index: number }[] } {
  const list = (value: unknown) =>
    (Array.isArray(value) ? value : []).map((id, index) => ({ id: String(id), index }));
  const keys = (value: unknown) => new Set(list(value).map(({ id }) => id.toLowerCase()));
  const [had, has] = [keys(before), keys(after)];
  return {
    added: list(after).filter(({ id }) => !had.has(id.toLowerCase())),
    removed: list(before).filter(({ id }) => !has.has(id.toLowerCase())),
  };
}

function withDefault(entry: MutabilityEntry, value: unknown): unknown {
  return value === undefined ? entry.default : value;
}

/** Omitted, null, `{}` and `[]` all mean "nothing set" (Azure answers `tags: {}` for no tags). */
function empty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.values(value).every((item) => item === undefined);
}

function sortedByJson(list: readonly unknown[]): unknown[] {
  return [...list].sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
}

/** JSON with object keys sorted, so that key order never makes two values differ. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}
