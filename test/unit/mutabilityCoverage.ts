// Whether the mutability table has a row for an argument path (`a.b`, `list[].field`): its own row,
// a row of an enclosing value compared as a whole, or the key of a keyed list.
import { mutabilityOf, type ResourceKind } from "../../provider/model/mutability";

const ELEMENT_KEYS: Record<string, string[]> = {
  region: ["name"],
  lun: ["lun"],
  extendedLocation: ["name", "extendedLocation.name", "extendedLocation.type"],
  groupType: ["type"],
};

export function covered(kind: ResourceKind, path: string): boolean {
  return mutabilityOf(kind).some((row) => {
    // A membership row (`list[]`) covers only the fields that key the elements; every other field
    // of an element needs a row of its own.
    if (row.keyedBy !== undefined)
      return ELEMENT_KEYS[row.keyedBy]!.some((key) => path === `${row.path}.${key}`);
    return row.path === path || path.startsWith(`${row.path}.`) || path.startsWith(`${row.path}[]`);
  });
}
