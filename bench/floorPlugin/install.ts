// Puts a floor plugin (provider.ts) where the engine can start it: compiled to JavaScript in a
// temporary folder, with its schema and the `pulumi-resource-<package>` launcher the YAML program's
// `plugins.providers` path points at (compiled by compileProvider.ts). The same plugin serves both
// floor flavours; pluginData's launcher tells it to echo ours.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compileProvider } from "../compileProvider";
import { PLUGIN_ECHO_ENV } from "../echo/ours";
import { shapeKinds, YAML_PACKAGE, type YamlFlavour } from "../programs";

const root = path.resolve(__dirname, "..", "..");

export type FloorPluginFlavour = Exclude<YamlFlavour, "plugin">;

/** A package schema with one resource per kind, every argument untyped, as input and output. */
function floorSchema(pkg: string): object {
  const resources = Object.fromEntries(
    Object.entries(shapeKinds()).map(([kind, keys]) => {
      const properties = Object.fromEntries(keys.map((key) => [key, { $ref: "pulumi.json#/Any" }]));
      return [`${pkg}:index:${kind}`, { properties, inputProperties: properties }];
    }),
  );
  return { name: pkg, version: "0.0.1", resources };
}

/** Installs a floor plugin in a new temporary folder; returns the folder and how to remove it. */
export function installFloorPlugin(flavour: FloorPluginFlavour): { dir: string; remove(): void } {
  const pkg = YAML_PACKAGE[flavour];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${flavour}-plugin-`));
  compileProvider(path.join(__dirname, "provider.ts"), path.join(dir, "provider.js"));
  fs.writeFileSync(path.join(dir, "schema.json"), JSON.stringify(floorSchema(pkg)));
  // NODE_PATH: @pulumi/pulumi from this repository, as the plugin in bin/ finds it.
  const echo = flavour === "pluginData" ? `${PLUGIN_ECHO_ENV}=1 ` : "";
  const launcher = path.join(dir, `pulumi-resource-${pkg}`);
  fs.writeFileSync(
    launcher,
    `#!/bin/sh\n${echo}NODE_PATH=${JSON.stringify(path.join(root, "node_modules"))} exec ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(dir, "provider.js"))} "$@"\n`,
    { mode: 0o755 },
  );
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
