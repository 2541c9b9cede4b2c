// The checked inputs of every gallery and image definition that a front door has checked, keyed by
// their ARM names (case-insensitive): the ProgramFacts a version's check reads. One memo per set of
// resource operations, so per provider process or plugin Configure, like the connection.
import type { JsonObject } from "../model/jsonObject";
import type { ResourceKind } from "../model/mutability";
import type { ProgramFacts } from "../lifecycle/programFacts";
import { nameKeysOf } from "../azure/armId";
import { armKey } from "./connectionMemo";

export interface ProgramMemo extends ProgramFacts {
  /** Remembers a resource's checked inputs (those that passed check, names all known). */
  record(kind: ResourceKind, inputs: JsonObject): void;
}

/** The kinds a version's rules look up: its gallery and its definition. */
const REMEMBERED: ReadonlySet<ResourceKind> = new Set(["gallery", "galleryImage"]);

export function programMemo(): ProgramMemo {
  const checked = new Map<string, JsonObject>();
  return {
    record(kind, inputs) {
      if (!REMEMBERED.has(kind)) return;
      const names = nameKeysOf(kind).map((key) => inputs[key]);
      if (names.every((name): name is string => typeof name === "string"))
        checked.set(`${kind}:${armKey(...names)}`, inputs);
    },
    definition: (group, gallery, image) => checked.get(`galleryImage:${armKey(group, gallery, image)}`),
    gallery: (group, gallery) => checked.get(`gallery:${armKey(group, gallery)}`),
  };
}
