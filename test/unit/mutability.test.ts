// The mutability table against diff: every row, and named rows for the behaviours that matter most,
// so that a wrong table entry fails a test that says what it got wrong.
import { z } from "zod";
import { diffResource } from "../../provider/lifecycle/diff";
import { getPath } from "../../provider/lifecycle/values";
import {
  MUTABILITY,
  mutabilityOf,
  type MutabilityEntry,
  type ResourceKind,
} from "../../provider/model/mutability";
import { INPUT_SCHEMAS } from "../../provider/model/schemas";
import { edited, fullGallery, fullGalleryImage, fullGalleryImageVersion, UNKNOWN } from "./fixtures";

const BASES: Record<ResourceKind, () => Record<string, any>> = {
  gallery: fullGallery,
  galleryImage: fullGalleryImage,
  galleryImageVersion: fullGalleryImageVersion,
};

const NEW_ELEMENTS: Record<string, unknown> = {
  "publishingProfile.targetRegions": {
    name: "northeurope",
    regionalReplicaCount: 1,
    storageAccountType: "Standard_LRS",
  },
  "storageProfile.dataDiskImages": { lun: 7, source: { id: "/snapshots/data7" } },
  "publishingProfile.targetExtendedLocations": {
    name: "eastus",
    extendedLocation: { name: "microsoftnewyork1", type: "EdgeZone" },
  },
};

/** A value different from `current` in the sense of the row's comparison. */
function differentValue(entry: MutabilityEntry, current: unknown): unknown {
  if (entry.compare === "region") return "northeurope";
  if (entry.compare === "instant") return "2031-01-01T00:00:00Z";
  if (typeof current === "string") return `${current}2`;
  if (typeof current === "number") return current + 1;
  if (typeof current === "boolean") return !current;
  if (Array.isArray(current))
    return [...current, typeof current[0] === "string" ? "Extra" : { name: "Extra" }];
  if (current !== null && typeof current === "object") return { ...current, extra: "x" };
  return "new-value";
}

function setPath(root: any, path: string[], value: unknown): void {
  const parent = getPath(root, path.slice(0, -1)) as Record<string, unknown>;
  parent[path[path.length - 1]!] = value;
}

/** The base with the row's argument changed (for `[]` rows: an element added, or the first one edited). */
function changedFor(entry: MutabilityEntry, replacement?: unknown): Record<string, any> {
  return edited(BASES[entry.resource](), (copy) => {
    const [collection, field] = entry.path.split("[]");
    if (field === undefined) {
      const path = entry.path.split(".");
      setPath(copy, path, replacement ?? differentValue(entry, getPath(copy, path)));
    } else if (field === "") {
      (getPath(copy, collection!.split(".")) as unknown[]).push(NEW_ELEMENTS[collection!]);
    } else {
      const element = (getPath(copy, collection!.split(".")) as unknown[])[0];
      const path = field.slice(1).split(".");
      setPath(element, path, replacement ?? differentValue(entry, getPath(element, path)));
    }
  });
}

describe("the mutability table drives diff", () => {
  describe.each(MUTABILITY.map((entry) => [`${entry.resource} ${entry.path}`, entry] as const))(
    "%s",
    (_name, entry) => {
      it(`changing it ${entry.behaviour === "replace" ? "replaces" : "updates"} the resource`, () => {
        const outcome = diffResource(
          entry.resource,
          BASES[entry.resource](),
          changedFor(entry),
          "the resource",
        );
        expect(outcome.changes).toBe(true);
        if (entry.behaviour === "replace") {
          expect(outcome.replaces).toHaveLength(1);
          expect(outcome.deleteBeforeReplace).toBe(true);
          expect(outcome.warnings).toHaveLength(1);
          expect(outcome.warnings[0]).toContain(entry.why);
          expect(outcome.warnings[0]).toContain("the resource");
        } else {
          expect(outcome.replaces).toEqual([]);
          expect(outcome.deleteBeforeReplace).toBe(false);
          expect(outcome.updates).toHaveLength(1);
          expect(outcome.warnings).toEqual([]);
        }
      });

      if (!entry.path.includes("[]")) {
        it(`an unknown value at preview counts as a change (${entry.behaviour})`, () => {
          const outcome = diffResource(entry.resource, BASES[entry.resource](), changedFor(entry, UNKNOWN));
          const paths = entry.behaviour === "replace" ? outcome.replaces : outcome.updates;
          expect(paths).toEqual([entry.path]);
        });
      }
    },
  );

  it.each(["gallery", "galleryImage", "galleryImageVersion"] as const)(
    "identical %s inputs are no change",
    (kind) => {
      expect(diffResource(kind, BASES[kind](), BASES[kind]())).toEqual({
        changes: false,
        replaces: [],
        deleteBeforeReplace: false,
        updates: [],
        warnings: [],
      });
    },
  );

  it.each(["gallery", "galleryImage", "galleryImageVersion"] as const)(
    "read-only outputs in the old %s state are ignored",
    (kind) => {
      const olds = {
        ...BASES[kind](),
        id: "/subscriptions/0000/x",
        name: "x",
        type: "Microsoft.Compute/galleries",
        provisioningState: "Succeeded",
        identifier: { ...BASES[kind]().identifier, uniqueName: "0000-CORPIMAGES" },
        replicationStatus: { aggregatedState: "Completed", summary: [] },
      };
      expect(diffResource(kind, olds, BASES[kind]()).changes).toBe(false);
    },
  );
});

// ---- every argument has a row ----------------------------------------------------------------

/** Leaf argument paths of a schema, `[]` after lists of objects. */
function argumentPaths(schema: z.ZodType, prefix = ""): string[] {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape).flatMap(([key, child]) =>
      argumentPaths(child as z.ZodType, prefix === "" ? key : `${prefix}.${key}`),
    );
  }
  if (inner instanceof z.ZodArray && inner.element instanceof z.ZodObject) {
    return argumentPaths(inner.element as z.ZodType, `${prefix}[]`);
  }
  return [prefix];
}

const ELEMENT_KEYS: Record<string, string[]> = {
  region: ["name"],
  lun: ["lun"],
  extendedLocation: ["name", "extendedLocation.name", "extendedLocation.type"],
};

function covered(kind: ResourceKind, path: string): boolean {
  return mutabilityOf(kind).some((row) => {
    if (row.path === path || path.startsWith(`${row.path}.`) || path.startsWith(`${row.path}[]`)) return true;
    if (row.keyedBy === undefined) return false;
    return ELEMENT_KEYS[row.keyedBy]!.some((key) => path === `${row.path}.${key}`);
  });
}

describe.each(["gallery", "galleryImage", "galleryImageVersion"] as const)("the %s rows", (kind) => {
  const paths = argumentPaths(INPUT_SCHEMAS[kind]);
  it.each(paths)("cover the argument %s", (path) => {
    expect(covered(kind, path)).toBe(true);
  });
  it("name only arguments that exist", () => {
    const stale = mutabilityOf(kind)
      .map((row) => row.path)
      .filter(
        (rowPath) =>
          !paths.some((path) => path === rowPath || path.startsWith(rowPath.replace(/\[\]$/, "[]"))),
      )
      .filter(
        (rowPath) => !paths.some((path) => path.startsWith(`${rowPath}.`) || path.startsWith(`${rowPath}[]`)),
      );
    expect(stale).toEqual([]);
  });
  it("give every row a reason", () => {
    for (const row of mutabilityOf(kind)) expect(row.why.length).toBeGreaterThan(20);
  });
});
