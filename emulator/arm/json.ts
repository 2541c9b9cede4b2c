// JSON request bodies and the generic operations on them (PATCH merge, dotted-path reads).
import type { Context } from "../context";
import { errors } from "../errors";
import type { JsonObject } from "../model";

export function jsonBody(ctx: Context): JsonObject {
  if (!ctx.rawBody.trim()) throw errors.invalidRequestContent("The request body is empty.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.rawBody);
  } catch (e) {
    throw errors.invalidRequestContent((e as Error).message);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw errors.invalidRequestContent("The request body must be a JSON object.");
  }
  return parsed as JsonObject;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep merge for PATCH: objects merge, everything else (arrays included) is replaced. */
export function mergePatch(base: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    out[k] = isObject(v) && isObject(b) ? mergePatch(b, v) : v;
  }
  return out;
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}
