// Whether a gallery keeps deleted versions restorable, read once per gallery and connection: a destroy
// deletes every version of a gallery, and each delete words its note from this answer, so one read of
// the gallery serves them all rather than one read per version.
// Writes to the gallery through the same connection forget the answer, so a run that changes the
// policy and then deletes versions words their notes from the new policy.
import type { GalleryApi, GalleryRef } from "../azure/galleryApi";
import { softDeletesVersions } from "../advice/softDelete";
import { armKey, connectionMemo } from "./connectionMemo";

const answersOf = connectionMemo<Promise<boolean>>();
const keyOf = (ref: GalleryRef) => armKey(ref.resourceGroupName, ref.galleryName);

export function galleryKeepsDeletedVersions(api: GalleryApi, ref: GalleryRef): Promise<boolean> {
  const known = answersOf(api);
  const key = keyOf(ref);
  let answer = known.get(key);
  if (!answer) {
    answer = api.getGallery(ref).then(softDeletesVersions);
    known.set(key, answer);
    // A failed read is asked again next time rather than remembered.
    answer.catch(() => known.delete(key));
  }
  return answer;
}

export function forgetGalleryPolicy(api: GalleryApi, ref: GalleryRef): void {
  answersOf(api).delete(keyOf(ref));
}
