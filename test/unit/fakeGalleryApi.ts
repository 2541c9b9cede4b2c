// An in-memory Azure Compute Gallery behind the GalleryApi interface, for lifecycle tests of
// provider/runtime without any network. It behaves like Azure where the provider depends on it:
// ARM ids, read-only fields Azure fills in (provisioningState, identifier.uniqueName,
// publishingProfile.publishedDate, replicationStatus on request), region names answered in
// display form ("East US"), and 404 answered as undefined. Every call and request body is recorded.
import type {
  GalleryApi,
  GalleryRef,
  ImageRef,
  OnAccepted,
  VersionRef,
  VersionWriteHooks,
  WriteHooks,
} from "../../provider/azure/galleryApi";
import type { SharingUpdate } from "../../provider/lifecycle/sharingPlan";
import type { JsonObject } from "../../provider/model/jsonObject";
import type { Connection } from "../../provider/azure/connect";
import { FakeAccessApi } from "./fakeAccessApi";
import { displayRegionName, normaliseRegionName } from "../../provider/model/regions";

export const FAKE_SUBSCRIPTION = "sub";
export const PUBLISHED_DATE = "2025-06-01T12:00:00+00:00";

export interface FakeCall {
  method: keyof GalleryApi;
  ref: Partial<VersionRef>;
  /** A PUT's body, or the share action's SharingUpdate. */
  body?: JsonObject;
  options?: { replicationStatus?: boolean };
}

type AnyRef = GalleryRef & Partial<VersionRef>;

function armId(ref: AnyRef): string {
  let id =
    `/subscriptions/${FAKE_SUBSCRIPTION}/resourceGroups/${ref.resourceGroupName}` +
    `/providers/Microsoft.Compute/galleries/${ref.galleryName}`;
  if (ref.galleryImageName !== undefined) id += `/images/${ref.galleryImageName}`;
  if (ref.galleryImageVersionName !== undefined) id += `/versions/${ref.galleryImageVersionName}`;
  return id;
}

/** ARM names are case-insensitive. */
const keyOf = (ref: AnyRef): string => armId(ref).toLowerCase();

const clone = <T>(value: T): T => structuredClone(value);

export class FakeGalleryApi implements GalleryApi {
  /** Every call, in order, with a copy of the request body for PUTs. */
  readonly calls: FakeCall[] = [];
  readonly access = new FakeAccessApi();
  private readonly store = new Map<string, JsonObject>();

  /** The request bodies of all PUTs. */
  get putBodies(): JsonObject[] {
    return this.calls.filter((c) => c.method.startsWith("put")).map((c) => c.body!);
  }

  /** The stored resource, for tests to inspect or change (drift). */
  stored(ref: AnyRef): JsonObject | undefined {
    return this.store.get(keyOf(ref));
  }

  /** Puts a resource into Azure behind the provider's back, as if made in the portal. */
  seed(ref: AnyRef, body: JsonObject): void {
    this.store.set(keyOf(ref), this.complete(ref, clone(body)));
  }

  /** Changes a stored resource behind the provider's back. */
  drift(ref: AnyRef, change: (resource: any) => void): void {
    const resource = this.store.get(keyOf(ref));
    if (!resource) throw new Error(`fake: nothing stored at ${armId(ref)}`);
    change(resource);
  }

  connection(): Connection {
    return { api: this, subscriptionId: FAKE_SUBSCRIPTION, close: async () => {} };
  }

  private record(call: FakeCall): void {
    this.calls.push(clone(call));
  }

  private type(ref: AnyRef): string {
    if (ref.galleryImageVersionName !== undefined) return "Microsoft.Compute/galleries/images/versions";
    if (ref.galleryImageName !== undefined) return "Microsoft.Compute/galleries/images";
    return "Microsoft.Compute/galleries";
  }

  /** What Azure adds to a written resource. */
  private complete(ref: AnyRef, body: JsonObject): JsonObject {
    const name = ref.galleryImageVersionName ?? ref.galleryImageName ?? ref.galleryName;
    const resource: any = {
      ...body,
      id: armId(ref),
      name,
      type: this.type(ref),
      provisioningState: "Succeeded",
    };
    if (typeof resource.location === "string") resource.location = normaliseRegionName(resource.location);
    if (ref.galleryImageName === undefined) {
      resource.identifier = {
        ...(resource.identifier ?? {}),
        uniqueName: `${FAKE_SUBSCRIPTION}-${ref.galleryName.toUpperCase()}`,
      };
    }
    if (ref.galleryImageVersionName !== undefined) {
      const profile = { ...(resource.publishingProfile ?? {}) };
      profile.publishedDate = PUBLISHED_DATE;
      if (Array.isArray(profile.targetRegions)) {
        profile.targetRegions = profile.targetRegions.map((region: any) => ({
          ...region,
          name: displayRegionName(region.name),
        }));
      }
      if (typeof profile.endOfLifeDate === "string") {
        // Azure answers dates with an explicit offset.
        profile.endOfLifeDate = profile.endOfLifeDate.replace(/Z$/, "+00:00");
      }
      resource.publishingProfile = profile;
    }
    return resource;
  }

  private async get(method: keyof GalleryApi, ref: AnyRef, options?: FakeCall["options"]) {
    this.record({ method, ref, ...(options ? { options } : {}) });
    const resource = this.store.get(keyOf(ref));
    return resource && clone(resource);
  }

  private async put(
    method: keyof GalleryApi,
    ref: AnyRef,
    body: JsonObject,
    onAccepted?: OnAccepted,
  ): Promise<JsonObject> {
    this.record({ method, ref, body });
    // As Azure: 201 when the write created the resource, 200 when it replaced one.
    onAccepted?.(this.store.has(keyOf(ref)) ? 200 : 201);
    const resource: any = this.complete(ref, clone(body));
    // Azure's gallery PUT ignores sharingProfile.groups: only the share action changes them.
    const before: any = this.store.get(keyOf(ref));
    if (resource.sharingProfile) {
      delete resource.sharingProfile.groups;
      if (before?.sharingProfile?.groups) resource.sharingProfile.groups = before.sharingProfile.groups;
    }
    this.store.set(keyOf(ref), resource);
    return clone(resource);
  }

  private async remove(method: keyof GalleryApi, ref: AnyRef): Promise<void> {
    this.record({ method, ref });
    // The SDK's delete returns once Azure's operation has succeeded: the resource is gone.
    this.store.delete(keyOf(ref));
  }

  getGallery(ref: GalleryRef) {
    return this.get("getGallery", ref);
  }
  putGallery(ref: GalleryRef, body: JsonObject, hooks?: WriteHooks) {
    return this.put("putGallery", ref, body, hooks?.onAccepted);
  }
  /** The share action, as Azure applies it (groups merged by type, Reset back to private). */
  async shareGallery(ref: GalleryRef, update: SharingUpdate): Promise<void> {
    this.record({ method: "shareGallery", ref, body: clone(update) as unknown as JsonObject });
    const gallery: any = this.store.get(keyOf(ref));
    if (!gallery) throw new Error(`fake: no gallery at ${armId(ref)}`);
    const profile: any = { ...(gallery.sharingProfile ?? {}) };
    const ids = new Map<string, string[]>((profile.groups ?? []).map((g: any) => [g.type, [...g.ids]]));
    for (const group of update.groups ?? []) {
      const current = ids.get(group.type) ?? [];
      ids.set(
        group.type,
        update.operationType === "Remove"
          ? current.filter((id) => !group.ids.includes(id))
          : [...current, ...group.ids.filter((id) => !current.includes(id))],
      );
    }
    profile.groups = [...ids]
      .filter(([, list]) => list.length > 0)
      .map(([type, list]) => ({ type, ids: list }));
    if (update.operationType === "Add") profile.permissions = "Groups";
    if (update.operationType === "Reset") {
      profile.permissions = "Private";
      profile.groups = [];
    }
    if (update.operationType === "EnableCommunity") {
      profile.permissions = "Community";
      profile.communityGalleryInfo = { ...profile.communityGalleryInfo, communityGalleryEnabled: true };
    }
    if (profile.groups.length === 0) delete profile.groups;
    gallery.sharingProfile = profile;
  }
  deleteGallery(ref: GalleryRef) {
    return this.remove("deleteGallery", ref);
  }
  getImage(ref: ImageRef) {
    return this.get("getImage", ref);
  }
  putImage(ref: ImageRef, body: JsonObject, hooks?: WriteHooks) {
    return this.put("putImage", ref, body, hooks?.onAccepted);
  }
  deleteImage(ref: ImageRef) {
    return this.remove("deleteImage", ref);
  }

  listVersions(ref: ImageRef): AsyncIterable<JsonObject> {
    this.record({ method: "listVersions", ref });
    const prefix = `${keyOf(ref)}/versions/`;
    const versions = [...this.store.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .map(([, v]) => clone(v));
    return {
      async *[Symbol.asyncIterator]() {
        yield* versions;
      },
    };
  }

  async getVersion(ref: VersionRef, options?: { replicationStatus?: boolean }) {
    const version: any = await this.get("getVersion", ref, options);
    if (version && options?.replicationStatus) {
      const regions: any[] = version.publishingProfile?.targetRegions ?? [{ name: version.location }];
      version.replicationStatus = {
        aggregatedState: "Completed",
        summary: regions.map((r) => ({
          region: displayRegionName(r.name),
          state: "Completed",
          progress: 100,
        })),
      };
    }
    return version;
  }

  async putVersion(ref: VersionRef, body: JsonObject, { onProgress, onAccepted }: VersionWriteHooks = {}) {
    const version = await this.put("putVersion", ref, body, onAccepted);
    if (onProgress) await onProgress(clone(version));
    return version;
  }

  deleteVersion(ref: VersionRef) {
    return this.remove("deleteVersion", ref);
  }
}
