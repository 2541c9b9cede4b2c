/**
 * The decisions a reviewer makes from a preview, per resource: what happens to it, why Azure
 * replaces it, which regions lose their replicas, how replica counts and storage types change, what
 * the expected load advises, and what the change does to storage and egress.
 *
 *   reviewDecisions(input): Decisions
 *
 * Replacement reasons come from the same diff and mutability table the provider runs at preview.
 * Sizes: the user's `usedSizeInGB`, else Azure's provisioned sizes from the old outputs (upper
 * bounds); a new version has no provisioned size yet. Pure: no I/O.
 */
import { parseExpectedLoad, parsePrices, type ExpectedLoadByRegion, type Prices } from "../advice/config";
import { monthlyStorageCost } from "../advice/cost";
import { replicaAdvice, type ReplicaAdvice } from "../advice/replicas";
import { footprintOfVersion } from "../advice/storage";
import { estimateAfter, storageChange, type StorageChange } from "../advice/storageChange";
import { INTENT_KEY, type Intent } from "../advice/intent";
import { parseIntent } from "../advice/intentConfig";
import { productionFindings, type PracticeFinding } from "../advice/productionAdvice";
import { diffResource } from "../lifecycle/diff";
import { mutabilityOf, type ResourceKind } from "../model/mutability";
import type { Action, ReviewInput, ReviewedResource } from "./previewJson";
import { programAdvice, type ProgramAdvice } from "./programAdvice";

export type { StorageChange };

export interface Replacement {
  /** The property path that forces replacement, e.g. `publishingProfile.targetRegions[0].storageAccountType`. */
  readonly property: string;
  /** Azure's reason, from the mutability table. */
  readonly why: string;
}

export interface RegionChange {
  readonly region: string;
  readonly before: string | number;
  readonly after: string | number;
}

export interface RegionAdvice extends ReplicaAdvice {
  readonly region: string;
  readonly current: number;
}

export interface ResourceDecision {
  readonly resource: ReviewedResource;
  readonly action: Action;
  readonly replacements: readonly Replacement[];
  readonly addedRegions: readonly string[];
  readonly removedRegions: readonly string[];
  readonly replicaCountChanges: readonly RegionChange[];
  readonly storageTypeChanges: readonly RegionChange[];
  /** Versions only: regions where the expected load needs more replicas than planned. */
  readonly advice: readonly RegionAdvice[];
  /** Versions of production images only (with intent): best practices the version misses. */
  readonly practices: readonly PracticeFinding[];
  /** Versions only. */
  readonly storage?: StorageChange;
}

/** The stack's versions after the change, together. */
export interface StackTotal {
  readonly versions: number;
  readonly snapshots: number;
  readonly storedGB: number | undefined;
  /** Only with prices. */
  readonly monthlyCost?: number | undefined;
}

export interface Decisions {
  readonly resources: readonly ResourceDecision[];
  readonly stackTotal: StackTotal;
  readonly prices?: Prices;
  readonly expectedLoad?: ExpectedLoadByRegion;
  /** With `compute-gallery:intent` only: the best practices the whole program misses. */
  readonly programAdvice?: readonly ProgramAdvice[];
  /** False when the state was not given: program-wide advice then sees only changed resources. */
  readonly wholeStack: boolean;
}

const CONFIG = { expectedLoad: "compute-gallery:expectedLoad", prices: "compute-gallery:prices" };

export function reviewDecisions(input: ReviewInput): Decisions {
  const loadText = input.config[CONFIG.expectedLoad];
  const pricesText = input.config[CONFIG.prices];
  const expectedLoad = loadText === undefined ? undefined : parseExpectedLoad(loadText);
  const prices = pricesText === undefined ? undefined : parsePrices(pricesText);
  const intentText = input.config[INTENT_KEY];
  const intent = intentText === undefined ? undefined : parseIntent(intentText);
  return {
    resources: input.resources
      .filter((resource) => resource.action !== "same")
      .map((resource) => decide(resource, expectedLoad, prices, intent)),
    stackTotal: stackTotal(input, prices),
    ...(prices ? { prices } : {}),
    ...(expectedLoad ? { expectedLoad } : {}),
    ...(intent ? { programAdvice: programAdvice(input, intent) } : {}),
    wholeStack: input.withState,
  };
}

function decide(
  resource: ReviewedResource,
  expectedLoad: ExpectedLoadByRegion | undefined,
  prices: Prices | undefined,
  intent: Intent | undefined,
): ResourceDecision {
  const none = {
    addedRegions: [],
    removedRegions: [],
    replicaCountChanges: [],
    storageTypeChanges: [],
    advice: [],
    practices: [],
  };
  const replacements = resource.action === "replace" ? replacementsOf(resource) : [];
  if (resource.kind !== "galleryImageVersion") {
    return { resource, action: resource.action, replacements, ...none };
  }
  const before = resource.before && footprintOfVersion(resource.before);
  const after = resource.after && footprintOfVersion(resource.after);
  const regions = (f: typeof before) => new Map((f?.targetRegions ?? []).map((t) => [t.region, t]));
  const [old, next] = [regions(before), regions(after)];
  const kept = [...next.keys()].filter((region) => old.has(region));
  const changes = (field: "replicas" | "storageAccountType"): RegionChange[] =>
    kept
      .filter((region) => old.get(region)![field] !== next.get(region)![field])
      .map((region) => ({ region, before: old.get(region)![field], after: next.get(region)![field] }));
  return {
    resource,
    action: resource.action,
    replacements,
    addedRegions: resource.before ? [...next.keys()].filter((region) => !old.has(region)) : [],
    removedRegions: [...old.keys()].filter((region) => !next.has(region)),
    replicaCountChanges: changes("replicas"),
    storageTypeChanges: changes("storageAccountType"),
    advice: [...next.values()].flatMap(({ region, replicas }) => {
      const load = expectedLoad?.[region];
      if (load === undefined) return [];
      const advice = replicaAdvice(load);
      return replicas < advice.recommended || advice.exceedsLimit
        ? [{ region, current: replicas, ...advice }]
        : [];
    }),
    practices: intent && resource.after ? productionFindings(resource.after, intent) : [],
    storage: storageChange(resource.before, resource.after, resource.action === "replace", prices),
  };
}

/** Each property that forces replacement, with Azure's reason from the mutability table. */
function replacementsOf(resource: ReviewedResource): Replacement[] {
  if (!resource.before || !resource.after) return [];
  const outcome = diffResource(resource.kind, resource.before, resource.after);
  return outcome.replaces.map((property) => ({ property, why: whyOf(resource.kind, property) }));
}

function whyOf(kind: ResourceKind, property: string): string {
  const row = property.replace(/\[\d+\]/g, "[]");
  const entry = mutabilityOf(kind).find((e) => e.path === row || e.path === `${row}[]`);
  return entry?.why ?? "";
}

/** Every version of the stack after the change (all of them only when the state was given). */
function stackTotal(input: ReviewInput, prices: Prices | undefined): StackTotal {
  const estimates = input.resources
    .filter((resource) => resource.kind === "galleryImageVersion")
    .flatMap((resource) => (resource.after ? estimateAfter(resource.after, resource.before) : []));
  const stored = estimates.map((e) => e.storedGB);
  const costs = prices ? estimates.map((e) => monthlyStorageCost(e, prices).amount) : [];
  const sum = (values: (number | undefined)[]) =>
    values.some((v) => v === undefined) ? undefined : values.reduce<number>((a, b) => a + b!, 0);
  return {
    versions: estimates.length,
    snapshots: estimates.reduce((total, e) => total + e.snapshots, 0),
    storedGB: sum(stored),
    ...(prices ? { monthlyCost: sum(costs) } : {}),
  };
}
