// Azure's best practices (compute-gallery:intent) in a real `pulumi preview` against the embedded
// emulator, through both front doors: the dynamic provider (a TypeScript program through the
// Automation API) and the provider plugin (a Pulumi YAML program run by the `pulumi` command; needs
// `npm run build`). Each previews a production image version with one Standard_LRS replica in West
// Europe; Azure's Best practices ask for "a minimum of three replicas for production images" and
// "ZRS wherever it's available" (West Europe has zones). The review of the same preview adds the
// advice only the whole program shows: one region, and no lock on the production gallery.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { review } from "../../provider/review/command";
import { E2EStack, requirePulumiCli, runPulumi } from "./harness";
import { reviewProgram } from "./reviewScenarios";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "../..");
const IMAGES =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images";
const INTENT = JSON.stringify({ production: ["corpImages"] });
const LABEL = "image version rg-images/corpImages/app-linux/1.0.0";
const WARNINGS = [
  `warning: ${LABEL}: westeurope has 1 replica(s) of this production image; Azure's best practice is to keep ` +
    "at least 3 replicas of a production image in each region " +
    "(https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#best-practices)\n",
  `warning: ${LABEL}: westeurope has availability zones but stores the replicas as Standard_LRS; Azure's best ` +
    "practice is to store replicas as Standard_ZRS in regions with availability zones, for high availability " +
    "(https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#best-practices)\n",
];
const PROGRAM_ADVICE = [
  "- ⚠️ Every production gallery (rg-images/corpImages) is in westeurope;",
  "- ⚠️ Production gallery rg-images/corpImages has no lock in the program",
];

const diagnosticsOf = (previewJson: string): string[] =>
  (JSON.parse(previewJson).diagnostics as { message: string }[]).map((d) => d.message);

beforeAll(() => {
  requirePulumiCli();
});

test("the dynamic provider's preview warns on the production version, and the review adds program advice", async () => {
  const stack = await E2EStack.create(
    "acg-practices",
    // The review's gallery and image definition, with one version of one replica in westeurope.
    reviewProgram([
      { name: "1.0.0", source: "base-1", regions: [{ name: "westeurope", regionalReplicaCount: 1 }] },
    ]),
    { "compute-gallery:intent": INTENT },
  );
  try {
    const preview = await stack.previewJson();
    expect(diagnosticsOf(preview)).toEqual(expect.arrayContaining(WARNINGS));
    const markdown = review(preview).markdown;
    for (const line of PROGRAM_ADVICE) expect(markdown).toContain(line);
  } finally {
    await stack.dispose();
  }
});

test("the YAML plugin's preview gives the same warnings on the production version", async () => {
  if (!fs.existsSync(path.join(ROOT, "dist/provider/plugin/main.js"))) {
    throw new Error("the plugin is not built: run `npm run build` first (npm run test:e2e does)");
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "practices-yaml-"));
  const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "practices-yaml-state-"));
  try {
    fs.writeFileSync(
      path.join(workDir, "Pulumi.yaml"),
      [
        "name: practices-yaml",
        "runtime: yaml",
        "plugins:",
        "  providers:",
        "    - name: compute-gallery",
        `      path: ${path.join(ROOT, "bin")}`,
        "resources:",
        "  gallery:",
        "    type: compute-gallery:index:Gallery",
        "    properties: { resourceGroupName: rg-images, galleryName: corpImages, location: westeurope }",
        "  app-linux-1.0.0:",
        "    type: compute-gallery:index:GalleryImageVersion",
        "    properties:",
        "      resourceGroupName: rg-images",
        "      galleryName: ${gallery.galleryName}",
        "      galleryImageName: app-linux",
        '      galleryImageVersionName: "1.0.0"',
        "      location: westeurope",
        `      storageProfile: { source: { id: ${IMAGES}/base-1 } }`,
        "      publishingProfile: { targetRegions: [{ name: westeurope, regionalReplicaCount: 1 }] }",
        "",
      ].join("\n"),
    );
    const pulumi = (...args: string[]) => runPulumi(workDir, backendDir, args);
    expect((await pulumi("stack", "init", "dev")).code).toBe(0);
    expect((await pulumi("config", "set", "compute-gallery:intent", INTENT)).code).toBe(0);
    const run = await pulumi("preview", "--json");
    expect(diagnosticsOf(run.stdout)).toEqual(expect.arrayContaining(WARNINGS));
    const markdown = review(run.stdout).markdown;
    for (const line of PROGRAM_ADVICE) expect(markdown).toContain(line);
  } finally {
    for (const dir of [workDir, backendDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
