// The package as users install it, on every supported combination: Node.js 22 and 24 (ensure-node.sh),
// each with the oldest and the newest supported @pulumi/pulumi (the peer range's lower bound and the
// dev pin, read from package.json). Each cell is a project outside the repository that
// `npm install`s the tarball globalSetup packed, with @pulumi/azure-native (the dev version) beside it,
// using that Node.js and its npm. Tests inside this repository cannot see what a cell sees: a second,
// nested @pulumi/pulumi (an exact pin makes npm nest one, and the first resource then fails with
// "Request message serialization failure"), declarations that do not compile under a user's
// tsconfig, files missing from the tarball, a plugin or bin that only works from a checkout.
//
// A cell:
// 1. installs, and `npm ls` must show one @pulumi/pulumi, the project's;
// 2. compiles test/consumer/project/index.ts with the project's own tsc and the tsconfig of Pulumi's
//    TypeScript template (strict, declarations checked): the program builds our inputs from
//    azure-native's Args types and compute enums, so this proves azure-native's shapes fit ours;
// 3. runs it with the project's node: the Automation API (inline program, file backend) against the
//    embedded emulator: up; a preview with no changes; a gallery description changed in place; an
//    image definition's osType, which Azure cannot change, announced as a replacement (with the
//    provider's warning naming it) and applied; refresh; destroy. Expected behaviour comes from the
//    docs/resources.md's mutability table, the documented facts;
// 4. runs examples/yaml through the installed plugin (plugins.providers[].path into node_modules)
//    with the plain `pulumi` CLI: up, `preview --json` after an update and a replacement, destroy;
// 5. runs `npx compute-gallery review` on that preview JSON;
// 6. runs the README's YAML quickstart exactly as written, from a folder whose node_modules is the
//    cell's, so the plugin path the README gives is the one a user's project has: up, then destroy.
// Cells run two at a time (CONSUMER_CONCURRENCY); each prints its time per stage.
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import {
  concurrency,
  devRange,
  documentedChange,
  lockedVersion,
  nodeOf,
  npmInstall,
  pool,
  pulumiBin,
  pulumiCopies,
  pulumiOnDisk,
  readmeYamlQuickstart,
  removeDir,
  report,
  ROOT,
  run,
  succeeds,
  supportedPulumi,
  tarball,
  tempDir,
  userEnv,
  type PulumiCopy,
  type Run,
  type Toolchain,
} from "./harness";

jest.setTimeout(900_000);

const PROJECT = path.join(__dirname, "project");
const SEED = path.join(ROOT, "test/e2e/seed.json");
const SOURCE_ID = (JSON.parse(fs.readFileSync(SEED, "utf8")) as { sources: { id: string }[] }).sources[0]!.id;
const YAML_EXAMPLE = path.join(ROOT, "examples/yaml/Pulumi.yaml");
const YAML_SEED = path.join(ROOT, "program/emulator-seed.json");
const OURS = ["gallery", "image", "version"];

const { oldest, newest } = supportedPulumi();
const cells = [22, 24].flatMap((node) => [oldest, newest].map((pulumi) => ({ node, pulumi })));
type Cell = (typeof cells)[number];
const label = (cell: Cell) => `node ${cell.node} + @pulumi/pulumi ${cell.pulumi}`;

/** What the program (test/consumer/project/index.ts) wrote, step by step. */
interface StepRecord {
  ops: Record<string, string[]>;
  keys: Record<string, string[]>;
  warnings: { resource: string; message: string }[];
  errors: string[];
  changes?: Record<string, number>;
  outputs?: Record<string, unknown>;
}
interface ProgramResult {
  node: string;
  pulumi: string;
  pulumiFrom: string;
  packageFrom: string;
  types?: string[];
  error?: string;
  [step: string]: unknown;
}

interface YamlResult {
  upState: { type: string; urn: string }[];
  preview: {
    steps: { op: string; urn: string; detailedDiff?: Record<string, { kind: string }> }[];
    diagnostics?: { message: string; urn?: string }[];
  };
  previewFile: string;
  destroyState: unknown[];
}

interface ReadmeYamlResult {
  /** The resources the README's program declares: name and type token. */
  declared: { name: string; type: string }[];
  upState: { type: string; urn: string }[];
  destroyState: { type: string }[];
}

interface CellResult {
  dir: string;
  toolchain?: Toolchain;
  /** Per stage: seconds taken, and the error that ended it. */
  stages: Record<string, { seconds: number; error?: string }>;
  copies?: PulumiCopy[];
  onDisk?: string[];
  tsc?: Run;
  program?: ProgramResult;
  yaml?: YamlResult;
  review?: Run;
  readmeYaml?: ReadmeYamlResult;
}

async function stage<T>(result: CellResult, name: string, fn: () => Promise<T>): Promise<T | undefined> {
  const start = performance.now();
  try {
    return await fn();
  } catch (error) {
    result.stages[name] = { seconds: 0, error: error instanceof Error ? error.message : String(error) };
    return undefined;
  } finally {
    result.stages[name] = { ...result.stages[name], seconds: (performance.now() - start) / 1000 };
  }
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`examples/yaml/Pulumi.yaml no longer contains ${from}`);
  return text.replace(from, to);
}

/** The two edits of the YAML run: a definition's description (update), a region's storage type (replace). */
const YAML_EDITS: [string, string][] = [
  ["Ubuntu 22.04 LTS, CIS level 1", "Ubuntu 22.04 LTS, CIS level 2"],
  [
    "{ name: eastus, regionalReplicaCount: 1, storageAccountType: Premium_LRS }",
    "{ name: eastus, regionalReplicaCount: 1, storageAccountType: Standard_LRS }",
  ],
];

async function runYaml(dir: string, env: NodeJS.ProcessEnv): Promise<YamlResult> {
  const yamlDir = path.join(dir, "yaml");
  fs.mkdirSync(yamlDir);
  fs.copyFileSync(YAML_SEED, path.join(yamlDir, "emulator-seed.json"));
  // What the README tells a user outside this repository: point the plugin path at the installed
  // package's bin folder.
  const program = replaceOnce(
    replaceOnce(
      fs.readFileSync(YAML_EXAMPLE, "utf8"),
      "path: ../../bin",
      "path: ../node_modules/pulumi-azure-compute-gallery/bin",
    ),
    "value: ../../program/emulator-seed.json",
    "value: emulator-seed.json",
  );
  fs.writeFileSync(path.join(yamlDir, "Pulumi.yaml"), program);
  const pulumi = pulumiIn(yamlDir, path.join(dir, "yaml-state"), env);
  await pulumi("stack", "init", "consumer");
  await pulumi("config", "set", "compute-gallery:replicationSpeed", "1000");
  await pulumi("up", "--yes");
  const upState = await ourResources(pulumi);
  fs.writeFileSync(
    path.join(yamlDir, "Pulumi.yaml"),
    YAML_EDITS.reduce((text, [from, to]) => replaceOnce(text, from, to), program),
  );
  const previewRun = await pulumi("preview", "--json");
  const previewFile = path.join(dir, "preview.json");
  fs.writeFileSync(previewFile, previewRun.stdout);
  await pulumi("destroy", "--yes");
  return {
    upState,
    preview: JSON.parse(previewRun.stdout) as YamlResult["preview"],
    previewFile,
    destroyState: await ourResources(pulumi),
  };
}

/** `pulumi` with the cell's toolchain in `cwd`, its state in a file backend of its own. */
function pulumiIn(cwd: string, backend: string, env: NodeJS.ProcessEnv) {
  fs.mkdirSync(backend);
  const projectEnv = { ...env, PULUMI_BACKEND_URL: `file://${backend}` };
  return (...args: string[]) =>
    succeeds("pulumi", [...args, "--non-interactive", "--color", "never"], { cwd, env: projectEnv });
}

async function ourResources(pulumi: (...args: string[]) => Promise<Run>) {
  const state = JSON.parse((await pulumi("stack", "export")).stdout) as {
    deployment: { resources?: { type: string; urn: string }[] };
  };
  return (state.deployment.resources ?? []).filter((r) => r.type.startsWith("compute-gallery:index:"));
}

async function runReadmeYaml(dir: string, env: NodeJS.ProcessEnv): Promise<ReadmeYamlResult> {
  const program = readmeYamlQuickstart();
  const projectDir = path.join(dir, "readme-yaml");
  fs.mkdirSync(projectDir);
  fs.symlinkSync(path.join(dir, "node_modules"), path.join(projectDir, "node_modules"));
  fs.writeFileSync(path.join(projectDir, "Pulumi.yaml"), program);
  const declared = Object.entries(
    (yaml.load(program) as { resources: Record<string, { type: string }> }).resources,
  ).map(([name, resource]) => ({ name, type: resource.type }));
  const pulumi = pulumiIn(projectDir, path.join(dir, "readme-yaml-state"), env);
  await pulumi("stack", "init", "quickstart");
  await pulumi("up", "--yes");
  const upState = await ourResources(pulumi);
  await pulumi("destroy", "--yes");
  return { declared, upState, destroyState: await ourResources(pulumi) };
}

async function runCell(cell: Cell, toolchain: Toolchain): Promise<CellResult> {
  const dir = tempDir(`cg-consumer-node${cell.node}-pulumi${cell.pulumi}-`);
  const result: CellResult = { dir, toolchain, stages: {} };
  const env = userEnv(toolchain);
  const started = performance.now();
  const installed = await stage(result, "install", async () => {
    fs.writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify(
        {
          name: "consumer-cell",
          version: "1.0.0",
          private: true,
          main: "bin/index.js",
          dependencies: {
            "pulumi-azure-compute-gallery": `file:${tarball()}`,
            "@pulumi/pulumi": cell.pulumi,
            "@pulumi/azure-native": lockedVersion("@pulumi/azure-native"),
          },
          devDependencies: {
            typescript: devRange("typescript"),
            "@types/node": `^${cell.node}`,
          },
        },
        null,
        2,
      ),
    );
    await npmInstall(dir, env);
    result.copies = await pulumiCopies(dir, env);
    result.onDisk = pulumiOnDisk(dir);
    return true;
  });
  if (installed) {
    const compiled = await stage(result, "tsc", async () => {
      for (const file of ["index.ts", "tsconfig.json"])
        fs.copyFileSync(path.join(PROJECT, file), path.join(dir, file));
      result.tsc = await run(path.join(dir, "node_modules/.bin/tsc"), ["--project", "tsconfig.json"], {
        cwd: dir,
        env,
      });
      return result.tsc.code === 0;
    });
    if (compiled) {
      await stage(result, "program", async () => {
        const backend = path.join(dir, "ts-state");
        fs.mkdirSync(backend);
        const resultFile = path.join(dir, "result.json");
        const seed = path.join(dir, "emulator-seed.json");
        fs.copyFileSync(SEED, seed);
        const programRun = await run("node", ["bin/index.js"], {
          cwd: dir,
          env: {
            ...env,
            RESULT_FILE: resultFile,
            BACKEND_URL: `file://${backend}`,
            SEED_FILE: seed,
            SOURCE_ID,
          },
        });
        if (!fs.existsSync(resultFile))
          throw new Error(
            `the program wrote no result (exit ${programRun.code}):\n${programRun.stdout}\n${programRun.stderr}`,
          );
        result.program = JSON.parse(fs.readFileSync(resultFile, "utf8")) as ProgramResult;
        if (result.program.error) result.program.error += `\n${programRun.stderr}`;
      });
    }
    const yaml = await stage(result, "yaml", async () => (result.yaml = await runYaml(dir, env)));
    if (yaml) {
      await stage(result, "review", async () => {
        result.review = await run("npx", ["--no", "compute-gallery", "review", yaml.previewFile], {
          cwd: dir,
          env,
        });
      });
    }
    await stage(result, "readmeYaml", async () => (result.readmeYaml = await runReadmeYaml(dir, env)));
  }
  const times = Object.entries(result.stages)
    .map(([name, { seconds, error }]) => `${name} ${seconds.toFixed(1)} s${error ? " (failed)" : ""}`)
    .join(", ");
  report(
    `${label(cell)} (${toolchain.version}): ${times}; cell ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return result;
}

const results = new Map<Cell, Promise<CellResult>>();
let suiteStart = 0;

beforeAll(() => {
  pulumiBin();
  tarball();
  const toolchains = new Map([22, 24].map((major) => [major, nodeOf(major)]));
  const slot = pool(concurrency());
  suiteStart = performance.now();
  for (const cell of cells) {
    const promise = slot(() => runCell(cell, toolchains.get(cell.node)!));
    promise.catch(() => undefined); // awaited by the cell's own tests
    results.set(cell, promise);
  }
});

afterAll(async () => {
  const settled = await Promise.allSettled(results.values());
  report(`matrix of ${cells.length} cells in ${((performance.now() - suiteStart) / 1000).toFixed(1)} s`);
  for (const outcome of settled) if (outcome.status === "fulfilled") removeDir(outcome.value.dir);
});

/** The stage's outcome, failing with its error when it failed. */
function passed(result: CellResult, name: string): void {
  const outcome = result.stages[name];
  if (!outcome)
    throw new Error(`stage ${name} did not run (an earlier stage failed: ${JSON.stringify(result.stages)})`);
  if (outcome.error) throw new Error(`stage ${name} failed:\n${outcome.error}`);
}

/** What the program recorded for a step, failing with the program's error when it stopped before it. */
function step<T = StepRecord>(result: CellResult, name: string): T {
  passed(result, "program");
  const record = result.program![name] as T | undefined;
  if (!record)
    throw new Error(`the program stopped before ${name}:\n${result.program!.error ?? "(no error recorded)"}`);
  return record;
}

/** Our three resources' operations in a step. */
function ours(record: StepRecord): Record<string, string[]> {
  return Object.fromEntries(OURS.map((name) => [name, record.ops[name] ?? []]));
}

const nameOf = (urn: string) => urn.split("::").pop() ?? urn;
const sortByName = <T extends { name: string }>(items: T[]) =>
  [...items].sort((a, b) => a.name.localeCompare(b.name));

describe.each(cells)("node $node, @pulumi/pulumi $pulumi", (cell) => {
  let result: CellResult;
  beforeAll(async () => {
    result = await results.get(cell)!;
  });

  test("npm installs the tarball with one @pulumi/pulumi, the project's", () => {
    passed(result, "install");
    const own = path.join(result.dir, "node_modules/@pulumi/pulumi");
    expect(result.onDisk).toEqual([own]);
    // npm ls lists it under each dependent (the project, this package, azure-native): one path.
    expect(new Set(result.copies!.map((copy) => copy.path))).toEqual(new Set([own]));
    expect(new Set(result.copies!.map((copy) => copy.version))).toEqual(new Set([cell.pulumi]));
    expect(result.copies!.map((copy) => copy.dependent)).toEqual(
      expect.arrayContaining(["", "pulumi-azure-compute-gallery", "@pulumi/azure-native"]),
    );
  });

  test("the project's tsc (strict, declarations checked) compiles the program built from azure-native's types", () => {
    passed(result, "tsc");
    expect({ code: result.tsc!.code, output: result.tsc!.stdout + result.tsc!.stderr }).toEqual({
      code: 0,
      output: "",
    });
  });

  test("the program runs on the project's node, @pulumi/pulumi and package", () => {
    passed(result, "program");
    const program = result.program!;
    expect(program.node).toBe(result.toolchain!.version);
    expect(program.pulumi).toBe(cell.pulumi);
    expect(program.pulumiFrom).toBe(path.join(result.dir, "node_modules/@pulumi/pulumi"));
    expect(program.packageFrom).toBe(path.join(result.dir, "node_modules/pulumi-azure-compute-gallery"));
  });

  test("up creates the gallery, the image definition and the version in the emulator", () => {
    const up = step(result, "up");
    expect(up.errors).toEqual([]);
    expect(up.changes).toEqual({ create: 4 });
    expect(ours(up)).toEqual({ gallery: ["create"], image: ["create"], version: ["create"] });
    expect(result.program!.types).toEqual(
      expect.arrayContaining(
        ["Gallery", "GalleryImage", "GalleryImageVersion"].map(
          (kind) => `pulumi-nodejs:dynamic/compute-gallery:${kind}`,
        ),
      ),
    );
    expect(up.outputs).toMatchObject({
      galleryDescription: "Golden images",
      imageOsType: "Linux",
      versionName: "1.0.0",
    });
  });

  test("a preview right after up changes nothing", () => {
    const preview = step(result, "previewUnchanged");
    expect(preview.changes).toEqual({ same: 4 });
    expect(preview.warnings).toEqual([]);
  });

  test("a gallery's description changes in place: preview says update, up applies it", () => {
    // The documented fact this step checks.
    expect(documentedChange("Gallery", "description").behaviour).toBe("update");
    const preview = step(result, "previewUpdate");
    expect(ours(preview)).toEqual({ gallery: ["update"], image: ["same"], version: ["same"] });
    expect(preview.warnings).toEqual([]);
    const up = step(result, "upUpdate");
    expect(up.changes).toEqual({ update: 1, same: 3 });
    expect(up.outputs).toMatchObject({ galleryDescription: "Golden images, hardened" });
  });

  test("osType cannot change in place: preview announces the replacement and why, up applies it", () => {
    const documented = documentedChange("GalleryImage", "osType");
    expect(documented.behaviour).toBe("replace");
    const preview = step(result, "previewReplace");
    const ops = ours(preview);
    expect(ops.gallery).toEqual(["same"]);
    // Azure names are fixed, so the old definition goes before the new one comes; its version lives
    // inside it (its id has the definition's) and is replaced with it.
    for (const name of ["image", "version"]) {
      expect(ops[name]).toContain("replace");
      expect(ops[name]!.indexOf("delete-replaced")).toBeGreaterThanOrEqual(0);
      expect(ops[name]!.indexOf("delete-replaced")).toBeLessThan(ops[name]!.indexOf("create-replacement"));
    }
    // The engine's reason for replacing the definition is that property.
    expect(preview.keys.image).toEqual(["osType"]);
    const imageWarnings = preview.warnings.filter((w) => w.resource === "image").map((w) => w.message);
    const named = imageWarnings.find((message) => message.includes("osType"));
    expect(named).toBeDefined();
    expect(named).toContain('"Linux" -> "Windows"');
    expect(named).toContain(documented.why);
    expect(preview.warnings.some((w) => w.resource === "version")).toBe(true);
    const up = step(result, "upReplace");
    expect(up.changes).toEqual({ replace: 2, same: 2 });
    expect(up.outputs).toMatchObject({
      imageOsType: "Windows",
      galleryDescription: "Golden images, hardened",
    });
  });

  test("refresh finds Azure as the program left it, and a preview after it changes nothing", () => {
    expect(step<{ changes: Record<string, number> }>(result, "refresh").changes).toEqual({ same: 4 });
    expect(step(result, "previewAfterRefresh").changes).toEqual({ same: 4 });
  });

  test("destroy deletes everything", () => {
    const destroy = step<{ changes: Record<string, number>; left: number }>(result, "destroy");
    expect(destroy).toEqual({ changes: { delete: 4 }, left: 0 });
    expect(result.program!.error).toBeUndefined();
  });

  test("examples/yaml through the installed plugin: up, preview --json of an update and a replacement, destroy", () => {
    passed(result, "yaml");
    const yaml = result.yaml!;
    const created = yaml.upState
      .filter((r) => r.type.startsWith("compute-gallery:index:"))
      .map((r) => nameOf(r.urn));
    expect(created.sort()).toEqual([
      "consumers-read",
      "golden",
      "ubuntu-2204",
      "ubuntu-canary",
      "ubuntu-stable",
      "windows-2022",
      "windows-stable",
    ]);
    expect(documentedChange("GalleryImage", "description").behaviour).toBe("update");
    const storage = documentedChange(
      "GalleryImageVersion",
      "publishingProfile.targetRegions[].storageAccountType",
    );
    expect(storage.behaviour).toBe("replace");
    const steps = Object.fromEntries(yaml.preview.steps.map((s) => [nameOf(s.urn), s]));
    expect(steps["ubuntu-2204"]).toMatchObject({
      op: "update",
      detailedDiff: { description: { kind: "update" } },
    });
    expect(steps["ubuntu-stable"]).toMatchObject({
      op: "replace",
      detailedDiff: { "publishingProfile.targetRegions[2].storageAccountType": { kind: "update-replace" } },
    });
    const changing = yaml.preview.steps.filter((s) => s.op !== "same").map((s) => nameOf(s.urn));
    expect(changing.sort()).toEqual(["ubuntu-2204", "ubuntu-stable"]);
    const reasons = (yaml.preview.diagnostics ?? []).filter(
      (d) => d.urn && nameOf(d.urn) === "ubuntu-stable",
    );
    expect(reasons.map((d) => d.message).join("\n")).toContain(storage.why);
    expect(yaml.destroyState.filter((r: any) => String(r.type).startsWith("compute-gallery:index:"))).toEqual(
      [],
    );
  });

  test("the README's YAML quickstart, as written, creates what it declares and destroys it", () => {
    passed(result, "readmeYaml");
    const { declared, upState, destroyState } = result.readmeYaml!;
    expect(declared.length).toBeGreaterThan(0);
    const created = upState.map((r) => ({ name: nameOf(r.urn), type: r.type }));
    expect(sortByName(created)).toEqual(sortByName(declared));
    expect(destroyState).toEqual([]);
  });

  test("npx compute-gallery review renders the preview JSON: the resources and their update and replace", () => {
    passed(result, "review");
    const review = result.review!;
    expect({ code: review.code, stderr: review.stderr }).toMatchObject({ code: 0 });
    const markdown = review.stdout;
    expect(markdown).toMatch(/^## Compute Gallery review/);
    expect(markdown).toMatch(
      /\| `ubuntu-2204` \| GalleryImage rg-golden-images\/corpGoldenImages\/ubuntu-2204-gen2 \| \*\*update\*\* \|/,
    );
    expect(markdown).toMatch(
      /\| `ubuntu-stable` \| GalleryImageVersion rg-golden-images\/corpGoldenImages\/ubuntu-2204-gen2\/1\.0\.0 \| \*\*replace\*\* \|/,
    );
    expect(markdown).toContain("`publishingProfile.targetRegions[2].storageAccountType` changes");
    // Unchanged resources are not listed as changes.
    expect(markdown).not.toMatch(/\| `golden` \|/);
  });
});
