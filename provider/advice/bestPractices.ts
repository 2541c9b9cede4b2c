/**
 * Azure's best practices for Compute Gallery that this package turns into advice, one row each, with
 * where Azure says it. Source of every row: Microsoft, "Store and share images in Azure Compute
 * Gallery" (learn.microsoft.com/azure/virtual-machines/azure-compute-gallery), current edition,
 * section "Best practices"; the 2021 seed article has no such section (its "Scaling" and "High
 * availability" describe replicas and ZRS without recommending a minimum), so today's text is the
 * only source.
 *
 * `needsIntent`: said only when `compute-gallery:intent` is set (intent.ts). ZRS is recommended for
 * every image ("wherever it's available"), but this package ties it to intent too: Standard_LRS is
 * Azure's default storage type, so advice without intent would warn on every version that keeps the
 * default in a region with zones, and drown the warnings a reviewer must read.
 *
 * `where`: "preview" when one resource decides it (a warning on that resource, and a line in the
 * review report), "report" when it needs the whole program (the review report only).
 */
export const BEST_PRACTICES_URL =
  "https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#best-practices";

/** "Keep a minimum of three replicas for production images" (Best practices). */
export const PRODUCTION_MIN_REPLICAS = 3;

export interface BestPractice {
  /** What Azure recommends, in this package's words. */
  readonly advice: string;
  readonly needsIntent: true;
  readonly where: "preview" | "report";
}

export const BEST_PRACTICES = {
  productionReplicas: {
    advice: `keep at least ${PRODUCTION_MIN_REPLICAS} replicas of a production image in each region`,
    needsIntent: true,
    where: "preview",
  },
  zoneRedundantStorage: {
    advice: "store replicas as Standard_ZRS in regions with availability zones, for high availability",
    needsIntent: true,
    where: "preview",
  },
  separateGalleries: {
    advice: "keep production and test images in separate galleries",
    needsIntent: true,
    where: "report",
  },
  secondRegion: {
    advice:
      "keep at least two galleries in different regions for disaster recovery: while a gallery's region is " +
      "down, its resources can be neither created nor updated",
    needsIntent: true,
    where: "report",
  },
  galleryLock: {
    advice: "put a resource lock on the gallery so that its images cannot be deleted by accident",
    needsIntent: true,
    where: "report",
  },
} as const satisfies Record<string, BestPractice>;

export type BestPracticeId = keyof typeof BEST_PRACTICES;
