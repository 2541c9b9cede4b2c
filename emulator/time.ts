// Azure writes timestamps with seven fractional digits and an explicit offset
// (`2023-12-28T08:13:26.1750203+00:00`); the emulator does the same so clients parse both alike.
import { errors } from "./errors";
import type { JsonObject } from "./model";

export function azureTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$10000+00:00");
}

/** The service returns endOfLifeDate normalised: `…12:59:59.000Z` comes back as `…12:59:59+00:00`. */
export function normaliseDate(value: string): string | undefined {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  return iso.endsWith(".000Z") ? iso.replace(".000Z", "+00:00") : iso.replace("Z", "+00:00");
}

/** Normalises a date property in place when it is a string; an unparseable one is InvalidParameter. */
export function normaliseDateProperty(obj: JsonObject, key: string, target: string): void {
  const value = obj[key];
  if (typeof value !== "string") return;
  const d = normaliseDate(value);
  if (!d) throw errors.invalidParameter(`The value of parameter '${target}' is not a valid date.`, target);
  obj[key] = d;
}
