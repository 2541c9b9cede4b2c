/**
 * The best practices that need the whole program (bestPractices.ts, `where: "report"`), from what the
 * review sees: the resources of the preview (and of the state, when given) and their locks.
 *
 *   programAdvice(input, intent): ProgramAdvice[]
 *
 *   - separateGalleries: a gallery holding both production and test images (image definitions and
 *     versions of the program, their role from `compute-gallery:intent`);
 *   - secondRegion: every production gallery of the program in one region;
 *   - galleryLock: a production gallery that no lock of the program protects (locks.ts) and that
 *     intent does not list as `locked` (a lock made outside the program).
 * A production gallery is one that intent makes production, or that holds a production image.
 * Only galleries the program declares are judged: a gallery managed elsewhere is not seen. Pure.
 */
import { BEST_PRACTICES, type BestPracticeId } from "../advice/bestPractices";
import { holdsProductionImages, imageRole, knownLocked, type ImageRole, type Intent } from "../advice/intent";
import { normaliseRegionName } from "../model/regions";
import { isUnknown } from "../model/unknown";
import { protectsGallery } from "./locks";
import type { ReviewInput, ReviewedResource } from "./previewJson";

export interface ProgramAdvice {
  readonly practice: BestPracticeId;
  /** What the program does, then what Azure recommends. */
  readonly text: string;
}

const known = (value: unknown): value is string => typeof value === "string" && !isUnknown(value);

/** `resourceGroupName/galleryName` as Azure compares it, or undefined while unknown. */
function galleryKey(props: Record<string, unknown>): string | undefined {
  const { resourceGroupName, galleryName } = props;
  return known(resourceGroupName) && known(galleryName)
    ? `${resourceGroupName}/${galleryName}`.toLowerCase()
    : undefined;
}

const recommend = (practice: BestPracticeId) =>
  `Azure's best practice is to ${BEST_PRACTICES[practice].advice}`;

export function programAdvice(input: ReviewInput, intent: Intent): ProgramAdvice[] {
  const present = input.resources.filter((r) => r.after !== undefined && r.action !== "delete");
  const imagesByGallery = new Map<string, Map<string, ImageRole | undefined>>();
  for (const resource of present) {
    if (resource.kind !== "galleryImage" && resource.kind !== "galleryImageVersion") continue;
    const props = resource.after!;
    const key = galleryKey(props);
    if (key === undefined || !known(props.galleryImageName)) continue;
    const images = imagesByGallery.get(key) ?? new Map<string, ImageRole | undefined>();
    images.set(props.galleryImageName, imageRole(intent, String(props.galleryName), props.galleryImageName));
    imagesByGallery.set(key, images);
  }
  const galleries = present.filter((r) => r.kind === "gallery" && galleryKey(r.after!) !== undefined);
  const displayName = (gallery: ReviewedResource) =>
    `${String(gallery.after!.resourceGroupName)}/${String(gallery.after!.galleryName)}`;
  const rolesIn = (key: string) => [...(imagesByGallery.get(key) ?? new Map()).entries()];

  const mixed = [...imagesByGallery.keys()].flatMap((key): ProgramAdvice[] => {
    const names = (role: ImageRole) =>
      rolesIn(key)
        .filter(([, r]) => r === role)
        .map(([name]) => name);
    const [production, test] = [names("production"), names("test")];
    if (production.length === 0 || test.length === 0) return [];
    const gallery = galleries.find((g) => galleryKey(g.after!) === key);
    return [
      {
        practice: "separateGalleries",
        text:
          `gallery ${gallery ? displayName(gallery) : key} holds production images (${production.join(", ")}) ` +
          `and test images (${test.join(", ")}); ${recommend("separateGalleries")}.`,
      },
    ];
  });

  const production = galleries.filter((gallery) => {
    const key = galleryKey(gallery.after!)!;
    return (
      holdsProductionImages(intent, String(gallery.after!.galleryName)) ||
      rolesIn(key).some(([, role]) => role === "production")
    );
  });

  const regions = new Set(
    production
      .map((g) => g.after!.location)
      .filter(known)
      .map(normaliseRegionName),
  );
  const allLocated = production.every((g) => known(g.after!.location));
  const oneRegion: ProgramAdvice[] =
    production.length > 0 && allLocated && regions.size === 1
      ? [
          {
            practice: "secondRegion",
            text:
              `every production gallery (${production.map(displayName).join(", ")}) is in ${[...regions][0]}; ` +
              `${recommend("secondRegion")}.`,
          },
        ]
      : [];

  const unlocked = production
    .filter(
      (gallery) =>
        !knownLocked(intent, String(gallery.after!.galleryName)) &&
        !input.locks.some((lock) => protectsGallery(lock, gallery)),
    )
    .map((gallery): ProgramAdvice => ({
      practice: "galleryLock",
      text:
        `production gallery ${displayName(gallery)} has no lock in the program (a CanNotDelete or ReadOnly ` +
        `lock on it, its resource group or the subscription) and is not listed in intent.locked; ` +
        `${recommend("galleryLock")}.`,
    }));

  return [...mixed, ...oneRegion, ...unlocked];
}
