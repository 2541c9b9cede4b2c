// The calls the provider makes to Azure Compute Gallery, behind one small
// interface: the arm-compute implementation below talks to Azure or to the
// emulator; unit tests substitute an in-memory fake.
//
// Bodies are the SDK's flattened resource models (location, tags, and the
// ARM `properties` lifted to the top level, as in azure-native) as plain JSON:
// dates are ISO strings and no value is `undefined`.
import type { TokenCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import type { OperationState, PollerLike } from "@azure/core-lro";
import type { JsonObject } from "../model/jsonObject";
import type { SharingUpdate } from "../lifecycle/sharingPlan";
import { armAccessApi, type AccessApi } from "./accessApi";
import { describeAzureError, explained, isNotFound, unlessNotFound } from "./errors";
import { retryAfterMs, type Headers } from "./retryAfter";
import { ComputeManagementClient, type GalleryClient } from "./computeSdk";
import { armClientOptions, withArmPipeline } from "./armClientOptions";

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

/**
 * Hears the HTTP status Azure answered a write with: 201 when the PUT created the resource, 200 when
 * it replaced one that was there (as recorded Azure traffic shows for galleries, definitions and versions).
 */
export type OnAccepted = (status: number) => void;

/** Who hears about a write while it runs. */
export interface WriteHooks {
  readonly onAccepted?: OnAccepted;
}

export interface VersionWriteHooks extends WriteHooks {
  /** Receives the version with its replication status while Azure replicates. */
  readonly onProgress?: (version: JsonObject) => Promise<void>;
}

export interface GalleryApi {
  /** With the sharing groups (`$expand=SharingProfile/Groups`): Azure leaves them out otherwise. */
  getGallery(ref: GalleryRef): Promise<JsonObject | undefined>;
  putGallery(ref: GalleryRef, body: JsonObject, hooks?: WriteHooks): Promise<JsonObject>;
  /** The gallery's share action (Add, Remove, Reset, EnableCommunity); resolves once Azure is done. */
  shareGallery(ref: GalleryRef, update: SharingUpdate): Promise<void>;
  deleteGallery(ref: GalleryRef): Promise<void>;
  getImage(ref: ImageRef): Promise<JsonObject | undefined>;
  putImage(ref: ImageRef, body: JsonObject, hooks?: WriteHooks): Promise<JsonObject>;
  deleteImage(ref: ImageRef): Promise<void>;
  listVersions(ref: ImageRef): AsyncIterable<JsonObject>;
  /** With `replicationStatus`, Azure adds per-region replication state ($expand=ReplicationStatus). */
  getVersion(ref: VersionRef, options?: { replicationStatus?: boolean }): Promise<JsonObject | undefined>;
  putVersion(ref: VersionRef, body: JsonObject, hooks?: VersionWriteHooks): Promise<JsonObject>;
  deleteVersion(ref: VersionRef): Promise<void>;
  /** Role assignments on galleries, definitions and versions (Microsoft.Authorization). */
  readonly access: AccessApi;
}

export interface ArmConnection {
  credential: TokenCredential;
  subscriptionId: string;
  /** The ARM endpoint; Azure's public cloud when absent. */
  endpoint?: string;
  /** Extra pipeline policies, e.g. trusting the emulator's certificate. */
  policies?: PipelinePolicy[];
}

/** An image version's own URL (not its list, not an operation under it). */
const VERSION_PATH = /\/galleries\/[^/]+\/images\/[^/]+\/versions\/[^/]+$/i;

/**
 * Every read of one image version asks for its replication status, including the read the SDK makes
 * when a long-running write completes: that read then serves as the outputs, instead of a GET of
 * our own after it.
 */
const expandReplicationStatus: PipelinePolicy = {
  name: "expandVersionReplicationStatus",
  sendRequest: (request, next) => {
    const url = new URL(request.url);
    if (request.method === "GET" && VERSION_PATH.test(url.pathname) && !url.searchParams.has("$expand")) {
      url.searchParams.set("$expand", "ReplicationStatus");
      request.url = url.toString();
    }
    return next(request);
  },
};

/** What the SDK's operations accept to tell us about the first response (the write's). */
interface FirstResponse {
  onResponse: (response: { status: number; headers: Headers }) => void;
}

/**
 * Runs a long-running write and waits for it the way ARM asks: the first poll only once the
 * write's wait has passed (retry-after-ms or Retry-After; the SDK alone would poll at once), then the SDK's polls, spaced
 * by each answer's Retry-After. `whileRunning` runs at most once per poll that found the operation
 * still running (never two at a time), so progress costs one read per poll, not one per timer tick;
 * it is best-effort: its failure never fails the write.
 */
async function longRunning<T>(
  start: (options: FirstResponse) => PollerLike<OperationState<T>, T>,
  { whileRunning, onAccepted }: { whileRunning?: () => Promise<void> } & WriteHooks = {},
): Promise<T> {
  let firstWaitMs: number | undefined;
  let first = true;
  const poller = start({
    onResponse: (response) => {
      if (!first) return;
      first = false;
      firstWaitMs = retryAfterMs(response.headers);
      onAccepted?.(response.status);
    },
  });
  await poller.submitted();
  if (!poller.isDone) {
    let reading: Promise<void> | undefined;
    if (whileRunning) {
      poller.onProgress((state) => {
        if (state.status !== "running" || reading) return;
        reading = whileRunning()
          .catch(() => undefined)
          .finally(() => (reading = undefined));
      });
    }
    const wait = firstWaitMs ?? 0;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return poller.pollUntilDone();
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

const explain = <T>(action: string, ref: Partial<VersionRef>, call: () => Promise<T>): Promise<T> =>
  explained(`${action} ${path(ref)}`, call);

/** A GET: the resource as plain JSON, or undefined when Azure says it does not exist. */
function readOne(
  action: string,
  ref: Partial<VersionRef>,
  call: () => Promise<unknown>,
): Promise<JsonObject | undefined> {
  return explain(action, ref, async () => {
    const found = await unlessNotFound(call);
    return found === undefined ? undefined : fromSdk(found);
  });
}

/**
 * A delete: done when Azure says the resource, or one of its parents, is not there (a run killed
 * after its parent's delete leaves the child in the state; Azure answers its delete 404
 * ParentResourceNotFound).
 */
function removeOne(action: string, ref: Partial<VersionRef>, call: () => Promise<unknown>): Promise<void> {
  return explain(action, ref, async () => {
    try {
      await call();
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  });
}

export function armGalleryApi(connection: ArmConnection): GalleryApi {
  const client: GalleryClient = withArmPipeline(
    new ComputeManagementClient(
      connection.credential,
      connection.subscriptionId,
      armClientOptions(connection, [expandReplicationStatus]),
    ),
  );

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
    access: armAccessApi(connection),
    getGallery: (ref) =>
      readOne("reading gallery", ref, () =>
        client.galleries.get(ref.resourceGroupName, ref.galleryName, { expand: "SharingProfile/Groups" }),
      ),
    shareGallery: (ref, update) =>
      explain(`sharing gallery (${update.operationType})`, ref, async () => {
        await longRunning((o) =>
          client.gallerySharingProfile.update(
            ref.resourceGroupName,
            ref.galleryName,
            {
              operationType: update.operationType,
              groups: update.groups?.map((g) => ({ ...g, ids: [...g.ids] })),
            },
            o,
          ),
        );
      }),
    putGallery: (ref, body, hooks) =>
      explain("writing gallery", ref, async () =>
        fromSdk(
          await longRunning(
            (o) => client.galleries.createOrUpdate(ref.resourceGroupName, ref.galleryName, toSdk(body), o),
            hooks,
          ),
        ),
      ),
    deleteGallery: (ref) =>
      removeOne("deleting gallery", ref, () =>
        longRunning((o) => client.galleries.delete(ref.resourceGroupName, ref.galleryName, o)),
      ),
    getImage: (ref) =>
      readOne("reading image definition", ref, () =>
        client.galleryImages.get(ref.resourceGroupName, ref.galleryName, ref.galleryImageName),
      ),
    putImage: (ref, body, hooks) =>
      explain("writing image definition", ref, async () =>
        fromSdk(
          await longRunning(
            (o) =>
              client.galleryImages.createOrUpdate(
                ref.resourceGroupName,
                ref.galleryName,
                ref.galleryImageName,
                toSdk(body),
                o,
              ),
            hooks,
          ),
        ),
      ),
    deleteImage: (ref) =>
      removeOne("deleting image definition", ref, () =>
        longRunning((o) =>
          client.galleryImages.delete(ref.resourceGroupName, ref.galleryName, ref.galleryImageName, o),
        ),
      ),
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
    putVersion: (ref, body, { onProgress, onAccepted } = {}) =>
      explain("writing image version", ref, async () => {
        let done = false;
        // Replication takes minutes on Azure: report it while the write waits.
        const report = async () => {
          const current = await getVersion(ref, { replicationStatus: true });
          if (current && !done && onProgress) await onProgress(current);
        };
        const written = await longRunning(
          (o) =>
            client.galleryImageVersions.createOrUpdate(
              ref.resourceGroupName,
              ref.galleryName,
              ref.galleryImageName,
              ref.galleryImageVersionName,
              toSdk(body),
              o,
            ),
          { whileRunning: onProgress ? report : undefined, onAccepted },
        );
        done = true;
        return fromSdk(written);
      }),
    deleteVersion: (ref) =>
      removeOne("deleting image version", ref, () =>
        longRunning((o) =>
          client.galleryImageVersions.delete(
            ref.resourceGroupName,
            ref.galleryName,
            ref.galleryImageName,
            ref.galleryImageVersionName,
            o,
          ),
        ),
      ),
  };
}
