// Name rules of the gallery resource types (Microsoft's naming-rules table for Microsoft.Compute).

/** Definitions and VM applications: GalleryRP 2024-03-03, parameters galleryImageName and galleryApplicationName. */
const DEFINITION_NAME = {
  pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9])?$/,
  rule: "1-80 characters; alphanumerics, underscores, hyphens and periods; must start and end with an alphanumeric",
} as const;

/** Image and application versions: <MajorVersion>.<MinorVersion>.<Patch>, each a 32-bit integer. */
const VERSION_NAME = {
  pattern: /^\d{1,10}\.\d{1,10}\.\d{1,10}$/,
  rule: "Major(int32).Minor(int32).Patch(int32)",
} as const;

export const NAME_RULES = {
  gallery: {
    param: "galleryName",
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_.]{0,78}[A-Za-z0-9])?$/,
    rule: "1-80 characters; alphanumerics, underscores and periods; must start and end with an alphanumeric",
  },
  image: { param: "galleryImageName", ...DEFINITION_NAME },
  version: { param: "galleryImageVersionName", ...VERSION_NAME },
  application: { param: "galleryApplicationName", ...DEFINITION_NAME },
  applicationVersion: { param: "galleryApplicationVersionName", ...VERSION_NAME },
} as const;

export function isValidName(kind: keyof typeof NAME_RULES, name: string): boolean {
  if (!NAME_RULES[kind].pattern.test(name)) return false;
  if (kind === "version" || kind === "applicationVersion")
    return name.split(".").every((p) => Number(p) <= 2147483647);
  return true;
}
