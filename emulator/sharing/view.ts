// A gallery as Azure returns it: the stored body with its provisioning state, its sharing groups only when
// asked for (`$expand=SharingProfile/Groups`, as Azure does), and the sharing status of a shared gallery
// (InProgress while a share action runs, Succeeded after).
import { isObject } from "../arm/json";
import type { ProvisioningState } from "../liveness";
import { viewOperation } from "../lro";
import type { JsonObject, ResourceRecord } from "../model";
import { resourceView } from "../resource/view";
import type { Service } from "../service";
import { isShared } from "./profile";

export const EXPAND_GROUPS = "sharingprofile/groups";

/** Whether the request asks for the sharing groups (`$expand=SharingProfile/Groups`). */
export function expandsGroups(query: URLSearchParams): boolean {
  return (query.get("$expand") ?? "").split(",").some((part) => part.trim().toLowerCase() === EXPAND_GROUPS);
}

function sharingState(svc: Service, gallery: ResourceRecord, now: number): string {
  const operation = svc.store.getOperation(gallery.operationId);
  if (!operation || operation.kind !== "share") return "Succeeded";
  const view = viewOperation(operation, svc.store, svc.opts.replicationSpeedGBps, now);
  return view.status === "InProgress" ? "InProgress" : view.status;
}

export function galleryView(
  svc: Service,
  r: ResourceRecord,
  now: number,
  options: { state?: ProvisioningState; expandGroups?: boolean } = {},
): JsonObject {
  const view = resourceView(svc, r, now, options.state);
  const properties = view.properties as JsonObject;
  const profile = isObject(properties.sharingProfile) ? { ...properties.sharingProfile } : undefined;
  if (profile) {
    if (!options.expandGroups) delete profile.groups;
    properties.sharingProfile = profile;
  }
  if (isShared(profile)) {
    const state = sharingState(svc, r, now);
    properties.sharingStatus = { aggregatedState: state, summary: [{ region: r.region, state }] };
  }
  return view;
}
