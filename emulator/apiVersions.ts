// The api-versions the emulator answers. Older clients (Azure CLI) still send 2021-10-01 for galleries and
// image definitions, so the range goes back that far.
import { errors } from "./errors";

export const SUPPORTED_API_VERSIONS = [
  "2021-07-01",
  "2021-10-01",
  "2022-01-03",
  "2022-03-03",
  "2022-08-03",
  "2023-07-03",
  "2024-03-03",
  "2025-03-03",
] as const;

export type ApiVersionPolicy = "strict" | "relaxed";

/** Throws ARM's error for a missing or unsupported api-version; "relaxed" only requires one to be present. */
export function checkApiVersion(
  value: string | null,
  policy: ApiVersionPolicy,
  resourceType: string,
  location: string,
): string {
  if (!value) throw errors.missingApiVersion();
  if (policy === "strict" && !(SUPPORTED_API_VERSIONS as readonly string[]).includes(value)) {
    throw errors.noRegisteredProviderFound(value, resourceType, location, SUPPORTED_API_VERSIONS);
  }
  return value;
}

/** validationsProfile appears in version bodies from 2024-03-03 on. */
export function atLeast(apiVersion: string, min: string): boolean {
  return apiVersion >= min;
}
