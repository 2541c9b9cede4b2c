// The checked inputs of every gallery and image definition that a front door has checked, keyed by
// their ARM names (case-insensitive): the ProgramFacts a version's check reads. One memo per set of
// resource operations, so per provider process or plugin Configure, like the connection.
import type { JsonObject } from "../model/jsonObject";
import type { ResourceKind } from "../model/mutability";
import type { ProgramFacts } from "../lifecycle/programFacts";
import { armKey } from "./connectionMemo";

export interface ProgramMemo extends ProgramFacts {
  /** Remembers a resource's checked inputs (those that passed check, names all known). */
  record(kind: ResourceKind, inputs: JsonObject): void;
}

export function programMemo(): ProgramMemo {
  const checked = new Map<string, JsonObject>();
  const names = (inputs: JsonObject, keys: readonly string[]) => {
    const values = keys.map((key) => inputs[key]);
    return values.every((value): value is string => typeof value === "string") ? values : undefined;
  };
  return {
    record(kind, inputs) {
      const keys =
        kind === "gallery"
          ? ["resourceGroupName", "galleryName"]
          : kind === "galleryImage"
            ? ["resourceGroupName", "galleryName", "galleryImageName"]
            : undefined;
      const found = keys && names(inputs, keys);
      if (found) checked.set(`${kind}:${armKey(...found)}`, inputs);
    },
    definition: (group, gallery, image) => checked.get(`galleryImage:${armKey(group, gallery, image)}`),
    gallery: (group, gallery) => checked.get(`gallery:${armKey(group, gallery)}`),
  };
}
