/**
 * How many replicas of an image version a region needs for the deployments that read from it at the
 * same time, following Azure's guidance for Compute Gallery ("Scaling"):
 *   - VMs created at the same time without a scale set: one replica per 20 VMs (120 VMs: at least 6);
 *   - scale sets deployed at the same time: one replica per scale set.
 * Both kinds of load in one region add up: each replica serves either a batch of 20 VMs or one scale
 * set, so the guidance for each holds only when the other does not borrow its replicas.
 * Azure's per-region replica limit caps the advice; `exceedsLimit` says when the load needs more.
 */
import { LIMITS } from "../model/limits";

/** VMs one replica serves when they are created at the same time (Azure's guidance). */
export const VMS_PER_REPLICA = 20;

/** Deployments expected to read an image version in one region at the same time. */
export interface ExpectedLoad {
  /** VMs created at the same time, outside scale sets. */
  readonly concurrentVms?: number;
  /** Scale sets deployed at the same time. */
  readonly concurrentScaleSets?: number;
}

export interface ReplicaAdvice {
  /** Replicas the load needs, before the limit. */
  readonly needed: number;
  /** What to configure: the need, at least the minimum and at most the per-region limit. */
  readonly recommended: number;
  /** True when the load needs more replicas than one region may hold. */
  readonly exceedsLimit: boolean;
}

export function replicaAdvice(load: ExpectedLoad): ReplicaAdvice {
  const vms = load.concurrentVms ?? 0;
  const scaleSets = load.concurrentScaleSets ?? 0;
  for (const [name, value] of [
    ["concurrentVms", vms],
    ["concurrentScaleSets", scaleSets],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`${name} is ${value}; it must be a whole number of 0 or more`);
    }
  }
  const needed = Math.max(LIMITS.minRegionalReplicaCount.value, Math.ceil(vms / VMS_PER_REPLICA) + scaleSets);
  const limit = LIMITS.maxRegionalReplicaCount.value;
  return { needed, recommended: Math.min(needed, limit), exceedsLimit: needed > limit };
}

/** The replica count Azure's guidance recommends for a region with this load, within the limit. */
export function recommendedReplicas(load: ExpectedLoad): number {
  return replicaAdvice(load).recommended;
}
