/**
 * What the stack says it is for (`compute-gallery:intent`), which Azure's best practices depend on:
 *
 *   {"production": ["corpImages", "sharedImages/app-linux"],   galleries, or gallery/image definitions
 *    "test": ["devImages", "corpImages/app-linux-canary"],     the same, for test images
 *    "locked": ["corpImages"]}                                 galleries a lock outside the program covers
 *
 * `"production": "*"` makes every gallery a production one (test entries still carve out test images).
 * Names compare as Azure compares them, without regard to case. An image-definition entry wins over
 * its gallery's entry, and a gallery's entry over "*". Without the key, no advice that depends on
 * intent is given (bestPractices.ts says which does). intentConfig.ts parses the key; this module
 * loads no zod, so a preview that only reads the intent does not load the parsers (tuning.ts, 3).
 *
 *   imageRole(intent, galleryName, imageName): "production" | "test" | undefined
 *   holdsProductionImages(intent, galleryName): boolean — by the configuration alone
 *   knownLocked(intent, galleryName): boolean
 */
export type ImageRole = "production" | "test";

export interface Intent {
  /** "*" for every gallery; else entries "gallery" or "gallery/image", lower case. */
  readonly production: "*" | readonly string[];
  readonly test: readonly string[];
  /** Gallery names, lower case. */
  readonly locked: readonly string[];
}

export const INTENT_KEY = "compute-gallery:intent";

const listed = (list: "*" | readonly string[], entry: string): boolean =>
  list !== "*" && list.includes(entry.toLowerCase());

export function imageRole(intent: Intent, galleryName: string, imageName: string): ImageRole | undefined {
  for (const entry of [`${galleryName}/${imageName}`, galleryName]) {
    if (listed(intent.test, entry)) return "test";
    if (listed(intent.production, entry)) return "production";
  }
  return intent.production === "*" ? "production" : undefined;
}

/** Whether the configuration makes the gallery, or an image definition in it, production. */
export function holdsProductionImages(intent: Intent, galleryName: string): boolean {
  const gallery = galleryName.toLowerCase();
  if (intent.production === "*") return !intent.test.includes(gallery);
  return intent.production.some((entry) => entry === gallery || entry.startsWith(`${gallery}/`));
}

export function knownLocked(intent: Intent, galleryName: string): boolean {
  return intent.locked.includes(galleryName.toLowerCase());
}
