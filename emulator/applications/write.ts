// Creating or updating a VM application version: validate the package and the publishing profile, start
// (or keep) each target region's replication of the package, record the operation the client polls. As
// with image versions, the operation ends when every target region has its replicas (recorded traffic:
// 201 with Azure-AsyncOperation, InProgress polls, then Succeeded).
import { TYPES } from "../arm/ids";
import { isObject } from "../arm/json";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import type { Json, JsonObject } from "../model";
import { acceptWrite, childEnvelope, childResource } from "../resource/acceptWrite";
import { refuseImmutableChanges } from "../resource/immutable";
import type { ApplicationVersionLookup } from "../resource/lookup";
import { childLocation } from "../resource/placement";
import { normalisePublishing, type PublishingShape } from "../versions/publishing";
import { replicationOnWrite } from "../versions/write";
import { normalisePackage, packageSizeGB } from "./package";
import { APPLICATION_PUBLISHING_PROFILE, APPLICATION_VERSION_PROPERTIES } from "./paths";
import { applicationVersionView } from "./view";

const APPLICATION_VERSION_PUBLISHING: PublishingShape = {
  path: APPLICATION_PUBLISHING_PROFILE,
  what: "application version",
  replicasPerRegion: (limits) => limits.replicasPerApplicationVersionPerRegion,
};

/**
 * GalleryApplicationVersionSafetyProfile has only allowDeletionOfReplicatedLocations; the emulator fills
 * false as the service does for image versions (a guess for applications: no recording at 2022-01-03+).
 */
function safety(raw: Json | undefined, existing: Json | undefined): JsonObject {
  const prev = isObject(existing) ? existing : {};
  const req = isObject(raw) ? raw : {};
  return {
    ...prev,
    ...req,
    allowDeletionOfReplicatedLocations:
      req.allowDeletionOfReplicatedLocations ?? prev.allowDeletionOfReplicatedLocations ?? false,
  };
}

export function writeApplicationVersion(
  ctx: Context,
  lookup: ApplicationVersionLookup,
  req: JsonObject,
  kind: "create" | "update",
): Reply {
  const svc = ctx.svc;
  const { application, record } = lookup;
  const location = childLocation(
    svc,
    req.location,
    {
      type: TYPES.applicationVersion,
      property: "galleryApplicationVersion.location",
      what: "application version",
    },
    application,
  );
  if (!isObject(req.properties)) throw errors.missingParameter(APPLICATION_VERSION_PROPERTIES);
  const props: JsonObject = { ...req.properties };
  delete props.provisioningState;
  delete props.replicationStatus;
  if (!isObject(props.publishingProfile)) throw errors.missingParameter(APPLICATION_PUBLISHING_PROFILE);
  const pkg = normalisePackage(props.publishingProfile);
  const prevProps = record && isObject(record.body.properties) ? record.body.properties : undefined;
  const prevPublishing =
    prevProps && isObject(prevProps.publishingProfile) ? prevProps.publishingProfile : undefined;
  const publishing = normalisePublishing(
    ctx,
    pkg.profile,
    String(req.location),
    prevPublishing,
    APPLICATION_VERSION_PUBLISHING,
  );
  const body = childEnvelope(TYPES.applicationVersion, lookup, req, {
    ...props,
    publishingProfile: publishing.profile,
    safetyProfile: safety(props.safetyProfile, prevProps?.safetyProfile),
  });
  if (record) {
    if (record.deleting)
      throw errors.operationNotAllowed(`Application version '${record.name}' is being deleted.`);
    // Before the package is read again: a refused change of blob is PropertyChangeNotAllowed.
    refuseImmutableChanges("applicationVersion", record.body, body);
  }
  // The blob is read on create; an update (a new SAS at most) replicates what was read then.
  const sizeGB = record?.packageSizeGB ?? packageSizeGB(ctx, pkg.mediaBlob);
  const replication = replicationOnWrite(ctx, record, publishing.targets, body, {
    kind,
    resource: "applicationVersion",
    targetRegionsPath: `${APPLICATION_PUBLISHING_PROFILE}.targetRegions`,
  });
  const written = acceptWrite(ctx, {
    kind,
    resource: {
      ...childResource(ctx, "applicationVersion", application, location.name, body),
      replication,
      packageSizeGB: sizeGB,
    },
    previous: record,
    timing: { waitsForRegions: replication.map((r) => r.region) },
  });
  return {
    status: kind === "create" ? 201 : 200,
    headers: written.headers,
    body: applicationVersionView(svc, written.record, ctx.now, {
      state: kind === "create" ? "Creating" : "Updating",
    }),
  };
}
