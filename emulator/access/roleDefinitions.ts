// Azure's built-in role definitions the emulator knows, with their well-known ids (the same in every
// tenant) and permissions as Azure's built-in roles reference lists them. One table: the role-definition
// routes answer from it and authorization evaluates it.

export interface RoleDefinition {
  /** The well-known GUID: the last segment of every role-definition id of this role. */
  name: string;
  roleName: string;
  description: string;
  actions: readonly string[];
  notActions: readonly string[];
}

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  {
    name: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    roleName: "Owner",
    description:
      "Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.",
    actions: ["*"],
    notActions: [],
  },
  {
    name: "b24988ac-6180-42a0-ab88-20f7382dd24c",
    roleName: "Contributor",
    description:
      "Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, " +
      "manage assignments in Azure Blueprints, or share image galleries.",
    actions: ["*"],
    notActions: [
      "Microsoft.Authorization/*/Delete",
      "Microsoft.Authorization/*/Write",
      "Microsoft.Authorization/elevateAccess/Action",
      "Microsoft.Blueprint/blueprintAssignments/write",
      "Microsoft.Blueprint/blueprintAssignments/delete",
      "Microsoft.Compute/galleries/share/action",
      "Microsoft.Purview/consents/write",
      "Microsoft.Purview/consents/delete",
    ],
  },
  {
    name: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
    roleName: "Reader",
    description: "View all resources, but does not allow you to make any changes.",
    actions: ["*/read"],
    notActions: [],
  },
  {
    name: "1ef6a3be-d0ac-425d-8c01-acb62866290b",
    roleName: "Compute Gallery Sharing Admin",
    description:
      "This role allows user to share gallery to another subscription/tenant or share it to the public.",
    actions: ["Microsoft.Compute/galleries/share/action"],
    notActions: [],
  },
];

export const ROLE_DEFINITIONS_PATH = "/providers/Microsoft.Authorization/roleDefinitions";

/** The built-in role whose GUID is `name` (any case). */
export function roleByName(name: string): RoleDefinition | undefined {
  return BUILT_IN_ROLES.find((r) => r.name === name.toLowerCase());
}

/** The built-in role called `roleName`; Azure compares role names without regard to case. */
export function roleByRoleName(roleName: string): RoleDefinition | undefined {
  return BUILT_IN_ROLES.find((r) => r.roleName.toLowerCase() === roleName.toLowerCase());
}

/**
 * The role a role-definition id names: `/subscriptions/{id}/providers/Microsoft.Authorization/roleDefinitions/{guid}`
 * or the tenant form without the subscription.
 */
export function roleById(id: string): RoleDefinition | undefined {
  const m =
    /^(?:\/subscriptions\/[^/]+)?\/providers\/Microsoft\.Authorization\/roleDefinitions\/([^/]+)$/i.exec(id);
  return m?.[1] ? roleByName(m[1]) : undefined;
}

/** The subscription-scoped id Azure returns for a built-in role read in that subscription. */
export const roleDefinitionId = (subscriptionId: string, role: RoleDefinition): string =>
  `/subscriptions/${subscriptionId}${ROLE_DEFINITIONS_PATH}/${role.name}`;
