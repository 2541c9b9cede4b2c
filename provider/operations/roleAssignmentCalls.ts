// How a GalleryRoleAssignment is read, written and deleted through the AccessApi: the role named by
// `roleName` is looked up when the assignment is written, and what Azure answers is shaped like the
// resource's outputs (both spellings of the role, the assignment's name as its argument).
import type { RoleAssignmentRef } from "../azure/accessApi";
import type { GalleryApi } from "../azure/galleryApi";
import type { JsonObject } from "../model/jsonObject";

export const roleAssignmentLabel = (p: JsonObject): string =>
  `role assignment ${String(p.roleAssignmentName)} on ${String(p.scope)}`;

const refOf = (p: JsonObject): RoleAssignmentRef => ({
  scope: String(p.scope),
  roleAssignmentName: String(p.roleAssignmentName),
});

const guidOf = (roleDefinitionId: string): string => (roleDefinitionId.split("/").pop() ?? "").toLowerCase();

async function shaped(api: GalleryApi, azure: JsonObject): Promise<JsonObject> {
  const roleDefinitionId = String(azure.roleDefinitionId);
  const roleName = await api.access.roleNameOf(roleDefinitionId);
  const out: JsonObject = {
    id: azure.id ?? null,
    name: azure.name ?? null,
    type: azure.type ?? null,
    scope: azure.scope ?? null,
    roleAssignmentName: azure.name ?? null,
    principalId: azure.principalId ?? null,
    principalType: azure.principalType ?? null,
    roleDefinitionId,
  };
  if (roleName !== undefined) out.roleName = roleName;
  if (typeof azure.description === "string") out.description = azure.description;
  if (typeof azure.createdOn === "string") out.createdOn = azure.createdOn;
  return out;
}

export async function getRoleAssignment(api: GalleryApi, p: JsonObject): Promise<JsonObject | undefined> {
  const found = await api.access.getRoleAssignment(refOf(p));
  return found && shaped(api, found);
}

/** The role's id: as given, or looked up by name (and when both are given, they must agree). */
async function roleDefinitionIdOf(api: GalleryApi, p: JsonObject): Promise<string> {
  const given = typeof p.roleDefinitionId === "string" ? p.roleDefinitionId : undefined;
  if (typeof p.roleName !== "string") return given!;
  const found = await api.access.findRoleDefinitionId(String(p.scope), p.roleName);
  if (!found) {
    throw new Error(
      `${roleAssignmentLabel(p)}: roleName "${p.roleName}" names no role definition visible at the scope; ` +
        "use a built-in role name such as Reader or Contributor, or give roleDefinitionId",
    );
  }
  if (given && guidOf(given) !== guidOf(found)) {
    throw new Error(
      `${roleAssignmentLabel(p)}: roleName "${p.roleName}" is role ${guidOf(found)}, but roleDefinitionId names ${guidOf(given)}; give one of them`,
    );
  }
  return given ?? found;
}

export async function putRoleAssignment(api: GalleryApi, p: JsonObject): Promise<JsonObject> {
  const written = await api.access.createRoleAssignment(refOf(p), {
    roleDefinitionId: await roleDefinitionIdOf(api, p),
    principalId: String(p.principalId),
    principalType: String(p.principalType),
    ...(typeof p.description === "string" ? { description: p.description } : {}),
  });
  return shaped(api, written);
}

export const deleteRoleAssignment = (api: GalleryApi, p: JsonObject): Promise<void> =>
  api.access.deleteRoleAssignment(refOf(p));
