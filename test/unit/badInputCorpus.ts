// Loads the bad-input corpus (test/fixtures/bad-input): each case is its kind's base program with a
// few arguments set or removed, and the failure it must produce, written by hand.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ResourceKind } from "../../provider/model/mutability";

const FOLDER = path.join(__dirname, "..", "fixtures", "bad-input");

interface CaseFile {
  case: string;
  kind: ResourceKind;
  set?: Record<string, unknown>;
  unset?: string[];
  oldsSet?: Record<string, unknown>;
  parents?: { kind: ResourceKind; set?: Record<string, unknown> }[];
  property: string;
  value?: unknown;
  fragments: string[];
}

export interface BadInputCase {
  /** `<file>: <what is wrong>`. */
  readonly name: string;
  readonly kind: ResourceKind;
  readonly olds: Record<string, unknown>;
  readonly news: Record<string, unknown>;
  /** Valid resources of the same program, checked first through the same front door. */
  readonly parents: readonly { kind: ResourceKind; news: Record<string, unknown> }[];
  readonly property: string;
  /** Absent when the argument is missing. */
  readonly value?: unknown;
  readonly fragments: readonly string[];
}

interface Bases extends Record<ResourceKind, Record<string, unknown>> {
  now: string;
}

const bases = JSON.parse(readFileSync(path.join(FOLDER, "bases.json"), "utf8")) as Bases;

/** The corpus's clock: its past and future dates are relative to it. */
export const CORPUS_NOW = new Date(bases.now);

export function loadCorpus(): BadInputCase[] {
  return readdirSync(FOLDER)
    .filter((file) => file.endsWith(".json") && file !== "bases.json")
    .sort()
    .flatMap((file) =>
      (JSON.parse(readFileSync(path.join(FOLDER, file), "utf8")) as CaseFile[]).map((c) => ({
        name: `${file.replace(/\.json$/, "")}: ${c.case}`,
        kind: c.kind,
        olds: c.oldsSet === undefined ? {} : withChanges(bases[c.kind], c.oldsSet, []),
        news: withChanges(bases[c.kind], c.set ?? {}, c.unset ?? []),
        parents: (c.parents ?? []).map((p) => ({
          kind: p.kind,
          news: withChanges(bases[p.kind], p.set ?? {}, []),
        })),
        property: c.property,
        ...("value" in c ? { value: c.value } : {}),
        fragments: c.fragments,
      })),
    );
}

function withChanges(
  base: Record<string, unknown>,
  set: Record<string, unknown>,
  unset: readonly string[],
): Record<string, unknown> {
  const copy = structuredClone(base);
  for (const [at, value] of Object.entries(set)) place(copy, segments(at), value);
  for (const at of unset) place(copy, segments(at), undefined);
  return copy;
}

/** `publishingProfile.targetRegions[1].name` -> ["publishingProfile", "targetRegions", 1, "name"]. */
function segments(at: string): (string | number)[] {
  return [...at.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1]! : Number(m[2])));
}

/** Sets (or, for `undefined`, deletes) the value at `at`, creating objects on the way. */
function place(root: Record<string, unknown>, at: (string | number)[], value: unknown): void {
  let current: any = root;
  for (const segment of at.slice(0, -1)) {
    current[segment] ??= {};
    current = current[segment];
  }
  const last = at[at.length - 1]!;
  if (value === undefined) delete current[last];
  else current[last] = value;
}
