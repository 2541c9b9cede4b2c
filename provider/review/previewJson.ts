/**
 * Reads what `pulumi preview --json` prints (and, optionally, what `pulumi stack export` prints) into
 * the gallery resources a review talks about.
 *
 *   readReviewInput(previewText, stateText?): ReviewInput
 *   kindOfType(type, inputs): ResourceKind | undefined
 *
 * The preview lists only resources that change (and the stack); the state export adds the unchanged
 * ones, so that the matrix of versions by regions and "latest" cover the whole image definition.
 * Type tokens understood:
 *   - `pulumi-nodejs:dynamic/compute-gallery:Gallery|GalleryImage|GalleryImageVersion` (this package's
 *     dynamic resources),
 *   - `pulumi-nodejs:dynamic:Resource` (a dynamic resource without a type name: the kind is read from
 *     the serialized provider in `__provider`),
 *   - `compute-gallery:index:Gallery|GalleryImage|GalleryImageVersion` (the provider plugin).
 */
import type { ResourceKind } from "../model/mutability";
import type { JsonObject } from "../model/jsonObject";
import { lockTargetOf, type DeclaredLock } from "./locks";

/** What the review says happens to a resource. */
export type Action = "create" | "update" | "replace" | "delete" | "same";

export interface ReviewedResource {
  readonly urn: string;
  /** The Pulumi resource name (last part of the URN). */
  readonly name: string;
  readonly kind: ResourceKind;
  readonly action: Action;
  /** Outputs before the change (absent on create). */
  readonly before?: JsonObject;
  /** Inputs after the change (absent on delete). */
  readonly after?: JsonObject;
  /** Per input, the URNs of the resources its value comes from (Pulumi's `propertyDependencies`). */
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

export interface ReviewInput {
  readonly resources: readonly ReviewedResource[];
  /** Stack configuration as the preview prints it (`compute-gallery:prices`, ...). */
  readonly config: Readonly<Record<string, string>>;
  /** Resource locks the program keeps (azure-native), after the change: locks.ts. */
  readonly locks: readonly DeclaredLock[];
  /** Whether the state was given: without it, resources the preview leaves unchanged are missing. */
  readonly withState: boolean;
}

const KINDS_BY_TYPE_NAME: Readonly<Record<string, ResourceKind>> = {
  Gallery: "gallery",
  GalleryImage: "galleryImage",
  GalleryImageVersion: "galleryImageVersion",
};

export function kindOfType(type: string, inputs: JsonObject | undefined): ResourceKind | undefined {
  const named = /^(?:pulumi-nodejs:dynamic\/compute-gallery|compute-gallery:index):(\w+)$/.exec(type);
  if (named) return KINDS_BY_TYPE_NAME[named[1]!];
  if (type === "pulumi-nodejs:dynamic:Resource") {
    const provider = typeof inputs?.__provider === "string" ? inputs.__provider : "";
    const kind = /\bkind: "(gallery|galleryImage|galleryImageVersion)"/.exec(provider);
    return kind ? (kind[1] as ResourceKind) : undefined;
  }
  return undefined;
}

/** The engine's step operations, as the action a reviewer cares about. */
const ACTIONS: Readonly<Record<string, Action>> = {
  create: "create",
  update: "update",
  replace: "replace",
  "create-replacement": "replace",
  "delete-replaced": "replace",
  delete: "delete",
  same: "same",
};

interface StateResource {
  urn?: string;
  type?: string;
  inputs?: JsonObject;
  outputs?: JsonObject;
  propertyDependencies?: Record<string, string[]>;
}

interface Step {
  op?: string;
  urn?: string;
  oldState?: StateResource;
  newState?: StateResource;
}

function parse(text: string, what: string): JsonObject {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as JsonObject;
  } catch (error) {
    throw new Error(`${what} is not JSON (${(error as Error).message})`);
  }
  throw new Error(`${what} is not a JSON object`);
}

const nameOf = (urn: string): string => urn.split("::").pop() ?? urn;

export function readReviewInput(previewText: string, stateText?: string): ReviewInput {
  const preview = parse(previewText, "the preview (pulumi preview --json)");
  if (!Array.isArray(preview.steps)) {
    throw new Error("the preview has no `steps`: give the output of `pulumi preview --json`");
  }
  const byUrn = new Map<string, ReviewedResource>();
  const locks = new Map<string, DeclaredLock>();
  const keepLock = (urn: string | undefined, resource: StateResource | undefined, deleted: boolean) => {
    const target =
      resource && lockTargetOf(resource.type ?? "", resource.inputs, resource.propertyDependencies);
    if (urn === undefined || target === undefined) return;
    if (deleted) locks.delete(urn);
    else locks.set(urn, { urn, target });
  };
  for (const resource of stateText === undefined ? [] : stateResources(stateText)) {
    keepLock(resource.urn, resource, false);
    const kind = kindOfType(resource.type ?? "", resource.inputs);
    if (kind === undefined || resource.urn === undefined) continue;
    byUrn.set(resource.urn, {
      urn: resource.urn,
      name: nameOf(resource.urn),
      kind,
      action: "same",
      before: resource.outputs ?? {},
      after: resource.inputs ?? {},
      ...dependencies(resource),
    });
  }
  for (const step of preview.steps as Step[]) {
    const state = step.newState ?? step.oldState;
    const action = ACTIONS[step.op ?? ""];
    keepLock(step.urn, state, action === "delete");
    const kind = kindOfType(state?.type ?? "", state?.inputs);
    if (kind === undefined || action === undefined || step.urn === undefined) continue;
    const known = byUrn.get(step.urn);
    const merged = known?.action === "replace" ? "replace" : action;
    byUrn.set(step.urn, {
      urn: step.urn,
      name: nameOf(step.urn),
      kind,
      action: merged,
      ...optional("before", step.oldState?.outputs ?? known?.before),
      ...optional("after", action === "delete" ? undefined : (step.newState?.inputs ?? known?.after)),
      ...dependencies(step.newState ?? known),
    });
  }
  const config = preview.config !== null && typeof preview.config === "object" ? preview.config : {};
  return {
    resources: [...byUrn.values()],
    locks: [...locks.values()],
    withState: stateText !== undefined,
    config: Object.fromEntries(
      Object.entries(config as JsonObject).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      ),
    ),
  };
}

function stateResources(text: string): StateResource[] {
  const state = parse(text, "the state (pulumi stack export)");
  const deployment = state.deployment as { resources?: unknown } | undefined;
  if (!Array.isArray(deployment?.resources)) {
    throw new Error("the state has no `deployment.resources`: give the output of `pulumi stack export`");
  }
  return deployment.resources as StateResource[];
}

function dependencies(
  resource: Pick<ReviewedResource, "propertyDependencies"> | undefined,
): Pick<ReviewedResource, "propertyDependencies"> {
  const deps = resource?.propertyDependencies;
  return deps === undefined ? {} : { propertyDependencies: deps };
}

function optional<K extends string>(key: K, value: JsonObject | undefined): { [P in K]?: JsonObject } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: JsonObject };
}
