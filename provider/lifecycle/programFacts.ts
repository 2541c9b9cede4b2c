/**
 * What the other resources of the same program declare, as their own checks accepted it: a
 * version's check reads its definition's security type and its gallery's sharing permissions from
 * here, so that a version Azure would refuse for its parent's sake is refused at preview too. Only
 * what this run has checked is known (the engine checks a parent before a child that names it); a
 * parent outside the program, or not yet checked, is simply not known and nothing is refused.
 */
import type { JsonObject } from "../model/jsonObject";

export interface ProgramFacts {
  /** The checked inputs of the image definition with these names, when this run checked it. */
  definition(
    resourceGroupName: string,
    galleryName: string,
    galleryImageName: string,
  ): JsonObject | undefined;
  /** The checked inputs of the gallery with these names, when this run checked it. */
  gallery(resourceGroupName: string, galleryName: string): JsonObject | undefined;
}

/** Knows nothing: what a check sees when no other resource of its program was checked. */
export const NO_PROGRAM_FACTS: ProgramFacts = {
  definition: () => undefined,
  gallery: () => undefined,
};
