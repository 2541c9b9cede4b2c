// A VM application version as GET returns it: the stored body, the provisioning state computed now and,
// with $expand=ReplicationStatus, each target region's progress.
import { provisioningState, type ProvisioningState } from "../liveness";
import type { JsonObject, ResourceRecord } from "../model";
import type { Service } from "../service";
import { replicationStatusView } from "../versions/view";

export function applicationVersionView(
  svc: Service,
  r: ResourceRecord,
  now: number,
  o: { state?: ProvisioningState; expand?: readonly string[] } = {},
): JsonObject {
  const properties: JsonObject = {
    ...(r.body.properties as JsonObject),
    provisioningState: o.state ?? provisioningState(svc, r, now),
  };
  if (o.expand?.includes("replicationstatus"))
    properties.replicationStatus = replicationStatusView(svc, r, now);
  return { ...r.body, properties };
}
