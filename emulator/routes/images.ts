// Microsoft.Compute/galleries/images (image definitions): one handler per ARM operation.
import { keyOf, TYPES } from "../arm/ids";
import { getPath, isObject, jsonBody, mergePatch } from "../arm/json";
import { page } from "../arm/paging";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { liveChildren, softDeletedChildren } from "../liveness";
import type { JsonObject } from "../model";
import { acceptWrite, childEnvelope, childResource } from "../resource/acceptWrite";
import { deleteWhenEmpty } from "../resource/deletion";
import { refuseImmutableChanges } from "../resource/immutable";
import { lookupImage, notFound, type ImageLookup } from "../resource/lookup";
import { checkRegionQuota, childLocation } from "../resource/placement";
import { resourceView } from "../resource/view";
import { featuresChangeAllowed } from "../rules/immutability";
import { checkName, enumValue, optionalObject, requiredString } from "../rules/validate";
import { ARCHITECTURES, HYPER_V_GENERATIONS, OS_STATES, OS_TYPES } from "../rules/enums";
import { normaliseDateProperty } from "../time";

const IMAGE_PROPERTIES = "galleryImage.properties";

/** Validates and normalises the definition's properties, filling the defaults the service fills. */
function normaliseProperties(raw: unknown): JsonObject {
  if (!isObject(raw)) throw errors.missingParameter(IMAGE_PROPERTIES);
  const props: JsonObject = { ...raw };
  delete props.provisioningState;
  delete props.allowUpdateImage; // accepted, never echoed (recorded traffic)
  if (isObject(props.disallowed) && Object.keys(props.disallowed).length === 0) delete props.disallowed;
  requiredString(props, "osType", `${IMAGE_PROPERTIES}.osType`);
  requiredString(props, "osState", `${IMAGE_PROPERTIES}.osState`);
  enumValue(props, "osType", OS_TYPES, `${IMAGE_PROPERTIES}.osType`);
  enumValue(props, "osState", OS_STATES, `${IMAGE_PROPERTIES}.osState`);
  enumValue(props, "hyperVGeneration", HYPER_V_GENERATIONS, `${IMAGE_PROPERTIES}.hyperVGeneration`);
  if (props.architecture === undefined || props.architecture === null) props.architecture = "x64";
  enumValue(props, "architecture", ARCHITECTURES, `${IMAGE_PROPERTIES}.architecture`);
  const identifier = optionalObject(props, "identifier", `${IMAGE_PROPERTIES}.identifier`);
  if (!identifier) throw errors.missingParameter(`${IMAGE_PROPERTIES}.identifier`);
  for (const k of ["publisher", "offer", "sku"])
    requiredString(identifier, k, `${IMAGE_PROPERTIES}.identifier.${k}`);
  normaliseDateProperty(props, "endOfLifeDate", `${IMAGE_PROPERTIES}.endOfLifeDate`);
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
  lookup: ImageLookup,
  req: JsonObject,
  status: 200 | 201,
  kind: "create" | "update",
): Reply {
  const svc = ctx.svc;
  const { gallery, id, record, name } = lookup;
  const region = childLocation(
    svc,
    req.location,
    { type: TYPES.image, property: "galleryImage.location", what: "image definition" },
    gallery,
  );
  // allowUpdateImage opens the features to change, nothing else: GalleryRP 2024-03-03 describes it as
  // "set to true if the gallery image features are being updated", and Azure/azure-cli#33172 lists
  // the features it updates (DiskControllerTypes, SecurityType, IsAcceleratedNetworkSupported,
  // IsHibernateSupported). The hyperVGeneration in the GalleryImage_UpdateFeatures example is the
  // definition's own V2, which Trusted Launch needs; a change of generation stays refused.
  const allowUpdate = isObject(req.properties) && req.properties.allowUpdateImage === true;
  const properties = normaliseProperties(req.properties);
  const body = childEnvelope(TYPES.image, lookup, req, properties);
  if (record) {
    if (record.deleting) throw errors.operationNotAllowed(`Image definition '${name}' is being deleted.`);
    refuseImmutableChanges("image", record.body, body, [
      ...(featuresChangeAllowed(getPath(record.body, "properties.features"), properties.features, allowUpdate)
        ? ["properties.features"]
        : []),
    ]);
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
      `${IMAGE_PROPERTIES}.identifier`,
    );
  }
  if (!record) checkRegionQuota(svc, "image", region.name);
  const written = acceptWrite(ctx, {
    kind,
    resource: childResource(ctx, "image", gallery, region.name, body),
    previous: record,
    timing: { endTime: ctx.now },
  });
  return {
    status,
    headers: written.headers,
    body: resourceView(svc, written.record, ctx.now, kind === "create" ? "Creating" : "Updating"),
  };
}

export function putImage(ctx: Context): Reply {
  const lookup = lookupImage(ctx);
  checkName("image", lookup.name);
  const req = jsonBody(ctx);
  return lookup.record ? write(ctx, lookup, req, 200, "update") : write(ctx, lookup, req, 201, "create");
}

export function patchImage(ctx: Context): Reply {
  const lookup = lookupImage(ctx);
  if (!lookup.record || lookup.record.deleting) throw notFound(lookup);
  const req = jsonBody(ctx);
  const merged = mergePatch(lookup.record.body, req);
  return write(ctx, lookup, merged, 200, "update");
}

export function getImage(ctx: Context): Reply {
  const lookup = lookupImage(ctx);
  if (!lookup.record) throw notFound(lookup);
  return { status: 200, body: resourceView(ctx.svc, lookup.record, ctx.now) };
}

export function deleteImage(ctx: Context): Reply {
  const { record } = lookupImage(ctx);
  if (!record) return { status: 204 };
  // Azure documents that a definition holding soft-deleted versions cannot be deleted.
  const kept = softDeletedChildren(ctx.svc, "version", record.key, ctx.now);
  if (kept.length > 0) {
    throw errors.operationNotAllowed(
      `Image definition '${record.name}' cannot be deleted because it holds ${kept.length} soft-deleted image version(s) ` +
        `(${kept.map((v) => v.name).join(", ")}); restore them and delete them with soft delete off, or wait until their retention ends.`,
      "galleryImageName",
    );
  }
  return deleteWhenEmpty(ctx, record, `Image definition '${record.name}'`, {
    kind: "version",
    what: "image version",
    nameParameter: "galleryImageName",
  });
}

export function listImages(ctx: Context): Reply {
  const lookup = lookupImage(ctx);
  const svc = ctx.svc;
  const records = liveChildren(svc, "image", lookup.gallery.key, ctx.now);
  return page(ctx, records, (r) => resourceView(svc, r, ctx.now));
}
