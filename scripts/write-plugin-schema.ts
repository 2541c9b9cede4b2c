// Part of `npm run build`: writes the provider plugin's package schema next to the compiled plugin,
// for this package's version, so that a plugin process asked only for the schema reads it instead of
// making it (provider/plugin/schemaFile.ts). The schema is made by the same code the plugin runs.
import * as fs from "fs";
import * as path from "path";
import { packageSchema } from "../provider/plugin/packageSchema";
import { SCHEMA_FILE } from "../provider/plugin/schemaFile";

const root = path.resolve(__dirname, "..");
const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  version: string;
};
fs.writeFileSync(
  path.join(root, "dist", "provider", "plugin", SCHEMA_FILE),
  JSON.stringify(packageSchema(version)),
);
