// The records the emulator persists. Dynamic parts of a response (provisioningState, replication status,
// disk sizes revealed on completion) are not stored: they are computed on read from persisted times.

export type Kind = "gallery" | "image" | "version" | "application" | "applicationVersion";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One target region's replication: a pure function of these fields, the image size and the speed. */
export interface RegionReplication {
  region: string; // normalised name
  startedAt: number; // epoch ms
  replicaCount: number;
  storageAccountType: string;
  /**
   * The replication speed of the emulator that started it: every emulator reading the record (two on
   * one state directory, a restart with another speed) then sees the same progress. Absent in records
   * written before it was kept: the reader's speed applies.
   */
  speedGBps?: number;
  /** Set when a fault was injected for this region at the time replication started. */
  failure?: { code: string; message: string };
}

export interface DiskSize {
  lun?: number; // absent for the OS disk
  sizeGB: number;
}

export interface ResourceRecord {
  key: string; // lower-case id
  id: string; // id in the case first created
  kind: Kind;
  parentKey: string | null;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  region: string; // normalised location
  /** The resource body as it is returned, minus provisioningState and computed parts. */
  body: JsonObject;
  /** The create or update operation whose progress decides provisioningState. */
  operationId: string;
  createOperationId: string;
  /** `soft`: the gallery keeps the resource restorable once the delete completes (soft delete on). */
  deleting?: { operationId: string; completesAt: number; soft?: boolean };
  /** Deleted under the gallery's soft delete policy: restorable until `purgeAt`, invisible otherwise. */
  softDeleted?: { at: number; purgeAt: number };
  // Image versions only:
  replication?: RegionReplication[];
  disks?: { os: DiskSize; data: DiskSize[]; wholeSource: boolean };
  // Application versions only: the size of the package blob, which each replica copies.
  packageSizeGB?: number;
}

/** `share`: the gallery's share action (a sharing profile update). */
export type OperationKind = "create" | "update" | "delete" | "share";

export interface OperationRecord {
  id: string;
  kind: OperationKind;
  resourceKey: string;
  resourceKind: Kind;
  resourceName: string;
  apiVersion: string;
  startTime: number;
  /** Fixed end for operations that do not depend on replication (galleries, definitions, deletes). */
  endTime?: number;
  /** Version create/update: the regions whose replication this operation waits for. */
  waitsForRegions?: string[];
  /** Snapshot taken when the operation is superseded or its resource disappears. */
  settled?: { endTime: number; failure?: { code: string; message: string } };
  /** What the operation's final poll answers (a POST action's result, e.g. the SharingUpdate). */
  result?: JsonObject;
}

export interface SourceRecord {
  id: string;
  location: string; // normalised
  osDiskSizeGB: number;
  dataDisks: { lun: number; sizeGB: number }[];
  kind: string; // images | snapshots | disks | virtualMachines | vhd | ...
}
