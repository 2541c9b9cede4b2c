// A resource as GET returns it: the stored body plus the provisioning state computed now.
import { provisioningState, type ProvisioningState } from "../liveness";
import type { JsonObject, ResourceRecord } from "../model";
import type { Service } from "../service";

/** `state` overrides the computed state: a write answers Creating/Updating whatever its duration. */
export function resourceView(
  svc: Service,
  r: ResourceRecord,
  now: number,
  state?: ProvisioningState,
): JsonObject {
  const properties = {
    ...(r.body.properties as JsonObject),
    provisioningState: state ?? provisioningState(svc, r, now),
  };
  return { ...r.body, properties };
}
