// The package schema as the build wrote it next to the compiled plugin
// (scripts/write-plugin-schema.ts). Making it takes zod and the model, about 0.1 s, which the
// process the YAML host starts only for the schema does not load (tuning.ts, 3).
import * as fs from "fs";
import * as path from "path";
import { onFirstUse } from "../tuning";

const schemaModule = onFirstUse(() => require("./packageSchema") as typeof import("./packageSchema"));

export const SCHEMA_FILE = "schema.json";

/** The schema of this version: the built file in `dir` when it is of this version, else made now. */
export function schemaText(version: string, dir: string = __dirname): string {
  const built = path.join(dir, SCHEMA_FILE);
  if (fs.existsSync(built)) {
    const text = fs.readFileSync(built, "utf8");
    if ((JSON.parse(text) as { version?: unknown }).version === version) return text;
  }
  // Run from source (tests), or a build left by another version of the package.
  return JSON.stringify(schemaModule().packageSchema(version));
}
