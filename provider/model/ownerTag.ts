/**
 * The tag every write of this provider sets on a gallery, image definition or version: the owner
 * marker (operations/ownership.ts says what it holds and why). Azure treats tag names
 * case-insensitively; so does everything that reads it.
 */
export const OWNER_TAG = "pulumi-compute-gallery-owner";
