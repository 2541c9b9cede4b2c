/**
 * Rules for a gallery's sharing profile, checked at preview before any request:
 * - groups (subscriptions, tenants) apply only with permissions Groups; each group type once; ids are
 *   GUIDs (Azure's subscription and tenant ids), each listed once; at most 30 subscriptions and 5
 *   tenants (Azure's direct-share limits);
 * - permissions Community needs every publisher detail, because Azure's EnableCommunity shows
 *   them to everyone: publisherUri (an http(s) link), publisherContact (an e-mail address), eula and
 *   publicNamePrefix (the start of the public name `<prefix>-<GUID>`);
 * - publisher details given are valid whatever the permissions (Azure stores them before sharing).
 *
 * Silent on values unknown at preview.
 */
import { isJsonObject } from "../model/jsonObject";
import { LIMITS } from "../model/limits";
import { isUnknown } from "../model/unknown";
import type { CheckFailure } from "./schemaFailures";
import { getPath, showValue, stringAt } from "./values";
import { isGuid } from "../model/guid";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Our rule (Azure documents none): letters, digits and inner hyphens, so that `<prefix>-<GUID>` reads
// as one name.
const PREFIX = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const INFO = "sharingProfile.communityGalleryInfo";
const COMMUNITY_FIELDS = ["publisherUri", "publisherContact", "eula", "publicNamePrefix"] as const;

export function sharingProfileFailures(news: unknown): CheckFailure[] {
  return [...groupFailures(news), ...communityFailures(news)];
}

function groupFailures(news: unknown): CheckFailure[] {
  const groups = getPath(news, ["sharingProfile", "groups"]);
  if (!Array.isArray(groups) || groups.length === 0) return [];
  const failures: CheckFailure[] = [];
  const permissions = getPath(news, ["sharingProfile", "permissions"]);
  if (permissions !== "Groups" && !isUnknown(permissions)) {
    failures.push({
      property: "sharingProfile.groups",
      reason:
        `sharingProfile.groups lists subscriptions or tenants, but sharingProfile.permissions is ` +
        `${permissions === undefined ? '"Private" (the default)' : showValue(permissions)}: ` +
        `a gallery is shared with groups only when permissions is "Groups"`,
    });
  }
  const seenTypes = new Set<string>();
  groups.forEach((group, g) => {
    if (!isJsonObject(group)) return;
    const type = stringAt(group, ["type"]);
    if (type !== undefined) {
      if (seenTypes.has(type)) {
        failures.push({
          property: `sharingProfile.groups[${g}].type`,
          reason: `sharingProfile.groups lists ${showValue(type)} twice: list each group type once, with all its ids`,
        });
      }
      seenTypes.add(type);
    }
    const what = type === "AADTenants" ? "tenant" : "subscription";
    const countFailure = groupSizeFailure(group, g, type);
    if (countFailure !== undefined) failures.push(countFailure);
    const seenIds = new Set<string>();
    (Array.isArray(group.ids) ? group.ids : []).forEach((id, i) => {
      if (typeof id !== "string" || isUnknown(id)) return;
      const property = `sharingProfile.groups[${g}].ids[${i}]`;
      if (!isGuid(id)) {
        failures.push({
          property,
          reason: `${property} ${showValue(id)} is not a ${what} id: Azure expects a GUID such as 00000000-0000-0000-0000-000000000000`,
        });
      } else if (seenIds.has(id.toLowerCase())) {
        failures.push({ property, reason: `${property} ${showValue(id)} is listed twice in this group` });
      }
      seenIds.add(id.toLowerCase());
    });
  });
  return failures;
}

/** A direct share reaches at most 30 subscriptions and 5 tenants. */
function groupSizeFailure(
  group: Record<string, unknown>,
  g: number,
  type: string | undefined,
): CheckFailure | undefined {
  if (!Array.isArray(group.ids)) return undefined;
  const limit =
    type === "Subscriptions"
      ? { max: LIMITS.maxDirectShareSubscriptions.value, what: "subscriptions" }
      : type === "AADTenants"
        ? { max: LIMITS.maxDirectShareTenants.value, what: "tenants" }
        : undefined;
  if (limit === undefined || group.ids.length <= limit.max) return undefined;
  const property = `sharingProfile.groups[${g}].ids`;
  return {
    property,
    reason: `${property} lists ${group.ids.length} ${limit.what}; Azure shares a gallery directly with at most ${limit.max} ${limit.what}; use role assignments or a community gallery for wider sharing`,
  };
}

function communityFailures(news: unknown): CheckFailure[] {
  const info = getPath(news, ["sharingProfile", "communityGalleryInfo"]);
  const failures: CheckFailure[] = [];
  if (getPath(news, ["sharingProfile", "permissions"]) === "Community" && !isUnknown(info)) {
    for (const field of COMMUNITY_FIELDS) {
      const value = getPath(info, [field]);
      if (value === undefined || value === "") {
        failures.push({
          property: `${INFO}.${field}`,
          reason:
            `${INFO}.${field} is required when sharingProfile.permissions is "Community": Azure shows the ` +
            "publisher's website (publisherUri), support e-mail (publisherContact), EULA (eula) and the " +
            "public name prefix (publicNamePrefix) to everyone",
        });
      }
    }
  }
  const uri = stringAt(info, ["publisherUri"]);
  if (uri !== undefined && uri !== "" && !isWebLink(uri)) {
    failures.push({
      property: `${INFO}.publisherUri`,
      reason: `${INFO}.publisherUri ${showValue(uri)} is not a web link: use an absolute http:// or https:// URL such as https://contoso.com`,
    });
  }
  const contact = stringAt(info, ["publisherContact"]);
  if (contact !== undefined && contact !== "" && !EMAIL.test(contact)) {
    failures.push({
      property: `${INFO}.publisherContact`,
      reason: `${INFO}.publisherContact ${showValue(contact)} is not an e-mail address: Azure shows it as the publisher's support e-mail, e.g. images@contoso.com`,
    });
  }
  const eula = stringAt(info, ["eula"]);
  if (eula !== undefined && eula.trim() === "" && eula !== "") {
    failures.push({
      property: `${INFO}.eula`,
      reason: `${INFO}.eula is blank: give the end-user license agreement's text or a link to it`,
    });
  }
  const prefix = stringAt(info, ["publicNamePrefix"]);
  if (prefix !== undefined && prefix !== "" && !PREFIX.test(prefix)) {
    failures.push({
      property: `${INFO}.publicNamePrefix`,
      reason: `${INFO}.publicNamePrefix ${showValue(prefix)} is not allowed: use letters and digits, with hyphens only inside (the public name is "<prefix>-<GUID>")`,
    });
  }
  return failures;
}

function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}
