// The role-assignment calls the provider makes (Microsoft.Authorization, api-version 2022-04-01),
// through @azure/arm-authorization with the same credential, endpoint and pipeline policies as the
// gallery calls. Bodies are the SDK's flattened models as plain JSON.
import type { JsonObject } from "../model/jsonObject";
import { explained, unlessNotFound } from "./errors";
import type { ArmConnection } from "./galleryApi";
import { armClientOptions, withArmPipeline } from "./armClientOptions";
import type { AuthorizationManagementClient } from "./authorizationSdk";
import { onFirstUse } from "../tuning";

/** The authorization SDK: most stacks never assign a role, and it takes time to load (tuning.ts, 3). */
const authorizationSdk = onFirstUse(
  () => require("./authorizationSdk") as typeof import("./authorizationSdk"),
);

export interface RoleAssignmentRef {
  /** The ARM id the role is granted on. */
  scope: string;
  /** The assignment's GUID. */
  roleAssignmentName: string;
}

export interface RoleAssignmentBody {
  roleDefinitionId: string;
  principalId: string;
  principalType: string;
  description?: string;
}

export interface AccessApi {
  getRoleAssignment(ref: RoleAssignmentRef): Promise<JsonObject | undefined>;
  createRoleAssignment(ref: RoleAssignmentRef, body: RoleAssignmentBody): Promise<JsonObject>;
  /** Nothing to do when the assignment is already gone. */
  deleteRoleAssignment(ref: RoleAssignmentRef): Promise<void>;
  /** The id of the role called `roleName` as seen at `scope`; undefined when there is none. */
  findRoleDefinitionId(scope: string, roleName: string): Promise<string | undefined>;
  /** The name of the role with this id; undefined when there is none. */
  roleNameOf(roleDefinitionId: string): Promise<string | undefined>;
}

const plain = (model: unknown): JsonObject => JSON.parse(JSON.stringify(model)) as JsonObject;

/** The client, built on first use. */
function authorizationClient(connection: ArmConnection): () => AuthorizationManagementClient {
  let client: AuthorizationManagementClient | undefined;
  return () => {
    if (client) return client;
    client = withArmPipeline(
      new (authorizationSdk().AuthorizationManagementClient)(
        connection.credential,
        connection.subscriptionId,
        armClientOptions(connection),
      ),
    );
    return client;
  };
}

export function armAccessApi(connection: ArmConnection): AccessApi {
  const client = authorizationClient(connection);
  const where = (ref: RoleAssignmentRef) => `role assignment ${ref.roleAssignmentName} on ${ref.scope}`;
  return {
    getRoleAssignment: (ref) =>
      explained(`reading ${where(ref)}`, async () => {
        const found = await unlessNotFound(() =>
          client().roleAssignments.get(ref.scope, ref.roleAssignmentName),
        );
        return found && plain(found);
      }),
    createRoleAssignment: (ref, body) =>
      explained(`creating ${where(ref)}`, async () =>
        plain(await client().roleAssignments.create(ref.scope, ref.roleAssignmentName, body)),
      ),
    deleteRoleAssignment: (ref) =>
      explained(`deleting ${where(ref)}`, async () => {
        await unlessNotFound(() => client().roleAssignments.delete(ref.scope, ref.roleAssignmentName));
      }),
    findRoleDefinitionId: (scope, roleName) =>
      explained(`looking up role "${roleName}" at ${scope}`, async () => {
        // Names are quoted with single quotes in OData; a quote inside a name is doubled.
        const filter = `roleName eq '${roleName.replace(/'/g, "''")}'`;
        for await (const definition of client().roleDefinitions.list(scope, { filter })) {
          if (definition.id) return definition.id;
        }
        return undefined;
      }),
    roleNameOf: (roleDefinitionId) =>
      explained(`reading role definition ${roleDefinitionId}`, async () => {
        const found = await unlessNotFound(() => client().roleDefinitions.getById(roleDefinitionId));
        return found?.roleName;
      }),
  };
}
