// The api-versions the emulator answers for galleries, image definitions and image versions, and the
// request/response fields each one introduced: one table, read by the pipeline (which versions exist,
// which fields a version may send and receive) and printed into docs/emulator.md.
//
// 2018-06-01 and 2019-03-01 are left out: image versions took their source from
// `publishingProfile.source` then, a shape the emulator does not model (`storageProfile` came in
// 2019-07-01). The fields listed are those the emulator models; paths use `[]` for "every element".
import { errors } from "./errors";

export type ShapedType = "galleries" | "galleries/images" | "galleries/images/versions";

export interface ApiVersionEntry {
  version: string;
  /** Fields this version added, by resource type (paths into the resource body). */
  introduces: Partial<Record<ShapedType, readonly string[]>>;
}

export const API_VERSIONS: readonly ApiVersionEntry[] = [
  { version: "2019-07-01", introduces: {} },
  { version: "2019-12-01", introduces: {} },
  {
    version: "2020-09-30",
    introduces: { galleries: ["properties.sharingProfile"], "galleries/images": ["properties.features"] },
  },
  {
    version: "2021-07-01",
    introduces: {
      "galleries/images/versions": [
        "properties.publishingProfile.replicationMode",
        "properties.publishingProfile.targetExtendedLocations",
      ],
    },
  },
  { version: "2021-10-01", introduces: { "galleries/images": ["properties.architecture"] } },
  {
    version: "2022-01-03",
    introduces: {
      galleries: ["properties.softDeletePolicy"],
      "galleries/images/versions": [
        "properties.safetyProfile",
        "properties.publishingProfile.targetRegions[].excludeFromLatest",
      ],
    },
  },
  { version: "2022-03-03", introduces: { galleries: ["properties.sharingStatus"] } },
  { version: "2022-08-03", introduces: {} },
  {
    version: "2023-07-03",
    introduces: {
      "galleries/images": ["properties.allowUpdateImage"],
      "galleries/images/versions": ["properties.securityProfile"],
    },
  },
  {
    version: "2024-03-03",
    introduces: {
      galleries: ["identity"],
      "galleries/images/versions": [
        "properties.validationsProfile",
        "properties.safetyProfile.blockDeletionBeforeEndOfLife",
        "properties.publishingProfile.targetRegions[].additionalReplicaSets",
      ],
    },
  },
  { version: "2025-03-03", introduces: {} },
  // What @azure/arm-compute 25 sends for every gallery operation.
  { version: "2025-12-03", introduces: {} },
  // What azure-mgmt-compute 39 and Azure CLI 2.91 send by default.
  { version: "2026-03-03", introduces: {} },
];

export const SUPPORTED_API_VERSIONS: readonly string[] = API_VERSIONS.map((e) => e.version);

export type ApiVersionPolicy = "strict" | "relaxed";

/** Throws ARM's error for a missing or unsupported api-version; "relaxed" only requires one to be present. */
export function checkApiVersion(
  value: string | null,
  policy: ApiVersionPolicy,
  resourceType: string,
  location: () => string,
  supported: readonly string[] = SUPPORTED_API_VERSIONS,
): string {
  if (!value) throw errors.missingApiVersion();
  if (policy === "strict" && !/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(value)) {
    throw errors.invalidApiVersion(value, supported);
  }
  if (policy === "strict" && !supported.includes(value)) {
    throw errors.noRegisteredProviderFound(value, resourceType, location(), supported);
  }
  return value;
}

/** Whether `apiVersion` is `min` or later (api-versions are ISO dates, so they sort as strings). */
export function atLeast(apiVersion: string, min: string): boolean {
  return apiVersion >= min;
}

/** The fields of `type` that versions later than `apiVersion` introduced: absent from that version's shape. */
export function fieldsAfter(apiVersion: string, type: string): string[] {
  return API_VERSIONS.filter((e) => e.version > apiVersion).flatMap(
    (e) => e.introduces[type as ShapedType] ?? [],
  );
}
