// Microsoft.Compute/galleries: one handler per ARM operation.
import { randomUUID } from "node:crypto";
import { permits } from "../access/authorize";
import { keyOf, optionalParam, subscription, TYPES } from "../arm/ids";
import { isObject, jsonBody, mergePatch } from "../arm/json";
import { page } from "../arm/paging";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { liveList } from "../liveness";
import type { JsonObject, ResourceRecord } from "../model";
import { acceptWrite } from "../resource/acceptWrite";
import { deleteWhenEmpty } from "../resource/deletion";
import { refuseImmutableChanges } from "../resource/immutable";
import { lookupGallery, notFound } from "../resource/lookup";
import { checkRegionQuota } from "../resource/placement";
import { resourceLocation } from "../rules/locations";
import { checkName } from "../rules/validate";
import { sharingOnWrite } from "../sharing/profile";
import { refuseGalleryWithApplications } from "./applications";
import { expandsGroups, galleryView } from "../sharing/view";

const READ_ONLY = ["provisioningState", "identifier", "sharingStatus"];

/** Identity as the service returns it: principal ids filled in for the identities it creates. */
function identityView(identity: unknown, tenantId: string): JsonObject | undefined {
  if (!isObject(identity)) return undefined;
  const out: JsonObject = { ...identity };
  const type = typeof identity.type === "string" ? identity.type : "";
  if (type.includes("SystemAssigned")) {
    out.principalId ??= randomUUID();
    out.tenantId ??= tenantId;
  }
  if (isObject(identity.userAssignedIdentities)) {
    const userAssigned: JsonObject = {};
    for (const [resourceId, given] of Object.entries(identity.userAssignedIdentities)) {
      userAssigned[resourceId] = {
        principalId: randomUUID(),
        clientId: randomUUID(),
        ...(isObject(given) ? given : {}),
      };
    }
    out.userAssignedIdentities = userAssigned;
  }
  return out;
}

function buildBody(
  ctx: Context,
  id: string,
  name: string,
  req: JsonObject,
  existing?: ResourceRecord,
): JsonObject {
  const props: JsonObject = isObject(req.properties) ? { ...req.properties } : {};
  for (const k of READ_ONLY) delete props[k];
  const prevProps = isObject(existing?.body.properties) ? existing.body.properties : undefined;
  const prevSharing = isObject(prevProps?.sharingProfile) ? prevProps.sharingProfile : undefined;
  const sharing = sharingOnWrite(props.sharingProfile, prevSharing);
  if (sharing === undefined) delete props.sharingProfile;
  else props.sharingProfile = sharing;
  const uniqueName = `${ctx.svc.opts.subscriptionId}-${name.toUpperCase()}`;
  const body: JsonObject = {
    name,
    id,
    type: TYPES.gallery,
    location: req.location ?? existing?.body.location ?? null,
  };
  if (req.tags !== undefined) body.tags = req.tags;
  const identity = identityView(req.identity, ctx.svc.opts.tenantId);
  if (identity) body.identity = identity;
  body.properties = { ...props, identifier: { uniqueName } };
  return body;
}

export function putGallery(ctx: Context): Reply {
  const { id, record, rg, name } = lookupGallery(ctx);
  checkName("gallery", name);
  const req = jsonBody(ctx);
  const svc = ctx.svc;
  const region = resourceLocation(
    req.location,
    "gallery.location",
    TYPES.gallery,
    svc.opts.allowedAccessRegions,
  );
  if (record?.deleting) throw errors.operationNotAllowed(`Gallery '${name}' is being deleted.`);
  const body = buildBody(ctx, id, name, req, record);
  if (record) {
    refuseImmutableChanges("gallery", record.body, body);
  } else {
    checkRegionQuota(svc, "gallery", region.name);
  }
  // Gallery operations complete as soon as they are accepted (the service's first poll says Succeeded).
  const written = acceptWrite(ctx, {
    kind: record ? "update" : "create",
    resource: {
      key: keyOf(id),
      kind: "gallery",
      name,
      id: record?.id ?? id,
      parentKey: null,
      subscriptionId: svc.opts.subscriptionId,
      resourceGroup: record?.resourceGroup ?? rg,
      region: region.name,
      body: { ...body, id: record?.id ?? id, name: record?.name ?? name },
    },
    previous: record,
    timing: { endTime: ctx.now },
  });
  return {
    status: record ? 200 : 201,
    headers: written.headers,
    body: galleryView(svc, written.record, ctx.now, { state: record ? "Updating" : "Creating" }),
  };
}

export function patchGallery(ctx: Context): Reply {
  const lookup = lookupGallery(ctx);
  const record = lookup.record;
  if (!record || record.deleting) throw notFound(lookup);
  const req = jsonBody(ctx);
  const svc = ctx.svc;
  const merged = mergePatch(record.body, req);
  const body = buildBody(ctx, record.id, record.name, merged, record);
  if (req.identity === undefined && record.body.identity !== undefined) body.identity = record.body.identity;
  refuseImmutableChanges("gallery", record.body, body);
  const written = acceptWrite(ctx, {
    kind: "update",
    resource: { ...record, body },
    previous: record,
    timing: { endTime: ctx.now },
  });
  return {
    status: 200,
    headers: written.headers,
    body: galleryView(svc, written.record, ctx.now, { state: "Updating" }),
  };
}

export function getGallery(ctx: Context): Reply {
  const lookup = lookupGallery(ctx);
  if (!lookup.record) throw notFound(lookup);
  return {
    status: 200,
    body: galleryView(ctx.svc, lookup.record, ctx.now, { expandGroups: expandsGroups(ctx.query) }),
  };
}

export function deleteGallery(ctx: Context): Reply {
  const { record, name } = lookupGallery(ctx);
  if (!record) return { status: 204 };
  refuseGalleryWithApplications(ctx, record);
  return deleteWhenEmpty(ctx, record, `Gallery '${name}'`, {
    kind: "image",
    what: "image definition",
    nameParameter: "galleryName",
  });
}

export function listGalleries(ctx: Context): Reply {
  const sub = subscription(ctx);
  const rg = optionalParam(ctx, "resourceGroupName");
  const svc = ctx.svc;
  const caller = ctx.caller;
  const records = liveList(
    svc,
    svc.store.listResources({ kind: "gallery", subscriptionId: sub, resourceGroup: rg }),
    ctx.now,
  ).filter((r) => !caller || permits(svc.store, caller, `${TYPES.gallery}/read`, r.id));
  return page(ctx, records, (r) => galleryView(svc, r, ctx.now));
}
