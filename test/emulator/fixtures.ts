// The recorded Azure traffic and spec examples the emulator suite replays, kept in the repository
// (test/fixtures, written by scripts/import-fixtures.ts) so that a clone alone passes the suite.
import * as fs from "node:fs";
import * as path from "node:path";

const FIXTURES = path.resolve(__dirname, "../fixtures");
export const TRAFFIC_DIR = path.join(FIXTURES, "traffic");
export const EXAMPLES_DIR = path.join(FIXTURES, "spec-examples");

/** The JSON files of one fixture directory, sorted. */
export function fixtureFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

export type J = null | boolean | number | string | J[] | { [k: string]: J };
export const isObj = (v: unknown): v is { [k: string]: J } =>
  typeof v === "object" && v !== null && !Array.isArray(v);
