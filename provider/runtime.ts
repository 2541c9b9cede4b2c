// The provider implementations that run inside the dynamic-provider process.
// shim.ts loads this module by name at call time; nothing here is serialized.
//
// Each resource kind is described once (how to name it in Azure, which pure
// check/diff applies, which calls read and write it); the lifecycle below is
// the same for all three.
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "./shim";
import { readSettings, type BackendSettings } from "./azure/settings";
import { connect, type Connection } from "./azure/connect";
import type { GalleryApi, GalleryRef, ImageRef, VersionRef } from "./azure/galleryApi";
import type { JsonObject } from "./model/jsonObject";
import type { ResourceInputs } from "./model/schemas";
import { engineLog } from "./engineLog";
import { inputsOf, toOutputs } from "./outputs";
import {
  checkGallery,
  checkGalleryImage,
  checkGalleryImageVersion,
  type CheckContext,
  type CheckResult,
} from "./lifecycle/check";
import { diffGallery, diffGalleryImage, diffGalleryImageVersion } from "./lifecycle/diff";
import { describeReplication } from "./replicationProgress";
import { removedReplicaRegions } from "./lifecycle/regionRules";

/**
 * One resource kind. `Inputs` are its checked inputs; the state the engine hands back (outputs)
 * holds them under the same names, so they serve for the names in `olds` too. Olds and news before
 * check are untyped bags.
 */
interface KindSpec<Inputs> {
  /** Names the resource in messages: "image definition rg/gallery/image". */
  label(props: Inputs): string;
  check(olds: JsonObject, news: JsonObject, ctx: CheckContext): CheckResult<Inputs>;
  diff(
    olds: JsonObject,
    news: JsonObject,
    label: string,
  ): { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean; warnings: string[] };
  get(api: GalleryApi, props: Inputs): Promise<JsonObject | undefined>;
  put(api: GalleryApi, props: Inputs, body: JsonObject): Promise<JsonObject>;
  remove(api: GalleryApi, props: Inputs): Promise<void>;
  /** The ARM names: path segments, not part of the request body. */
  nameKeys: (keyof Inputs & string)[];
  /** Extra preview warnings that need a look at Azure. */
  replacementNotes?(api: GalleryApi, olds: Inputs): Promise<string[]>;
  /** Preview warnings for in-place changes that still destroy something. */
  updateNotes?(olds: JsonObject, news: Inputs, label: string): string[];
}

// Only the names: the inputs hold more, which must not reach the calls' path arguments.
const galleryRef = (p: GalleryRef): GalleryRef => ({
  resourceGroupName: p.resourceGroupName,
  galleryName: p.galleryName,
});
const imageRef = (p: ImageRef): ImageRef => ({ ...galleryRef(p), galleryImageName: p.galleryImageName });
const versionRef = (p: VersionRef): VersionRef => ({
  ...imageRef(p),
  galleryImageVersionName: p.galleryImageVersionName,
});

async function reportReplication(version: JsonObject, label: string): Promise<void> {
  await engineLog().log("info", `${label}: ${describeReplication(version)}`, { ephemeral: true });
}

const kinds: { [K in ResourceKind]: KindSpec<ResourceInputs[K]> } = {
  gallery: {
    label: (p) => `gallery ${p.resourceGroupName}/${p.galleryName}`,
    check: checkGallery,
    diff: diffGallery,
    get: (api, p) => api.getGallery(galleryRef(p)),
    put: (api, p, body) => api.putGallery(galleryRef(p), body),
    remove: (api, p) => api.deleteGallery(galleryRef(p)),
    nameKeys: ["resourceGroupName", "galleryName"],
  },
  galleryImage: {
    label: (p) => `image definition ${p.resourceGroupName}/${p.galleryName}/${p.galleryImageName}`,
    check: checkGalleryImage,
    diff: diffGalleryImage,
    get: (api, p) => api.getImage(imageRef(p)),
    put: (api, p, body) => api.putImage(imageRef(p), body),
    remove: (api, p) => api.deleteImage(imageRef(p)),
    nameKeys: ["resourceGroupName", "galleryName", "galleryImageName"],
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
    check: checkGalleryImageVersion,
    diff: diffGalleryImageVersion,
    get: (api, p) => api.getVersion(versionRef(p), { replicationStatus: true }),
    put: async (api, p, body) => {
      const label = kinds.galleryImageVersion.label(p);
      await api.putVersion(versionRef(p), body, (v) => reportReplication(v, label));
      // The PUT answer has no replication status; the outputs show it per region.
      const version = await api.getVersion(versionRef(p), { replicationStatus: true });
      if (!version) throw new Error(`${label} disappeared right after it was written`);
      await engineLog().log("info", `${label}: ${describeReplication(version)}`);
      return version;
    },
    remove: (api, p) => api.deleteVersion(versionRef(p)),
    nameKeys: ["resourceGroupName", "galleryName", "galleryImageName", "galleryImageVersionName"],
    // Never silently: check already refused this unless allowDeletionOfReplicatedLocations is true.
    updateNotes: (olds, news, label) => {
      const removed = removedReplicaRegions(olds, news.publishingProfile?.targetRegions ?? []);
      return removed.length === 0
        ? []
        : [
            `${label}: the update deletes the replicas in ${removed.join(", ")} (allowDeletionOfReplicatedLocations is true)`,
          ];
    },
  },
};

let settings: BackendSettings | undefined;
let connection: Promise<Connection> | undefined;

function currentSettings(): BackendSettings {
  settings ??= readSettings({ get: () => undefined }, process.env, process.cwd());
  return settings;
}

function api(): Promise<GalleryApi> {
  connection ??= connect(currentSettings());
  return connection.then((c) => c.api);
}

/** Lets tests run the lifecycle against a fake or a test emulator. */
export function useConnection(next: Connection | undefined, nextSettings?: BackendSettings): void {
  connection = next ? Promise.resolve(next) : undefined;
  if (nextSettings) settings = nextSettings;
}

function requestBody<Inputs extends object>(spec: KindSpec<Inputs>, inputs: Inputs): JsonObject {
  const body: JsonObject = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (key !== "__provider" && !(spec.nameKeys as readonly string[]).includes(key)) body[key] = value;
  }
  return body;
}

function namesOf<Inputs extends object>(spec: KindSpec<Inputs>, props: Inputs): JsonObject {
  return Object.fromEntries(spec.nameKeys.map((k) => [k, props[k]]));
}

function implementation<K extends ResourceKind>(kind: K): pulumi.dynamic.ResourceProvider {
  const spec: KindSpec<ResourceInputs[K]> = kinds[kind];
  return {
    async configure(req) {
      settings = readSettings(req.config, process.env, process.cwd());
    },

    async check(olds, news) {
      const { inputs, failures } = spec.check(olds ?? {}, news, {
        now: new Date(),
        accessGrantedRegions: currentSettings().accessGrantedRegions,
      });
      return { inputs, failures };
    },

    async diff(_id, olds, news) {
      const label = spec.label(olds);
      const outcome = spec.diff(olds, news, label);
      const replacing = outcome.replaces.length > 0;
      const notes = [
        ...(replacing && spec.replacementNotes ? await spec.replacementNotes(await api(), olds) : []),
        ...(!replacing && outcome.changes && spec.updateNotes ? spec.updateNotes(olds, news, label) : []),
      ];
      for (const warning of [...outcome.warnings, ...notes]) await engineLog().log("warning", warning);
      return {
        changes: outcome.changes,
        replaces: outcome.replaces,
        deleteBeforeReplace: outcome.deleteBeforeReplace,
      };
    },

    async create(inputs) {
      const client = await api();
      const label = spec.label(inputs);
      if (await spec.get(client, inputs)) {
        // Azure's PUT would silently take over (and overwrite) what is there.
        throw new Error(
          `${label} already exists in Azure; adopt it with 'pulumi import' instead of creating it`,
        );
      }
      const azure = await spec.put(client, inputs, requestBody(spec, inputs));
      return { id: String(azure.id), outs: toOutputs(kind, inputs, azure) };
    },

    async read(id, props) {
      const azure = await spec.get(await api(), props);
      // An empty id tells the engine the resource is gone.
      if (!azure) return { id: "", props: {} };
      // Azure's spelling of what means the same must not show up as drift on refresh (see outputs.ts).
      const outs = toOutputs(kind, namesOf(spec, props), azure, props);
      return { id: String(azure.id ?? id), props: outs, inputs: inputsOf(kind, outs) };
    },

    async update(_id, olds, news) {
      const azure = await spec.put(await api(), news, requestBody(spec, news));
      return { outs: toOutputs(kind, news, azure) };
    },

    async delete(_id, props) {
      const client = await api();
      await spec.remove(client, props);
      // Wait until Azure no longer lists it, so a replacement with the same name can follow.
      for (let attempt = 0; attempt < 120 && (await spec.get(client, props)); attempt++) {
        await new Promise((r) => setTimeout(r, 500));
      }
    },
  };
}

export const implementations: Record<ResourceKind, pulumi.dynamic.ResourceProvider> = {
  gallery: implementation("gallery"),
  galleryImage: implementation("galleryImage"),
  galleryImageVersion: implementation("galleryImageVersion"),
};
