/**
 * Which gallery resource an ARM id names: a gallery, an image definition or an image version. One
 * parser for the role-assignment rules (what a grant may be scoped to) and the access helper (what a
 * grant reaches).
 */

export type ScopeKind = "gallery" | "definition" | "version";

export interface GalleryScope {
  kind: ScopeKind;
  /** The gallery's id, and the definition's when the scope is at or below one (as written). */
  galleryId: string;
  definitionId?: string;
  id: string;
}

const GALLERY_SCOPE =
  /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/galleries\/[^/]+)(\/images\/[^/]+)?(\/versions\/[^/]+)?\/?$/i;

/** What the id names, or undefined when it is not the id of a gallery, definition or version. */
export function parseGalleryScope(id: string): GalleryScope | undefined {
  const m = GALLERY_SCOPE.exec(id);
  if (!m?.[1]) return undefined;
  const [, gallery, image, version] = m;
  if (version && !image) return undefined;
  const kind: ScopeKind = version ? "version" : image ? "definition" : "gallery";
  return {
    kind,
    galleryId: gallery,
    ...(image ? { definitionId: `${gallery}${image}` } : {}),
    id: `${gallery}${image ?? ""}${version ?? ""}`,
  };
}

/** The expected forms, for messages. */
export const GALLERY_SCOPE_FORMS =
  "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/galleries/<gallery>, " +
  "followed by /images/<definition> for an image definition (and /versions/<version> for an image version)";
