// Microsoft.Compute/galleries/images (image definitions): one handler per ARM operation.
import {
  asyncHeaders,
  galleryId,
  getPath,
  imageId,
  isObject,
  jsonBody,
  keyOf,
  live,
  liveChildren,
  mergePatch,
  page,
  param,
  provisioningState,
  subscription,
  TYPES,
  type ProvisioningState,
} from "../arm";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { newOperation, settleOperation } from "../lro";
import type { JsonObject, ResourceRecord } from "../model";
import { featuresChangeAllowed } from "../rules/immutability";
import { resourceLocation } from "../rules/locations";
import { findRegion } from "../rules/regions";
import { checkImmutable, checkName, enumValue, optionalObject, requiredString } from "../rules/validate";
import type { Service } from "../service";
import { normaliseDate } from "../time";

const P = "galleryImage.properties";

export function imageView(
  svc: Service,
  r: ResourceRecord,
  now: number,
  state?: ProvisioningState,
): JsonObject {
  const properties = {
    ...(r.body.properties as JsonObject),
    provisioningState: state ?? provisioningState(svc, r, now),
  };
  return { ...r.body, properties };
}

interface Lookup {
  gallery: ResourceRecord;
  id: string;
  record: ResourceRecord | undefined;
  rg: string;
  name: string;
}

function lookup(ctx: Context): Lookup {
  const sub = subscription(ctx);
  const rg = param(ctx, "resourceGroupName");
  const galleryName = param(ctx, "galleryName");
  const gId = galleryId(sub, rg, galleryName);
  const gallery = live(ctx.svc, keyOf(gId), ctx.now);
  if (!gallery || gallery.deleting) throw errors.parentResourceNotFound(TYPES.gallery, galleryName);
  const name = ctx.params.galleryImageName === undefined ? "" : param(ctx, "galleryImageName");
  const id = imageId(gallery.id, name);
  return { gallery, id, record: name ? live(ctx.svc, keyOf(id), ctx.now) : undefined, rg, name };
}

/** Validates and normalises the definition's properties, filling the defaults the service fills. */
function normaliseProperties(raw: unknown): JsonObject {
  if (!isObject(raw)) throw errors.missingParameter(P);
  const props: JsonObject = { ...raw };
  delete props.provisioningState;
  delete props.allowUpdateImage; // accepted, never echoed (recorded traffic)
  if (isObject(props.disallowed) && Object.keys(props.disallowed).length === 0) delete props.disallowed;
  requiredString(props, "osType", `${P}.osType`);
  requiredString(props, "osState", `${P}.osState`);
  enumValue(props, "osType", "osType", `${P}.osType`);
  enumValue(props, "osState", "osState", `${P}.osState`);
  enumValue(props, "hyperVGeneration", "hyperVGeneration", `${P}.hyperVGeneration`);
  if (props.architecture === undefined || props.architecture === null) props.architecture = "x64";
  enumValue(props, "architecture", "architecture", `${P}.architecture`);
  const identifier = optionalObject(props, "identifier", `${P}.identifier`);
  if (!identifier) throw errors.missingParameter(`${P}.identifier`);
  for (const k of ["publisher", "offer", "sku"]) requiredString(identifier, k, `${P}.identifier.${k}`);
  if (typeof props.endOfLifeDate === "string") {
    const d = normaliseDate(props.endOfLifeDate);
    if (!d)
      throw errors.invalidParameter(
        `The value of parameter '${P}.endOfLifeDate' is not a valid date.`,
        `${P}.endOfLifeDate`,
      );
    props.endOfLifeDate = d;
  }
  if (Array.isArray(props.features)) {
    // The service returns features with startsAtVersion first.
    props.features = props.features.map((f) =>
      isObject(f) && f.startsAtVersion !== undefined ? { startsAtVersion: f.startsAtVersion, ...f } : f,
    );
  }
  return props;
}

const identifierKey = (props: JsonObject): string => {
  const id = props.identifier as JsonObject;
  return [id.publisher, id.offer, id.sku].map((s) => String(s).toLowerCase()).join("\u0000");
};

function write(
  ctx: Context,
  l: Lookup,
  req: JsonObject,
  status: 200 | 201,
  kind: "create" | "update",
): Reply {
  const svc = ctx.svc;
  const { gallery, id, record, name } = l;
  const region = resourceLocation(
    req.location,
    "galleryImage.location",
    TYPES.image,
    svc.opts.allowedAccessRegions,
  );
  if (region.name !== gallery.region) {
    throw errors.invalidParameter(
      `The location '${String(req.location)}' of the image definition must be the location of its gallery '${String(gallery.body.location)}'.`,
      "galleryImage.location",
    );
  }
  // allowUpdateImage lets a Gen1 definition move to Gen2 (with TrustedLaunch features): the
  // GalleryImage_UpdateFeatures example.
  const allowUpdate = isObject(req.properties) && req.properties.allowUpdateImage === true;
  const properties = normaliseProperties(req.properties);
  const body: JsonObject = {
    name: record?.name ?? name,
    id: record?.id ?? id,
    type: TYPES.image,
    location: req.location ?? null,
  };
  if (req.tags !== undefined) body.tags = req.tags;
  body.properties = properties;
  if (record) {
    if (record.deleting) throw errors.operationNotAllowed(`Image definition '${name}' is being deleted.`);
    checkImmutable(
      "image",
      record.body,
      body,
      (v) => (typeof v === "string" ? findRegion(v)?.name : undefined),
      [
        ...(allowUpdate ? ["properties.hyperVGeneration"] : []),
        ...(featuresChangeAllowed(
          getPath(record.body, "properties.features"),
          properties.features,
          allowUpdate,
        )
          ? ["properties.features"]
          : []),
      ],
    );
  }
  const siblings = liveChildren(svc, "image", gallery.key, ctx.now);
  const clash = siblings.find(
    (s) =>
      s.key !== keyOf(id) && identifierKey(s.body.properties as JsonObject) === identifierKey(properties),
  );
  if (clash) {
    const ident = properties.identifier as JsonObject;
    throw errors.conflict(
      `An image definition with publisher '${String(ident.publisher)}', offer '${String(ident.offer)}' and sku '${String(ident.sku)}' already exists in gallery '${gallery.name}': '${clash.name}'.`,
      `${P}.identifier`,
    );
  }
  if (
    !record &&
    svc.store.countInRegion("image", svc.opts.subscriptionId, region.name) >=
      svc.opts.limits.imageDefinitionsPerRegion
  ) {
    throw errors.quotaExceeded(
      `Operation results in exceeding quota limits of image definitions. Maximum allowed: ${svc.opts.limits.imageDefinitionsPerRegion}, region: '${region.name}'.`,
    );
  }
  const resource = { key: keyOf(id), kind: "image" as const, name: String(body.name) };
  if (record) settleOperation(svc.store, record.operationId, svc.opts.replicationSpeedGBps, ctx.now);
  const op = newOperation(kind, resource, ctx.apiVersion, ctx.now, { endTime: ctx.now });
  const rec: ResourceRecord = {
    ...resource,
    id: String(body.id),
    parentKey: gallery.key,
    subscriptionId: svc.opts.subscriptionId,
    resourceGroup: gallery.resourceGroup,
    region: region.name,
    body,
    operationId: op.id,
    createOperationId: record?.createOperationId ?? op.id,
  };
  svc.store.putOperation(op);
  svc.store.putResource(rec);
  return {
    status,
    headers: asyncHeaders(ctx, op, region.name, false),
    body: imageView(svc, rec, ctx.now, kind === "create" ? "Creating" : "Updating"),
  };
}

export function putImage(ctx: Context): Reply {
  const l = lookup(ctx);
  checkName("image", l.name);
  const req = jsonBody(ctx);
  return l.record ? write(ctx, l, req, 200, "update") : write(ctx, l, req, 201, "create");
}

export function patchImage(ctx: Context): Reply {
  const l = lookup(ctx);
  if (!l.record || l.record.deleting)
    throw errors.resourceNotFound(TYPES.image, `${l.gallery.name}/${l.name}`, l.rg);
  const req = jsonBody(ctx);
  const merged = mergePatch(l.record.body, req);
  return write(ctx, l, merged, 200, "update");
}

export function getImage(ctx: Context): Reply {
  const l = lookup(ctx);
  if (!l.record) throw errors.resourceNotFound(TYPES.image, `${l.gallery.name}/${l.name}`, l.rg);
  return { status: 200, body: imageView(ctx.svc, l.record, ctx.now) };
}

export function deleteImage(ctx: Context): Reply {
  const l = lookup(ctx);
  const record = l.record;
  if (!record) return { status: 204 };
  const svc = ctx.svc;
  const versions = liveChildren(svc, "version", record.key, ctx.now);
  if (versions.length > 0) {
    throw errors.operationNotAllowed(
      `Image definition '${record.name}' cannot be deleted because it contains ${versions.length} image version(s). Delete the nested resources first.`,
      "galleryImageName",
    );
  }
  settleOperation(svc.store, record.operationId, svc.opts.replicationSpeedGBps, ctx.now);
  const op = newOperation("delete", record, ctx.apiVersion, ctx.now, { endTime: ctx.now });
  svc.store.putOperation(op);
  svc.store.deleteResource(record.key);
  return { status: 202, headers: asyncHeaders(ctx, op, record.region, true) };
}

export function listImages(ctx: Context): Reply {
  const l = lookup(ctx);
  const svc = ctx.svc;
  const records = liveChildren(svc, "image", l.gallery.key, ctx.now);
  return page(
    ctx,
    records.map((r) => imageView(svc, r, ctx.now)),
  );
}
