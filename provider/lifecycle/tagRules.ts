/**
 * Tags, within Azure's limits for tags (Azure Resource Manager: at most 50 per resource, names of at
 * most 512 characters without `<`, `>`, `%`, `&`, `\`, `?` or `/`, values of at most 256 characters).
 * Every write of this provider adds its owner marker, so a program may set one tag fewer than Azure
 * allows and may not set the marker itself: Azure would refuse the 51st tag only when the write is
 * sent, and a program's own marker would be overwritten on every write and show as a change forever.
 */
import { LIMITS } from "../model/limits";
import { OWNER_TAG } from "../model/ownerTag";
import type { CheckFailure } from "./schemaFailures";
import { showValue } from "./values";

const FORBIDDEN_IN_NAMES = /[<>%&\\?/]/;

export function tagFailures(inputs: { tags?: unknown }): CheckFailure[] {
  const tags = inputs.tags;
  if (!tags || typeof tags !== "object" || Array.isArray(tags)) return [];
  const names = Object.keys(tags);
  const failures: CheckFailure[] = [];
  const allowed = LIMITS.maxTagsPerResource.value - 1;
  if (names.length > allowed) {
    failures.push({
      property: "tags",
      reason: `tags has ${names.length} tags: at most ${allowed} are allowed, as Azure allows ${LIMITS.maxTagsPerResource.value} per resource and this provider adds its owner marker (${OWNER_TAG})`,
    });
  }
  for (const name of names) {
    const property = `tags.${name}`;
    const value = (tags as Record<string, unknown>)[name];
    if (name.toLowerCase() === OWNER_TAG) {
      failures.push({
        property,
        reason: `${property}: the tag name ${showValue(name)} is reserved for the owner marker this provider sets on every write; use another name`,
      });
    } else if (
      name.length === 0 ||
      name.length > LIMITS.maxTagNameLength.value ||
      FORBIDDEN_IN_NAMES.test(name)
    ) {
      failures.push({
        property,
        reason: `${property}: the tag name ${showValue(name)} is not allowed: 1 to ${LIMITS.maxTagNameLength.value} characters, none of < > % & \\ ? /`,
      });
    }
    if (typeof value === "string" && value.length > LIMITS.maxTagValueLength.value) {
      failures.push({
        property,
        reason: `${property} has ${value.length} characters: a tag value is at most ${LIMITS.maxTagValueLength.value}`,
      });
    }
  }
  return failures;
}
