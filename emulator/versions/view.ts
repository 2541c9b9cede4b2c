// An image version as GET returns it: disk sizes revealed once creation completes, provisioning state and
// (with $expand=replicationStatus) per-region replication computed from the time now.
import { isObject } from "../arm/json";
import { atLeast } from "../apiVersions";
import { provisioningState, type ProvisioningState } from "../liveness";
import { viewOperation } from "../lro";
import type { JsonObject, ResourceRecord } from "../model";
import { aggregateState, regionStatus } from "../replication";
import { replicatedSizeGB } from "../resource/replicatedSize";
import { findRegion } from "../rules/regions";
import type { Service } from "../service";

export interface ViewOptions {
  state?: ProvisioningState;
  expand?: string[];
  omitValidations?: boolean;
}

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

/** `$expand=ReplicationStatus` of an image or application version: each target region's progress now. */
export function replicationStatusView(svc: Service, r: ResourceRecord, now: number): JsonObject {
  const size = replicatedSizeGB(r);
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
