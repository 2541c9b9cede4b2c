// Two stacks of one project running `pulumi up` at the same time share the project's embedded
// emulator state (`.compute-gallery/`): each run's plugin starts its own emulator on that one
// database. Both runs succeed with resources of their own names; with the same names, one stack
// gets the gallery and the other fails clearly instead of taking it over. The real `pulumi`
// executable with a YAML program through the plugin (needs `npm run build`).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { requirePulumiCli } from "./harness";
import { pulumiCli, requirePluginBuild, ROOT, SEED } from "./pulumiCli";
const SOURCE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-image-builds/providers/Microsoft.Compute/images/ubuntu-2204-build-1042";

jest.setTimeout(240_000);

let workDir: string;
let backendDir: string;

const cli = pulumiCli(
  () => workDir,
  () => backendDir,
);
const pulumi = (stack: string, ...args: string[]) => cli.run(...args, "--stack", stack);
const succeeds = (stack: string, ...args: string[]) => cli.succeeds(...args, "--stack", stack);

const PROGRAM = `name: shared
runtime: yaml
plugins:
  providers:
    - name: compute-gallery
      path: ${path.join(ROOT, "bin")}
config:
  galleryName: { type: string }
resources:
  golden:
    type: compute-gallery:index:Gallery
    properties:
      resourceGroupName: rg-shared
      galleryName: \${galleryName}
      location: westeurope
  app:
    type: compute-gallery:index:GalleryImage
    properties:
      resourceGroupName: rg-shared
      galleryName: \${golden.galleryName}
      galleryImageName: app
      location: westeurope
      osType: Linux
      osState: Generalized
      identifier: { publisher: Contoso, offer: App, sku: Linux }
  v1:
    type: compute-gallery:index:GalleryImageVersion
    properties:
      resourceGroupName: rg-shared
      galleryName: \${golden.galleryName}
      galleryImageName: \${app.galleryImageName}
      galleryImageVersionName: 1.0.0
      location: westeurope
      storageProfile: { source: { id: ${SOURCE} } }
      publishingProfile: { targetRegions: [{ name: westeurope }, { name: northeurope }] }
outputs:
  galleryId: \${golden.id}
`;

beforeAll(async () => {
  requirePulumiCli();
  requirePluginBuild();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "two-stacks-"));
  backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "two-stacks-state-"));
  fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), PROGRAM);
  for (const stack of ["dev", "prod", "staging", "qa"]) {
    await succeeds(stack, "stack", "init");
    await succeeds(stack, "config", "set", "compute-gallery:emulatorSeedFile", SEED);
    // 30 GB at 15 GB/s: 2 s of replication, so that the two runs overlap.
    await succeeds(stack, "config", "set", "compute-gallery:replicationSpeed", "15");
  }
});

afterAll(() => {
  for (const dir of [workDir, backendDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("two stacks with galleries of their own run up at once on one state folder: both succeed, each sees its own", async () => {
  await succeeds("dev", "config", "set", "galleryName", "devImages");
  await succeeds("prod", "config", "set", "galleryName", "prodImages");
  const [dev, prod] = await Promise.all([
    pulumi("dev", "up", "--yes", "--skip-preview"),
    pulumi("prod", "up", "--yes", "--skip-preview"),
  ]);
  expect([dev.code, dev.stderr]).toEqual([0, ""]);
  expect([prod.code, prod.stderr]).toEqual([0, ""]);
  // Each stack's resources are in the one shared state folder: a refresh finds them all unchanged.
  for (const stack of ["dev", "prod"]) {
    expect(await pulumi(stack, "refresh", "--yes", "--skip-preview", "--expect-no-changes")).toMatchObject({
      code: 0,
    });
  }
});

test("two stacks creating the same gallery at once: one gets it, the other fails naming it, and keeps off it", async () => {
  await succeeds("staging", "config", "set", "galleryName", "sharedImages");
  await succeeds("qa", "config", "set", "galleryName", "sharedImages");
  const [staging, qa] = await Promise.all([
    pulumi("staging", "up", "--yes", "--skip-preview"),
    pulumi("qa", "up", "--yes", "--skip-preview"),
  ]);
  const outcomes = [staging, qa];
  expect(outcomes.filter((run) => run.code === 0)).toHaveLength(1);
  const failed = outcomes.find((run) => run.code !== 0)!;
  expect(failed.stdout).toMatch(
    /gallery rg-shared\/sharedImages(: another create of the same name ran at the same time| already exists in Azure and it carries the owner marker of another Pulumi resource)/,
  );
  // The failed stack's next up is refused again, with the way out; it never takes the gallery over.
  const loser = staging.code === 0 ? "qa" : "staging";
  const again = await pulumi(loser, "up", "--yes", "--skip-preview");
  expect(again.code).not.toBe(0);
  expect(again.stdout).toContain(
    "already exists in Azure and it carries the owner marker of another Pulumi resource",
  );
  expect(again.stdout).toContain("pulumi import compute-gallery:index:Gallery golden");
});
