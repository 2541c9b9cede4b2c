/**
 * Region rules: known regions of the public cloud only, replica counts within Azure's limit,
 * zone-redundant storage only where there are zones, access-request regions only when granted, the
 * source region among the targets, and no silent deletion of replicas.
 *
 * The rules read the raw new inputs (before defaults) so that a failure names the argument the user
 * wrote, and they skip anything unknown at preview.
 */
import { DEFAULTS } from "../model/defaults";
import { LIMITS } from "../model/limits";
import { findRegion, normaliseRegionName, REGIONS, type RegionInfo } from "../model/regions";
import { isUnknown } from "../model/unknown";
import { shallowReplicaFailures, totalReplicaFailures } from "./replicaRules";
import type { CheckFailure } from "./schemaFailures";
import { closest } from "./suggest";
import { getPath, listAt, numberAt, showValue, stringAt } from "./values";

/** What to write instead of an unknown region name: the closest known one, or the two spellings. */
function catalogHint(name: string): string {
  const close = closest(normaliseRegionName(name), PUBLIC_REGION_NAMES);
  const known = close === undefined ? undefined : findRegion(close);
  if (known !== undefined) return `did you mean "${known.name}" (${known.displayName})?`;
  return 'use a region name such as "eastus2" or "East US 2" (docs/limits.md#limits lists the regions)';
}

const PUBLIC_REGION_NAMES = REGIONS.filter((region) => region.cloud === "public").map(
  (region) => region.name,
);

/**
 * The resource's own `location` must be a region of the public cloud in the catalog, and one the
 * subscription may use (Azure refuses resources in an access-request region until it is granted).
 */
export function locationFailures(news: unknown, accessGrantedRegions: readonly string[]): CheckFailure[] {
  const location = stringAt(news, ["location"]);
  if (location === undefined) return [];
  const reason =
    regionReason(location, "location") ?? accessReason(location, "location", accessGrantedRegions);
  return reason === undefined ? [] : [{ property: "location", reason }];
}

function accessReason(
  name: string,
  property: string,
  accessGrantedRegions: readonly string[],
): string | undefined {
  const region = findRegion(name);
  if (region === undefined || !region.needsAccessRequest) return undefined;
  if (accessGrantedRegions.some((granted) => normaliseRegionName(granted) === region.name)) return undefined;
  return `${property} ${showValue(name)}: ${region.displayName} (${region.name}) is only available after Microsoft grants your subscription an access request; once granted, add "${region.name}" to the stack config compute-gallery:accessGrantedRegions (pulumi config set --path 'compute-gallery:accessGrantedRegions[0]' ${region.name})`;
}

/**
 * Why a region name cannot be used, or undefined when it can. Regions of the sovereign clouds are
 * known (so the message can say where they belong) but refused: both backends are the public cloud
 * (`azure` talks to its Resource Manager only, and the emulator plays it), so nothing can be created
 * there, and saying so at preview beats Azure's LocationNotAvailableForResourceType on `up`.
 */
function regionReason(name: string, property: string): string | undefined {
  const region = findRegion(name);
  if (region === undefined)
    return `${property} ${showValue(name)} is not a known Azure region; ${catalogHint(name)}`;
  if (region.cloud === "public") return undefined;
  return `${property} ${showValue(name)} is a region of the ${cloudName(region)}, and this provider manages the public Azure cloud only; use a public region such as "eastus2"`;
}

export function targetRegionFailures(
  olds: unknown,
  news: unknown,
  accessGrantedRegions: readonly string[],
): CheckFailure[] {
  const failures: CheckFailure[] = [
    ...replicaCountFailures(
      numberAt(news, ["publishingProfile", "replicaCount"]),
      "publishingProfile.replicaCount",
    ),
  ];
  const regions = effectiveTargetRegions(news);
  if (regions === undefined) return failures;

  const profileStorage = stringAt(news, ["publishingProfile", "storageAccountType"]);
  const firstIndexOf = new Map<string, number>();

  regions.forEach((_element, index) => {
    const at = (field: string) => `publishingProfile.targetRegions[${index}].${field}`;
    const path = ["publishingProfile", "targetRegions", index];
    failures.push(
      ...replicaCountFailures(numberAt(news, [...path, "regionalReplicaCount"]), at("regionalReplicaCount")),
    );

    const name = stringAt(news, [...path, "name"]);
    if (name === undefined) return;
    const refused = regionReason(name, at("name"));
    const region = findRegion(name);
    if (refused !== undefined || region === undefined) {
      failures.push({ property: at("name"), reason: refused ?? catalogHint(name) });
      return;
    }
    const earlier = firstIndexOf.get(region.name);
    if (earlier !== undefined) {
      failures.push({
        property: at("name"),
        reason: `${at("name")} ${showValue(name)} is the same region as publishingProfile.targetRegions[${earlier}] (${region.name}); list each region once`,
      });
      return;
    }
    firstIndexOf.set(region.name, index);

    const ownStorage = stringAt(news, [...path, "storageAccountType"]);
    const storage = ownStorage ?? profileStorage;
    if (storage === "Standard_ZRS" && !region.hasAvailabilityZones) {
      const inherited =
        ownStorage === undefined ? " (inherited from publishingProfile.storageAccountType)" : "";
      failures.push({
        property: at("storageAccountType"),
        reason: `${at("storageAccountType")} "Standard_ZRS"${inherited} needs zone-redundant storage across availability zones, which Azure does not offer in ${region.displayName} (${region.name}); use Standard_LRS or Premium_LRS there, or a region with zones (see docs/limits.md#limits for the list)`,
      });
    }
    const access = accessReason(name, at("name"), accessGrantedRegions);
    if (access !== undefined) failures.push({ property: at("name"), reason: access });
  });

  failures.push(...shallowReplicaFailures(news, regions));
  failures.push(...totalReplicaFailures(news, regions));
  failures.push(...sourceRegionFailures(news, regions));
  failures.push(...replicaDeletionFailures(olds, news, regions));
  return failures;
}

/**
 * The target regions as Azure will see them: the list given, or only the version's own location when
 * the list is omitted (that is what Azure does); undefined when unknown at preview or malformed.
 */
function effectiveTargetRegions(news: unknown): readonly unknown[] | undefined {
  const given = getPath(news, ["publishingProfile", "targetRegions"]);
  if (given !== undefined || isUnknown(getPath(news, ["publishingProfile"])))
    return listAt(news, ["publishingProfile", "targetRegions"]);
  const location = stringAt(news, ["location"]);
  return location === undefined ? undefined : [{ name: location }];
}

function replicaCountFailures(count: number | undefined, property: string): CheckFailure[] {
  const min = LIMITS.minRegionalReplicaCount.value;
  const max = LIMITS.maxRegionalReplicaCount.value;
  if (count === undefined || (count >= min && count <= max)) return [];
  return [
    {
      property,
      reason: `${property} ${count} is out of range: Azure allows ${min} to ${max} replicas per region`,
    },
  ];
}

function cloudName(region: RegionInfo): string {
  return { public: "public Azure cloud", usgov: "Azure Government cloud", china: "Azure China cloud" }[
    region.cloud
  ];
}

/** Normalised names of all target regions, or undefined when any name is unknown at preview. */
function knownRegionNames(regions: readonly unknown[]): string[] | undefined {
  const names: string[] = [];
  for (const element of regions) {
    const name = getPath(element, ["name"]);
    if (typeof name !== "string" || isUnknown(name)) return undefined;
    names.push(normaliseRegionName(name));
  }
  return names;
}

/** The version's location is its source region; Azure needs it among the targets. */
function sourceRegionFailures(news: unknown, regions: readonly unknown[]): CheckFailure[] {
  const location = stringAt(news, ["location"]);
  const names = knownRegionNames(regions);
  if (location === undefined || names === undefined) return [];
  if (names.includes(normaliseRegionName(location))) return [];
  return [
    {
      property: "publishingProfile.targetRegions",
      reason: `publishingProfile.targetRegions must include the version's location ${showValue(location)}: it is the source region, which must be one of its target regions; add { name: ${showValue(location)} }`,
    },
  ];
}

/**
 * The regions (display names) whose replicas going from `olds` to the new target regions deletes:
 * those listed before and no longer listed. Empty while the new list is not known yet.
 */
export function removedReplicaRegions(olds: unknown, newRegions: readonly unknown[]): string[] {
  const oldRegions = listAt(olds, ["publishingProfile", "targetRegions"]);
  const newNames = knownRegionNames(newRegions);
  if (oldRegions === undefined || newNames === undefined) return [];
  return oldRegions
    .map((element) => stringAt(element, ["name"]))
    .filter((name): name is string => name !== undefined && !newNames.includes(normaliseRegionName(name)))
    .map((name) => findRegion(name)?.displayName ?? name);
}

/**
 * Removing a region deletes the replicas there; Azure refuses it unless
 * `safetyProfile.allowDeletionOfReplicatedLocations` is true, and so does check, before anything runs.
 */
function replicaDeletionFailures(olds: unknown, news: unknown, regions: readonly unknown[]): CheckFailure[] {
  const allowed = getPath(news, ["safetyProfile", "allowDeletionOfReplicatedLocations"]);
  if (allowed === true || isUnknown(allowed) || knownRegionNames(regions) === undefined) return [];
  const removed = removedReplicaRegions(olds, regions);
  if (removed.length === 0) return [];
  return [
    {
      property: "publishingProfile.targetRegions",
      reason: `publishingProfile.targetRegions no longer lists ${removed.join(", ")}: that would delete the replicas there; set safetyProfile.allowDeletionOfReplicatedLocations to true to allow it (it is ${showValue(allowed ?? DEFAULTS.allowDeletionOfReplicatedLocations)})`,
    },
  ];
}
