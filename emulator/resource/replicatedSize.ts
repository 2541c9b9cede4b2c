// How much data each replica of a resource copies: an image version's disks, an application version's package.
import type { ResourceRecord } from "../model";
import { imageSizeGB } from "../replication";

export const replicatedSizeGB = (r: Pick<ResourceRecord, "disks" | "packageSizeGB">): number =>
  r.packageSizeGB ?? imageSizeGB(r.disks);
