// Puts the data flavour's provider (provider.ts) in node_modules for the run, compiled to
// JavaScript: the engine's dynamic-provider host, plain Node, loads it there by name.
import * as fs from "fs";
import * as path from "path";
import { compileProvider } from "../compileProvider";

export const ECHO_PACKAGE = "bench-echo-provider";

/** Installs the provider as the package ECHO_PACKAGE under `nodeModules`; returns its folder. */
export function installEchoProvider(nodeModules: string): string {
  const dir = path.join(nodeModules, ECHO_PACKAGE);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  compileProvider(path.join(__dirname, "provider.ts"), path.join(dir, "index.js"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: ECHO_PACKAGE, main: "index.js" }));
  return dir;
}
