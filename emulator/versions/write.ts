// Creating or updating an image version: validate and normalise the request, start (or keep) each target
// region's replication, record the operation the client will poll.
import { TYPES } from "../arm/ids";
import { getPath, isObject } from "../arm/json";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { DEFAULT_STALL_MS, takeReplicationFault, type FaultResource } from "../faults";
import type { Json, JsonObject, RegionReplication, ResourceRecord } from "../model";
import { acceptWrite, childEnvelope, childResource } from "../resource/acceptWrite";
import { refuseImmutableChanges } from "../resource/immutable";
import type { VersionLookup } from "../resource/lookup";
import { checkRegionQuota, childLocation } from "../resource/placement";
import { findRegion } from "../rules/regions";
import { refuseEncryptionInDirectShare } from "../sharing/directShare";
import { VERSION_PROPERTIES, PUBLISHING_PROFILE, STORAGE_PROFILE } from "./paths";
import { normalisePublishing, type Target } from "./publishing";
import { carryStorage, checkDataDiskSources, normaliseStorage } from "./storage";
import { versionView } from "./view";

/** safetyProfile as stored: the request over what was there, with the service's read-only flags. */
function safety(raw: Json | undefined, existing: Json | undefined): JsonObject {
  const prev = isObject(existing) ? existing : {};
  const req = isObject(raw) ? raw : {};
  const out: JsonObject = {
    ...prev,
    ...req,
    reportedForPolicyViolation: prev.reportedForPolicyViolation ?? false,
  };
  out.allowDeletionOfReplicatedLocations =
    req.allowDeletionOfReplicatedLocations ?? prev.allowDeletionOfReplicatedLocations ?? false;
  delete out.policyViolations;
  return out;
}

export function writeVersion(
  ctx: Context,
  lookup: VersionLookup,
  req: JsonObject,
  kind: "create" | "update",
): Reply {
  const svc = ctx.svc;
  const { image, record } = lookup;
  const location = childLocation(
    svc,
    req.location,
    { type: TYPES.version, property: "galleryImageVersion.location", what: "image version" },
    image,
  );
  const locationText = String(req.location);
  if (!isObject(req.properties)) throw errors.missingParameter(VERSION_PROPERTIES);
  const props: JsonObject = { ...req.properties };
  delete props.provisioningState;
  delete props.replicationStatus;
  delete props.validationsProfile;
  delete props.restore; // a flag of the request: Azure neither stores nor returns it
  const prevProps = record && isObject(record.body.properties) ? record.body.properties : undefined;
  const prevPublishing =
    prevProps && isObject(prevProps.publishingProfile) ? prevProps.publishingProfile : undefined;
  const publishing = normalisePublishing(ctx, props.publishingProfile, locationText, prevPublishing);
  refuseEncryptionInDirectShare(lookup.gallery, publishing.profile);

  let storage: JsonObject;
  let disks: NonNullable<ResourceRecord["disks"]>;
  if (record && prevProps && record.disks) {
    const prevStorage = isObject(prevProps.storageProfile) ? prevProps.storageProfile : {};
    storage = carryStorage(prevStorage, props.storageProfile);
    checkDataDiskSources(prevStorage, storage);
    disks = record.disks;
  } else {
    if (!isObject(props.storageProfile)) throw errors.missingParameter(`${STORAGE_PROFILE}`);
    ({ profile: storage, disks } = normaliseStorage(
      ctx,
      props.storageProfile,
      locationText,
      publishing.profile.replicationMode === "Shallow",
    ));
  }
  const body = childEnvelope(TYPES.version, lookup, req, {
    ...props,
    publishingProfile: publishing.profile,
    storageProfile: storage,
    safetyProfile: safety(props.safetyProfile, prevProps?.safetyProfile),
  });

  if (record) {
    if (record.deleting) throw errors.operationNotAllowed(`Image version '${record.name}' is being deleted.`);
    refuseImmutableChanges("version", record.body, body, ["properties.storageProfile.dataDiskImages"]);
  } else {
    checkRegionQuota(svc, "version", location.name);
  }
  const replication = replicationOnWrite(ctx, record, publishing.targets, body, {
    kind,
    resource: "version",
    targetRegionsPath: `${PUBLISHING_PROFILE}.targetRegions`,
  });

  const written = acceptWrite(ctx, {
    kind,
    resource: { ...childResource(ctx, "version", image, location.name, body), replication, disks },
    previous: record,
    timing: { waitsForRegions: replication.map((r) => r.region) },
  });
  const isPutUpdate = kind === "update" && ctx.method === "PUT";
  return {
    status: kind === "create" ? 201 : 200,
    headers: written.headers,
    body: versionView(svc, written.record, ctx.now, ctx.apiVersion, {
      state: kind === "create" ? "Creating" : "Updating",
      omitValidations: isPutUpdate,
    }),
  };
}

/**
 * The replication a version write leaves. A create starts every target now; an update keeps the progress
 * of unchanged regions and starts new, changed and failed ones over (Azure retries a failed region on
 * update), and refuses to drop a replicated region unless the written body's
 * safetyProfile.allowDeletionOfReplicatedLocations is true.
 */
export function replicationOnWrite(
  ctx: Context,
  record: ResourceRecord | undefined,
  targets: readonly Target[],
  body: JsonObject,
  write: { kind: "create" | "update"; resource: FaultResource; targetRegionsPath: string },
): RegionReplication[] {
  const start = (t: Target) => startRegion(ctx, t, write.kind, write.resource);
  if (!record) return targets.map(start);
  const old = record.replication ?? [];
  const removed = old.filter((o) => !targets.some((t) => t.region === o.region));
  if (
    removed.length > 0 &&
    getPath(body, "properties.safetyProfile.allowDeletionOfReplicatedLocations") !== true
  ) {
    throw errors.operationNotAllowed(
      `Removing replicated regions (${removed.map((r) => findRegion(r.region)?.displayName ?? r.region).join(", ")}) is not allowed ` +
        "unless safetyProfile.allowDeletionOfReplicatedLocations is true.",
      write.targetRegionsPath,
    );
  }
  return targets.map((t) => {
    const prev = old.find((o) => o.region === t.region);
    const same =
      prev && prev.replicaCount === t.replicaCount && prev.storageAccountType === t.storageAccountType;
    if (same && !prev.failure) return prev;
    return start(t);
  });
}

/** One region's replication from now, with the injected fault for it (faults.ts), if any. */
function startRegion(
  ctx: Context,
  t: Target,
  kind: "create" | "update",
  resource: FaultResource,
): RegionReplication {
  const fault = takeReplicationFault(ctx.svc.store, {
    method: ctx.method,
    resource,
    operation: kind,
    region: t.region,
  });
  const r: RegionReplication = {
    region: t.region,
    // A stall is replication that starts late: no progress until then, the usual pace after.
    startedAt: ctx.now + (fault?.kind === "replicationStalled" ? (fault.ms ?? DEFAULT_STALL_MS) : 0),
    replicaCount: t.replicaCount,
    storageAccountType: t.storageAccountType,
    speedGBps: ctx.svc.opts.replicationSpeedGBps,
  };
  if (fault?.kind === "replicationFailed") {
    const display = findRegion(t.region)?.displayName ?? t.region;
    r.failure = {
      code: fault.code ?? "ReplicationFailed",
      message: fault.message ?? `Replication to region '${display}' failed.`,
    };
  }
  return r;
}
