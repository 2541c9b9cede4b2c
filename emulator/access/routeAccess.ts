// Which RBAC action a route performs, and the pipeline's check of it for callers other than the primary
// identity (see RouteAccess in context.ts for the kinds of routes).
import type { Caller } from "../auth";
import type { Route, RouteKind } from "../context";
import { errors } from "../errors";
import type { Store } from "../store/store";
import { requirePermission, verbOf } from "./authorize";
import { normaliseScope } from "./scope";

const NAMESPACES: Partial<Record<RouteKind, string>> = {
  arm: "Microsoft.Compute",
  authorization: "Microsoft.Authorization",
  rm: "Microsoft.Resources",
};

/** `Microsoft.Compute/galleries/read` for a GET of a gallery, and so on. */
export function actionOf(route: Route, method: string): string {
  return `${NAMESPACES[route.kind] ?? ""}/${route.resourceType ?? ""}/${verbOf(method)}`;
}

/** Throws 403 AuthorizationFailed when the caller may not perform the route's action on `path`. */
export function authorizeRoute(
  store: Store,
  route: Route,
  method: string,
  path: string,
  caller: Caller,
): void {
  if (caller.primary) return;
  const scope = normaliseScope(decodeURIComponent(path));
  switch (route.access) {
    case "path":
      return requirePermission(store, caller, actionOf(route, method), scope);
    case "primary":
      // Emulator control has no Azure action: only the emulator's own identity may use it.
      throw errors.authorizationFailed(caller.clientId, caller.objectId, "emulator administration", scope);
    case "open":
    case "filter":
    case "handler":
      return;
  }
}
