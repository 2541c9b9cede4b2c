/**
 * check: validate and normalise the new inputs of a resource before anything is planned.
 *
 *   checkGallery(olds, news, ctx): CheckResult
 *   checkGalleryImage(olds, news, ctx): CheckResult
 *   checkGalleryImageVersion(olds, news, ctx): CheckResult
 *   checkGalleryRoleAssignment(olds, news, ctx): CheckResult (rules in roleAssignmentRules.ts)
 *
 *   olds: the previous checked inputs ({} on create); news: the program's inputs, where any value may
 *         be the engine's unknown sentinel at preview (such values are accepted and not validated).
 *   ctx:  { now: Date; accessGrantedRegions: string[]; program?: ProgramFacts } — no clock, settings
 *         or other resources are read here but through ctx.
 *   returns { inputs, failures }:
 *     inputs   = news with Azure's defaults filled in (hyperVGeneration V1, architecture x64, replica
 *                count 1, storage type Standard_LRS, target regions = [location] when omitted, per-region
 *                count and storage type inherited from the profile), region names normalised (`eastus2`),
 *                `__provider` passed through untouched, and no `undefined` anywhere.
 *     failures = [{ property, reason }], property being a path such as
 *                `publishingProfile.targetRegions[1].regionalReplicaCount`; empty when valid.
 *
 * Pure: no I/O, no clock.
 */
import type { ResourceKind } from "../model/mutability";
import { normaliseRegionFields } from "../model/regionFields";
import { INPUT_SCHEMAS, type ResourceInputs } from "../model/schemas";
import { galleryImageDefaults, galleryImageVersionDefaults } from "./defaulting";
import { endOfLifeDateFailures } from "./dateRules";
import { featureFailures } from "./featureRules";
import {
  galleryImageNameFailures,
  galleryImageVersionNameFailures,
  galleryNameFailures,
  resourceGroupNameFailures,
} from "./nameRules";
import { parentFailures } from "./parentRules";
import { NO_PROGRAM_FACTS, type ProgramFacts } from "./programFacts";
import { locationFailures, targetRegionFailures } from "./regionRules";
import { roleAssignmentFailures, withDefaultAssignmentName } from "./roleAssignmentRules";
import { schemaFailures, type CheckFailure } from "./schemaFailures";
import { sharingProfileFailures } from "./sharingRules";
import { storageSourceFailures } from "./sourceRules";
import { tagFailures } from "./tagRules";
import type { JsonObject } from "../model/jsonObject";
import { numberAt, withoutUndefined } from "./values";

export type { CheckFailure } from "./schemaFailures";

export interface CheckContext {
  /** The current time, for end-of-life dates. */
  readonly now: Date;
  /** Regions (any spelling) the subscription was granted access to, e.g. ["australiacentral"]. */
  readonly accessGrantedRegions: readonly string[];
  /** The parents this run has checked, for a version's rules that depend on them; none when absent. */
  readonly program?: ProgramFacts;
}

/**
 * `inputs` are typed as the resource's checked inputs: they are, when `failures` is empty, except
 * that at preview any value may still be the engine's unknown sentinel.
 */
export interface CheckResult<Inputs = JsonObject> {
  /** With the engine's `__provider`, passed through untouched. */
  readonly inputs: Inputs & { readonly __provider?: unknown };
  readonly failures: CheckFailure[];
}

/** The engine's own key for the serialized provider; never validated, always passed through. */
const PROVIDER_KEY = "__provider";

export function checkGallery(
  olds: JsonObject,
  news: JsonObject,
  ctx: CheckContext,
): CheckResult<ResourceInputs["gallery"]> {
  void olds;
  return checkWith("gallery", news, (plain) => ({
    inputs: plain,
    failures: [
      ...resourceGroupNameFailures(plain),
      ...galleryNameFailures(plain),
      ...locationFailures(plain, ctx.accessGrantedRegions),
      ...sharingProfileFailures(plain),
      ...tagFailures(plain),
    ],
  }));
}

export function checkGalleryImage(
  olds: JsonObject,
  news: JsonObject,
  ctx: CheckContext,
): CheckResult<ResourceInputs["galleryImage"]> {
  return checkWith("galleryImage", news, (plain) => ({
    inputs: galleryImageDefaults(plain),
    failures: [
      ...resourceGroupNameFailures(plain),
      ...galleryNameFailures(plain),
      ...galleryImageNameFailures(plain),
      ...locationFailures(plain, ctx.accessGrantedRegions),
      ...rangeFailures(plain, "vCPUs"),
      ...rangeFailures(plain, "memory"),
      ...featureFailures(plain),
      ...endOfLifeDateFailures(["endOfLifeDate"], olds, plain, ctx.now),
      ...tagFailures(plain),
    ],
  }));
}

export function checkGalleryImageVersion(
  olds: JsonObject,
  news: JsonObject,
  ctx: CheckContext,
): CheckResult<ResourceInputs["galleryImageVersion"]> {
  return checkWith("galleryImageVersion", news, (plain) => ({
    inputs: galleryImageVersionDefaults(plain),
    failures: [
      ...resourceGroupNameFailures(plain),
      ...galleryNameFailures(plain),
      ...galleryImageNameFailures(plain),
      ...galleryImageVersionNameFailures(plain),
      ...locationFailures(plain, ctx.accessGrantedRegions),
      ...targetRegionFailures(olds, plain, ctx.accessGrantedRegions),
      ...storageSourceFailures(plain),
      ...parentFailures(plain, ctx.program ?? NO_PROGRAM_FACTS),
      ...endOfLifeDateFailures(["publishingProfile", "endOfLifeDate"], olds, plain, ctx.now),
      ...tagFailures(plain),
    ],
  }));
}

export function checkGalleryRoleAssignment(
  olds: JsonObject,
  news: JsonObject,
  ctx: CheckContext,
): CheckResult<ResourceInputs["galleryRoleAssignment"]> {
  void olds;
  void ctx;
  return checkWith("galleryRoleAssignment", news, (plain) => ({
    inputs: withDefaultAssignmentName(plain),
    failures: roleAssignmentFailures(plain),
  }));
}

/**
 * The steps every resource shares: set `__provider` aside, drop `undefined`s, validate the shape,
 * apply the resource's rules and defaults, normalise region names, put `__provider` back. Failures
 * are found in the program's own spelling, so that they quote what the user wrote.
 */
function checkWith<K extends ResourceKind>(
  kind: K,
  news: JsonObject,
  rules: (plain: JsonObject) => { inputs: JsonObject; failures: CheckFailure[] },
): CheckResult<ResourceInputs[K]> {
  const { [PROVIDER_KEY]: provider, ...rest } = news;
  const plain = withoutUndefined(rest);
  const outcome = rules(plain);
  const inputs = normaliseRegionFields(kind, withoutUndefined(outcome.inputs));
  return {
    // The rules and defaults keep the shape; unknown values are the only departure (see CheckResult).
    inputs: (provider === undefined
      ? inputs
      : { ...inputs, [PROVIDER_KEY]: provider }) as unknown as CheckResult<ResourceInputs[K]>["inputs"],
    failures: [...schemaFailures(INPUT_SCHEMAS[kind], plain), ...outcome.failures],
  };
}

/**
 * Recommended vCPUs or memory: min must not exceed max. A negative bound is the schema's failure, so
 * the pair is compared only when both bounds are valid counts (else one mistake gives two messages).
 */
function rangeFailures(news: JsonObject, resource: "vCPUs" | "memory"): CheckFailure[] {
  const min = numberAt(news, ["recommended", resource, "min"]);
  const max = numberAt(news, ["recommended", resource, "max"]);
  if (min === undefined || max === undefined || min < 0 || max < 0 || min <= max) return [];
  return [
    {
      property: `recommended.${resource}.min`,
      reason: `recommended.${resource} needs min <= max: min ${min} is greater than max ${max}`,
    },
  ];
}
