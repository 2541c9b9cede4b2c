// Shapes Azure's answer into the resource's outputs.
//
// Outputs carry what Azure reports, in the shape of the inputs, because the
// engine diffs new inputs against old outputs. Where Azure spells a value
// differently but means the same (a region's display name, a date with
// another offset) the input's spelling is kept, so that only real
// differences, such as drift found by a refresh, show up in a diff.
import { normaliseRegionName } from "./model/regions";

// What only Azure sets: top-level keys, and nested [parent, key] pairs.
const READ_ONLY_TOP_LEVEL = new Set([
  "id",
  "name",
  "type",
  "provisioningState",
  "replicationStatus",
  "validationsProfile",
  "sharingStatus",
  "systemData",
]);
const READ_ONLY_NESTED: [string, string][] = [
  ["identifier", "uniqueName"],
  ["publishingProfile", "publishedDate"],
];

function sameInstant(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return /^\d{4}-\d{2}-\d{2}/.test(a) && /^\d{4}-\d{2}-\d{2}/.test(b) && !isNaN(ta) && ta === tb;
}

function sameRegion(key: string, a: string, b: string): boolean {
  return (key === "name" || key === "location") && normaliseRegionName(a) === normaliseRegionName(b);
}

function regionName(entry: unknown): string | undefined {
  const name = (entry as { name?: unknown } | undefined)?.name;
  return typeof name === "string" ? normaliseRegionName(name) : undefined;
}

/**
 * Azure's value, with the input's spelling wherever the two mean the same.
 * Arrays of regions are matched by region, other arrays by position.
 */
function adoptSpelling(azure: unknown, input: unknown, key = ""): unknown {
  if (typeof azure === "string" && typeof input === "string") {
    return azure === input || sameInstant(azure, input) || sameRegion(key, azure, input) ? input : azure;
  }
  if (Array.isArray(azure) && Array.isArray(input)) {
    const byRegion = input.every((e) => regionName(e) !== undefined);
    return azure.map((element, index) => {
      const counterpart = byRegion ? input.find((e) => regionName(e) === regionName(element)) : input[index];
      return adoptSpelling(element, counterpart);
    });
  }
  if (azure && input && typeof azure === "object" && typeof input === "object" && !Array.isArray(azure)) {
    const merged: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(azure as Record<string, unknown>)) {
      merged[k] = adoptSpelling(v, (input as Record<string, unknown>)[k], k);
    }
    return merged;
  }
  return azure;
}

/**
 * The outputs: `base` (the inputs after a write; only the ARM names after a
 * read, so that what Azure no longer reports disappears), overlaid by what
 * Azure reports in the spelling of `spelling` (by default `base`).
 * `__provider` is left to the dynamic-provider host.
 */
export function toOutputs(
  base: Record<string, unknown>,
  azure: Record<string, unknown>,
  spelling: Record<string, unknown> = base,
): Record<string, unknown> {
  const { __provider: _ignored, ...plainInputs } = base;
  const fromAzure = adoptSpelling(azure, spelling) as Record<string, unknown>;
  const { id: _id, ...withoutId } = fromAzure;
  return deepMerge(plainInputs, withoutId);
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    out[k] =
      v && b && typeof v === "object" && typeof b === "object" && !Array.isArray(v) && !Array.isArray(b)
        ? deepMerge(b as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

/** The outputs without what only Azure sets: what `read` reports as inputs. */
export function inputsOf(outputs: Record<string, unknown>): Record<string, unknown> {
  const inputs = Object.fromEntries(Object.entries(outputs).filter(([k]) => !READ_ONLY_TOP_LEVEL.has(k)));
  for (const [parent, key] of READ_ONLY_NESTED) {
    const nested = inputs[parent];
    if (nested && typeof nested === "object" && !Array.isArray(nested)) {
      const { [key]: _readOnly, ...rest } = nested as Record<string, unknown>;
      inputs[parent] = rest;
      if (Object.keys(rest).length === 0) delete inputs[parent];
    }
  }
  return inputs;
}
