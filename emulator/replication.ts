// Replication progress per target region as a pure function of persisted facts (when the region started,
// how many replicas, how big the image is, the speed it was started at). Any process reading the same state
// at the same instant computes the same answer, and a restarted emulator resumes where it was.
import type { DiskSize, RegionReplication } from "./model";

export type RegionState = "Replicating" | "Completed" | "Failed";
export type AggregatedState = "InProgress" | "Completed" | "Failed";

export interface RegionStatus {
  region: string;
  state: RegionState;
  progress: number; // 0..100
  completesAt: number;
  failure?: { code: string; message: string };
}

/**
 * `speedGBps`: GB of replica data written per second in each target region. A region holding
 * `replicaCount` copies of an image of `sizeGB` takes sizeGB * replicaCount / speedGBps seconds.
 */
export function regionDurationMs(sizeGB: number, replicaCount: number, speedGBps: number): number {
  if (speedGBps <= 0 || !Number.isFinite(speedGBps)) return 0;
  return Math.ceil(((sizeGB * replicaCount) / speedGBps) * 1000);
}

export function imageSizeGB(disks: { os: DiskSize; data: DiskSize[] } | undefined): number {
  if (!disks) return 0;
  return disks.os.sizeGB + disks.data.reduce((sum, d) => sum + d.sizeGB, 0);
}

export function regionStatus(
  r: RegionReplication,
  sizeGB: number,
  speedGBps: number,
  now: number,
): RegionStatus {
  const duration = regionDurationMs(sizeGB, r.replicaCount, r.speedGBps ?? speedGBps);
  const completesAt = r.startedAt + duration;
  if (now >= completesAt) {
    return r.failure
      ? { region: r.region, state: "Failed", progress: 100, completesAt, failure: r.failure }
      : { region: r.region, state: "Completed", progress: 100, completesAt };
  }
  const progress = duration === 0 ? 100 : Math.floor(((now - r.startedAt) / duration) * 100);
  return {
    region: r.region,
    state: "Replicating",
    progress: Math.max(0, Math.min(99, progress)),
    completesAt,
  };
}

export function aggregateState(statuses: RegionStatus[]): AggregatedState {
  if (statuses.some((s) => s.state === "Replicating")) return "InProgress";
  if (statuses.some((s) => s.state === "Failed")) return "Failed";
  return "Completed";
}
