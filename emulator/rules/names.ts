// Name rules of the gallery resource types (Microsoft's naming-rules table for Microsoft.Compute).

export const NAME_RULES = {
  gallery: {
    param: "galleryName",
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_.]{0,78}[A-Za-z0-9])?$/,
    rule: "1-80 characters; alphanumerics, underscores and periods; must start and end with an alphanumeric",
  },
  image: {
    param: "galleryImageName",
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9])?$/,
    rule: "1-80 characters; alphanumerics, underscores, hyphens and periods; must start and end with an alphanumeric",
  },
  version: {
    param: "galleryImageVersionName",
    pattern: /^\d{1,10}\.\d{1,10}\.\d{1,10}$/,
    rule: "Major(int32).Minor(int32).Patch(int32)",
  },
  // GalleryRP 2024-03-03 gallery.json, parameter galleryApplicationName: letters and digits, with dots,
  // dashes (and, as the naming-rules table has it for definitions, underscores) in the middle, at most 80.
  application: {
    param: "galleryApplicationName",
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9])?$/,
    rule: "1-80 characters; alphanumerics, underscores, hyphens and periods; must start and end with an alphanumeric",
  },
  // Same spec, parameter galleryApplicationVersionName: <MajorVersion>.<MinorVersion>.<Patch>, each a 32-bit integer.
  applicationVersion: {
    param: "galleryApplicationVersionName",
    pattern: /^\d{1,10}\.\d{1,10}\.\d{1,10}$/,
    rule: "Major(int32).Minor(int32).Patch(int32)",
  },
} as const;

export function isValidName(kind: keyof typeof NAME_RULES, name: string): boolean {
  if (!NAME_RULES[kind].pattern.test(name)) return false;
  if (kind === "version" || kind === "applicationVersion")
    return name.split(".").every((p) => Number(p) <= 2147483647);
  return true;
}
