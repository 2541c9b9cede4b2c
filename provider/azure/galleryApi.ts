// The calls the provider makes to Azure Compute Gallery, behind one small
// interface: the arm-compute implementation below talks to Azure or to the
// emulator; unit tests substitute an in-memory fake.
//
// Bodies are the SDK's flattened resource models (location, tags, and the
// ARM `properties` lifted to the top level, as in azure-native) as plain JSON:
// dates are ISO strings and no value is `undefined`.
import type { TokenCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { ComputeManagementClient } from "@azure/arm-compute";
import type { JsonObject } from "../model/jsonObject";
import { describeAzureError, isNotFound } from "./errors";

export interface GalleryRef {
  resourceGroupName: string;
  galleryName: string;
}
export interface ImageRef extends GalleryRef {
  galleryImageName: string;
}
export interface VersionRef extends ImageRef {
  galleryImageVersionName: string;
}

export interface GalleryApi {
  getGallery(ref: GalleryRef): Promise<JsonObject | undefined>;
  putGallery(ref: GalleryRef, body: JsonObject): Promise<JsonObject>;
  deleteGallery(ref: GalleryRef): Promise<void>;
  getImage(ref: ImageRef): Promise<JsonObject | undefined>;
  putImage(ref: ImageRef, body: JsonObject): Promise<JsonObject>;
  deleteImage(ref: ImageRef): Promise<void>;
  listVersions(ref: ImageRef): AsyncIterable<JsonObject>;
  /** With `replicationStatus`, Azure adds per-region replication state ($expand=ReplicationStatus). */
  getVersion(ref: VersionRef, options?: { replicationStatus?: boolean }): Promise<JsonObject | undefined>;
  /** `onProgress` receives the version with its replication status while Azure replicates. */
  putVersion(
    ref: VersionRef,
    body: JsonObject,
    onProgress?: (version: JsonObject) => Promise<void>,
  ): Promise<JsonObject>;
  deleteVersion(ref: VersionRef): Promise<void>;
}

export interface ArmConnection {
  credential: TokenCredential;
  subscriptionId: string;
  /** The ARM endpoint; Azure's public cloud when absent. */
  endpoint?: string;
  /** Extra pipeline policies, e.g. trusting the emulator's certificate. */
  policies?: PipelinePolicy[];
  /** How often to ask for replication progress while a version replicates. */
  progressIntervalMs?: number;
}

const DATE_KEYS = new Set(["endOfLifeDate", "publishedDate"]);

/** The SDK's serializers expect Date objects for date properties. */
function toSdk(value: unknown, key = ""): any {
  if (Array.isArray(value)) return value.map((v) => toSdk(v));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toSdk(v, k)]));
  }
  return DATE_KEYS.has(key) && typeof value === "string" ? new Date(value) : value;
}

/** Plain JSON: Dates become ISO strings and undefined values disappear. */
function fromSdk(model: unknown): JsonObject {
  return JSON.parse(JSON.stringify(model)) as JsonObject;
}

function path(ref: Partial<VersionRef>): string {
  return [ref.resourceGroupName, ref.galleryName, ref.galleryImageName, ref.galleryImageVersionName]
    .filter((part) => part !== undefined)
    .join("/");
}

async function explain<T>(action: string, ref: Partial<VersionRef>, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw describeAzureError(error, `${action} ${path(ref)}`);
  }
}

/** A GET: the resource as plain JSON, or undefined when Azure says it does not exist. */
function readOne(
  action: string,
  ref: Partial<VersionRef>,
  call: () => Promise<unknown>,
): Promise<JsonObject | undefined> {
  return explain(action, ref, async () => {
    try {
      return fromSdk(await call());
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  });
}

export function armGalleryApi(connection: ArmConnection): GalleryApi {
  const client = new ComputeManagementClient(connection.credential, connection.subscriptionId, {
    ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
    additionalPolicies: (connection.policies ?? []).map((policy) => ({
      policy,
      position: "perCall" as const,
    })),
  });
  const progressIntervalMs = connection.progressIntervalMs ?? 2000;

  const getVersion: GalleryApi["getVersion"] = (ref, options) =>
    readOne("reading image version", ref, () =>
      client.galleryImageVersions.get(
        ref.resourceGroupName,
        ref.galleryName,
        ref.galleryImageName,
        ref.galleryImageVersionName,
        options?.replicationStatus ? { expand: "ReplicationStatus" } : {},
      ),
    );

  return {
    getGallery: (ref) =>
      readOne("reading gallery", ref, () => client.galleries.get(ref.resourceGroupName, ref.galleryName)),
    putGallery: (ref, body) =>
      explain("writing gallery", ref, async () =>
        fromSdk(await client.galleries.createOrUpdate(ref.resourceGroupName, ref.galleryName, toSdk(body))),
      ),
    deleteGallery: (ref) =>
      explain("deleting gallery", ref, async () => {
        await client.galleries.delete(ref.resourceGroupName, ref.galleryName);
      }),
    getImage: (ref) =>
      readOne("reading image definition", ref, () =>
        client.galleryImages.get(ref.resourceGroupName, ref.galleryName, ref.galleryImageName),
      ),
    putImage: (ref, body) =>
      explain("writing image definition", ref, async () =>
        fromSdk(
          await client.galleryImages.createOrUpdate(
            ref.resourceGroupName,
            ref.galleryName,
            ref.galleryImageName,
            toSdk(body),
          ),
        ),
      ),
    deleteImage: (ref) =>
      explain("deleting image definition", ref, async () => {
        await client.galleryImages.delete(ref.resourceGroupName, ref.galleryName, ref.galleryImageName);
      }),
    listVersions: (ref) => ({
      async *[Symbol.asyncIterator]() {
        try {
          const pages = client.galleryImageVersions.listByGalleryImage(
            ref.resourceGroupName,
            ref.galleryName,
            ref.galleryImageName,
          );
          for await (const version of pages) yield fromSdk(version);
        } catch (error) {
          if (isNotFound(error)) return;
          throw describeAzureError(error, `listing image versions of ${path(ref)}`);
        }
      },
    }),
    getVersion,
    putVersion: (ref, body, onProgress) =>
      explain("writing image version", ref, async () => {
        const poller = client.galleryImageVersions.createOrUpdate(
          ref.resourceGroupName,
          ref.galleryName,
          ref.galleryImageName,
          ref.galleryImageVersionName,
          toSdk(body),
        );
        let done = false;
        const finished = Promise.resolve(poller).finally(() => (done = true));
        if (onProgress) {
          // Replication takes minutes on Azure: report it while the poller waits.
          void (async () => {
            while (!done) {
              await new Promise((r) => setTimeout(r, progressIntervalMs));
              if (done) break;
              const current = await getVersion(ref, { replicationStatus: true }).catch(() => undefined);
              // Progress is best-effort: a failed report must not fail (or crash) the write.
              if (current && !done) await onProgress(current).catch(() => undefined);
            }
          })();
        }
        return fromSdk(await finished);
      }),
    deleteVersion: (ref) =>
      explain("deleting image version", ref, async () => {
        await client.galleryImageVersions.delete(
          ref.resourceGroupName,
          ref.galleryName,
          ref.galleryImageName,
          ref.galleryImageVersionName,
        );
      }),
  };
}
