// Soft delete of image versions: whether a gallery keeps deleted versions restorable, and the restore
// itself, a PUT of the soft-deleted version's name whose body holds only its location (or also
// `properties.restore: true`), as Restore-AzGalleryImageVersion sends it. The location must be the
// version's home region. The version comes back as it was deleted, replicas included.
import { getPath, isObject } from "../arm/json";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { restorable } from "../liveness";
import type { JsonObject, ResourceRecord } from "../model";
import { acceptWrite } from "../resource/acceptWrite";
import type { VersionLookup } from "../resource/lookup";
import { findRegion } from "../rules/regions";
import { keyOf } from "../arm/ids";
import { versionView } from "./view";

/** Whether deleting a version of this gallery keeps it restorable (softDeletePolicy.isSoftDeleteEnabled). */
export function softDeletes(gallery: ResourceRecord): boolean {
  return getPath(gallery.body, "properties.softDeletePolicy.isSoftDeleteEnabled") === true;
}

/** A body naming nothing but the location, or flagging `properties.restore`. */
export function restoreRequested(req: JsonObject): boolean {
  const props = req.properties;
  if (isObject(props) && props.restore === true) return true;
  return Object.keys(req).every(
    (k) => k === "location" || (k === "properties" && isObject(props) && Object.keys(props).length === 0),
  );
}

/** The restored version's answer; undefined when no restorable version has this name (the PUT creates one). */
export function restoreVersion(ctx: Context, lookup: VersionLookup, req: JsonObject): Reply | undefined {
  const svc = ctx.svc;
  const deleted = restorable(svc, keyOf(lookup.id), ctx.now);
  if (!deleted) return undefined;
  const home = findRegion(String(req.location ?? ""))?.name;
  if (home !== deleted.region) {
    throw errors.invalidParameter(
      `A soft-deleted image version is restored in its home region '${deleted.region}', not '${String(req.location)}'.`,
      "galleryImageVersion.location",
    );
  }
  const { softDeleted: _gone, ...rest } = deleted;
  svc.store.deleteResource(deleted.key);
  const written = acceptWrite(ctx, {
    kind: "update",
    resource: { ...rest, key: keyOf(deleted.id) },
    previous: deleted,
    timing: { endTime: ctx.now },
  });
  return {
    status: 200,
    headers: written.headers,
    body: versionView(svc, written.record, ctx.now, ctx.apiVersion, { state: "Updating" }),
  };
}
