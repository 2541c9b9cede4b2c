/**
 * Rules for an image version's source (`storageProfile`): there must be one, a whole-image source id
 * is the ARM id of something Azure can make a version from, a VHD blob needs its storage account, and
 * data disks are told apart by LUN, so LUNs are unique.
 */
import { containsUnknown } from "../model/unknown";
import type { CheckFailure } from "./schemaFailures";
import { isJsonObject } from "../model/jsonObject";
import { getPath, listAt, numberAt, showValue, stringAt, type PathSegment } from "./values";

export function storageSourceFailures(news: unknown): CheckFailure[] {
  const profile = getPath(news, ["storageProfile"]);
  if (!isJsonObject(profile)) return []; // missing (schema says so) or unknown at preview
  return [
    ...missingSourceFailures(profile),
    ...sourceIdFailures(profile),
    ...vhdFailures(profile),
    ...lunFailures(profile),
  ];
}

/**
 * What `storageProfile.source.id` may name (Azure's "id of the gallery artifact version source"): a
 * managed image, a VM, another gallery image version, or a snapshot or managed disk. ARM ids are
 * case-insensitive; any segment may be a template placeholder such as `{subscriptionId}`.
 */
const SOURCE_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/(images\/[^/]+|virtualMachines\/[^/]+|snapshots\/[^/]+|disks\/[^/]+|galleries\/[^/]+\/images\/[^/]+\/versions\/[^/]+)$/i;

function sourceIdFailures(profile: Record<string, unknown>): CheckFailure[] {
  const id = stringAt(profile, ["source", "id"]);
  if (id === undefined || SOURCE_ID.test(id)) return [];
  return [
    {
      property: "storageProfile.source.id",
      reason:
        `storageProfile.source.id ${showValue(id)} is not the id of a source Azure can make a version from; ` +
        "use the ARM id of a managed image (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/images/<name>), " +
        "a VM (.../virtualMachines/<name>), another image version (.../galleries/<gallery>/images/<image>/versions/<version>), " +
        "or a snapshot or managed disk (.../snapshots/<name>, .../disks/<name>)",
    },
  ];
}

function missingSourceFailures(profile: Record<string, unknown>): CheckFailure[] {
  const candidates: PathSegment[][] = [
    ["source", "id"],
    ["source", "virtualMachineId"],
    ["source", "communityGalleryImageId"],
    ["osDiskImage", "source", "id"],
    ["osDiskImage", "source", "uri"],
  ];
  const present = candidates.some((path) => getPath(profile, path) !== undefined);
  if (present || containsUnknown(profile)) return [];
  return [
    {
      property: "storageProfile.source",
      reason:
        "an image version needs a source: storageProfile.source.id (a managed image, VM or another gallery image version), " +
        "storageProfile.source.virtualMachineId, storageProfile.source.communityGalleryImageId, or " +
        "storageProfile.osDiskImage.source (a snapshot or managed disk id, or a VHD uri with its storageAccountId)",
    },
  ];
}

function vhdFailures(profile: Record<string, unknown>): CheckFailure[] {
  const disks: { path: string; source: unknown }[] = [
    { path: "storageProfile.osDiskImage.source", source: getPath(profile, ["osDiskImage", "source"]) },
    ...(listAt(profile, ["dataDiskImages"]) ?? []).map((disk, index) => ({
      path: `storageProfile.dataDiskImages[${index}].source`,
      source: getPath(disk, ["source"]),
    })),
  ];
  return disks
    .filter(
      ({ source }) =>
        stringAt(source, ["uri"]) !== undefined && getPath(source, ["storageAccountId"]) === undefined,
    )
    .map(({ path, source }) => ({
      property: `${path}.storageAccountId`,
      reason: `the VHD ${showValue(stringAt(source, ["uri"]))} needs the id of the storage account that holds it in ${path}.storageAccountId`,
    }));
}

function lunFailures(profile: Record<string, unknown>): CheckFailure[] {
  const disks = listAt(profile, ["dataDiskImages"]) ?? [];
  const seen = new Map<number, number>();
  const failures: CheckFailure[] = [];
  disks.forEach((disk, index) => {
    const lun = numberAt(disk, ["lun"]);
    if (lun === undefined) return;
    const earlier = seen.get(lun);
    if (earlier === undefined) seen.set(lun, index);
    else
      failures.push({
        property: `storageProfile.dataDiskImages[${index}].lun`,
        reason: `storageProfile.dataDiskImages[${index}].lun: LUN ${lun} is already used by storageProfile.dataDiskImages[${earlier}]; each data disk needs its own LUN`,
      });
  });
  return failures;
}
