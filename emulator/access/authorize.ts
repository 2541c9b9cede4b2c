// Azure RBAC as ARM enforces it: a caller may perform an action on a path when a role assigned to it (or
// to a group it is in) at that path or any scope above it allows the action. The primary identity owns
// everything; every other identity reaches only what assignments grant.
import type { Caller } from "../auth";
import { errors } from "../errors";
import type { Store } from "../store/store";
import { listAssignments } from "./roleAssignments";
import { roleById, type RoleDefinition } from "./roleDefinitions";
import { covers } from "./scope";

// An action pattern ("*", "*/read", "Microsoft.Authorization/*/Write") as a case-insensitive regex.
function patternOf(pattern: string): RegExp {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "i");
}

/** Whether the role's actions include `action` and its notActions do not take it away. */
export function roleAllows(role: RoleDefinition, action: string): boolean {
  return (
    role.actions.some((p) => patternOf(p).test(action)) &&
    !role.notActions.some((p) => patternOf(p).test(action))
  );
}

/** Whether `caller` may perform `action` on `target` (a resource id or request path). */
export function permits(store: Store, caller: Caller, action: string, target: string): boolean {
  if (caller.primary) return true;
  const principals = new Set([caller.objectId, ...caller.groupIds].map((p) => p.toLowerCase()));
  return listAssignments(store).some((a) => {
    if (!principals.has(a.principalId.toLowerCase()) || !covers(a.scope, target)) return false;
    const role = roleById(a.roleDefinitionId);
    return role !== undefined && roleAllows(role, action);
  });
}

/** Throws ARM's 403 AuthorizationFailed unless `caller` may perform `action` on `target`. */
export function requirePermission(store: Store, caller: Caller, action: string, target: string): void {
  if (!permits(store, caller, action, target)) {
    throw errors.authorizationFailed(caller.clientId, caller.objectId, action, target);
  }
}

/** The verb of an ARM action for an HTTP method: reads, writes (PUT and PATCH) and deletes. */
export function verbOf(method: string): "read" | "write" | "delete" | "action" {
  switch (method) {
    case "GET":
    case "HEAD":
      return "read";
    case "PUT":
    case "PATCH":
      return "write";
    case "DELETE":
      return "delete";
    default:
      return "action";
  }
}
