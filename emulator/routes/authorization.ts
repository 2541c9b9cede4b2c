// Microsoft.Authorization: role assignments at any scope (create, get, list for a scope, delete) and the
// built-in role definitions (list, filtered by roleName, and get by id), api-version 2022-04-01.
import type { Context, Reply, Route } from "../context";
import { errors } from "../errors";
import { isObject, jsonBody } from "../arm/json";
import { page } from "../arm/paging";
import { azureTime } from "../time";
import {
  deleteAssignment,
  getAssignment,
  listAssignments,
  putAssignment,
  type RoleAssignmentRecord,
} from "../access/roleAssignments";
import {
  BUILT_IN_ROLES,
  ROLE_DEFINITIONS_PATH,
  roleById,
  roleByName,
  roleDefinitionId,
  type RoleDefinition,
} from "../access/roleDefinitions";
import { covers, normaliseScope } from "../access/scope";
import { isGuid } from "../arm/ids";

/** The api-versions of Microsoft.Authorization the emulator answers (what @azure/arm-authorization 9 sends). */
export const AUTHORIZATION_API_VERSIONS: readonly string[] = ["2022-04-01"];

export const PRINCIPAL_TYPES = ["User", "Group", "ServicePrincipal", "ForeignGroup", "Device"] as const;

const ASSIGNMENTS = "/providers/Microsoft.Authorization/roleAssignments";

/** `{scope}/providers/Microsoft.Authorization/{type}[/{name}]`; the scope may be empty (the tenant root). */
function authorizationRoute(
  method: string,
  type: "roleAssignments" | "roleDefinitions",
  item: boolean,
  handle: (ctx: Context) => Reply,
): Route {
  const pattern = new RegExp(
    `^(/.*?)?/providers/Microsoft\\.Authorization/${type}${item ? "/([^/]+)" : ""}/?$`,
    "i",
  );
  return {
    method,
    pattern,
    names: item ? ["scope", "name"] : ["scope"],
    kind: "authorization",
    resourceType: type,
    access: "path",
    handle,
  };
}

const scopeOf = (ctx: Context): string => normaliseScope(decodeURIComponent(ctx.params.scope ?? ""));
const nameOf = (ctx: Context): string => decodeURIComponent(ctx.params.name ?? "");

/** Assignments live in the emulator's one subscription; ARM answers others with SubscriptionNotFound. */
function assignmentScope(ctx: Context): string {
  const scope = scopeOf(ctx);
  const match = /^\/subscriptions\/([^/]+)/i.exec(scope);
  if (!match?.[1])
    throw errors.invalidParameter(
      `The scope '${scope}' is not a valid scope for a role assignment.`,
      "scope",
    );
  if (match[1].toLowerCase() !== ctx.svc.opts.subscriptionId.toLowerCase())
    throw errors.subscriptionNotFound(match[1]);
  return scope;
}

function assignmentView(assignment: RoleAssignmentRecord): unknown {
  return {
    properties: {
      roleDefinitionId: assignment.roleDefinitionId,
      principalId: assignment.principalId,
      principalType: assignment.principalType,
      scope: assignment.scope,
      condition: null,
      conditionVersion: null,
      createdOn: assignment.createdOn,
      updatedOn: assignment.createdOn,
      createdBy: assignment.createdBy,
      updatedBy: assignment.createdBy,
      delegatedManagedIdentityResourceId: null,
      description: assignment.description,
    },
    id: assignment.id,
    type: "Microsoft.Authorization/roleAssignments",
    name: assignment.name,
  };
}

/** Without principalType Azure looks the principal up in the directory; the emulator's directory is its identities. */
function principalTypeOf(ctx: Context, principalId: string): string {
  const id = principalId.toLowerCase();
  const others = ctx.svc.opts.identities;
  if (ctx.svc.opts.clientId.toLowerCase() === id || others.some((o) => o.objectId.toLowerCase() === id))
    return "ServicePrincipal";
  if (others.some((o) => o.groupIds.some((g) => g.toLowerCase() === id))) return "Group";
  throw errors.principalNotFound(principalId, ctx.svc.opts.tenantId);
}

const sameRole = (a: string, b: string): boolean => roleById(a)?.name === roleById(b)?.name;

export function putRoleAssignment(ctx: Context): Reply {
  const scope = assignmentScope(ctx);
  const name = nameOf(ctx);
  if (!isGuid(name)) throw errors.invalidRoleAssignmentId(name);
  const body = jsonBody(ctx);
  const props = isObject(body.properties) ? body.properties : {};
  const { roleDefinitionId: roleId, principalId, principalType, description } = props;
  if (typeof roleId !== "string" || !roleId) throw errors.missingParameter("properties.roleDefinitionId");
  const role = roleById(roleId);
  if (!role) throw errors.roleDefinitionDoesNotExist(roleId.split("/").pop() ?? roleId);
  if (!isGuid(principalId)) throw errors.invalidPrincipalId();
  if (principalType !== undefined && !PRINCIPAL_TYPES.includes(principalType as never))
    throw errors.enumValueNotAllowed(principalType, "properties.principalType", PRINCIPAL_TYPES);
  const id = `${scope}${ASSIGNMENTS}/${name}`;
  const wanted = {
    roleDefinitionId: roleDefinitionId(ctx.svc.opts.subscriptionId, role),
    principalId,
    scope,
  };
  const sameGrant = (a: RoleAssignmentRecord) =>
    a.principalId.toLowerCase() === principalId.toLowerCase() &&
    sameRole(a.roleDefinitionId, wanted.roleDefinitionId) &&
    normaliseScope(a.scope).toLowerCase() === scope.toLowerCase();
  const existing = getAssignment(ctx.svc.store, id);
  if (existing) {
    // A PUT of an existing assignment may change its description; its principal (and type), role and
    // scope are fixed.
    const sameType = principalType === undefined || principalType === existing.principalType;
    if (!sameGrant(existing) || !sameType) throw errors.roleAssignmentUpdateNotPermitted();
    const updated = { ...existing, description: typeof description === "string" ? description : null };
    putAssignment(ctx.svc.store, updated);
    return { status: 200, body: assignmentView(updated) };
  }
  if (listAssignments(ctx.svc.store).some(sameGrant)) throw errors.roleAssignmentExists();
  const record: RoleAssignmentRecord = {
    id,
    name,
    ...wanted,
    principalType: typeof principalType === "string" ? principalType : principalTypeOf(ctx, principalId),
    description: typeof description === "string" ? description : null,
    createdOn: azureTime(ctx.now),
    createdBy: ctx.caller?.objectId ?? ctx.svc.opts.clientId,
  };
  putAssignment(ctx.svc.store, record);
  return { status: 201, body: assignmentView(record) };
}

function existingAssignment(ctx: Context): RoleAssignmentRecord | undefined {
  const scope = assignmentScope(ctx);
  return getAssignment(ctx.svc.store, `${scope}${ASSIGNMENTS}/${nameOf(ctx)}`);
}

export function getRoleAssignment(ctx: Context): Reply {
  const found = existingAssignment(ctx);
  if (!found) throw errors.roleAssignmentNotFound(nameOf(ctx));
  return { status: 200, body: assignmentView(found) };
}

export function deleteRoleAssignment(ctx: Context): Reply {
  const found = existingAssignment(ctx);
  if (!found) return { status: 204 };
  deleteAssignment(ctx.svc.store, found.id);
  return { status: 200, body: assignmentView(found) };
}

/** `atScope()`, `principalId eq '{id}'`, `assignedTo('{id}')`, joined by `and`. */
function assignmentFilter(filter: string | null): (a: RoleAssignmentRecord, scope: string) => boolean {
  const tests: ((a: RoleAssignmentRecord, scope: string) => boolean)[] = [];
  for (const clause of (filter ?? "").split(/\s+and\s+/i).filter((c) => c.trim())) {
    const principal = /^\s*(?:principalId\s+eq\s+'([^']*)'|assignedTo\('([^']*)'\))\s*$/i.exec(clause);
    if (/^\s*atScope\(\)\s*$/i.test(clause)) tests.push((a, scope) => covers(a.scope, scope));
    else if (principal) {
      const id = (principal[1] ?? principal[2] ?? "").toLowerCase();
      tests.push((a) => a.principalId.toLowerCase() === id);
    } else throw errors.invalidFilter(clause.trim(), "atScope(), principalId eq '{id}', assignedTo('{id}')");
  }
  return (a, scope) => tests.every((t) => t(a, scope));
}

/** The assignments that apply at the scope (at it or above) and, without atScope(), those below it. */
export function listRoleAssignments(ctx: Context): Reply {
  const scope = assignmentScope(ctx);
  const keep = assignmentFilter(ctx.query.get("$filter"));
  const found = listAssignments(ctx.svc.store).filter(
    (a) => (covers(a.scope, scope) || covers(scope, a.scope)) && keep(a, scope),
  );
  return page(ctx, found, assignmentView);
}

/** Built-in definitions answer with the id of the subscription they were read in, else the tenant form. */
function definitionView(ctx: Context, role: RoleDefinition): unknown {
  const sub = /^\/subscriptions\/([^/]+)/i.exec(scopeOf(ctx))?.[1];
  return {
    properties: {
      roleName: role.roleName,
      type: "BuiltInRole",
      description: role.description,
      assignableScopes: ["/"],
      permissions: [
        { actions: [...role.actions], notActions: [...role.notActions], dataActions: [], notDataActions: [] },
      ],
      // No createdOn/updatedOn: the emulator does not know when Azure made or last changed its roles.
      createdBy: null,
      updatedBy: null,
    },
    id: sub ? roleDefinitionId(sub, role) : `${ROLE_DEFINITIONS_PATH}/${role.name}`,
    type: "Microsoft.Authorization/roleDefinitions",
    name: role.name,
  };
}

/** `roleName eq '{name}'` and `type eq 'BuiltInRole'|'CustomRole'`, joined by `and`. */
function definitionFilter(filter: string | null): (role: RoleDefinition) => boolean {
  const tests: ((role: RoleDefinition) => boolean)[] = [];
  for (const clause of (filter ?? "").split(/\s+and\s+/i).filter((c) => c.trim())) {
    const byName = /^\s*roleName\s+eq\s+'([^']*)'\s*$/i.exec(clause);
    const byType = /^\s*type\s+eq\s+'([^']*)'\s*$/i.exec(clause);
    if (byName) tests.push((r) => r.roleName.toLowerCase() === (byName[1] ?? "").toLowerCase());
    else if (byType) tests.push(() => (byType[1] ?? "").toLowerCase() === "builtinrole");
    else throw errors.invalidFilter(clause.trim(), "roleName eq '{name}', type eq '{type}'");
  }
  return (role) => tests.every((t) => t(role));
}

export function listRoleDefinitions(ctx: Context): Reply {
  const keep = definitionFilter(ctx.query.get("$filter"));
  return page(ctx, BUILT_IN_ROLES.filter(keep), (role) => definitionView(ctx, role));
}

export function getRoleDefinition(ctx: Context): Reply {
  const name = nameOf(ctx);
  const role = roleByName(name);
  if (!role) throw errors.roleDefinitionDoesNotExist(name, 404);
  return { status: 200, body: definitionView(ctx, role) };
}

export const AUTHORIZATION_ROUTES: Route[] = [
  authorizationRoute("GET", "roleAssignments", false, listRoleAssignments),
  authorizationRoute("GET", "roleAssignments", true, getRoleAssignment),
  authorizationRoute("PUT", "roleAssignments", true, putRoleAssignment),
  authorizationRoute("DELETE", "roleAssignments", true, deleteRoleAssignment),
  authorizationRoute("GET", "roleDefinitions", false, listRoleDefinitions),
  authorizationRoute("GET", "roleDefinitions", true, getRoleDefinition),
];
