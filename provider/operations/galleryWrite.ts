// Writing a gallery: its PUT, and the share actions its sharing profile needs (lifecycle/sharingPlan.ts).
// Azure ignores sharingProfile.groups in the PUT, so the PUT never carries them; a change of groups
// alone is no PUT at all, only share actions. After share actions the gallery is read again, so the
// outputs show the groups and sharing state Azure reports.
import type { GalleryApi, GalleryRef, WriteHooks } from "../azure/galleryApi";
import { diffGallery } from "../lifecycle/diff";
import { sharesAnything, sharingPlan, type SharingPlan } from "../lifecycle/sharingPlan";
import { isJsonObject, type JsonObject } from "../model/jsonObject";

/** Whether the update changes anything the share actions do not (so the PUT is needed). */
function putNeeded(olds: JsonObject | undefined, news: JsonObject, plan: SharingPlan): boolean {
  if (olds === undefined) return true;
  return diffGallery(olds, news).updates.some((path) => {
    if (path.startsWith("sharingProfile.groups")) return false;
    // Reset makes a gallery private; Add and EnableCommunity follow the PUT that sets the permissions.
    if (path === "sharingProfile.permissions") return plan.permissions !== "Private";
    return true;
  });
}

/** The PUT body: the permissions the plan says, no groups (read-only in Azure's PUT). */
function putBody(body: JsonObject, plan: SharingPlan): JsonObject {
  const profile = body.sharingProfile;
  if (!isJsonObject(profile)) return body;
  const { groups: _ignoredByAzure, ...rest } = profile;
  return { ...body, sharingProfile: { ...rest, permissions: plan.permissions } };
}

export interface GalleryWrite extends WriteHooks {
  /** The program's inputs. */
  readonly news: JsonObject;
  /** The PUT body those inputs make. */
  readonly body: JsonObject;
  /** The previous outputs on update; absent on create. */
  readonly olds?: JsonObject;
}

export async function writeGallery(
  api: GalleryApi,
  ref: GalleryRef,
  { news, body, olds, onAccepted }: GalleryWrite,
): Promise<JsonObject> {
  const plan = sharingPlan(olds ?? {}, news);
  if (plan.resetFirst) await api.shareGallery(ref, { operationType: "Reset" });
  const written = putNeeded(olds, news, plan)
    ? await api.putGallery(ref, putBody(body, plan), { onAccepted })
    : undefined;
  for (const update of plan.after) await api.shareGallery(ref, update);
  if (written && !sharesAnything(plan)) return written;
  const read = await api.getGallery(ref);
  if (!read)
    throw new Error(`gallery ${ref.resourceGroupName}/${ref.galleryName} disappeared while it was shared`);
  return read;
}
