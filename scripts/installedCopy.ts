// Lays this package out as `npm install` would: a copy of the files `npm pack` publishes,
// under <node_modules>/pulumi-azure-compute-gallery. The benchmark and the installed-package test
// use it to measure and check what users get, which differs from running inside this repository:
// Pulumi stores an installed package's providers in state as a require of their module.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string };

/** The files `npm pack` would publish, as npm itself lists them (its own reading of "files"). */
function publishedFiles(): string[] {
  const listing = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [packed] = JSON.parse(listing) as { files: { path: string }[] }[];
  return packed!.files.map((file) => file.path);
}

/** Copies the built package (run `npm run build` first) into nodeModules; returns its folder. */
export function copyPackageInto(nodeModules: string): string {
  if (!fs.existsSync(path.join(ROOT, "dist", "provider", "index.js")))
    throw new Error("dist/ is missing: run `npm run build` before copying the package");
  const target = path.join(nodeModules, PACKAGE.name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const file of publishedFiles()) {
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(target, file));
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
