// Shapes Azure's answer into the resource's outputs, and the outputs back into inputs after a read.
//
// Outputs carry what Azure reports, in the shape of the inputs, because the engine diffs new inputs
// against old outputs. Azure's region names are normalised as they come in, as check does with the
// program's, so both sides spell a region the same way. A date Azure writes with another offset
// keeps the input's spelling, so that only real differences, such as drift found by a refresh,
// show up in a diff. What only Azure sets is read from the model's output-only properties.
import { footprintOfVersion, storageEstimate } from "./advice/storage";
import type { ObjectShape, ShapeType } from "./model/describeShape";
import { isJsonObject, type JsonObject } from "./model/jsonObject";
import type { ResourceKind } from "./model/mutability";
import { normaliseRegionFields } from "./model/regionFields";
import { onFirstUse } from "./tuning";

function sameInstant(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return /^\d{4}-\d{2}-\d{2}/.test(a) && /^\d{4}-\d{2}-\d{2}/.test(b) && !isNaN(ta) && ta === tb;
}

/** Azure's value, with the input's spelling of dates that mean the same instant. */
function adoptDateSpelling(azure: unknown, input: unknown): unknown {
  if (typeof azure === "string" && typeof input === "string") {
    return azure !== input && sameInstant(azure, input) ? input : azure;
  }
  if (Array.isArray(azure) && Array.isArray(input)) {
    return azure.map((element, index) => adoptDateSpelling(element, input[index]));
  }
  if (isJsonObject(azure) && isJsonObject(input)) {
    return Object.fromEntries(Object.entries(azure).map(([k, v]) => [k, adoptDateSpelling(v, input[k])]));
  }
  return azure;
}

/**
 * The outputs: `base` (the inputs after a write; only the ARM names after a read, so that what
 * Azure no longer reports disappears), overlaid by what Azure reports, with dates in the spelling
 * of `spelling` (by default `base`). `__provider` is left to the dynamic-provider host; `__urn`
 * (resources/resourceUrn.ts) is an input only.
 */
export function toOutputs(
  kind: ResourceKind,
  base: JsonObject,
  azure: JsonObject,
  spelling: JsonObject = base,
): JsonObject {
  const { __provider: _ignored, __urn: _urn, ...plainInputs } = base;
  const fromAzure = adoptDateSpelling(normaliseRegionFields(kind, azure), spelling) as JsonObject;
  const { id: _id, ...withoutId } = fromAzure;
  const outputs = deepMerge(plainInputs, withoutId);
  return kind === "galleryImageVersion" ? { ...outputs, storageEstimate: estimateOf(outputs) } : outputs;
}

/** The version's storage estimate as plain JSON (no undefined fields, which the engine cannot carry). */
function estimateOf(version: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(storageEstimate(footprintOfVersion(version)))) as JsonObject;
}

function deepMerge(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    out[k] = isJsonObject(v) && isJsonObject(b) ? deepMerge(b, v) : v;
  }
  return out;
}

const outputShapes = new Map<ResourceKind, ObjectShape>();

/** The model's output schemas, with zod: a refresh that finds no drift never loads them (tuning.ts, 3). */
const outputModel = onFirstUse(() => ({
  ...(require("./model/describeShape") as typeof import("./model/describeShape")),
  ...(require("./model/schemas") as typeof import("./model/schemas")),
}));

/** The shape of a kind's outputs, from the model. */
function outputShapeOf(kind: ResourceKind): ObjectShape {
  let shape = outputShapes.get(kind);
  if (shape === undefined) {
    const { describeShape, OUTPUT_SCHEMAS } = outputModel();
    outputShapes.set(kind, (shape = describeShape(OUTPUT_SCHEMAS[kind])));
  }
  return shape;
}

/** The outputs without what only Azure sets: what `read` reports as inputs, after a drift or an import. */
export function inputsOf(kind: ResourceKind, outputs: JsonObject): JsonObject {
  return withoutOutputOnly(outputs, outputShapeOf(kind));
}

/** Drops output-only properties at every depth; an object left empty by that goes too. */
function withoutOutputOnly(value: JsonObject, shape: ObjectShape): JsonObject {
  const kept: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const property = shape.properties.find((p) => p.name === key);
    if (property?.outputOnly) continue;
    const stripped = property === undefined ? item : stripValue(item, property.type);
    if (isJsonObject(item) && Object.keys(item).length > 0 && isJsonObject(stripped)) {
      if (Object.keys(stripped).length === 0) continue;
    }
    kept[key] = stripped;
  }
  return kept;
}

function stripValue(value: unknown, type: ShapeType): unknown {
  if (type.kind === "object" && isJsonObject(value)) return withoutOutputOnly(value, type);
  if (type.kind === "array" && Array.isArray(value))
    return value.map((element) => stripValue(element, type.element));
  return value;
}
