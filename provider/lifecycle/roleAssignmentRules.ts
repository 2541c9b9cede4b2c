/**
 * check for `GalleryRoleAssignment`: what the shape cannot say. The scope must be a gallery or an image
 * definition (an image version only when explicitly allowed, since sharing at gallery level is
 * recommended and sharing single versions is not); the role is named by id or by name; ids are GUIDs.
 * Values unknown at preview are not judged. Also the default assignment name, a GUID derived from
 * scope, principal and role, so that the same grant always gets the same name.
 *
 * Pure: no I/O.
 */
import { createHash } from "node:crypto";
import type { JsonObject } from "../model/jsonObject";
import { GALLERY_SCOPE_FORMS, parseGalleryScope } from "../model/galleryScope";
import { isUnknown } from "../model/unknown";
import type { CheckFailure } from "./schemaFailures";
import { isGuid } from "../model/guid";

const ROLE_DEFINITION_ID =
  /^(\/subscriptions\/[^/]+)?\/providers\/Microsoft\.Authorization\/roleDefinitions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A known string value (absent and unknown-at-preview values are not judged). */
const known = (value: unknown): value is string => typeof value === "string" && !isUnknown(value);

export function scopeFailures(news: JsonObject): CheckFailure[] {
  const scope = news.scope;
  if (!known(scope)) return [];
  const parsed = parseGalleryScope(scope);
  if (!parsed) {
    return [
      {
        property: "scope",
        reason: `scope "${scope}" is not the ARM id of a gallery, an image definition or an image version; expected ${GALLERY_SCOPE_FORMS}`,
      },
    ];
  }
  if (parsed.kind === "version" && news.allowImageVersionScope !== true) {
    return [
      {
        property: "scope",
        reason:
          `scope "${scope}" is a single image version: sharing at gallery level is recommended and sharing single image versions is not. ` +
          "Grant the role on the gallery or the image definition, or set allowImageVersionScope: true to grant it on this version anyway",
      },
    ];
  }
  return [];
}

function guidFailure(news: JsonObject, property: string, what: string): CheckFailure[] {
  const value = news[property];
  if (!known(value) || isGuid(value)) return [];
  return [
    {
      property,
      reason: `${property} "${value}" is not a GUID; ${what} is a GUID such as 00000000-0000-0000-0000-000000000000`,
    },
  ];
}

export function roleFailures(news: JsonObject): CheckFailure[] {
  const { roleDefinitionId, roleName } = news;
  if (roleDefinitionId === undefined && roleName === undefined) {
    return [
      {
        property: "roleDefinitionId",
        reason:
          'a role is required: give roleName (e.g. "Reader") or roleDefinitionId (the role definition\'s id)',
      },
    ];
  }
  if (known(roleDefinitionId) && !ROLE_DEFINITION_ID.test(roleDefinitionId)) {
    return [
      {
        property: "roleDefinitionId",
        reason:
          `roleDefinitionId "${roleDefinitionId}" is not a role definition id; expected ` +
          "/subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<GUID> or /providers/Microsoft.Authorization/roleDefinitions/<GUID>",
      },
    ];
  }
  if (known(roleName) && roleName.trim() === "") {
    return [{ property: "roleName", reason: 'roleName "" names no role; give a role name such as "Reader"' }];
  }
  return [];
}

export function roleAssignmentFailures(news: JsonObject): CheckFailure[] {
  return [
    ...scopeFailures(news),
    ...guidFailure(news, "principalId", "the principal's object id"),
    ...guidFailure(news, "roleAssignmentName", "a role assignment's name"),
    ...roleFailures(news),
  ];
}

/**
 * The inputs with `roleAssignmentName` filled in when absent: a name-based GUID (the layout of an
 * RFC 4122 version 5 UUID) of scope, principal and role, all compared without case as Azure does.
 * Left absent while any of them is unknown at preview.
 */
export function withDefaultAssignmentName(news: JsonObject): JsonObject {
  if (news.roleAssignmentName !== undefined) return news;
  const role = news.roleDefinitionId ?? news.roleName;
  const parts = [news.scope, news.principalId, role];
  if (!parts.every(known)) return news;
  const hash = createHash("sha1")
    .update((parts as string[]).map((p) => p.toLowerCase()).join("\n"))
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  const name = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { ...news, roleAssignmentName: name };
}
