// Updates may not change what Azure fixes at creation (rules/immutability lists it); locations are
// compared as regions, so a respelling (`West Europe` for `westeurope`) is no change.
import type { JsonObject, Kind } from "../model";
import { findRegion } from "../rules/regions";
import { checkImmutable } from "../rules/validate";

const regionOf = (v: unknown): string | undefined =>
  typeof v === "string" ? findRegion(v)?.name : undefined;

/** Throws PropertyChangeNotAllowed for the first fixed property that differs; `exempt` paths may change. */
export function refuseImmutableChanges(
  kind: Kind,
  before: JsonObject,
  after: JsonObject,
  exempt: readonly string[] = [],
): void {
  checkImmutable(kind, before, after, regionOf, exempt);
}
