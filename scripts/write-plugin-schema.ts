// Part of `npm run build`: writes the provider plugin's package schema next to the compiled plugin,
// for the version the plugin reports, so that a plugin process asked only for the schema reads it
// instead of making it (provider/plugin/schemaFile.ts). The schema is made by the same code the
// plugin runs.
import * as fs from "fs";
import * as path from "path";
import { packageVersion } from "../provider/plugin/packageVersion";
import { packageSchema } from "../provider/plugin/packageSchema";
import { SCHEMA_FILE } from "../provider/plugin/schemaFile";

fs.writeFileSync(
  path.resolve(__dirname, "..", "dist", "provider", "plugin", SCHEMA_FILE),
  JSON.stringify(packageSchema(packageVersion())),
);
