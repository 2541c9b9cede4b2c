// POST .../galleries/{galleryName}/share: the gallery's share action (GallerySharingProfile_Update).
// Long-running as in Azure: 202 with Location and Azure-AsyncOperation, the gallery Updating and its
// sharing InProgress until the operation ends; the final poll answers the SharingUpdate.
import { asyncHeaders } from "../arm/asyncHeaders";
import { isObject, jsonBody } from "../arm/json";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { newOperation } from "../lro";
import type { ResourceRecord } from "../model";
import { lookupGallery, notFound } from "../resource/lookup";
import { applySharingUpdate } from "../sharing/profile";

export function postShare(ctx: Context): Reply {
  const lookup = lookupGallery(ctx);
  const record = lookup.record;
  if (!record || record.deleting) throw notFound(lookup);
  const svc = ctx.svc;
  const props = isObject(record.body.properties) ? record.body.properties : {};
  const stored = isObject(props.sharingProfile) ? props.sharingProfile : undefined;
  const current = svc.store.getOperation(record.operationId);
  if (current?.kind === "share" && (current.endTime ?? 0) > ctx.now) {
    throw errors.conflict(
      `Gallery '${record.name}' is already being shared; retry once its sharing update has finished.`,
    );
  }
  const { update, profile } = applySharingUpdate(stored, jsonBody(ctx));
  const op = {
    ...newOperation("share", record, ctx.apiVersion, ctx.now, {
      endTime: ctx.now + svc.opts.sharingUpdateMs,
    }),
    result: update,
  };
  const rec: ResourceRecord = {
    ...record,
    body: { ...record.body, properties: { ...props, sharingProfile: profile } },
    operationId: op.id,
  };
  svc.store.putOperation(op);
  svc.store.putResource(rec);
  return { status: 202, headers: asyncHeaders(ctx, op, record.region, true), body: update };
}
