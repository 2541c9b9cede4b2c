// Microsoft.Compute/galleries/applications/versions: one handler per ARM operation. Writes and deletes are
// long-running as for image versions (recorded: PUT 201 and DELETE 202 with Azure-AsyncOperation); a
// delete is final, since soft delete does not cover VM applications (learn.microsoft.com/azure/
// virtual-machines/soft-delete-gallery, Limitations: "Virtual Machine Apps Recovery isn't supported").
import { expandOf } from "../arm/expand";
import { jsonBody, mergePatch } from "../arm/json";
import { storedPage } from "../arm/paging";
import type { Context, Reply } from "../context";
import { liveChildrenPage } from "../liveness";
import { deleteVersionInTime } from "../resource/deletion";
import { lookupApplicationVersion, notFound } from "../resource/lookup";
import { checkName } from "../rules/validate";
import { applicationVersionView } from "../applications/view";
import { writeApplicationVersion } from "../applications/write";

export function putApplicationVersion(ctx: Context): Reply {
  const lookup = lookupApplicationVersion(ctx);
  checkName("applicationVersion", lookup.name);
  return writeApplicationVersion(ctx, lookup, jsonBody(ctx), lookup.record ? "update" : "create");
}

export function patchApplicationVersion(ctx: Context): Reply {
  const lookup = lookupApplicationVersion(ctx);
  if (!lookup.record || lookup.record.deleting) throw notFound(lookup);
  // A merge patch replaces arrays: a request's target region list is the new list.
  return writeApplicationVersion(ctx, lookup, mergePatch(lookup.record.body, jsonBody(ctx)), "update");
}

export function getApplicationVersion(ctx: Context): Reply {
  const lookup = lookupApplicationVersion(ctx);
  if (!lookup.record) throw notFound(lookup);
  return {
    status: 200,
    body: applicationVersionView(ctx.svc, lookup.record, ctx.now, { expand: expandOf(ctx) }),
  };
}

export function deleteApplicationVersion(ctx: Context): Reply {
  const { record } = lookupApplicationVersion(ctx);
  if (!record) return { status: 204 };
  return deleteVersionInTime(ctx, record, false);
}

export function listApplicationVersions(ctx: Context): Reply {
  const lookup = lookupApplicationVersion(ctx);
  const svc = ctx.svc;
  return storedPage(
    ctx,
    (afterSeq, take) =>
      liveChildrenPage(svc, "applicationVersion", lookup.application.key, ctx.now, afterSeq, take),
    (r) => applicationVersionView(svc, r, ctx.now),
  );
}
