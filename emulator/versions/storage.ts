// storageProfile of an image version: the sources it names resolved to disks (which must exist, in the
// version's region, within the size limit), per-disk defaults filled in, and what an update may change.
import { isObject, mergePatch } from "../arm/json";
import type { Context } from "../context";
import { errors } from "../errors";
import type { DiskSize, Json, JsonObject, ResourceRecord } from "../model";
import { findRegion } from "../rules/regions";
import { enumValue } from "../rules/validate";
import { HOST_CACHING } from "../rules/enums";
import { resolveSource, type ResolvedSource } from "../sources";
import { STORAGE_PROFILE } from "./paths";

interface DiskRef {
  id?: string;
  uri?: string;
}

function refOf(v: unknown): DiskRef | undefined {
  if (!isObject(v)) return undefined;
  const ref: DiskRef = {};
  // Whole-image sources may also be named by virtualMachineId or communityGalleryImageId (2023-07-03+).
  const id = [v.id, v.virtualMachineId, v.communityGalleryImageId].find((x) => typeof x === "string" && x);
  if (typeof id === "string") ref.id = id;
  if (typeof v.uri === "string" && v.uri) ref.uri = v.uri;
  return ref.id || ref.uri ? ref : undefined;
}

function requireSource(ctx: Context, ref: DiskRef, target: string, location: string): ResolvedSource {
  const source = resolveSource(ctx.svc, ref, ctx.now);
  const name = ref.uri ?? ref.id ?? "";
  if (!source) throw errors.invalidParameter(`The source resource '${name}' was not found.`, target);
  if (source.location !== undefined && source.location !== findRegion(location)?.name) {
    throw errors.invalidParameter(
      `The source resource '${name}' is in region '${findRegion(source.location)?.displayName ?? source.location}', but the image version is in '${location}'. The source must be in the image version'source region.`,
      target,
    );
  }
  return source;
}

/**
 * Resolves every source the storage profile names, fills per-disk hostCaching defaults, checks sizes
 * (larger disks are allowed with shallow replication).
 */
export function normaliseStorage(
  ctx: Context,
  raw: JsonObject,
  location: string,
  shallow: boolean,
): { profile: JsonObject; disks: NonNullable<ResourceRecord["disks"]> } {
  const profile: JsonObject = { ...raw };
  const limits = ctx.svc.opts.limits;
  const max = shallow ? limits.maxShallowDiskSizeGB : limits.maxDiskSizeGB;
  const whole = refOf(profile.source);
  const osImage = isObject(profile.osDiskImage) ? { ...profile.osDiskImage } : undefined;
  const osRef = refOf(osImage?.source);
  const dataImages = Array.isArray(profile.dataDiskImages) ? profile.dataDiskImages : [];
  let disks: NonNullable<ResourceRecord["disks"]>;
  if (whole) {
    const source = requireSource(ctx, whole, `${STORAGE_PROFILE}.source.id`, location);
    disks = { os: source.os, data: source.data, wholeSource: true };
    checkSizes(disks, max, `${STORAGE_PROFILE}.source.id`);
  } else if (osRef && osImage) {
    const os = requireSource(ctx, osRef, `${STORAGE_PROFILE}.osDiskImage.source.id`, location);
    osImage.hostCaching ??= "ReadWrite";
    enumValue(osImage, "hostCaching", HOST_CACHING, `${STORAGE_PROFILE}.osDiskImage.hostCaching`);
    profile.osDiskImage = osImage;
    const data: DiskSize[] = [];
    profile.dataDiskImages = dataImages.map((disk, index) => {
      const path = `${STORAGE_PROFILE}.dataDiskImages[${index}]`;
      if (!isObject(disk))
        throw errors.invalidParameter(`The value of parameter '${path}' must be an object.`, path);
      const lun = typeof disk.lun === "number" ? disk.lun : undefined;
      if (lun === undefined) throw errors.missingParameter(`${path}.lun`);
      const ref = refOf(disk.source);
      if (!ref) throw errors.missingParameter(`${path}.source.id`);
      const source = requireSource(ctx, ref, `${path}.source.id`, location);
      data.push({ lun, sizeGB: source.os.sizeGB });
      const out: JsonObject = { ...disk, hostCaching: disk.hostCaching ?? "ReadOnly" };
      enumValue(out, "hostCaching", HOST_CACHING, `${path}.hostCaching`);
      return out;
    });
    if (dataImages.length === 0) delete profile.dataDiskImages;
    disks = { os: os.os, data, wholeSource: false };
    checkSizes(disks, max, `${STORAGE_PROFILE}.osDiskImage.source.id`);
  } else {
    throw errors.missingParameter(`${STORAGE_PROFILE}.source.id`);
  }
  return { profile, disks };
}

function checkSizes(disks: { os: DiskSize; data: DiskSize[] }, max: number, target: string): void {
  for (const disk of [disks.os, ...disks.data]) {
    if (disk.sizeGB > max) throw errors.sourceExceedsMaxSize(disk.sizeGB, max, target);
  }
}

/** On update, sources that are not repeated keep their stored values (as the service does for `sig image-version update`). */
export function carryStorage(existing: JsonObject, requested: Json | undefined): JsonObject {
  if (!isObject(requested)) return existing;
  const out = mergePatch(existing, requested);
  if (Array.isArray(requested.dataDiskImages) && Array.isArray(existing.dataDiskImages)) {
    const old = existing.dataDiskImages.filter(isObject);
    out.dataDiskImages = requested.dataDiskImages.map((disk) => {
      if (!isObject(disk)) return disk;
      const match = old.find((stored) => stored.lun === disk.lun);
      return match ? mergePatch(match, disk) : disk;
    });
  }
  return out;
}

export function checkDataDiskSources(existing: JsonObject, next: JsonObject): void {
  const key = (p: JsonObject): string =>
    JSON.stringify(
      (Array.isArray(p.dataDiskImages) ? p.dataDiskImages.filter(isObject) : [])
        .filter((d) => refOf(d.source))
        .map((d) => [
          d.lun,
          refOf(d.source)?.id?.toLowerCase() ?? null,
          refOf(d.source)?.uri?.toLowerCase() ?? null,
        ])
        .sort(),
    );
  if (key(existing) !== key(next)) throw errors.propertyChangeNotAllowed(`${STORAGE_PROFILE}.dataDiskImages`);
}
