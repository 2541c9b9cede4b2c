// An in-memory Microsoft.Authorization behind the AccessApi interface: role assignments keyed by scope
// and name, and two built-in roles with their well-known ids (Azure's Reader and Contributor).
import type { AccessApi, RoleAssignmentBody, RoleAssignmentRef } from "../../provider/azure/accessApi";
import type { JsonObject } from "../../provider/model/jsonObject";

export const READER_ID = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
export const CONTRIBUTOR_ID = "b24988ac-6180-42a0-ab88-20f7382dd24c";
const ROLES: Record<string, string> = { [READER_ID]: "Reader", [CONTRIBUTOR_ID]: "Contributor" };

const keyOf = (ref: RoleAssignmentRef) =>
  `${ref.scope}/providers/Microsoft.Authorization/roleAssignments/${ref.roleAssignmentName}`;

export class FakeAccessApi implements AccessApi {
  readonly assignments = new Map<string, JsonObject>();
  readonly calls: string[] = [];

  async getRoleAssignment(ref: RoleAssignmentRef): Promise<JsonObject | undefined> {
    this.calls.push(`get ${ref.roleAssignmentName}`);
    return this.assignments.get(keyOf(ref).toLowerCase());
  }

  async createRoleAssignment(ref: RoleAssignmentRef, body: RoleAssignmentBody): Promise<JsonObject> {
    this.calls.push(`create ${ref.roleAssignmentName}`);
    const guid = body.roleDefinitionId.split("/").pop() ?? "";
    if (!ROLES[guid]) throw new Error(`RoleDefinitionDoesNotExist: ${guid}`);
    const assignment: JsonObject = {
      id: keyOf(ref),
      name: ref.roleAssignmentName,
      type: "Microsoft.Authorization/roleAssignments",
      scope: ref.scope,
      roleDefinitionId: `/subscriptions/sub/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
      principalId: body.principalId,
      principalType: body.principalType,
      createdOn: "2025-06-01T12:00:00.000Z",
      ...(body.description === undefined ? {} : { description: body.description }),
    };
    this.assignments.set(keyOf(ref).toLowerCase(), assignment);
    return assignment;
  }

  async deleteRoleAssignment(ref: RoleAssignmentRef): Promise<void> {
    this.calls.push(`delete ${ref.roleAssignmentName}`);
    this.assignments.delete(keyOf(ref).toLowerCase());
  }

  async findRoleDefinitionId(_scope: string, roleName: string): Promise<string | undefined> {
    const guid = Object.keys(ROLES).find((id) => ROLES[id]!.toLowerCase() === roleName.toLowerCase());
    return guid && `/subscriptions/sub/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
  }

  async roleNameOf(roleDefinitionId: string): Promise<string | undefined> {
    return ROLES[roleDefinitionId.split("/").pop() ?? ""];
  }
}
