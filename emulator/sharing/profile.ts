// A gallery's sharingProfile: what a gallery PUT may change in it, and what the gallery's `share` action
// (Add, Remove, Reset, EnableCommunity) does to it. Azure treats `groups`, `communityGalleryEnabled` and
// `publicNames` as read-only in the gallery's PUT: only the share action changes them.
import { randomUUID } from "node:crypto";
import { isObject } from "../arm/json";
import { errors } from "../errors";
import type { Json, JsonObject } from "../model";
import { enumValue } from "../rules/validate";
import { SHARING_GROUP_TYPES, SHARING_PERMISSIONS, SHARING_UPDATE_OPERATION_TYPES } from "../rules/enums";
import { isGuid } from "../arm/ids";
import { DIRECT_SHARE_LIMITS } from "../rules/limits";

const SHARING_PROFILE = "gallery.properties.sharingProfile";
const COMMUNITY_GALLERY_INFO = `${SHARING_PROFILE}.communityGalleryInfo`;
/** What EnableCommunity needs in the gallery's communityGalleryInfo, set by the gallery's PUT before. */
const COMMUNITY_FIELDS = ["publisherUri", "publisherContact", "eula", "publicNamePrefix"] as const;

export interface SharingGroup {
  type: string;
  ids: string[];
}

const groupsOf = (profile: JsonObject | undefined): SharingGroup[] =>
  Array.isArray(profile?.groups) ? (profile.groups as unknown as SharingGroup[]) : [];

const permissionsOf = (profile: JsonObject | undefined): string =>
  typeof profile?.permissions === "string" ? profile.permissions : "Private";

const communityEnabled = (profile: JsonObject | undefined): boolean =>
  isObject(profile?.communityGalleryInfo) && profile.communityGalleryInfo.communityGalleryEnabled === true;

/** Whether the gallery is shared with anyone (a group or the community): then Azure reports sharingStatus. */
export function isShared(profile: JsonObject | undefined): boolean {
  return permissionsOf(profile) !== "Private";
}

/**
 * The sharingProfile a gallery PUT stores: permissions and the publisher details from the request, the
 * read-only parts from what is stored. A gallery that is shared with groups or the community keeps its
 * permissions until the share action resets it.
 */
export function sharingOnWrite(
  requested: Json | undefined,
  stored: JsonObject | undefined,
): JsonObject | undefined {
  if (requested === undefined || requested === null) return stored;
  if (!isObject(requested)) {
    throw errors.invalidParameter(
      `The value of parameter '${SHARING_PROFILE}' must be an object.`,
      SHARING_PROFILE,
    );
  }
  const out: JsonObject = { ...requested };
  delete out.groups; // read-only: Azure ignores it in a PUT
  out.permissions =
    enumValue(out, "permissions", SHARING_PERMISSIONS, `${SHARING_PROFILE}.permissions`) ??
    permissionsOf(stored);
  const before = permissionsOf(stored);
  if (stored && out.permissions !== before && (groupsOf(stored).length > 0 || communityEnabled(stored))) {
    throw errors.operationNotAllowed(
      `The gallery is shared (permissions '${before}'); its permissions cannot change to '${String(out.permissions)}' ` +
        "in a gallery update. Reset its sharing profile first with the gallery's share action (operationType Reset).",
      `${SHARING_PROFILE}.permissions`,
    );
  }
  const info = isObject(out.communityGalleryInfo)
    ? { ...out.communityGalleryInfo }
    : isObject(stored?.communityGalleryInfo)
      ? { ...stored.communityGalleryInfo }
      : undefined;
  if (info) {
    delete info.communityGalleryEnabled;
    delete info.publicNames;
    const prev = isObject(stored?.communityGalleryInfo) ? stored.communityGalleryInfo : {};
    if (prev.communityGalleryEnabled !== undefined)
      info.communityGalleryEnabled = prev.communityGalleryEnabled;
    if (prev.publicNames !== undefined) info.publicNames = prev.publicNames;
    out.communityGalleryInfo = info;
  }
  const groups = groupsOf(stored);
  if (groups.length > 0) out.groups = groups as unknown as Json;
  return out;
}

/** The groups of a SharingUpdate, validated: known types, subscription and tenant ids as GUIDs. */
function requestedGroups(update: JsonObject): SharingGroup[] {
  const raw = update.groups;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    throw errors.invalidParameter(
      "The value of parameter 'sharingUpdate.groups' must be a list.",
      "sharingUpdate.groups",
    );
  }
  return raw.map((given, index) => {
    const target = `sharingUpdate.groups[${index}]`;
    if (!isObject(given))
      throw errors.invalidParameter(`The value of parameter '${target}' must be an object.`, target);
    const group = { ...given };
    const type = enumValue(group, "type", SHARING_GROUP_TYPES, `${target}.type`);
    if (!type) throw errors.missingParameter(`${target}.type`);
    const ids = Array.isArray(group.ids) ? group.ids : [];
    ids.forEach((id, j) => {
      if (!isGuid(id)) {
        throw errors.invalidParameter(
          `The value '${String(id)}' of parameter '${target}.ids[${j}]' is not valid: ${type === "Subscriptions" ? "a subscription" : "a tenant"} id is a GUID.`,
          `${target}.ids[${j}]`,
        );
      }
    });
    return { type, ids: ids as string[] };
  });
}

/** `groups` with `change` added (or removed), ids compared case-insensitively, empty groups dropped. */
function merge(groups: SharingGroup[], change: SharingGroup[], remove: boolean): SharingGroup[] {
  const byType = new Map(groups.map((group) => [group.type, [...group.ids]]));
  for (const group of change) {
    const ids = byType.get(group.type) ?? [];
    for (const id of group.ids) {
      const at = ids.findIndex((held) => held.toLowerCase() === id.toLowerCase());
      if (remove && at >= 0) ids.splice(at, 1);
      if (!remove && at < 0) ids.push(id);
    }
    byType.set(group.type, ids);
  }
  return [...byType].filter(([, ids]) => ids.length > 0).map(([type, ids]) => ({ type, ids }));
}

/**
 * An Add that would leave the gallery shared with more subscriptions or tenants than a direct share
 * reaches. The docs state the limit, not Azure's answer to exceeding it: code and wording are ours
 * (InvalidParameter, the group in the request named as the target).
 */
function refuseBeyondDirectShareLimits(groups: SharingGroup[]): void {
  for (const group of groups) {
    const limit = DIRECT_SHARE_LIMITS[group.type];
    if (limit === undefined || group.ids.length <= limit.max) continue;
    throw errors.invalidParameter(
      `A gallery can be shared directly with at most ${limit.max} ${limit.what}; this update would share it with ${group.ids.length}.`,
      "sharingUpdate.groups",
    );
  }
}

/** The normalised SharingUpdate (the action's answer) and the sharingProfile it leaves. */
export function applySharingUpdate(
  stored: JsonObject | undefined,
  body: JsonObject,
): { update: JsonObject; profile: JsonObject } {
  const update: JsonObject = { ...body };
  const operation = enumValue(
    update,
    "operationType",
    SHARING_UPDATE_OPERATION_TYPES,
    "sharingUpdate.operationType",
  );
  if (!operation) throw errors.missingParameter("sharingUpdate.operationType");
  const groups = requestedGroups(update);
  update.groups = groups as unknown as Json;
  const profile: JsonObject = { ...(stored ?? {}), permissions: permissionsOf(stored) };
  const info: JsonObject = isObject(profile.communityGalleryInfo) ? { ...profile.communityGalleryInfo } : {};
  const current = groupsOf(stored);
  const notWhileCommunity = (what: string) =>
    errors.operationNotAllowed(
      `The gallery is shared with the community; ${what}. Reset its sharing profile first (operationType Reset).`,
      "sharingUpdate.operationType",
    );
  switch (operation) {
    case "Add": {
      if (profile.permissions === "Community")
        throw notWhileCommunity("it cannot also be shared with groups");
      profile.permissions = "Groups";
      const merged = merge(current, groups, false);
      refuseBeyondDirectShareLimits(merged);
      profile.groups = merged as unknown as Json;
      break;
    }
    case "Remove": {
      if (profile.permissions !== "Groups") {
        throw errors.operationNotAllowed(
          `The gallery is not shared with groups (permissions '${String(profile.permissions)}'); there is nothing to remove.`,
          "sharingUpdate.operationType",
        );
      }
      profile.groups = merge(current, groups, true) as unknown as Json;
      break;
    }
    case "Reset": {
      profile.permissions = "Private";
      delete profile.groups;
      if (Object.keys(info).length > 0) {
        info.communityGalleryEnabled = false;
        delete info.publicNames;
        profile.communityGalleryInfo = info;
      }
      break;
    }
    case "EnableCommunity": {
      if (current.length > 0)
        throw errors.operationNotAllowed(
          "The gallery is shared with subscriptions or tenants; it cannot be shared with the community as well. " +
            "Reset its sharing profile first (operationType Reset).",
          "sharingUpdate.operationType",
        );
      for (const field of COMMUNITY_FIELDS) {
        if (typeof info[field] !== "string" || info[field] === "")
          throw errors.missingParameter(`${COMMUNITY_GALLERY_INFO}.${field}`);
      }
      profile.permissions = "Community";
      info.communityGalleryEnabled = true;
      // The public name consumers use: the prefix and a GUID Azure picks.
      if (!Array.isArray(info.publicNames) || info.publicNames.length === 0)
        info.publicNames = [`${String(info.publicNamePrefix)}-${randomUUID()}`];
      profile.communityGalleryInfo = info;
      break;
    }
  }
  if (Array.isArray(profile.groups) && profile.groups.length === 0) delete profile.groups;
  return { update, profile };
}
