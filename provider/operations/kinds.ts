// Each resource kind described once: how to name it in messages, which pure check/diff applies,
// which calls read and write it in Azure. The operations (operations.ts) are the same for every kind.
import type { GalleryApi, VersionRef, WriteHooks } from "../azure/galleryApi";
import type { JsonObject } from "../model/jsonObject";
import { nameKeysOf } from "../azure/armId";
import type { CheckContext, CheckResult } from "../lifecycle/check";
import {
  diffGallery,
  diffGalleryImage,
  diffGalleryImageVersion,
  diffGalleryRoleAssignment,
  type DiffOutcome,
} from "../lifecycle/diff";
import { removedReplicaRegions } from "../lifecycle/regionRules";
import { listAt } from "../lifecycle/values";
import { unknownFeatureNotes } from "../lifecycle/featureRules";
import { replicaWarnings } from "../advice/replicaWarnings";
import { productionWarnings } from "../advice/productionAdvice";
import { changesBilling, storageChange, storageChangeSummary } from "../advice/storageChange";
import { containsUnknown } from "../model/unknown";
import { writeGallery } from "./galleryWrite";
import { describeSharingPlan, sharesAnything, sharingPlan } from "../lifecycle/sharingPlan";
import { deletedVersionNote, replacedVersionNote } from "../advice/softDelete";
import { forgetGalleryPolicy, galleryKeepsDeletedVersions } from "./galleryPolicy";
import { forgetVersionListing, readVersion } from "./versionReads";
import type { BackendSettings } from "../azure/settings";
import type { ResourceKind } from "../model/mutability";
import {
  deleteRoleAssignment,
  getRoleAssignment,
  putRoleAssignment,
  roleAssignmentLabel,
} from "./roleAssignmentCalls";
import { onFirstUse } from "../tuning";

/** What a write is told besides the resource and its body. */
export interface PutContext extends WriteHooks {
  /** Hears about long replications. */
  readonly onProgress: (version: JsonObject) => Promise<void>;
  /** The previous outputs on update; absent on create. */
  readonly olds?: JsonObject;
}

export interface KindSpec {
  /** Names the resource in messages: "image definition rg/gallery/image". */
  label(props: JsonObject): string;
  check(olds: JsonObject, news: JsonObject, ctx: CheckContext): CheckResult;
  diff(olds: JsonObject, news: JsonObject, label: string): DiffOutcome;
  get(api: GalleryApi, props: JsonObject): Promise<JsonObject | undefined>;
  /** What a refresh or an import reads, given what the state holds (`prior`); `get` when absent. */
  read?(api: GalleryApi, props: JsonObject, prior: JsonObject): Promise<JsonObject | undefined>;
  /** Writes the resource. */
  put(api: GalleryApi, props: JsonObject, body: JsonObject, context: PutContext): Promise<JsonObject>;
  remove(api: GalleryApi, props: JsonObject): Promise<void>;
  /** The ARM names: path segments, not part of the request body. */
  nameKeys: readonly string[];
  /**
   * Azure keeps no tags on it (role assignments): no owner marker, so a create that finds one
   * refuses it, whoever made it.
   */
  untagged?: true;
  /** Extra preview warnings that need a look at Azure. */
  replacementNotes?(api: GalleryApi, olds: JsonObject): Promise<string[]>;
  /** Whether a create brings back a soft-deleted resource, which Azure answers 200, not 201. */
  restores?(props: JsonObject): boolean;
  /** What to tell once the resource is deleted (that it can still be restored). */
  deleteNotes?(api: GalleryApi, props: JsonObject, deletedAt: Date): Promise<string[]>;
  /** Preview warnings about checked inputs that are valid but ill-advised. */
  checkNotes?(inputs: JsonObject, label: string, settings: BackendSettings): string[];
  /** Preview warnings for in-place changes that still destroy something. */
  updateNotes?(olds: JsonObject, news: JsonObject, label: string): string[];
  /** What a change does to the snapshots, stored GB and egress Azure bills, when it moves them. */
  billingNote?(
    olds: JsonObject,
    news: JsonObject,
    replacing: boolean,
    label: string,
    settings: BackendSettings,
  ): string | undefined;
}

/** An ARM name of the resource (check has made sure it is a string before any call reads it). */
const nameIn = (p: JsonObject, key: string): string => String(p[key]);
const galleryRef = (p: JsonObject) => ({
  resourceGroupName: nameIn(p, "resourceGroupName"),
  galleryName: nameIn(p, "galleryName"),
});
const imageRef = (p: JsonObject) => ({ ...galleryRef(p), galleryImageName: nameIn(p, "galleryImageName") });
const versionRef = (p: JsonObject): VersionRef => ({
  ...imageRef(p),
  galleryImageVersionName: nameIn(p, "galleryImageVersionName"),
});

/** The checks, with zod and the model's schemas: a refresh or a destroy never loads them (tuning.ts, 3). */
const checks = onFirstUse(() => require("../lifecycle/check") as typeof import("../lifecycle/check"));

/** A kind's check, loaded when first called. */
function checkOnDemand(
  name: "checkGallery" | "checkGalleryImage" | "checkGalleryImageVersion" | "checkGalleryRoleAssignment",
): KindSpec["check"] {
  return (olds, news, ctx) => checks()[name](olds, news, ctx);
}

export const KINDS: Record<ResourceKind, KindSpec> = {
  gallery: {
    label: (p) => `gallery ${p.resourceGroupName}/${p.galleryName}`,
    check: checkOnDemand("checkGallery"),
    diff: diffGallery,
    // Sharing changes in place: say which share actions run, naming every group added or removed.
    updateNotes: (olds, news, label) => {
      const plan = sharingPlan(olds, news);
      return sharesAnything(plan)
        ? [`${label}: sharing changes in place through Azure's share action: ${describeSharingPlan(plan)}`]
        : [];
    },
    get: (api, p) => api.getGallery(galleryRef(p)),
    // Once written (or gone), the gallery's soft-delete policy is read afresh (galleryPolicy.ts).
    put: (api, p, body, { olds, onAccepted }) =>
      writeGallery(api, galleryRef(p), { news: p, body, olds, onAccepted }).finally(() =>
        forgetGalleryPolicy(api, galleryRef(p)),
      ),
    remove: (api, p) =>
      api.deleteGallery(galleryRef(p)).finally(() => forgetGalleryPolicy(api, galleryRef(p))),
    nameKeys: nameKeysOf("gallery"),
  },
  galleryImage: {
    label: (p) => `image definition ${p.resourceGroupName}/${p.galleryName}/${p.galleryImageName}`,
    check: checkOnDemand("checkGalleryImage"),
    diff: diffGalleryImage,
    get: (api, p) => api.getImage(imageRef(p)),
    put: (api, p, body, { onAccepted }) => api.putImage(imageRef(p), body, { onAccepted }),
    remove: (api, p) => api.deleteImage(imageRef(p)),
    nameKeys: nameKeysOf("galleryImage"),
    checkNotes: (inputs, label) => unknownFeatureNotes(inputs, label),
    replacementNotes: async (api, olds) => {
      const names: string[] = [];
      for await (const version of api.listVersions(imageRef(olds))) names.push(String(version.name));
      return names.length === 0
        ? []
        : [
            `image definition ${olds.galleryImageName} still has ${names.length} version(s) (${names.join(", ")}); ` +
              `Azure deletes a definition only after its versions, so they are deleted and recreated with it`,
          ];
    },
  },
  galleryImageVersion: {
    label: (p) =>
      `image version ${p.resourceGroupName}/${p.galleryName}/${p.galleryImageName}/${p.galleryImageVersionName}`,
    check: checkOnDemand("checkGalleryImageVersion"),
    diff: diffGalleryImageVersion,
    get: (api, p) => api.getVersion(versionRef(p), { replicationStatus: true }),
    read: (api, p, prior) => readVersion(api, versionRef(p), prior),
    put: async (api, p, body, { onProgress, onAccepted }) => {
      const written = await api
        .putVersion(versionRef(p), body, { onProgress, onAccepted })
        .finally(() => forgetVersionListing(api, imageRef(p)));
      // The outputs show replication per region. The arm-compute backend's final read carries it;
      // a backend whose answer lacks it costs one more read.
      const version = written.replicationStatus
        ? written
        : await api.getVersion(versionRef(p), { replicationStatus: true });
      if (!version)
        throw new Error(`${KINDS.galleryImageVersion.label(p)} disappeared right after it was written`);
      await onProgress(version);
      return version;
    },
    restores: (p) => p.restore === true,
    remove: (api, p) =>
      api.deleteVersion(versionRef(p)).finally(() => forgetVersionListing(api, imageRef(p))),
    nameKeys: nameKeysOf("galleryImageVersion"),
    replacementNotes: async (api, olds) =>
      (await galleryKeepsDeletedVersions(api, galleryRef(olds)))
        ? [replacedVersionNote(KINDS.galleryImageVersion.label(olds), String(olds.galleryName))]
        : [],
    deleteNotes: async (api, props, deletedAt) =>
      (await galleryKeepsDeletedVersions(api, galleryRef(props)))
        ? [deletedVersionNote(KINDS.galleryImageVersion.label(props), String(props.galleryName), deletedAt)]
        : [],
    checkNotes: (inputs, label, settings) => [
      ...(settings.expectedLoad ? replicaWarnings(label, inputs, settings.expectedLoad) : []),
      ...(settings.intent ? productionWarnings(label, inputs, settings.intent) : []),
    ],
    billingNote: (olds, news, replacing, label, settings) => {
      // Unknown regions or counts would be estimated as Azure's defaults: say nothing rather than guess.
      if (containsUnknown(news.publishingProfile) || containsUnknown(news.location)) return undefined;
      const change = storageChange(olds, news, replacing, settings.prices);
      return changesBilling(change)
        ? `${label}: ${storageChangeSummary(change, settings.prices)}`
        : undefined;
    },
    // Never silently: check already refused this unless allowDeletionOfReplicatedLocations is true.
    updateNotes: (olds, news, label) => {
      const removed = removedReplicaRegions(olds, listAt(news, ["publishingProfile", "targetRegions"]) ?? []);
      return removed.length === 0
        ? []
        : [
            `${label}: the update deletes the replicas in ${removed.join(", ")} (allowDeletionOfReplicatedLocations is true)`,
          ];
    },
  },
  galleryRoleAssignment: {
    label: roleAssignmentLabel,
    check: checkOnDemand("checkGalleryRoleAssignment"),
    diff: diffGalleryRoleAssignment,
    get: getRoleAssignment,
    // The body is built from the arguments: the role named by roleName is looked up first.
    put: (api, p) => putRoleAssignment(api, p),
    untagged: true,
    remove: deleteRoleAssignment,
    nameKeys: nameKeysOf("galleryRoleAssignment"),
  },
};
