// Microsoft.Compute/galleries/images/versions: one handler per ARM operation. Versions are the only
// resources whose operations take time: they complete when every target region has replicated.
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
  versionId,
  type ProvisioningState,
} from "../arm";
import { atLeast } from "../apiVersions";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { newOperation, settleOperation, viewOperation } from "../lro";
import type { DiskSize, Json, JsonObject, RegionReplication, ResourceRecord } from "../model";
import { aggregateState, imageSizeGB, regionStatus } from "../replication";
import { ZONE_REDUNDANT_STORAGE } from "../rules/enums";
import { resourceLocation, targetRegion } from "../rules/locations";
import { findRegion } from "../rules/regions";
import { checkImmutable, checkName, enumValue, positiveInt } from "../rules/validate";
import type { Service } from "../service";
import { resolveSource, type ResolvedSource } from "../sources";
import { azureTime, normaliseDate } from "../time";

const P = "galleryImageVersion.properties";
const PP = `${P}.publishingProfile`;
const SP = `${P}.storageProfile`;
export const FAULTS_META = "replicationFaults";

interface ViewOptions {
  state?: ProvisioningState;
  expand?: string[];
  omitValidations?: boolean;
}

// ---- reading -------------------------------------------------------------------------------------

function creationSucceeded(svc: Service, r: ResourceRecord, now: number): boolean {
  const op = svc.store.getOperation(r.createOperationId);
  return !op || viewOperation(op, svc.store, svc.opts.replicationSpeedGBps, now).status === "Succeeded";
}

/** Disk sizes (and, for whole-VM/managed-image sources, the disk list) appear once creation completes. */
function storageProfileView(r: ResourceRecord, revealed: boolean): JsonObject {
  const stored =
    isObject(r.body.properties) && isObject(r.body.properties.storageProfile)
      ? r.body.properties.storageProfile
      : {};
  if (!revealed || !r.disks) return stored;
  const out: JsonObject = { ...stored };
  const storedOs = isObject(stored.osDiskImage) ? stored.osDiskImage : {};
  const storedData = Array.isArray(stored.dataDiskImages) ? stored.dataDiskImages.filter(isObject) : [];
  const dataFor = (lun: number | undefined): JsonObject => storedData.find((d) => d.lun === lun) ?? {};
  if (r.disks.wholeSource) {
    out.osDiskImage = {
      ...storedOs,
      sizeInGB: r.disks.os.sizeGB,
      hostCaching: storedOs.hostCaching ?? "ReadWrite",
      source: {},
    };
    if (r.disks.data.length > 0) {
      out.dataDiskImages = r.disks.data.map((d) => ({
        ...dataFor(d.lun),
        lun: d.lun ?? 0,
        sizeInGB: d.sizeGB,
        hostCaching: dataFor(d.lun).hostCaching ?? "None",
      }));
    }
  } else {
    out.osDiskImage = { sizeInGB: r.disks.os.sizeGB, ...storedOs };
    if (storedData.length > 0)
      out.dataDiskImages = storedData.map((d) => ({
        lun: d.lun ?? null,
        sizeInGB: r.disks?.data.find((x) => x.lun === d.lun)?.sizeGB ?? null,
        ...d,
      }));
  }
  return out;
}

function replicationStatusView(svc: Service, r: ResourceRecord, now: number): JsonObject {
  const size = imageSizeGB(r.disks);
  const statuses = (r.replication ?? []).map((x) =>
    regionStatus(x, size, svc.opts.replicationSpeedGBps, now),
  );
  return {
    aggregatedState: aggregateState(statuses),
    summary: statuses.map((s) => ({
      region: findRegion(s.region)?.displayName ?? s.region,
      state: s.state,
      details: s.failure?.message ?? "",
      progress: s.progress,
    })),
  };
}

export function versionView(
  svc: Service,
  r: ResourceRecord,
  now: number,
  apiVersion: string,
  o: ViewOptions = {},
): JsonObject {
  const properties: JsonObject = { ...(r.body.properties as JsonObject) };
  properties.storageProfile = storageProfileView(r, creationSucceeded(svc, r, now));
  properties.provisioningState = o.state ?? provisioningState(svc, r, now);
  if (atLeast(apiVersion, "2024-03-03") && !o.omitValidations) {
    properties.validationsProfile = { validationOperationStatus: "NotExecuted" };
  }
  if (o.expand?.includes("replicationstatus"))
    properties.replicationStatus = replicationStatusView(svc, r, now);
  return { ...r.body, properties };
}

// ---- lookup --------------------------------------------------------------------------------------

interface Lookup {
  gallery: ResourceRecord;
  image: ResourceRecord;
  id: string;
  name: string;
  rg: string;
  record: ResourceRecord | undefined;
}

function lookup(ctx: Context): Lookup {
  const sub = subscription(ctx);
  const rg = param(ctx, "resourceGroupName");
  const gName = param(ctx, "galleryName");
  const gallery = live(ctx.svc, keyOf(galleryId(sub, rg, gName)), ctx.now);
  if (!gallery || gallery.deleting) throw errors.parentResourceNotFound(TYPES.gallery, gName);
  const iName = param(ctx, "galleryImageName");
  const image = live(ctx.svc, keyOf(imageId(gallery.id, iName)), ctx.now);
  if (!image || image.deleting) throw errors.parentResourceNotFound(TYPES.image, iName);
  const name = ctx.params.galleryImageVersionName === undefined ? "" : param(ctx, "galleryImageVersionName");
  const id = versionId(image.id, name);
  return { gallery, image, id, name, rg, record: name ? live(ctx.svc, keyOf(id), ctx.now) : undefined };
}

// ---- writing -------------------------------------------------------------------------------------

function faults(svc: Service): Record<string, { code: string; message: string }> {
  const raw = svc.store.getMeta(FAULTS_META);
  return raw ? (JSON.parse(raw) as Record<string, { code: string; message: string }>) : {};
}

interface Target {
  region: string;
  replicaCount: number;
  storageAccountType: string;
}

/** Validates the publishing profile and fills the service's defaults; returns the normalised targets. */
function normalisePublishing(
  ctx: Context,
  raw: Json | undefined,
  location: string,
  existing: JsonObject | undefined,
): { profile: JsonObject; targets: Target[] } {
  const svc = ctx.svc;
  const limit = svc.opts.limits.replicasPerVersionPerRegion;
  const profile: JsonObject = isObject(raw) ? { ...raw } : {};
  const replicaCount =
    profile.replicaCount === undefined || profile.replicaCount === null
      ? 1
      : positiveInt(profile.replicaCount, `${PP}.replicaCount`);
  if (replicaCount > limit) {
    throw errors.quotaExceeded(
      `The replica count ${replicaCount} exceeds the limit of ${limit} replicas per region.`,
      `${PP}.replicaCount`,
    );
  }
  profile.replicaCount = replicaCount;
  if (profile.excludeFromLatest === undefined || profile.excludeFromLatest === null)
    profile.excludeFromLatest = false;
  if (typeof profile.excludeFromLatest !== "boolean") {
    throw errors.invalidParameter(
      `The value of parameter '${PP}.excludeFromLatest' must be a boolean.`,
      `${PP}.excludeFromLatest`,
    );
  }
  profile.publishedDate = (existing?.publishedDate as string | undefined) ?? azureTime(ctx.now);
  if (profile.storageAccountType === undefined || profile.storageAccountType === null)
    profile.storageAccountType = "Standard_LRS";
  enumValue(profile, "storageAccountType", "storageAccountType", `${PP}.storageAccountType`);
  enumValue(profile, "replicationMode", "replicationMode", `${PP}.replicationMode`);
  if (typeof profile.endOfLifeDate === "string") {
    const d = normaliseDate(profile.endOfLifeDate);
    if (!d)
      throw errors.invalidParameter(
        `The value of parameter '${PP}.endOfLifeDate' is not a valid date.`,
        `${PP}.endOfLifeDate`,
      );
    profile.endOfLifeDate = d;
  }
  const rawTargets: Json = profile.targetRegions ?? [{ name: location }];
  if (!Array.isArray(rawTargets) || rawTargets.length === 0)
    throw errors.missingParameter(`${PP}.targetRegions`);
  const targets: Target[] = [];
  profile.targetRegions = rawTargets.map((t, i) => {
    const path = `${PP}.targetRegions[${i}]`;
    if (!isObject(t))
      throw errors.invalidParameter(`The value of parameter '${path}' must be an object.`, path);
    const region = targetRegion(t.name, `${path}.name`, svc.opts.allowedAccessRegions);
    if (targets.some((x) => x.region === region.name)) {
      throw errors.invalidParameter(
        `Region '${region.displayName}' is listed more than once in targetRegions.`,
        `${path}.name`,
      );
    }
    const out: JsonObject = { ...t, name: region.displayName };
    const count =
      t.regionalReplicaCount === undefined || t.regionalReplicaCount === null
        ? replicaCount
        : positiveInt(t.regionalReplicaCount, `${path}.regionalReplicaCount`);
    if (count > limit) {
      throw errors.quotaExceeded(
        `The regional replica count ${count} for region '${region.displayName}' exceeds the limit of ${limit} replicas per image version per region.`,
        `${path}.regionalReplicaCount`,
      );
    }
    out.regionalReplicaCount = count;
    if (out.storageAccountType === undefined || out.storageAccountType === null)
      out.storageAccountType = profile.storageAccountType ?? "Standard_LRS";
    const storage =
      enumValue(out, "storageAccountType", "storageAccountType", `${path}.storageAccountType`) ??
      "Standard_LRS";
    if (ZONE_REDUNDANT_STORAGE.has(storage) && !region.hasZones) {
      throw errors.invalidParameter(
        `Storage account type '${storage}' is not supported in region '${region.displayName}' because it has no availability zones.`,
        `${path}.storageAccountType`,
      );
    }
    if (isObject(out.encryption) && isObject(out.encryption.osDiskImage)) {
      out.encryption = {
        ...out.encryption,
        osDiskImage: { securityProfile: {}, ...out.encryption.osDiskImage },
      };
    }
    targets.push({ region: region.name, replicaCount: count, storageAccountType: storage });
    return out;
  });
  const home = findRegion(location);
  if (home && !targets.some((t) => t.region === home.name)) {
    throw errors.invalidParameter(
      `The image version's location '${location}' must be one of its target regions.`,
      `${PP}.targetRegions`,
    );
  }
  return { profile, targets };
}

interface DiskRef {
  id?: string;
  uri?: string;
}

function refOf(v: unknown): DiskRef | undefined {
  if (!isObject(v)) return undefined;
  const ref: DiskRef = {};
  // Whole-image sources may also be named by virtualMachineId or communityGalleryImageId (2023-07-03+).
  const id = [v.id, v.virtualMachineId, v.communityGalleryImageId].find((x) => typeof x === "string" && x);
  if (typeof id === "string") ref.id = id;
  if (typeof v.uri === "string" && v.uri) ref.uri = v.uri;
  return ref.id || ref.uri ? ref : undefined;
}

function requireSource(ctx: Context, ref: DiskRef, target: string, location: string): ResolvedSource {
  const s = resolveSource(ctx.svc, ref, ctx.now);
  const name = ref.uri ?? ref.id ?? "";
  if (!s) throw errors.invalidParameter(`The source resource '${name}' was not found.`, target);
  if (s.location !== undefined && s.location !== findRegion(location)?.name) {
    throw errors.invalidParameter(
      `The source resource '${name}' is in region '${findRegion(s.location)?.displayName ?? s.location}', but the image version is in '${location}'. The source must be in the image version's region.`,
      target,
    );
  }
  return s;
}

/** Resolves every source the storage profile names, fills per-disk hostCaching defaults, checks sizes. */
function normaliseStorage(
  ctx: Context,
  raw: JsonObject,
  location: string,
): { profile: JsonObject; disks: NonNullable<ResourceRecord["disks"]> } {
  const profile: JsonObject = { ...raw };
  const max = ctx.svc.opts.limits.maxDiskSizeGB;
  const whole = refOf(profile.source);
  const osImage = isObject(profile.osDiskImage) ? { ...profile.osDiskImage } : undefined;
  const osRef = refOf(osImage?.source);
  const dataImages = Array.isArray(profile.dataDiskImages) ? profile.dataDiskImages : [];
  let disks: NonNullable<ResourceRecord["disks"]>;
  if (whole) {
    const s = requireSource(ctx, whole, `${SP}.source.id`, location);
    disks = { os: s.os, data: s.data, wholeSource: true };
    checkSizes(disks, max, `${SP}.source.id`);
  } else if (osRef && osImage) {
    const os = requireSource(ctx, osRef, `${SP}.osDiskImage.source.id`, location);
    osImage.hostCaching ??= "ReadWrite";
    enumValue(osImage, "hostCaching", "hostCaching", `${SP}.osDiskImage.hostCaching`);
    profile.osDiskImage = osImage;
    const data: DiskSize[] = [];
    profile.dataDiskImages = dataImages.map((d, i) => {
      const path = `${SP}.dataDiskImages[${i}]`;
      if (!isObject(d))
        throw errors.invalidParameter(`The value of parameter '${path}' must be an object.`, path);
      const lun = typeof d.lun === "number" ? d.lun : undefined;
      if (lun === undefined) throw errors.missingParameter(`${path}.lun`);
      const ref = refOf(d.source);
      if (!ref) throw errors.missingParameter(`${path}.source.id`);
      const s = requireSource(ctx, ref, `${path}.source.id`, location);
      data.push({ lun, sizeGB: s.os.sizeGB });
      const out: JsonObject = { ...d, hostCaching: d.hostCaching ?? "ReadOnly" };
      enumValue(out, "hostCaching", "hostCaching", `${path}.hostCaching`);
      return out;
    });
    if (dataImages.length === 0) delete profile.dataDiskImages;
    disks = { os: os.os, data, wholeSource: false };
    checkSizes(disks, max, `${SP}.osDiskImage.source.id`);
  } else {
    throw errors.missingParameter(`${SP}.source.id`);
  }
  return { profile, disks };
}

function checkSizes(disks: { os: DiskSize; data: DiskSize[] }, max: number, target: string): void {
  for (const d of [disks.os, ...disks.data]) {
    if (d.sizeGB > max) throw errors.sourceExceedsMaxSize(d.sizeGB, max, target);
  }
}

/** On update, sources that are not repeated keep their stored values (as the service does for `sig image-version update`). */
function carryStorage(existing: JsonObject, requested: Json | undefined): JsonObject {
  if (!isObject(requested)) return existing;
  const out = mergePatch(existing, requested);
  if (Array.isArray(requested.dataDiskImages) && Array.isArray(existing.dataDiskImages)) {
    const old = existing.dataDiskImages.filter(isObject);
    out.dataDiskImages = requested.dataDiskImages.map((d) => {
      if (!isObject(d)) return d;
      const match = old.find((o) => o.lun === d.lun);
      return match ? mergePatch(match, d) : d;
    });
  }
  return out;
}

function checkDataDiskSources(existing: JsonObject, next: JsonObject): void {
  const key = (p: JsonObject): string =>
    JSON.stringify(
      (Array.isArray(p.dataDiskImages) ? p.dataDiskImages.filter(isObject) : [])
        .filter((d) => refOf(d.source))
        .map((d) => [
          d.lun,
          refOf(d.source)?.id?.toLowerCase() ?? null,
          refOf(d.source)?.uri?.toLowerCase() ?? null,
        ])
        .sort(),
    );
  if (key(existing) !== key(next)) throw errors.propertyChangeNotAllowed(`${SP}.dataDiskImages`);
}

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

function write(ctx: Context, l: Lookup, req: JsonObject, kind: "create" | "update"): Reply {
  const svc = ctx.svc;
  const { image, id, record } = l;
  const location = resourceLocation(
    req.location,
    "galleryImageVersion.location",
    TYPES.version,
    svc.opts.allowedAccessRegions,
  );
  if (location.name !== image.region) {
    throw errors.invalidParameter(
      `The location '${String(req.location)}' of the image version must be the location of its gallery '${String(image.body.location)}'.`,
      "galleryImageVersion.location",
    );
  }
  const locationText = String(req.location);
  if (!isObject(req.properties)) throw errors.missingParameter(P);
  const props: JsonObject = { ...req.properties };
  delete props.provisioningState;
  delete props.replicationStatus;
  delete props.validationsProfile;
  const prevProps = record && isObject(record.body.properties) ? record.body.properties : undefined;
  const prevPublishing =
    prevProps && isObject(prevProps.publishingProfile) ? prevProps.publishingProfile : undefined;
  const publishing = normalisePublishing(ctx, props.publishingProfile, locationText, prevPublishing);

  let storage: JsonObject;
  let disks: NonNullable<ResourceRecord["disks"]>;
  if (record && prevProps && record.disks) {
    const prevStorage = isObject(prevProps.storageProfile) ? prevProps.storageProfile : {};
    storage = carryStorage(prevStorage, props.storageProfile);
    checkDataDiskSources(prevStorage, storage);
    disks = record.disks;
  } else {
    if (!isObject(props.storageProfile)) throw errors.missingParameter(`${SP}`);
    ({ profile: storage, disks } = normaliseStorage(ctx, props.storageProfile, locationText));
  }
  const body: JsonObject = {
    name: record?.name ?? l.name,
    id: record?.id ?? id,
    type: TYPES.version,
    location: req.location ?? null,
  };
  if (req.tags !== undefined) body.tags = req.tags;
  body.properties = {
    ...props,
    publishingProfile: publishing.profile,
    storageProfile: storage,
    safetyProfile: safety(props.safetyProfile, prevProps?.safetyProfile),
  };

  const fault = faults(svc);
  let replication: RegionReplication[];
  if (record) {
    if (record.deleting) throw errors.operationNotAllowed(`Image version '${record.name}' is being deleted.`);
    checkImmutable(
      "version",
      record.body,
      body,
      (v) => (typeof v === "string" ? findRegion(v)?.name : undefined),
      ["properties.storageProfile.dataDiskImages"],
    );
    const old = record.replication ?? [];
    const removed = old.filter((o) => !publishing.targets.some((t) => t.region === o.region));
    if (
      removed.length > 0 &&
      getPath(body, "properties.safetyProfile.allowDeletionOfReplicatedLocations") !== true
    ) {
      throw errors.operationNotAllowed(
        `Removing replicated regions (${removed.map((r) => findRegion(r.region)?.displayName ?? r.region).join(", ")}) is not allowed ` +
          "unless safetyProfile.allowDeletionOfReplicatedLocations is true.",
        `${PP}.targetRegions`,
      );
    }
    // Unchanged regions keep their progress; new regions and changed replica counts start over now.
    replication = publishing.targets.map((t) => {
      const prev = old.find((o) => o.region === t.region);
      if (prev && prev.replicaCount === t.replicaCount && prev.storageAccountType === t.storageAccountType)
        return prev;
      return startRegion(t, ctx.now, fault);
    });
  } else {
    if (
      svc.store.countInRegion("version", svc.opts.subscriptionId, location.name) >=
      svc.opts.limits.imageVersionsPerRegion
    ) {
      throw errors.quotaExceeded(
        `Operation results in exceeding quota limits of image versions. Maximum allowed: ${svc.opts.limits.imageVersionsPerRegion}, region: '${location.name}'.`,
      );
    }
    replication = publishing.targets.map((t) => startRegion(t, ctx.now, fault));
  }

  const resource = { key: keyOf(String(body.id)), kind: "version" as const, name: String(body.name) };
  if (record) settleOperation(svc.store, record.operationId, svc.opts.replicationSpeedGBps, ctx.now);
  const op = newOperation(kind, resource, ctx.apiVersion, ctx.now, {
    waitsForRegions: replication.map((r) => r.region),
  });
  const rec: ResourceRecord = {
    ...resource,
    id: String(body.id),
    parentKey: image.key,
    subscriptionId: svc.opts.subscriptionId,
    resourceGroup: image.resourceGroup,
    region: location.name,
    body,
    operationId: op.id,
    createOperationId: record?.createOperationId ?? op.id,
    replication,
    disks,
  };
  svc.store.putOperation(op);
  svc.store.putResource(rec);
  const isPutUpdate = kind === "update" && ctx.method === "PUT";
  return {
    status: kind === "create" ? 201 : 200,
    headers: asyncHeaders(ctx, op, location.name, false),
    body: versionView(svc, rec, ctx.now, ctx.apiVersion, {
      state: kind === "create" ? "Creating" : "Updating",
      omitValidations: isPutUpdate,
    }),
  };
}

function startRegion(
  t: Target,
  now: number,
  fault: Record<string, { code: string; message: string }>,
): RegionReplication {
  const f = fault[t.region];
  const r: RegionReplication = {
    region: t.region,
    startedAt: now,
    replicaCount: t.replicaCount,
    storageAccountType: t.storageAccountType,
  };
  if (f) r.failure = f;
  return r;
}

// ---- handlers ------------------------------------------------------------------------------------

export function putVersion(ctx: Context): Reply {
  const l = lookup(ctx);
  checkName("version", l.name);
  return write(ctx, l, jsonBody(ctx), l.record ? "update" : "create");
}

export function patchVersion(ctx: Context): Reply {
  const l = lookup(ctx);
  if (!l.record || l.record.deleting)
    throw errors.resourceNotFound(TYPES.version, `${l.gallery.name}/${l.image.name}/${l.name}`, l.rg);
  const req = jsonBody(ctx);
  const merged = mergePatch(l.record.body, req);
  if (
    isObject(req.properties) &&
    isObject(req.properties.publishingProfile) &&
    Array.isArray(req.properties.publishingProfile.targetRegions)
  ) {
    // Arrays are replaced, not merged: the request's target list is the new list.
    (merged.properties as JsonObject).publishingProfile = mergePatch(
      (l.record.body.properties as JsonObject).publishingProfile as JsonObject,
      req.properties.publishingProfile,
    );
  }
  return write(ctx, l, merged, "update");
}

export function getVersion(ctx: Context): Reply {
  const l = lookup(ctx);
  if (!l.record)
    throw errors.resourceNotFound(TYPES.version, `${l.gallery.name}/${l.image.name}/${l.name}`, l.rg);
  const expand = (ctx.query.get("$expand") ?? "")
    .toLowerCase()
    .split(",")
    .map((s) => s.trim());
  return { status: 200, body: versionView(ctx.svc, l.record, ctx.now, ctx.apiVersion, { expand }) };
}

export function deleteVersion(ctx: Context): Reply {
  const l = lookup(ctx);
  const record = l.record;
  if (!record) return { status: 204 };
  const svc = ctx.svc;
  const blockUntil = getPath(record.body, "properties.publishingProfile.endOfLifeDate");
  if (
    getPath(record.body, "properties.safetyProfile.blockDeletionBeforeEndOfLife") === true &&
    typeof blockUntil === "string" &&
    Date.parse(blockUntil) > ctx.now
  ) {
    throw errors.operationNotAllowed(
      `Image version '${record.name}' cannot be deleted before its end-of-life date ${blockUntil} because blockDeletionBeforeEndOfLife is set.`,
      `${P}.safetyProfile.blockDeletionBeforeEndOfLife`,
    );
  }
  if (record.deleting) {
    const existing = svc.store.getOperation(record.deleting.operationId);
    if (existing) return { status: 202, headers: asyncHeaders(ctx, existing, record.region, true) };
  }
  settleOperation(svc.store, record.operationId, svc.opts.replicationSpeedGBps, ctx.now);
  const completesAt = ctx.now + svc.opts.versionDeleteMs;
  const op = newOperation("delete", record, ctx.apiVersion, ctx.now, { endTime: completesAt });
  svc.store.putOperation(op);
  svc.store.putResource({ ...record, deleting: { operationId: op.id, completesAt } });
  return { status: 202, headers: asyncHeaders(ctx, op, record.region, true) };
}

export function listVersions(ctx: Context): Reply {
  const l = lookup(ctx);
  const svc = ctx.svc;
  const records = liveChildren(svc, "version", l.image.key, ctx.now);
  return page(
    ctx,
    records.map((r) => versionView(svc, r, ctx.now, ctx.apiVersion)),
  );
}
