// Puts the floor plugin (provider.ts) where the engine can start it: compiled to JavaScript in a
// temporary folder, with its schema and the `pulumi-resource-benchfloor` launcher the YAML program's
// `plugins.providers` path points at (compiled by compileProvider.ts).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compileProvider } from "../compileProvider";
import { shapeKinds, YAML_PACKAGE } from "../programs";

const root = path.resolve(__dirname, "..", "..");

/** A package schema with one resource per kind, every argument untyped, as input and output. */
function floorSchema(): object {
  const pkg = YAML_PACKAGE.pluginFloor;
  const resources = Object.fromEntries(
    Object.entries(shapeKinds()).map(([kind, keys]) => {
      const properties = Object.fromEntries(keys.map((key) => [key, { $ref: "pulumi.json#/Any" }]));
      return [`${pkg}:index:${kind}`, { properties, inputProperties: properties }];
    }),
  );
  return { name: pkg, version: "0.0.1", resources };
}

/** Installs the floor plugin in a new temporary folder; returns the folder and how to remove it. */
export function installFloorPlugin(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-floor-plugin-"));
  compileProvider(path.join(__dirname, "provider.ts"), path.join(dir, "provider.js"));
  fs.writeFileSync(path.join(dir, "schema.json"), JSON.stringify(floorSchema()));
  // NODE_PATH: @pulumi/pulumi from this repository, as the plugin in bin/ finds it.
  const launcher = path.join(dir, `pulumi-resource-${YAML_PACKAGE.pluginFloor}`);
  fs.writeFileSync(
    launcher,
    `#!/bin/sh\nNODE_PATH=${JSON.stringify(path.join(root, "node_modules"))} exec ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(dir, "provider.js"))} "$@"\n`,
    { mode: 0o755 },
  );
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
