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
} as const;

export function isValidName(kind: keyof typeof NAME_RULES, name: string): boolean {
  if (!NAME_RULES[kind].pattern.test(name)) return false;
  if (kind === "version") return name.split(".").every((p) => Number(p) <= 2147483647);
  return true;
}
