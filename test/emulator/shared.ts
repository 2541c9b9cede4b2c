// Locates ../shared (recorded traffic, ARM spec) beside the repository. Missing means a broken checkout:
// the suites fail rather than skip.
import * as fs from "node:fs";
import * as path from "node:path";

export const SHARED = path.resolve(__dirname, "../../../shared");
export const TRAFFIC_DIR = path.join(SHARED, "traffic");
export const EXAMPLES_DIR = path.join(
  SHARED,
  "arm-spec/specification/compute/resource-manager/Microsoft.Compute/GalleryRP/stable/2024-03-03/examples/galleryExamples",
);

export function requireDir(dir: string): string {
  if (!fs.existsSync(dir))
    throw new Error(`${dir} is missing: the emulator suites need ../shared beside the repository`);
  return dir;
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

export type J = null | boolean | number | string | J[] | { [k: string]: J };
export const isObj = (v: unknown): v is { [k: string]: J } =>
  typeof v === "object" && v !== null && !Array.isArray(v);
