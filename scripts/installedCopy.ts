// Lays this package out as `npm install` would: a copy of what package.json's "files" publishes,
// under <node_modules>/pulumi-azure-compute-gallery. The benchmark and the installed-package test
// use it to measure and check what users get, which differs from running inside this repository:
// Pulumi stores an installed package's providers in state as a require of their module.
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  name: string;
  files: string[];
};

/** The paths a "files" entry publishes: the entry itself, or for `<dir>/*<suffix>` the files of dir with that suffix. */
function publishedPaths(entry: string): string[] {
  const pattern = /^(.+)\/\*([^/*]*)$/.exec(entry);
  if (!pattern) return [entry];
  const [dir, suffix] = [pattern[1]!, pattern[2]!];
  return fs
    .readdirSync(path.join(ROOT, dir))
    .filter((name) => name.endsWith(suffix))
    .map((name) => path.join(dir, name));
}

/** Copies the built package (run `npm run build` first) into nodeModules; returns its folder. */
export function copyPackageInto(nodeModules: string): string {
  if (!fs.existsSync(path.join(ROOT, "dist", "provider", "index.js")))
    throw new Error("dist/ is missing: run `npm run build` before copying the package");
  const target = path.join(nodeModules, PACKAGE.name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const entry of ["package.json", ...PACKAGE.files].flatMap(publishedPaths)) {
    fs.cpSync(path.join(ROOT, entry), path.join(target, entry), { recursive: true });
  }
  return target;
}

/**
 * A project folder whose node_modules holds the package copy and links to this repository's
 * dependencies, for a child `node --preserve-symlinks` (so the links resolve as installed
 * packages, each loaded once).
 */
export function installedProject(projectDir: string): string {
  const nodeModules = path.join(projectDir, "node_modules");
  fs.mkdirSync(nodeModules, { recursive: true });
  for (const entry of fs.readdirSync(path.join(ROOT, "node_modules"))) {
    if (entry === PACKAGE.name) continue;
    fs.symlinkSync(path.join(ROOT, "node_modules", entry), path.join(nodeModules, entry));
  }
  return copyPackageInto(nodeModules);
}
