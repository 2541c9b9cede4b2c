/**
 * What the preview and the delete say about an image version whose gallery has soft delete on
 * (`softDeletePolicy.isSoftDeleteEnabled`): Azure keeps the deleted version restorable for its fixed
 * retention (7 days), and how to get it back.
 *
 *   softDeletesVersions(gallery): boolean — the gallery as Azure reports it
 *   replacedVersionNote(label, galleryName): string — for a preview that replaces the version
 *   deletedVersionNote(label, galleryName, deletedAt): string — once the delete has run
 *
 * Pure: no I/O.
 */
import type { JsonObject } from "../model/jsonObject";
import { LIMITS } from "../model/limits";
import { getPath } from "../lifecycle/values";

const DAYS = LIMITS.softDeleteRetentionDays.value;
const HOW =
  "restore it by declaring it again with `restore: true` (or a PUT of the version with only its location), " +
  "see docs/access.md#soft-delete";

export function softDeletesVersions(gallery: JsonObject | undefined): boolean {
  return getPath(gallery, ["softDeletePolicy", "isSoftDeleteEnabled"]) === true;
}

export function replacedVersionNote(label: string, galleryName: string): string {
  return (
    `${label}: gallery ${galleryName} has soft delete on, so the version deleted by this replacement stays ` +
    `restorable for ${DAYS} days: ${HOW}`
  );
}

export function deletedVersionNote(label: string, galleryName: string, deletedAt: Date): string {
  const until = new Date(deletedAt.getTime() + DAYS * 24 * 60 * 60 * 1000).toISOString();
  return (
    `${label} was soft-deleted (gallery ${galleryName} has soft delete on): it can be restored until ` +
    `about ${until}: ${HOW}`
  );
}
