/**
 * diff: what a change of inputs does to a resource in Azure, read from the mutability table only.
 *
 *   diffGallery(olds, news, label?): DiffOutcome
 *   diffGalleryImage(olds, news, label?): DiffOutcome
 *   diffGalleryImageVersion(olds, news, label?): DiffOutcome
 *   diffGalleryRoleAssignment(olds, news, label?): DiffOutcome
 *   diffResource(kind, olds, news, label?): DiffOutcome
 *
 *   olds:  the previous outputs (previous inputs under the same names plus read-only fields such as
 *          id, provisioningState, publishedDate, replicationStatus, which are ignored: only table
 *          paths are compared).
 *   news:  the checked new inputs; the unknown sentinel anywhere counts as a change of that argument.
 *   Both sides have been through check or read (outputs.ts), so Azure's defaults are filled in and
 *   region names normalised: diff applies neither again.
 *   label: names the resource in warnings (e.g. its URN or "image version rg/g/i/1.0.0");
 *          defaults to the resource type.
 *   returns {
 *     changes:             true when anything changes (always set explicitly),
 *     replaces:            property paths forcing replacement, e.g.
 *                          "publishingProfile.targetRegions[0].storageAccountType" (index into news),
 *     deleteBeforeReplace: true whenever replaces is non-empty (Azure names are fixed, so the old
 *                          resource must go before the new one can take its name),
 *     updates:             property paths changed in place,
 *     warnings:            one sentence per replacement: resource, property, old -> new, and why;
 *                          when a parent's name is known only after apply, the parent being replaced
 *                          is named as the reason,
 *     details:             every changed property path with what happens to it (add, delete, update)
 *                          and whether it forces replacement: a target region or data disk added is
 *                          `...targetRegions[i]` (index into news), one removed is indexed into olds;
 *                          likewise a subscription shared with is `sharingProfile.groups[g].ids[i]`
 *                          (add, index into news) and one no longer shared with is indexed into olds.
 *   }
 *
 * Target regions are matched by name, so order never makes a difference; data disks by LUN.
 * Pure: no I/O.
 */
import {
  mutabilityOf,
  RESOURCE_DISPLAY_NAMES,
  type Behaviour,
  type ElementKey,
  type InPlaceCondition,
  type MutabilityEntry,
  type ResourceKind,
} from "../model/mutability";
import { containsUnknown, isUnknown, UNKNOWN } from "../model/unknown";
import { canonicalJson, memberChanges, sameValue } from "./compareValues";
import { isJsonObject, type JsonObject } from "../model/jsonObject";
import { getPath, showValue, type PathSegment } from "./values";

export interface DiffOutcome {
  readonly changes: boolean;
  readonly replaces: string[];
  readonly deleteBeforeReplace: boolean;
  readonly updates: string[];
  readonly warnings: string[];
  readonly details: DiffDetail[];
}

/** One changed property path, as a provider's detailed diff reports it. */
export interface DiffDetail {
  readonly path: string;
  readonly kind: "add" | "delete" | "update";
  readonly replace: boolean;
}

export function diffGallery(olds: JsonObject, news: JsonObject, label?: string): DiffOutcome {
  return diffResource("gallery", olds, news, label);
}

export function diffGalleryImage(olds: JsonObject, news: JsonObject, label?: string): DiffOutcome {
  return diffResource("galleryImage", olds, news, label);
}

export function diffGalleryImageVersion(olds: JsonObject, news: JsonObject, label?: string): DiffOutcome {
  return diffResource("galleryImageVersion", olds, news, label);
}

/**
 * A role is named by id or by name, and the outputs carry both: only the spelling the new inputs use
 * is compared, so naming the role as before is no change whatever Azure reported for the other.
 */
export function diffGalleryRoleAssignment(olds: JsonObject, news: JsonObject, label?: string): DiffOutcome {
  const comparable = { ...olds };
  if (news.roleDefinitionId === undefined) delete comparable.roleDefinitionId;
  if (news.roleName === undefined) delete comparable.roleName;
  return diffResource("galleryRoleAssignment", comparable, news, label);
}

/** One changed argument, found by walking the table. */
interface Change {
  readonly entry: MutabilityEntry;
  /** Concrete property path, e.g. `publishingProfile.targetRegions[2].regionalReplicaCount`. */
  readonly path: string;
  readonly before: string;
  readonly after: string;
  /** The concrete paths behind this change (several for elements added to or removed from a list). */
  readonly details: readonly Omit<DiffDetail, "replace">[];
}

export function diffResource(
  kind: ResourceKind,
  olds: JsonObject,
  news: JsonObject,
  label: string = RESOURCE_DISPLAY_NAMES[kind],
): DiffOutcome {
  const table = mutabilityOf(kind);
  const changes = table.flatMap((entry) => changesOf(entry, table, olds, news));
  const replacing = changes.filter((change) => behaviourOf(change, olds, news) === "replace");
  const replaces = unique(replacing.map((change) => change.path));
  const updates = unique(
    changes.filter((change) => behaviourOf(change, olds, news) === "update").map((c) => c.path),
  );
  return {
    changes: changes.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0,
    updates,
    warnings: replacing.map((change) => replacementWarning(kind, label, change)),
    details: mergedDetails(
      changes.flatMap((change) => {
        const replace = behaviourOf(change, olds, news) === "replace";
        return change.details.map((detail) => ({ ...detail, replace }));
      }),
    ),
  };
}

/**
 * One detail per path: an element removed at an index of the old list and another added at the same
 * index of the new list (a subscription swapped for another) is an update of that path.
 */
function mergedDetails(details: readonly DiffDetail[]): DiffDetail[] {
  const byPath = new Map<string, DiffDetail>();
  for (const detail of details) {
    const seen = byPath.get(detail.path);
    byPath.set(
      detail.path,
      seen === undefined
        ? detail
        : {
            path: detail.path,
            kind: seen.kind === detail.kind ? detail.kind : "update",
            replace: seen.replace || detail.replace,
          },
    );
  }
  return [...byPath.values()];
}

/** The row's behaviour, or "update" when its in-place condition holds for this change. */
function behaviourOf(change: Change, olds: JsonObject, news: JsonObject): Behaviour {
  const condition = change.entry.inPlaceWhen;
  if (condition === undefined || change.entry.behaviour === "update") return change.entry.behaviour;
  return inPlaceConditionHolds(condition, getPath(olds, segments(change.entry.path)), news, change.entry.path)
    ? "update"
    : "replace";
}

function inPlaceConditionHolds(
  condition: InPlaceCondition,
  oldList: unknown,
  news: JsonObject,
  listPath: string,
): boolean {
  const newList = valueAt(news, segments(listPath));
  if (news[condition.flag] !== true || containsUnknown(newList)) return false;
  const before = Array.isArray(oldList) ? oldList : [];
  const after = Array.isArray(newList) ? newList : [];
  const nameOf = (element: unknown) => String(getPath(element, ["name"]) ?? "").toLowerCase();
  const kept = new Set(after.map(nameOf));
  if (!before.every((element) => kept.has(nameOf(element)))) return false;
  const unchanged = new Set(before.map(canonicalJson));
  return after
    .filter((element) => !unchanged.has(canonicalJson(element)))
    .every((element) => {
      const carried = getPath(element, [condition.changedElementsCarry]);
      return typeof carried === "string" && carried !== "";
    });
}

/** The names of a resource's parents, and what each parent is. */
const PARENTS: Record<ResourceKind, Readonly<Record<string, string>>> = {
  gallery: {},
  galleryImage: { galleryName: "gallery" },
  galleryImageVersion: { galleryName: "gallery", galleryImageName: "image definition" },
  galleryRoleAssignment: { scope: "gallery or image definition" },
};

function replacementWarning(kind: ResourceKind, label: string, change: Change): string {
  const parent = PARENTS[kind][change.path];
  if (parent !== undefined && change.after === showValue(UNKNOWN)) {
    // The name is taken from the parent's outputs, unknown only while the parent is replaced.
    return (
      `${label} will be replaced (deleted, then created again) because its ${parent} ${change.before} ` +
      `is being replaced: ${change.entry.why}.`
    );
  }
  return (
    `${label} will be replaced (deleted, then created again) because ${change.path} changes: ` +
    `${change.before} -> ${change.after}. Azure cannot change it in place: ${change.entry.why}.`
  );
}

function unique(paths: readonly string[]): string[] {
  return [...new Set(paths)];
}

// ---- walking the table -----------------------------------------------------------------------

function changesOf(
  entry: MutabilityEntry,
  table: readonly MutabilityEntry[],
  olds: JsonObject,
  news: JsonObject,
): Change[] {
  const [collectionPath, rest] = splitAtCollection(entry.path);
  if (rest === undefined) return leafChanges(entry, olds, news, segments(entry.path), entry.path);
  const membership = table.find((row) => row.path === `${collectionPath}[]`);
  if (membership?.keyedBy === undefined) throw new Error(`mutability table: no keyed row for ${entry.path}`);
  return rest === ""
    ? membershipChanges(entry, membership.keyedBy, olds, news, collectionPath)
    : elementChanges(entry, membership.keyedBy, olds, news, collectionPath, rest);
}

/** `a.b[].c.d` -> [`a.b`, `c.d`]; `a.b[]` -> [`a.b`, ``]; `a.b` -> [`a.b`, undefined]. */
function splitAtCollection(path: string): [string, string | undefined] {
  const at = path.indexOf("[]");
  if (at < 0) return [path, undefined];
  return [path.slice(0, at), path.slice(at + 2).replace(/^\./, "")];
}

function segments(path: string): string[] {
  return path.split(".");
}

/** The value at `path`, or UNKNOWN when the value or any container on the way is unknown. */
function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  for (let depth = 0; depth < path.length; depth++) {
    if (isUnknown(getPath(root, path.slice(0, depth)))) return UNKNOWN;
  }
  return getPath(root, path);
}

/** `oldShownPath`: where the value sits in olds, when its element moved in the list (members' deletes). */
function leafChanges(
  entry: MutabilityEntry,
  olds: unknown,
  news: unknown,
  path: readonly PathSegment[],
  shownPath: string,
  oldShownPath: string = shownPath,
): Change[] {
  const before = getPath(olds, path);
  const after = valueAt(news, path);
  if (sameValue(entry, before, after)) return [];
  if (entry.compare === "members" && !isUnknown(after)) {
    // One detail per id, so the preview names exactly which subscriptions or tenants come and go.
    const { added, removed } = memberChanges(before, after);
    return [
      {
        entry,
        path: shownPath,
        before: showValue(before),
        after: showValue(after),
        details: [
          ...added.map(({ index }) => ({ path: `${shownPath}[${index}]`, kind: "add" as const })),
          ...removed.map(({ index }) => ({ path: `${oldShownPath}[${index}]`, kind: "delete" as const })),
        ],
      },
    ];
  }
  const kind = before === undefined ? "add" : after === undefined ? "delete" : "update";
  return [
    {
      entry,
      path: shownPath,
      before: showValue(before),
      after: showValue(after),
      details: [{ path: shownPath, kind }],
    },
  ];
}

interface KeyedElement {
  readonly index: number;
  readonly element: unknown;
}

/** Elements of a keyed list by key; elements whose key is unknown get a key of their own. */
function keyedElements(list: unknown, keyedBy: ElementKey): Map<string, KeyedElement> {
  const byKey = new Map<string, KeyedElement>();
  if (!Array.isArray(list)) return byKey;
  list.forEach((element, index) => {
    byKey.set(elementKey(element, keyedBy) ?? `(unknown #${index})`, { index, element });
  });
  return byKey;
}

function elementKey(element: unknown, keyedBy: ElementKey): string | undefined {
  if (!isJsonObject(element)) return undefined;
  const text = (value: unknown) => (typeof value === "string" && !isUnknown(value) ? value : undefined);
  switch (keyedBy) {
    case "region":
      return text(element.name);
    case "lun":
      return typeof element.lun === "number" ? String(element.lun) : undefined;
    case "extendedLocation": {
      const name = text(element.name);
      const zone = text(getPath(element, ["extendedLocation", "name"]));
      return name === undefined || zone === undefined ? undefined : `${name}/${zone.toLowerCase()}`;
    }
    case "groupType":
      return text(element.type);
  }
}

/** Elements added or removed (a new target region, a data disk more or less). */
function membershipChanges(
  entry: MutabilityEntry,
  keyedBy: ElementKey,
  olds: unknown,
  news: unknown,
  collectionPath: string,
): Change[] {
  const path = segments(collectionPath);
  const newList = valueAt(news, path);
  const oldElements = keyedElements(getPath(olds, path), keyedBy);
  if (isUnknown(newList)) {
    return [
      {
        entry,
        path: collectionPath,
        before: keysOf(oldElements),
        after: showValue(UNKNOWN),
        details: [{ path: collectionPath, kind: "update" }],
      },
    ];
  }
  // An omitted list Azure fills in from the source (data disks of a managed image) is no change.
  if (newList === undefined && entry.azureChoosesWhenOmitted) return [];
  const newElements = keyedElements(newList, keyedBy);
  const added = [...newElements.keys()].filter((key) => !oldElements.has(key));
  const removed = [...oldElements.keys()].filter((key) => !newElements.has(key));
  if (added.length === 0 && removed.length === 0) return [];
  const at = (elements: Map<string, KeyedElement>, key: string) =>
    `${collectionPath}[${elements.get(key)!.index}]`;
  return [
    {
      entry,
      path: collectionPath,
      before: keysOf(oldElements),
      after: keysOf(newElements),
      details: [
        ...added.map((key) => ({ path: at(newElements, key), kind: "add" as const })),
        ...removed.map((key) => ({ path: at(oldElements, key), kind: "delete" as const })),
      ],
    },
  ];
}

function keysOf(elements: Map<string, KeyedElement>): string {
  return JSON.stringify([...elements.keys()]);
}

/** A field of an element present before and after (a region's replica count, a disk's caching). */
function elementChanges(
  entry: MutabilityEntry,
  keyedBy: ElementKey,
  olds: unknown,
  news: unknown,
  collectionPath: string,
  fieldPath: string,
): Change[] {
  const path = segments(collectionPath);
  const newList = valueAt(news, path);
  if (isUnknown(newList)) {
    // The whole list is known only after apply: any field of it may change.
    return [
      {
        entry,
        path: collectionPath,
        before: showValue(getPath(olds, path)),
        after: showValue(UNKNOWN),
        details: [{ path: collectionPath, kind: "update" }],
      },
    ];
  }
  const oldElements = keyedElements(getPath(olds, path), keyedBy);
  const newElements = keyedElements(newList, keyedBy);
  const field = segments(fieldPath);
  return [...newElements].flatMap(([key, { index, element }]) => {
    const counterpart = oldElements.get(key);
    if (counterpart === undefined) return []; // an added element: its membership row reports it
    const shownPath = `${collectionPath}[${index}].${fieldPath}`;
    const oldShownPath = `${collectionPath}[${counterpart.index}].${fieldPath}`;
    return leafChanges(entry, counterpart.element, element, field, shownPath, oldShownPath);
  });
}
