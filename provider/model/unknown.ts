/**
 * The engine's "unknown" sentinel.
 *
 * During `pulumi preview` a dynamic provider receives this exact string in place of any input whose
 * value depends on a resource that does not exist yet, at any depth of the inputs. It equals
 * `pulumi.runtime.unknownValue` (a unit test pins that); it is repeated here so that the pure
 * lifecycle layer does not load the Pulumi runtime.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when `value` is the engine's unknown sentinel. */
export function isUnknown(value: unknown): value is typeof UNKNOWN {
  return value === UNKNOWN;
}

/** True when `value` is, or contains at any depth, the unknown sentinel. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}
