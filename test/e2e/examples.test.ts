// Every project in examples/ runs `up` and `destroy` against the embedded
// emulator, as a user would run it from its folder.
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import * as acg from "../../provider";
import { E2EStack, requirePulumiCli } from "./harness";

jest.setTimeout(600_000);

const examplesDir = path.resolve(__dirname, "../../examples");
const examples = fs
  .readdirSync(examplesDir)
  .filter((name) => fs.existsSync(path.join(examplesDir, name, "Pulumi.yaml")))
  // The YAML example runs through the plugin with the pulumi executable: yamlPlugin.test.ts.
  .filter((name) => fs.existsSync(path.join(examplesDir, name, "index.ts")))
  .sort();

/**
 * Runs the example's index.ts afresh for each update, inside the running
 * Pulumi program. Its imports resolve to the modules this test already loaded
 * (one @pulumi/pulumi instance, and this package's source for its own name).
 */
function programOf(dir: string) {
  const file = path.join(dir, "index.ts");
  const code = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  }).outputText;
  const load = (name: string) => (name === "pulumi-azure-compute-gallery" ? acg : require(name));
  return async () => {
    const module = { exports: {} as Record<string, unknown> };
    new Function("require", "module", "exports", code)(load, module, module.exports);
    return module.exports;
  };
}

beforeAll(() => {
  requirePulumiCli();
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

test.each(examples)("examples/%s runs up and destroy", async (name) => {
  const dir = path.join(examplesDir, name);
  const example = await E2EStack.create(
    name,
    programOf(dir),
    { "compute-gallery:replicationSpeed": "1000" },
    dir,
  );
  const { stack } = example;
  try {
    const up = await stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.resourceChanges?.create).toBeGreaterThanOrEqual(4);

    if (name === "promote-version") {
      await stack.setConfig("promote", { value: "true" });
      const promoted = await stack.up();
      // Promotion is an in-place update of exactly one version.
      expect(promoted.summary.resourceChanges).toMatchObject({ update: 1 });
      expect(promoted.outputs.latest?.value).toBe("1.1.0");
    }

    if (name === "gallery-access") {
      // The sharing matrix, written by hand: the group reaches the whole gallery, the service
      // principal its one definition (which has no versions), never the gallery.
      const base =
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-access/providers/Microsoft.Compute/galleries/accessGallery";
      expect(up.outputs.access?.value).toEqual({
        consumer: {
          galleries: [base],
          definitions: [`${base}/images/ubuntu-22`, `${base}/images/build-tools`],
          versions: [`${base}/images/ubuntu-22/versions/1.0.0`],
        },
        buildAgent: { galleries: [], definitions: [`${base}/images/build-tools`], versions: [] },
      });
    }

    const destroyed = await stack.destroy();
    expect(destroyed.summary.result).toBe("succeeded");
  } finally {
    await example.dispose();
  }
});
