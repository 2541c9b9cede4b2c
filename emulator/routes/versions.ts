// Microsoft.Compute/galleries/images/versions: one handler per ARM operation. Versions are the only
// resources whose operations take time: they complete when every target region has replicated.
import { expandOf } from "../arm/expand";
import { getPath, jsonBody, mergePatch } from "../arm/json";
import { storedPage } from "../arm/paging";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { liveChildrenPage } from "../liveness";
import { deleteVersionInTime } from "../resource/deletion";
import { lookupVersion, notFound } from "../resource/lookup";
import { restoreRequested, restoreVersion, softDeletes } from "../versions/restore";
import { checkName } from "../rules/validate";
import { VERSION_PROPERTIES } from "../versions/paths";
import { versionView } from "../versions/view";
import { writeVersion } from "../versions/write";

export function putVersion(ctx: Context): Reply {
  const lookup = lookupVersion(ctx);
  checkName("version", lookup.name);
  const req = jsonBody(ctx);
  const restored = !lookup.record && restoreRequested(req) ? restoreVersion(ctx, lookup, req) : undefined;
  return restored ?? writeVersion(ctx, lookup, req, lookup.record ? "update" : "create");
}

export function patchVersion(ctx: Context): Reply {
  const lookup = lookupVersion(ctx);
  if (!lookup.record || lookup.record.deleting) throw notFound(lookup);
  // A merge patch replaces arrays: a request's target region list is the new list.
  return writeVersion(ctx, lookup, mergePatch(lookup.record.body, jsonBody(ctx)), "update");
}

export function getVersion(ctx: Context): Reply {
  const lookup = lookupVersion(ctx);
  if (!lookup.record) throw notFound(lookup);
  return {
    status: 200,
    body: versionView(ctx.svc, lookup.record, ctx.now, ctx.apiVersion, { expand: expandOf(ctx) }),
  };
}

export function deleteVersion(ctx: Context): Reply {
  const lookup = lookupVersion(ctx);
  const record = lookup.record;
  if (!record) return { status: 204 };
  const blockUntil = getPath(record.body, "properties.publishingProfile.endOfLifeDate");
  if (
    getPath(record.body, "properties.safetyProfile.blockDeletionBeforeEndOfLife") === true &&
    typeof blockUntil === "string" &&
    Date.parse(blockUntil) > ctx.now
  ) {
    throw errors.operationNotAllowed(
      `Image version '${record.name}' cannot be deleted before its end-of-life date ${blockUntil} because blockDeletionBeforeEndOfLife is set.`,
      `${VERSION_PROPERTIES}.safetyProfile.blockDeletionBeforeEndOfLife`,
    );
  }
  return deleteVersionInTime(ctx, record, softDeletes(lookup.gallery));
}

export function listVersions(ctx: Context): Reply {
  const lookup = lookupVersion(ctx);
  const svc = ctx.svc;
  return storedPage(
    ctx,
    (afterSeq, take) => liveChildrenPage(svc, "version", lookup.image.key, ctx.now, afterSeq, take),
    (r) => versionView(svc, r, ctx.now, ctx.apiVersion),
  );
}
