// Where a resource may live and which regions a version may replicate to.
import { errors } from "../errors";
import { CLOUD_NAMES, EMULATED_CLOUD, findRegion, publicRegionNames, type Region } from "./regions";

export function resourceLocation(
  value: unknown,
  target: string,
  resourceType: string,
  allowedAccess: Set<string>,
): Region {
  if (value === undefined || value === null || value === "") throw errors.missingParameter(target);
  if (typeof value !== "string")
    throw errors.invalidParameter(`The value of parameter '${target}' must be a string.`, target);
  const region = findRegion(value);
  if (
    !region ||
    region.cloud !== EMULATED_CLOUD ||
    (region.needsAccessRequest && !allowedAccess.has(region.name))
  ) {
    throw errors.locationNotAvailable(value, resourceType, publicRegionNames());
  }
  return region;
}

export function targetRegion(value: unknown, target: string, allowedAccess: Set<string>): Region {
  if (value === undefined || value === null || value === "") throw errors.missingParameter(target);
  if (typeof value !== "string")
    throw errors.invalidParameter(`The value of parameter '${target}' must be a string.`, target);
  const region = findRegion(value);
  if (!region) throw errors.invalidParameter(`The region '${value}' is not a valid Azure region.`, target);
  if (region.cloud !== EMULATED_CLOUD) {
    throw errors.invalidParameter(
      `Region '${region.displayName}' belongs to cloud '${CLOUD_NAMES[region.cloud]}' and cannot be a replication target in '${CLOUD_NAMES[EMULATED_CLOUD]}'.`,
      target,
    );
  }
  if (region.needsAccessRequest && !allowedAccess.has(region.name)) {
    throw errors.invalidParameter(
      `Region '${region.displayName}' requires an access request before it can be used as a replication target.`,
      target,
    );
  }
  return region;
}
