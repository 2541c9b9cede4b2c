// Microsoft.Compute/galleries/applications (VM application definitions): one handler per ARM operation.
// Unlike image definitions, the service answers their writes and deletes at once, with no operation to
// poll and no provisioningState (recorded traffic: azure-cli test_gallery_application_version at
// 2021-07-01, azure-mgmt-compute test_compute_galleries at 2022-08-03: PUT 201, PATCH 200, DELETE 200,
// none with Azure-AsyncOperation).
import { TYPES } from "../arm/ids";
import { jsonBody, mergePatch } from "../arm/json";
import { page } from "../arm/paging";
import type { Context, Reply } from "../context";
import { liveChildren } from "../liveness";
import { settleOperation } from "../lro";
import type { JsonObject, ResourceRecord } from "../model";
import { acceptWrite, childEnvelope, childResource } from "../resource/acceptWrite";
import { refuseWhileHolding } from "../resource/deletion";
import { refuseImmutableChanges } from "../resource/immutable";
import { lookupApplication, notFound, type ApplicationLookup } from "../resource/lookup";
import { childLocation } from "../resource/placement";
import { checkName } from "../rules/validate";
import { normaliseApplicationProperties } from "../applications/definition";

const view = (r: ResourceRecord): JsonObject => r.body;

function write(ctx: Context, lookup: ApplicationLookup, req: JsonObject, kind: "create" | "update"): Reply {
  const svc = ctx.svc;
  const { gallery, record } = lookup;
  const region = childLocation(
    svc,
    req.location,
    { type: TYPES.application, property: "galleryApplication.location", what: "application definition" },
    gallery,
  );
  const body = childEnvelope(TYPES.application, lookup, req, normaliseApplicationProperties(req.properties));
  if (record) refuseImmutableChanges("application", record.body, body);
  const written = acceptWrite(ctx, {
    kind,
    resource: childResource(ctx, "application", gallery, region.name, body),
    previous: record,
    timing: { endTime: ctx.now },
  });
  return { status: kind === "create" ? 201 : 200, body: view(written.record) };
}

export function putApplication(ctx: Context): Reply {
  const lookup = lookupApplication(ctx);
  checkName("application", lookup.name);
  return write(ctx, lookup, jsonBody(ctx), lookup.record ? "update" : "create");
}

export function patchApplication(ctx: Context): Reply {
  const lookup = lookupApplication(ctx);
  if (!lookup.record) throw notFound(lookup);
  return write(ctx, lookup, mergePatch(lookup.record.body, jsonBody(ctx)), "update");
}

export function getApplication(ctx: Context): Reply {
  const lookup = lookupApplication(ctx);
  if (!lookup.record) throw notFound(lookup);
  return { status: 200, body: view(lookup.record) };
}

/** Refused while versions remain, as for an image definition; soft delete does not apply to applications. */
export function deleteApplication(ctx: Context): Reply {
  const { record } = lookupApplication(ctx);
  if (!record) return { status: 204 };
  refuseWhileHolding(ctx, record, `Gallery application '${record.name}'`, {
    kind: "applicationVersion",
    what: "application version",
    nameParameter: "galleryApplicationName",
  });
  const svc = ctx.svc;
  settleOperation(svc.store, record.operationId, svc.opts.replicationSpeedGBps, ctx.now);
  svc.store.deleteResource(record.key);
  return { status: 200 };
}

export function listApplications(ctx: Context): Reply {
  const lookup = lookupApplication(ctx);
  return page(ctx, liveChildren(ctx.svc, "application", lookup.gallery.key, ctx.now), view);
}

/** A gallery holding VM applications cannot be deleted either (the gallery's own delete asks this). */
export function refuseGalleryWithApplications(ctx: Context, gallery: ResourceRecord): void {
  refuseWhileHolding(ctx, gallery, `Gallery '${gallery.name}'`, {
    kind: "application",
    what: "application definition",
    nameParameter: "galleryName",
  });
}
