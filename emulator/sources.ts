// Image sources: managed images, snapshots, disks, VMs and VHD blobs registered with the emulator (admin
// API, seed file), other gallery image versions held by the emulator, and community gallery images.
import { keyOf } from "./arm/ids";
import { isObject } from "./arm/json";
import { errors } from "./errors";
import { live } from "./liveness";
import type { DiskSize, Json, SourceRecord } from "./model";
import { findRegion } from "./rules/regions";
import type { Service } from "./service";

export interface ResolvedSource {
  /** undefined = region-independent (community images). */
  location: string | undefined;
  os: DiskSize;
  data: DiskSize[];
}

const VERSION_ID = /\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/images\/[^/]+\/versions\/[^/]+$/i;
const COMMUNITY_ID = /^\/CommunityGalleries\//i;
/** Community images are not modelled in detail; they are accepted with a typical OS disk size. */
export const COMMUNITY_IMAGE_SIZE_GB = 30;

export function kindOf(id: string): string {
  if (/^https?:\/\//i.test(id)) return "vhd";
  const m = /\/providers\/[^/]+\/([^/]+)\/[^/]+$/i.exec(id);
  return m?.[1] ?? "unknown";
}

export function validateSource(input: unknown): SourceRecord {
  if (!isObject(input)) throw errors.invalidRequestContent("A source must be a JSON object.");
  const { id, location, osDiskSizeGB, dataDisks, kind } = input;
  if (typeof id !== "string" || !/^(\/|https?:\/\/)/i.test(id)) {
    throw errors.invalidParameter("The source id must be an ARM resource id or a VHD blob URI.", "id");
  }
  const region = typeof location === "string" ? findRegion(location) : undefined;
  if (!region)
    throw errors.invalidParameter(`The location '${String(location)}' is not a known region.`, "location");
  if (typeof osDiskSizeGB !== "number" || !(osDiskSizeGB > 0)) {
    throw errors.invalidParameter("osDiskSizeGB must be a positive number.", "osDiskSizeGB");
  }
  const disks = (Array.isArray(dataDisks) ? dataDisks : []).map((d: Json, i) => {
    if (!isObject(d) || typeof d.lun !== "number" || typeof d.sizeGB !== "number" || !(d.sizeGB > 0)) {
      throw errors.invalidParameter(
        "Each data disk needs a numeric lun and a positive sizeGB.",
        `dataDisks[${i}]`,
      );
    }
    return { lun: d.lun, sizeGB: d.sizeGB };
  });
  return {
    id,
    location: region.name,
    osDiskSizeGB,
    dataDisks: disks,
    kind: typeof kind === "string" ? kind : kindOf(id),
  };
}

/** Finds a source by blob URI or resource id; undefined when Azure would say it does not exist. */
export function resolveSource(
  svc: Service,
  ref: { id?: string; uri?: string },
  now: number,
): ResolvedSource | undefined {
  if (ref.id && VERSION_ID.test(ref.id)) {
    const v = live(svc, keyOf(ref.id), now);
    if (v?.disks) return { location: v.region, os: v.disks.os, data: v.disks.data };
    // Not held here: a version in another subscription may be registered like any other source.
  }
  if (ref.id && COMMUNITY_ID.test(ref.id)) {
    return { location: undefined, os: { sizeGB: COMMUNITY_IMAGE_SIZE_GB }, data: [] };
  }
  const found =
    (ref.uri ? svc.store.getSource(ref.uri.toLowerCase()) : undefined) ??
    (ref.id ? svc.store.getSource(ref.id.toLowerCase()) : undefined);
  if (!found) return undefined;
  return {
    location: found.location,
    os: { sizeGB: found.osDiskSizeGB },
    data: found.dataDisks.map((d) => ({ lun: d.lun, sizeGB: d.sizeGB })),
  };
}
