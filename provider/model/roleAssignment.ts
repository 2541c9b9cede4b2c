/**
 * The shape of `GalleryRoleAssignment`: an Azure role assignment (Microsoft.Authorization/roleAssignments,
 * api-version 2022-04-01) whose scope is a gallery, an image definition or (when allowed) an image
 * version. Argument names follow the REST API: `scope`, `principalId`, `principalType`,
 * `roleDefinitionId`, and `roleName`, the property a role definition carries its name in (the one
 * Azure's `$filter=roleName eq 'Reader'` matches).
 *
 * Rules that relate values (one of roleDefinitionId and roleName, the kind of scope) live in
 * lifecycle/roleAssignmentRules.ts, where they can name the property and say what is allowed.
 */
import { PRINCIPAL_TYPES } from "./enums";
import { z } from "./zod";

export { PRINCIPAL_TYPES, type PrincipalType } from "./enums";

const outputOnly = <T extends z.ZodType>(schema: T, description: string) =>
  schema.meta({ description, outputOnly: true });

export const galleryRoleAssignmentInputsSchema = z
  .strictObject({
    scope: z
      .string()
      .describe(
        "The ARM id of the gallery or image definition the role is granted on (an image version only with `allowImageVersionScope`).",
      ),
    principalId: z
      .string()
      .describe(
        "The object id of the user, group or service principal in the gallery's tenant (for a principal of another tenant: its guest user or the service principal of its multi-tenant app in this tenant).",
      ),
    principalType: z
      .enum(PRINCIPAL_TYPES)
      .describe(
        "What the principal is: User, Group or ServicePrincipal. Required, so Azure need not look the principal up (which fails right after the principal is created).",
      ),
    roleDefinitionId: z
      .string()
      .describe(
        "The role by id, e.g. `/subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7` (Reader). Give this or `roleName`; the outputs carry both.",
      )
      .optional(),
    roleName: z
      .string()
      .describe(
        "The role by its name, e.g. `Reader`, looked up in the subscription when the assignment is created. Give this or `roleDefinitionId`.",
      )
      .optional(),
    roleAssignmentName: z
      .string()
      .describe(
        "The assignment's name, a GUID. Defaults to a GUID derived from scope, principal and role, so the same grant always has the same name.",
      )
      .optional(),
    description: z.string().describe("Why the role is granted.").optional(),
    allowImageVersionScope: z
      .boolean()
      .describe(
        "Allow a grant on a single image version. Off by default: sharing at gallery level is recommended, and sharing single versions is not.",
      )
      .optional(),
  })
  .meta({ typeName: "GalleryRoleAssignment" });

export const galleryRoleAssignmentOutputsSchema = galleryRoleAssignmentInputsSchema
  .extend({
    id: outputOnly(z.string(), "The role assignment's ARM id."),
    name: outputOnly(z.string(), "Azure's name of the assignment (the last segment of the id)."),
    type: outputOnly(z.string(), "`Microsoft.Authorization/roleAssignments`."),
    createdOn: outputOnly(z.string(), "When Azure created the assignment.").optional(),
  })
  .meta({ typeName: "GalleryRoleAssignment" });

export type GalleryRoleAssignmentInputs = z.infer<typeof galleryRoleAssignmentInputsSchema>;
