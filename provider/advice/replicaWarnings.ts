/**
 * Preview warnings for target regions that hold fewer replicas than the expected load needs
 * (`compute-gallery:expectedLoad`), following Azure's guidance (see replicas.ts).
 *
 * A region whose replica count is not known yet at preview is skipped; it is checked at the next
 * preview. Pure: no I/O.
 */
import { LIMITS } from "../model/limits";
import { containsUnknown } from "../model/unknown";
import type { ExpectedLoadByRegion } from "./config";
import { replicaAdvice, VMS_PER_REPLICA, type ExpectedLoad } from "./replicas";
import { footprintOfVersion } from "./storage";

function describeLoad(load: ExpectedLoad): string {
  return `${load.concurrentVms ?? 0} VMs and ${load.concurrentScaleSets ?? 0} scale sets created at the same time`;
}

export function replicaWarnings(
  label: string,
  version: Record<string, unknown>,
  expectedLoad: ExpectedLoadByRegion,
): string[] {
  if (containsUnknown(version.publishingProfile) || containsUnknown(version.location)) return [];
  const guidance = `Azure's guidance: one replica per ${VMS_PER_REPLICA} VMs, one per scale set`;
  return footprintOfVersion(version).targetRegions.flatMap(({ region, replicas }) => {
    const load = expectedLoad[region];
    if (load === undefined) return [];
    const advice = replicaAdvice(load);
    const limit = LIMITS.maxRegionalReplicaCount.value;
    const beyondLimit = advice.exceedsLimit
      ? [
          `${label}: the expected load in ${region} (${describeLoad(load)}) needs ${advice.needed} replicas, ` +
            `more than the ${limit} one region may hold; spread the deployments over time or regions`,
        ]
      : [];
    const tooFew =
      replicas < advice.recommended
        ? [
            `${label}: ${region} has ${replicas} replica(s); the expected load (${describeLoad(load)}) ` +
              `needs ${advice.recommended} (${guidance})`,
          ]
        : [];
    return [...tooFew, ...beyondLimit];
  });
}
