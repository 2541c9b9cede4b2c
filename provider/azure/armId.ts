// The ARM names of a gallery, image definition, image version or role assignment, read from its resource id, so that
// `pulumi import` can adopt a resource given nothing but the id Azure shows for it.
import type { ResourceKind } from "../model/mutability";

const SEGMENTS: Record<ResourceKind, string[]> = {
  gallery: ["resourceGroupName", "galleryName"],
  galleryImage: ["resourceGroupName", "galleryName", "galleryImageName"],
  galleryImageVersion: ["resourceGroupName", "galleryName", "galleryImageName", "galleryImageVersionName"],
  galleryRoleAssignment: ["scope", "roleAssignmentName"],
};

const ID_PATTERN =
  /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/galleries\/([^/]+)(?:\/images\/([^/]+)(?:\/versions\/([^/]+))?)?\/?$/i;

const EXAMPLES: Record<ResourceKind, string> = {
  gallery: "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/galleries/<gallery>",
  galleryImage: ".../galleries/<gallery>/images/<definition>",
  galleryImageVersion: ".../galleries/<gallery>/images/<definition>/versions/<version>",
  galleryRoleAssignment:
    "<gallery, definition or version id>/providers/Microsoft.Authorization/roleAssignments/<GUID>",
};

const ROLE_ASSIGNMENT_ID = /^(\/.+)\/providers\/Microsoft\.Authorization\/roleAssignments\/([^/]+)\/?$/i;

/** `{ resourceGroupName, galleryName, ... }` of the resource `id` names; throws when it is not one. */
export function namesFromArmId(kind: ResourceKind, id: string): Record<string, string> {
  const match = (kind === "galleryRoleAssignment" ? ROLE_ASSIGNMENT_ID : ID_PATTERN).exec(id);
  const names = match?.slice(1).filter((part): part is string => part !== undefined) ?? [];
  if (names.length !== SEGMENTS[kind].length) {
    throw new Error(`"${id}" is not the Azure resource id of a ${kind}; expected ${EXAMPLES[kind]}`);
  }
  return Object.fromEntries(SEGMENTS[kind].map((key, index) => [key, decodeURIComponent(names[index]!)]));
}

/** The ARM name keys of a resource kind, outermost first. */
export function nameKeysOf(kind: ResourceKind): readonly string[] {
  return SEGMENTS[kind];
}
