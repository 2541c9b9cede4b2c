/**
 * How a gallery's sharing profile gets from what Azure has to what the program says, the way Azure
 * documents it: the gallery's PUT ignores `sharingProfile.groups`, so subscriptions and tenants are
 * added and removed by the gallery's `share` action (Add, Remove); a shared gallery becomes private by
 * the action Reset; the community sees it after EnableCommunity. The PUT carries the permissions
 * (Azure's documented first step before Add or EnableCommunity: `az sig create --permissions groups`
 * or `community`), and never a change away from a shared state, which Reset makes first.
 *
 *   sharingPlan(olds, news): SharingPlan
 *     olds: the gallery's previous outputs ({} on create): Azure's sharingProfile, with
 *           `communityGalleryInfo.communityGalleryEnabled` once the community sees it.
 *     news: the checked inputs.
 *   describeSharingUpdate(update): "share with subscriptions a, b and tenant t" (for messages).
 *
 * Pure: no I/O.
 */
import type { SharingGroupType, SharingPermission } from "../model/enums";
import { isJsonObject, type JsonObject } from "../model/jsonObject";
import { memberChanges } from "./compareValues";
import { getPath } from "./values";

export type SharingOperation = "Add" | "Remove" | "Reset" | "EnableCommunity";

export interface SharingGroup {
  readonly type: SharingGroupType;
  readonly ids: readonly string[];
}

/** The body of one call of the share action (Azure's SharingUpdate). */
export interface SharingUpdate {
  readonly operationType: SharingOperation;
  readonly groups?: readonly SharingGroup[];
}

export interface SharingPlan {
  /** Reset before the PUT: the gallery leaves a shared state, which a PUT may not change. */
  readonly resetFirst: boolean;
  /** The permissions the PUT carries. */
  readonly permissions: SharingPermission;
  /** Share actions after the PUT, in order. */
  readonly after: readonly SharingUpdate[];
}

const GROUP_TYPES: readonly SharingGroupType[] = ["Subscriptions", "AADTenants"];

function permissionsOf(props: JsonObject): SharingPermission {
  const value = getPath(props, ["sharingProfile", "permissions"]);
  return value === "Groups" || value === "Community" ? value : "Private";
}

/** The ids shared with, per group type. */
function idsByType(props: JsonObject): Map<SharingGroupType, string[]> {
  const out = new Map<SharingGroupType, string[]>();
  const groups = getPath(props, ["sharingProfile", "groups"]);
  for (const group of Array.isArray(groups) ? groups : []) {
    if (!isJsonObject(group) || !GROUP_TYPES.includes(group.type as SharingGroupType)) continue;
    const ids = Array.isArray(group.ids) ? group.ids.map(String) : [];
    out.set(group.type as SharingGroupType, [...(out.get(group.type as SharingGroupType) ?? []), ...ids]);
  }
  return out;
}

/** Groups in Azure's order (Subscriptions, then AADTenants), without empty ones. */
function groupsOf(byType: Map<SharingGroupType, string[]>): SharingGroup[] {
  return GROUP_TYPES.flatMap((type) => {
    const ids = byType.get(type) ?? [];
    return ids.length > 0 ? [{ type, ids }] : [];
  });
}

/** What `news` shares with that `olds` does not (added), and the reverse (removed). */
function groupChanges(
  olds: JsonObject,
  news: JsonObject,
): { added: SharingGroup[]; removed: SharingGroup[] } {
  const [before, after] = [idsByType(olds), idsByType(news)];
  const added = new Map<SharingGroupType, string[]>();
  const removed = new Map<SharingGroupType, string[]>();
  for (const type of GROUP_TYPES) {
    const change = memberChanges(before.get(type) ?? [], after.get(type) ?? []);
    added.set(
      type,
      change.added.map(({ id }) => id),
    );
    removed.set(
      type,
      change.removed.map(({ id }) => id),
    );
  }
  return { added: groupsOf(added), removed: groupsOf(removed) };
}

const communityEnabled = (props: JsonObject): boolean =>
  getPath(props, ["sharingProfile", "communityGalleryInfo", "communityGalleryEnabled"]) === true;

export function sharingPlan(olds: JsonObject, news: JsonObject): SharingPlan {
  const [before, after] = [permissionsOf(olds), permissionsOf(news)];
  if (before === after) {
    const steps: SharingUpdate[] = [];
    if (after === "Groups") {
      const { added, removed } = groupChanges(olds, news);
      if (removed.length > 0) steps.push({ operationType: "Remove", groups: removed });
      if (added.length > 0) steps.push({ operationType: "Add", groups: added });
    }
    // A gallery set to Community elsewhere but never shown to the community yet.
    if (after === "Community" && !communityEnabled(olds)) steps.push({ operationType: "EnableCommunity" });
    return { resetFirst: false, permissions: after, after: steps };
  }
  const steps: SharingUpdate[] =
    after === "Groups"
      ? [{ operationType: "Add", groups: groupsOf(idsByType(news)) }]
      : after === "Community"
        ? [{ operationType: "EnableCommunity" }]
        : [];
  return { resetFirst: before !== "Private", permissions: after, after: steps };
}

/** Whether the plan calls the share action at all. */
export function sharesAnything(plan: SharingPlan): boolean {
  return plan.resetFirst || plan.after.length > 0;
}

const GROUP_WORDS: Record<SharingGroupType, [string, string]> = {
  Subscriptions: ["subscription", "subscriptions"],
  AADTenants: ["tenant", "tenants"],
};

function listGroups(groups: readonly SharingGroup[]): string {
  return groups
    .map(({ type, ids }) => `${GROUP_WORDS[type][ids.length === 1 ? 0 : 1]} ${ids.join(", ")}`)
    .join(" and ");
}

/** One share action in words: "Add (share with subscription a and tenant t)". */
export function describeSharingUpdate(update: SharingUpdate): string {
  const groups = update.groups ?? [];
  switch (update.operationType) {
    case "Add":
      return groups.length > 0 ? `Add (share with ${listGroups(groups)})` : "Add (share with groups)";
    case "Remove":
      return `Remove (stop sharing with ${listGroups(groups)})`;
    case "Reset":
      return "Reset (make the gallery private)";
    case "EnableCommunity":
      return "EnableCommunity (share with the community)";
  }
}

/** The whole plan in words, for the preview: every share action, in the order they run. */
export function describeSharingPlan(plan: SharingPlan): string {
  const steps = [...(plan.resetFirst ? [{ operationType: "Reset" as const }] : []), ...plan.after];
  return steps.map(describeSharingUpdate).join(", then ");
}
