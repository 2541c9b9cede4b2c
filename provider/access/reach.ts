/**
 * Who reaches what, from a program's grants, following the sharing matrix of Azure Compute Gallery:
 *   a grant on a gallery reaches the gallery, all its image definitions and all their versions;
 *   a grant on an image definition reaches the definition and its versions, not the gallery;
 *   a grant on an image version reaches that version only.
 * Any role counts as reaching (Reader is the usual one for consumers). Grants to a group reach the
 * principals the caller says are its members. Pure: it answers from the values given, asks Azure nothing.
 */
import { parseGalleryScope } from "../model/galleryScope";

export interface Grant {
  /** The ARM id of the gallery, image definition or image version the role is granted on. */
  readonly scope: string;
  /** The object id of the user, group or service principal granted the role. */
  readonly principalId: string;
}

export interface Reach {
  /** Ids of the galleries the principal can read, in the order of `resources`. */
  readonly galleries: string[];
  readonly definitions: string[];
  readonly versions: string[];
}

export interface ReachOptions {
  /** Object ids of the groups the principal is a member of: their grants count too. */
  readonly memberOf?: readonly string[];
}

const lower = (s: string) => s.toLowerCase();

/** Whether a grant at `scope` reaches `resource` (both gallery, definition or version ids). */
export function grantReaches(scope: string, resource: string): boolean {
  const granted = parseGalleryScope(scope);
  const target = parseGalleryScope(resource);
  if (!granted || !target) return false;
  // A grant reaches its own resource and those below it; never the ones above it.
  const s = lower(granted.id);
  const t = lower(target.id);
  return t === s || t.startsWith(`${s}/`);
}

/**
 * Which of `resources` (ids of galleries, definitions and versions) `principalId` reaches through
 * `grants`. Ids that are none of these are left out.
 */
export function reachOf(
  principalId: string,
  grants: readonly Grant[],
  resources: readonly string[],
  options: ReachOptions = {},
): Reach {
  const principals = new Set([principalId, ...(options.memberOf ?? [])].map(lower));
  const own = grants.filter((g) => principals.has(lower(g.principalId)));
  const reached = resources.filter((r) => own.some((g) => grantReaches(g.scope, r)));
  const ofKind = (kind: string) => reached.filter((r) => parseGalleryScope(r)?.kind === kind);
  return { galleries: ofKind("gallery"), definitions: ofKind("definition"), versions: ofKind("version") };
}
