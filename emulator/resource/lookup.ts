// Finds the resource a route names and its parents. A missing or deleting parent is ARM's
// ParentResourceNotFound; the resource itself may be absent (create, or a list route that names none).
import {
  applicationId,
  galleryId,
  imageId,
  keyOf,
  optionalParam,
  param,
  subscription,
  TYPES,
  versionId,
} from "../arm/ids";
import type { Context } from "../context";
import { errors } from "../errors";
import { live } from "../liveness";
import type { ResourceRecord } from "../model";

export interface Lookup {
  type: (typeof TYPES)[keyof typeof TYPES];
  rg: string;
  /** As the request spells it ("" on list routes). */
  name: string;
  id: string;
  record: ResourceRecord | undefined;
  /** `gallery/image/version`, the name ARM's ResourceNotFound quotes for nested resources. */
  path: string;
}

export interface ImageLookup extends Lookup {
  gallery: ResourceRecord;
}

export interface VersionLookup extends ImageLookup {
  image: ResourceRecord;
}

/** ARM's 404 for the resource the lookup names. */
export const notFound = (lookup: Lookup) => errors.resourceNotFound(lookup.type, lookup.path, lookup.rg);

function existingParent(lookup: Lookup): ResourceRecord {
  if (!lookup.record || lookup.record.deleting) throw errors.parentResourceNotFound(lookup.type, lookup.name);
  return lookup.record;
}

const liveNamed = (ctx: Context, id: string, name: string): ResourceRecord | undefined =>
  name ? live(ctx.svc, keyOf(id), ctx.now) : undefined;

export function lookupGallery(ctx: Context): Lookup {
  const sub = subscription(ctx);
  const rg = param(ctx, "resourceGroupName");
  const name = param(ctx, "galleryName");
  const id = galleryId(sub, rg, name);
  return { type: TYPES.gallery, rg, name, id, record: liveNamed(ctx, id, name), path: name };
}

/** The child named by route parameter `nameParam` under `parent`, which must exist and not be deleting. */
function child(
  ctx: Context,
  parent: Lookup,
  type: Lookup["type"],
  nameParam: string,
  idOf: (parentId: string, name: string) => string,
): { lookup: Lookup; parent: ResourceRecord } {
  const record = existingParent(parent);
  const name = optionalParam(ctx, nameParam) ?? "";
  const id = idOf(record.id, name);
  // Errors quote the parents by the names they were created with.
  const parentPath = parent.path.slice(0, parent.path.length - parent.name.length) + record.name;
  return {
    lookup: {
      type,
      rg: parent.rg,
      name,
      id,
      record: liveNamed(ctx, id, name),
      path: `${parentPath}/${name}`,
    },
    parent: record,
  };
}

export function lookupImage(ctx: Context): ImageLookup {
  const { lookup, parent } = child(ctx, lookupGallery(ctx), TYPES.image, "galleryImageName", imageId);
  return { ...lookup, gallery: parent };
}

export function lookupVersion(ctx: Context): VersionLookup {
  const image = lookupImage(ctx);
  const { lookup, parent } = child(ctx, image, TYPES.version, "galleryImageVersionName", versionId);
  return { ...lookup, gallery: image.gallery, image: parent };
}

export interface ApplicationLookup extends Lookup {
  gallery: ResourceRecord;
}

export interface ApplicationVersionLookup extends ApplicationLookup {
  application: ResourceRecord;
}

export function lookupApplication(ctx: Context): ApplicationLookup {
  const { lookup, parent } = child(
    ctx,
    lookupGallery(ctx),
    TYPES.application,
    "galleryApplicationName",
    applicationId,
  );
  return { ...lookup, gallery: parent };
}

export function lookupApplicationVersion(ctx: Context): ApplicationVersionLookup {
  const application = lookupApplication(ctx);
  const { lookup, parent } = child(
    ctx,
    application,
    TYPES.applicationVersion,
    "galleryApplicationVersionName",
    versionId,
  );
  return { ...lookup, gallery: application.gallery, application: parent };
}
