// Every TypeScript project in examples/ as a user has it: copied out of the repository into a temp
// folder (with the seed file its Pulumi.yaml names, one folder up), its package.json as written, the
// package installed from the tarball globalSetup packed (`npm install <tarball>`, what a user's
// `npm install pulumi-azure-compute-gallery` gives), compiled by the project's own tsc with the
// tsconfig of Pulumi's TypeScript template, and run from that installed copy (test/consumer/runExample.js:
// the project's Automation API, its compiled index.js as the program) against the embedded emulator:
// up, then destroy. Examples run two at a time on Node.js 24; each prints its time.
// examples/yaml runs in every cell of matrix.test.ts.
import * as fs from "fs";
import * as path from "path";
import { satisfies } from "../../provider/pulumiVersion";
import {
  concurrency,
  nodeOf,
  npmInstall,
  PACKAGE,
  pool,
  pulumiBin,
  pulumiCopies,
  removeDir,
  report,
  ROOT,
  run,
  supportedPulumi,
  tarball,
  tempDir,
  userEnv,
  type Toolchain,
} from "./harness";

jest.setTimeout(900_000);

const EXAMPLES = path.join(ROOT, "examples");
const examples = fs
  .readdirSync(EXAMPLES)
  .filter((name) => fs.existsSync(path.join(EXAMPLES, name, "Pulumi.yaml")))
  // The YAML example runs through the plugin with the pulumi executable: matrix.test.ts.
  .filter((name) => fs.existsSync(path.join(EXAMPLES, name, "index.ts")))
  .sort();

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const manifestOf = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(EXAMPLES, name, "package.json"), "utf8")) as Manifest;

interface StepResult {
  op: "up" | "destroy";
  summary: { result: string; resourceChanges?: Record<string, number> };
  outputs: Record<string, any>;
  providers: string[];
}
interface ExampleRun {
  dir: string;
  /** Whether node_modules holds a link to the package instead of an installed copy. */
  linked: boolean;
  pulumi: { version: string; path: string }[];
  tsc: { code: number; output: string };
  results: StepResult[];
  /** Why npm install failed. */
  installError?: string;
  /** Why the runner stopped. */
  error?: string;
}

/** The steps each example runs: up and destroy, and what an example's own story adds between them. */
const PLANS: Record<string, object[]> = {
  "promote-version": [{ up: true }, { config: { promote: "true" } }, { up: true }, { destroy: true }],
};
const plan = (name: string) => [
  { config: { "compute-gallery:replicationSpeed": "1000" } },
  ...(PLANS[name] ?? [{ up: true }, { destroy: true }]),
];

async function runExample(name: string, toolchain: Toolchain): Promise<ExampleRun> {
  const started = performance.now();
  const env = userEnv(toolchain);
  const parent = tempDir(`cg-example-${name}-`);
  const dir = path.join(parent, name);
  const times: string[] = [];
  const timed = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      times.push(`${what} ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
  };
  try {
    fs.cpSync(path.join(EXAMPLES, name), dir, {
      recursive: true,
      filter: (src) => !src.includes("node_modules"),
    });
    // Pulumi.yaml names ../emulator-seed.json, as in the repository.
    fs.copyFileSync(path.join(EXAMPLES, "emulator-seed.json"), path.join(parent, "emulator-seed.json"));
    fs.copyFileSync(path.join(__dirname, "project/tsconfig.json"), path.join(dir, "tsconfig.json"));
    fs.copyFileSync(path.join(__dirname, "runExample.js"), path.join(dir, "runExample.js"));
    const installed = await timed("install", async () => {
      await npmInstall(dir, env, [tarball()]);
      return pulumiCopies(dir, env);
    }).catch((error: unknown) => String(error));
    if (typeof installed === "string")
      return {
        dir: parent,
        linked: false,
        pulumi: [],
        tsc: { code: -1, output: "" },
        results: [],
        installError: installed,
      };
    const pulumi = installed;
    const tsc = await timed("tsc", () =>
      run(path.join(dir, "node_modules/.bin/tsc"), ["--project", "tsconfig.json"], { cwd: dir, env }),
    );
    const example: ExampleRun = {
      dir: parent,
      linked: fs.lstatSync(path.join(dir, "node_modules", PACKAGE.name)).isSymbolicLink(),
      pulumi,
      tsc: { code: tsc.code, output: tsc.stdout + tsc.stderr },
      results: [],
    };
    if (tsc.code !== 0) return example;
    const backend = path.join(parent, "state");
    fs.mkdirSync(backend);
    const resultFile = path.join(parent, "result.json");
    const runner = await timed("up/destroy", () =>
      run("node", ["runExample.js"], {
        cwd: dir,
        env: {
          ...env,
          BACKEND_URL: `file://${backend}`,
          PLAN: JSON.stringify(plan(name)),
          RESULT_FILE: resultFile,
        },
      }),
    );
    if (!fs.existsSync(resultFile))
      return {
        ...example,
        error: `the runner wrote no result (exit ${runner.code}):\n${runner.stdout}\n${runner.stderr}`,
      };
    const written = JSON.parse(fs.readFileSync(resultFile, "utf8")) as {
      results: StepResult[];
      error?: string;
    };
    return {
      ...example,
      results: written.results,
      ...(written.error ? { error: `${written.error}\n${runner.stderr}` } : {}),
    };
  } finally {
    report(`examples/${name}: ${times.join(", ")}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

const runs = new Map<string, Promise<ExampleRun>>();

beforeAll(() => {
  pulumiBin();
  tarball();
  const toolchain = nodeOf(24);
  const slot = pool(concurrency());
  for (const name of examples) {
    const promise = slot(() => runExample(name, toolchain));
    promise.catch(() => undefined); // awaited by the example's test
    runs.set(name, promise);
  }
});

afterAll(async () => {
  for (const outcome of await Promise.allSettled(runs.values()))
    if (outcome.status === "fulfilled") removeDir(outcome.value.dir);
});

test("examples/ holds the six documented TypeScript examples", () => {
  expect(examples).toEqual([
    "copy-from-gallery",
    "gallery-access",
    "multi-region-zrs",
    "promote-version",
    "quickstart",
    "retire-versions",
  ]);
});

test.each(examples)(
  "examples/%s depends on the package and @pulumi/pulumi as a user's project does",
  (name) => {
    const { dependencies = {}, devDependencies = {} } = manifestOf(name);
    // What `npm install pulumi-azure-compute-gallery` writes for this version.
    expect(dependencies[PACKAGE.name]).toBe(`^${PACKAGE.version}`);
    // A caret range from a supported version: every version it allows below 4 is supported.
    const { range } = supportedPulumi();
    const from = /^\^(\d+\.\d+\.\d+)$/.exec(dependencies["@pulumi/pulumi"] ?? "")?.[1];
    expect(from && satisfies(from, range)).toBe(true);
    // Pulumi's TypeScript runtime compiles index.ts with the project's typescript.
    expect(Object.keys(devDependencies).sort()).toEqual(["@types/node", "typescript"]);
  },
);

test.each(examples)(
  "examples/%s, installed from the tarball, compiles and runs up and destroy",
  async (name) => {
    const example = await runs.get(name)!;
    if (example.installError) throw new Error(example.installError);
    // Installed, not linked back into the repository (as `file:../..` did).
    expect(example.linked).toBe(false);
    // One @pulumi/pulumi, the project's, of a supported version.
    const own = path.join(example.dir, name, "node_modules/@pulumi/pulumi");
    expect(new Set(example.pulumi.map((copy) => copy.path))).toEqual(new Set([own]));
    expect(satisfies(example.pulumi[0]!.version, supportedPulumi().range)).toBe(true);
    expect(example.tsc).toEqual({ code: 0, output: "" });
    if (example.error) throw new Error(example.error);
    const [up, ...rest] = example.results;
    expect(up?.op).toBe("up");
    expect(up!.summary.result).toBe("succeeded");
    expect(up!.summary.resourceChanges?.create).toBeGreaterThanOrEqual(4);
    // Installed, each resource's provider is stored as a require of the package's module for its kind
    // (a checkout stores the provider's code instead).
    expect(up!.providers.length).toBeGreaterThan(0);
    for (const module of up!.providers)
      expect(module).toMatch(/^pulumi-azure-compute-gallery\/dynamic\/\w+$/);

    if (name === "promote-version") {
      const promoted = rest.shift()!;
      expect(promoted.op).toBe("up");
      // Promotion is an in-place update of exactly one version.
      expect(promoted.summary.resourceChanges).toMatchObject({ update: 1 });
      expect(promoted.outputs.latest).toBe("1.1.0");
    }

    if (name === "gallery-access") {
      // The sharing matrix, written by hand: the group reaches the whole gallery, the service
      // principal its one definition (which has no versions), never the gallery.
      const base =
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-access/providers/Microsoft.Compute/galleries/accessGallery";
      expect(up!.outputs.access).toEqual({
        consumer: {
          galleries: [base],
          definitions: [`${base}/images/ubuntu-22`, `${base}/images/build-tools`],
          versions: [`${base}/images/ubuntu-22/versions/1.0.0`],
        },
        buildAgent: { galleries: [], definitions: [`${base}/images/build-tools`], versions: [] },
      });
    }

    const [destroyed] = rest;
    expect(destroyed?.op).toBe("destroy");
    expect(destroyed!.summary.result).toBe("succeeded");
    expect(destroyed!.summary.resourceChanges?.delete).toBe(up!.summary.resourceChanges?.create);
  },
);
