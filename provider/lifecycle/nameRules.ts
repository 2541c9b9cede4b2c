/**
 * Rules for the names that make up the Azure resource ids, as Azure enforces them.
 *
 * Each rule is silent when the name is missing (the schema reports that) or unknown at preview.
 */
import { LIMITS } from "../model/limits";
import type { CheckFailure } from "./schemaFailures";
import { showValue, stringAt } from "./values";

// Letters, digits, `_` and `.`, neither first nor last; Azure rejects hyphens in gallery names.
const GALLERY_NAME = new RegExp(
  `^[A-Za-z0-9](?:[A-Za-z0-9_.]{0,${LIMITS.maxGalleryNameLength.value - 2}}[A-Za-z0-9])?$`,
);
// Letters, digits, `_`, `-` and `.`, neither first nor last (Azure's naming rules for
// galleries/images; the 2024-03-03 spec: "dots, dashes, and periods allowed in the middle").
const IMAGE_NAME = new RegExp(
  `^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,${LIMITS.maxImageNameLength.value - 2}}[A-Za-z0-9])?$`,
);
// Each part is a 32-bit integer written in at most 10 digits (so "00000000001" is refused like Azure
// refuses it, although its value fits).
const VERSION_NAME = /^(\d{1,10})\.(\d{1,10})\.(\d{1,10})$/;
// Letters (any script), digits, `_`, `-`, `.`, `(`, `)`; not ending with `.`.
const RESOURCE_GROUP_NAME = new RegExp(
  `^[\\p{L}\\p{N}_().-]{0,${LIMITS.maxResourceGroupNameLength.value - 1}}[\\p{L}\\p{N}_()-]$`,
  "u",
);

export function resourceGroupNameFailures(news: unknown): CheckFailure[] {
  const name = stringAt(news, ["resourceGroupName"]);
  if (name === undefined || RESOURCE_GROUP_NAME.test(name)) return [];
  return [
    {
      property: "resourceGroupName",
      reason: `resourceGroupName ${showValue(name)} is not a valid resource group name: use 1-${LIMITS.maxResourceGroupNameLength.value} letters, digits, "_", "-", ".", "(" or ")", not ending with "."`,
    },
  ];
}

export function galleryNameFailures(news: unknown): CheckFailure[] {
  const name = stringAt(news, ["galleryName"]);
  if (name === undefined || GALLERY_NAME.test(name)) return [];
  const hint = name.includes("-") ? ' (Azure rejects hyphens in gallery names; use "_" or ".")' : "";
  return [
    {
      property: "galleryName",
      reason: `galleryName ${showValue(name)} is not a valid gallery name${hint}: use 1-${LIMITS.maxGalleryNameLength.value} letters, digits, "_" and ".", not starting or ending with "_" or "."`,
    },
  ];
}

export function galleryImageNameFailures(news: unknown): CheckFailure[] {
  const name = stringAt(news, ["galleryImageName"]);
  if (name === undefined || IMAGE_NAME.test(name)) return [];
  return [
    {
      property: "galleryImageName",
      reason: `galleryImageName ${showValue(name)} is not a valid image definition name: use 1-${LIMITS.maxImageNameLength.value} letters, digits, ".", "-" and "_", starting and ending with a letter or digit`,
    },
  ];
}

export function galleryImageVersionNameFailures(news: unknown): CheckFailure[] {
  const name = stringAt(news, ["galleryImageVersionName"]);
  if (name === undefined) return [];
  const max = LIMITS.maxVersionNumberPart.value;
  const parts = VERSION_NAME.exec(name);
  const valid = parts !== null && parts.slice(1).every((part) => Number(part) <= max);
  if (valid) return [];
  return [
    {
      property: "galleryImageVersionName",
      reason: `galleryImageVersionName ${showValue(name)} is not a valid version name: use Major.Minor.Patch (e.g. "1.0.0"), each an integer from 0 to ${max.toLocaleString("en-US")} in at most 10 digits`,
    },
  ];
}
