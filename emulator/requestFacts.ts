// What a fault rule can match a request on: its method, the resource type it addresses, the operation
// (create and update told apart by whether the resource exists) and its region.
import { keyOf } from "./arm/ids";
import { requestLocation } from "./arm/requestLocation";
import { getGroup } from "./arm/resourceGroups";
import type { Route } from "./context";
import type { FaultOperation, FaultResource, RequestFacts } from "./faults";
import { findRegion } from "./rules/regions";
import type { Service } from "./service";

const RESOURCE_BY_TYPE: Record<string, { resource: FaultResource; nameParam: string }> = {
  galleries: { resource: "gallery", nameParam: "galleryName" },
  "galleries/images": { resource: "image", nameParam: "galleryImageName" },
  "galleries/images/versions": { resource: "version", nameParam: "galleryImageVersionName" },
  "galleries/applications": { resource: "application", nameParam: "galleryApplicationName" },
  "galleries/applications/versions": {
    resource: "applicationVersion",
    nameParam: "galleryApplicationVersionName",
  },
};

const normalised = (region: string): string =>
  findRegion(region)?.name ?? region.toLowerCase().replace(/\s/g, "");

/** The ARM id a resource route addresses: the path itself, without a trailing slash. */
export const addressedKey = (url: URL): string => keyOf(decodeURIComponent(url.pathname.replace(/\/$/, "")));

function operationOf(method: string, item: boolean, exists: () => boolean): FaultOperation | undefined {
  switch (method) {
    case "GET":
    case "HEAD":
      return item ? "get" : "list";
    case "PUT":
      return exists() ? "update" : "create";
    case "PATCH":
      return "update";
    case "DELETE":
      return "delete";
    default:
      return undefined;
  }
}

export function requestFacts(
  svc: Service,
  route: Route,
  method: string,
  url: URL,
  params: Record<string, string>,
  rawBody: string,
): RequestFacts {
  if (route.resourceType === "locations/capsOperations") {
    const op = svc.store.getOperation(decodeURIComponent(params.operationId ?? ""));
    return {
      method,
      resource: op?.resourceKind,
      operation: "poll",
      region: normalised(decodeURIComponent(params.location ?? "")),
    };
  }
  const typed = route.resourceType ? RESOURCE_BY_TYPE[route.resourceType] : undefined;
  if (typed) {
    const item = params[typed.nameParam] !== undefined;
    return {
      method,
      resource: typed.resource,
      operation: operationOf(method, item, () => svc.store.getResource(addressedKey(url)) !== undefined),
      region: normalised(requestLocation(svc, params, rawBody)),
    };
  }
  const group = params.resourceGroupName;
  if (group !== undefined) {
    const name = decodeURIComponent(group);
    return {
      method,
      resource: "resourceGroup",
      operation: operationOf(method, true, () => getGroup(svc.store, name) !== undefined),
      region: getGroup(svc.store, name)?.location,
    };
  }
  const item = params.subscriptionId !== undefined;
  return { method, resource: "subscription", operation: operationOf(method, item, () => true) };
}
