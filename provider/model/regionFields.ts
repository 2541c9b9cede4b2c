/**
 * Region names are normalised (`East US 2` -> `eastus2`) once, where values enter the provider: the
 * program's arguments in check, and Azure's answers before they become outputs. Everything after that
 * (diff, comparison, state) sees one spelling; display names are produced only for messages.
 *
 * Which properties hold regions is said by the model (`regionName` in model/schemas.ts), read through
 * the table generated from it (model/generated/regionPaths.ts, which a unit test keeps equal to the
 * model): Azure's answers are normalised on every read, and a refresh or a destroy loads no zod.
 */
import { REGION_PATHS } from "./generated/regionPaths";
import { isJsonObject, type JsonObject } from "./jsonObject";
import type { ResourceKind } from "./mutability";
import { normaliseRegionName } from "./regions";
import { isUnknown } from "./unknown";

/** A copy of `value` with every region name normalised; unknown values and other shapes left alone. */
export function normaliseRegionFields<T extends JsonObject>(kind: ResourceKind, value: T): T {
  let result: unknown = value;
  for (const path of REGION_PATHS[kind]) result = normaliseAt(result, path);
  return result as T;
}

function normaliseAt(value: unknown, path: readonly string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) {
    return typeof value === "string" && !isUnknown(value) ? normaliseRegionName(value) : value;
  }
  if (head === "[]") return Array.isArray(value) ? value.map((element) => normaliseAt(element, rest)) : value;
  if (!isJsonObject(value) || value[head] === undefined) return value;
  return { ...value, [head]: normaliseAt(value[head], rest) };
}
