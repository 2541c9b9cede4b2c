// What the consumer suite shares: the tarball globalSetup packed, the supported versions
// (test/packageJson.ts), a Node.js of a given major, an environment for a user's project (that Node.js
// and its npm first on PATH, none of this repository's npm or jest settings), child processes with
// their time, npm installs into projects outside the repository, and the docs' mutability table.
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PACKAGE } from "../packageJson";
import { pageOf } from "../../scripts/generate-docs";

export const ROOT = path.resolve(__dirname, "../..");

export { PACKAGE, supportedPulumi } from "../packageJson";

/** A devDependency's version range, as package.json writes it. */
export function devRange(name: string): string {
  const range = PACKAGE.devDependencies[name];
  if (!range) throw new Error(`package.json has no devDependency ${name}`);
  return range;
}

/** The version of a devDependency that this repository's lockfile installs (and its tests use). */
export function lockedVersion(name: string): string {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string }>;
  };
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`package-lock.json does not install ${name}`);
  return version;
}

/** The tarball of this package that globalSetup packed for this run. */
export function tarball(): string {
  const file = process.env.CONSUMER_TARBALL;
  if (!file || !fs.existsSync(file))
    throw new Error(
      "no packed tarball: run the consumer suite through jest's consumer project (globalSetup packs it)",
    );
  return file;
}

export interface Toolchain {
  major: number;
  /** Directory with `node` (put first on PATH). */
  bin: string;
  version: string;
}

/** A Node.js of `major` from scripts/ensure-node.sh (installed into the cache when missing). */
export function nodeOf(major: number): Toolchain {
  const out = execFileSync("bash", [path.join(ROOT, "scripts/ensure-node.sh"), String(major)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const bin = out.trim().split("\n").at(-1)!;
  const version = execFileSync(path.join(bin, "node"), ["--version"], { encoding: "utf8" }).trim();
  if (version.split(".")[0] !== `v${major}`)
    throw new Error(`ensure-node.sh ${major} gave Node.js ${version}`);
  return { major, bin, version };
}

/** Fails loudly when the Pulumi CLI is missing; returns its directory. */
export function pulumiBin(): string {
  try {
    const pulumi = execFileSync("bash", ["-c", "command -v pulumi"], { encoding: "utf8" }).trim();
    execFileSync(pulumi, ["version"], { encoding: "utf8" });
    const dir = path.dirname(pulumi);
    if (!fs.existsSync(path.join(dir, "pulumi-language-yaml")) && !hasOnPath("pulumi-language-yaml"))
      throw new Error("pulumi-language-yaml is not next to pulumi or on PATH");
    if (!hasOnPath("pulumi-resource-pulumi-nodejs"))
      throw new Error("pulumi-resource-pulumi-nodejs is not on PATH");
    return dir;
  } catch (error) {
    throw new Error(
      `the Pulumi CLI is not ready (${error instanceof Error ? error.message : error}): run the consumer suite ` +
        "through `npm run test:consumer` (scripts/with-pulumi.sh)",
    );
  }
}

function hasOnPath(command: string): boolean {
  try {
    execFileSync("bash", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

// npm settings a user's shell would have; every other npm_* variable comes from the `npm test` that
// started jest (the repository's package, its lifecycle, its prefix) and is no business of a user's project.
const KEPT_NPM = new Set(["npm_config_cache", "npm_config_registry", "npm_config_userconfig"]);
const DROPPED = new Set(["NODE_OPTIONS", "NODE_PATH", "NODE_ENV", "NODE", "INIT_CWD", "JEST_WORKER_ID"]);

/** The environment of a user's shell with `node` of `toolchain` first on PATH and Pulumi kept local. */
export function userEnv(toolchain: Toolchain, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (DROPPED.has(key)) continue;
    if (/^npm_/i.test(key) && !KEPT_NPM.has(key.toLowerCase())) continue;
    env[key] = value;
  }
  return {
    ...env,
    PATH: `${toolchain.bin}${path.delimiter}${process.env.PATH ?? ""}`,
    // Native addons, if one had to build, build against this Node.js's own headers.
    npm_config_nodedir: path.dirname(toolchain.bin),
    npm_config_update_notifier: "false",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DIY_BACKEND_NO_LOCK_WARNING: "true",
    PULUMI_CONFIG_PASSPHRASE: "",
    ...extra,
  };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Runs a command to its end; never rejects (the exit code says how it went). */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Run> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const done = (code: number) =>
      resolve({ code, stdout, stderr, seconds: (performance.now() - start) / 1000 });
    child.on("error", (error) => {
      stderr += String(error);
      done(127);
    });
    child.on("close", (code) => done(code ?? 1));
  });
}

/** `run`, rejecting with the command's output when it exits non-zero. */
export async function succeeds(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Run> {
  const result = await run(command, args, options);
  if (result.code !== 0)
    throw new Error(
      `${command} ${args.join(" ")} (in ${options.cwd}) exited ${result.code}:\n${result.stdout}\n${result.stderr}`,
    );
  return result;
}

/** A new folder outside the repository. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Set CONSUMER_KEEP=1 to keep the projects for a look after a failure. */
export function removeDir(dir: string | undefined): void {
  if (dir && process.env.CONSUMER_KEEP !== "1") fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * `npm install` in `dir` with the project's package.json as it is: what a user runs. npm uses its
 * shared cache (npm_config_cache, else its default), offline where the cache has the package.
 */
export function npmInstall(
  dir: string,
  env: NodeJS.ProcessEnv,
  extraArgs: readonly string[] = [],
): Promise<Run> {
  return succeeds(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...extraArgs],
    {
      cwd: dir,
      env,
    },
  );
}

export interface PulumiCopy {
  /** Who depends on it, from the project down (`""` for the project itself). */
  dependent: string;
  version: string;
  path: string;
}

/** Every @pulumi/pulumi in `npm ls --all`, with where each one is on disk. */
export async function pulumiCopies(dir: string, env: NodeJS.ProcessEnv): Promise<PulumiCopy[]> {
  const ls = await succeeds("npm", ["ls", "@pulumi/pulumi", "--all", "--json", "--long"], { cwd: dir, env });
  interface Node {
    version?: string;
    path?: string;
    dependencies?: Record<string, Node>;
  }
  const copies: PulumiCopy[] = [];
  const walk = (node: Node, dependent: string) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (name === "@pulumi/pulumi")
        copies.push({ dependent, version: String(child.version), path: String(child.path) });
      walk(child, dependent ? `${dependent} > ${name}` : name);
    }
  };
  walk(JSON.parse(ls.stdout) as Node, "");
  return copies;
}

/** The folders under `dir`/node_modules holding a package.json of @pulumi/pulumi. */
export function pulumiOnDisk(dir: string): string[] {
  const found: string[] = [];
  const visit = (nodeModules: string) => {
    if (!fs.existsSync(nodeModules)) return;
    for (const entry of fs.readdirSync(nodeModules)) {
      const scoped = entry.startsWith("@");
      const names = scoped
        ? fs.readdirSync(path.join(nodeModules, entry)).map((n) => `${entry}/${n}`)
        : [entry];
      for (const name of names) {
        const packageDir = path.join(nodeModules, name);
        if (name === "@pulumi/pulumi" && fs.existsSync(path.join(packageDir, "package.json")))
          found.push(packageDir);
        visit(path.join(packageDir, "node_modules"));
      }
    }
  };
  visit(path.join(dir, "node_modules"));
  return found;
}

/** Runs at most `size` tasks at a time. */
export function pool(size: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    while (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** How many projects run at once (CONSUMER_CONCURRENCY; default 2, the machine's cores). */
export function concurrency(): number {
  const wanted = Number(process.env.CONSUMER_CONCURRENCY ?? 2);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : 2;
}

/** A line on the terminal as the suite goes (jest buffers console output until a file ends). */
export function report(line: string): void {
  process.stderr.write(`[consumer] ${line}\n`);
}

export interface DocumentedChange {
  behaviour: "update" | "replace";
  why: string;
}

/**
 * What the table "What updates in place and what replaces" (docs/resources.md) says about changing `argument` of
 * `resource`: the facts users read, which the preview must match.
 */
export function documentedChange(resource: string, argument: string): DocumentedChange {
  const page = fs.readFileSync(pageOf("mutability"), "utf8");
  const table = page.slice(
    page.indexOf("<!-- mutability:start -->"),
    page.indexOf("<!-- mutability:end -->"),
  );
  const section = table.split(/^### /m).find((s) => s.startsWith(`${resource}\n`));
  const row = section?.split("\n").find((line) => line.startsWith(`| \`${argument}\``));
  if (!row) throw new Error(`docs/resources.md's mutability table has no row for ${resource} ${argument}`);
  const [, , change = "", why = ""] = row.split("|").map((cell) => cell.trim());
  const behaviour = change.startsWith("**replace**")
    ? "replace"
    : change.startsWith("update in place")
      ? "update"
      : undefined;
  if (!behaviour) throw new Error(`unreadable change "${change}" for ${resource} ${argument}`);
  return { behaviour, why };
}

/** The ```yaml block of the README's "## Pulumi YAML" section: the program a reader copies. */
export function readmeYamlQuickstart(): string {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Pulumi YAML\n"));
  if (!section) throw new Error("README.md has no '## Pulumi YAML' section");
  const block = /^```yaml\n([\s\S]*?)^```$/m.exec(section);
  if (!block?.[1]) throw new Error("the README's Pulumi YAML section has no ```yaml block");
  return block[1];
}
