// The provider plugin (Pulumi YAML, the `pulumi` executable) against an emulator injecting faults:
// an image definition whose create operation ends Failed after Azure created it comes back to the
// engine as ErrorResourceInitFailed with its id and state, so the engine records it, and the next
// `up` updates it to Succeeded; a throttled write is retried. Needs `npm run build` (the plugin runs
// from dist/).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { requirePulumiCli, runPulumi, type PulumiRun } from "./harness";

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, "../..");
const RG = "rg-plugin-faults";

let emulator: RunningEmulator;
let workDir: string;
let backendDir: string;

const pulumi = (...args: string[]): Promise<PulumiRun> => runPulumi(workDir, backendDir, args);

beforeAll(async () => {
  requirePulumiCli();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-plugin-faults-"));
  backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-plugin-faults-state-"));
  emulator = await startEmulator({ stateDir: path.join(workDir, "emulator"), retryAfterSeconds: 0 });
  fs.writeFileSync(
    path.join(workDir, "Pulumi.yaml"),
    `name: plugin-faults
runtime: yaml
plugins:
  providers:
    - name: compute-gallery
      path: ${path.join(ROOT, "bin")}
config:
  compute-gallery:backend: emulator
  compute-gallery:emulatorEndpoint: ${emulator.endpoint}
  compute-gallery:emulatorCertificatePath: ${emulator.certificatePath}
resources:
  gallery:
    type: compute-gallery:index:Gallery
    properties: { resourceGroupName: ${RG}, galleryName: pluginFaults, location: westeurope }
  image:
    type: compute-gallery:index:GalleryImage
    properties:
      resourceGroupName: ${RG}
      galleryName: \${gallery.galleryName}
      galleryImageName: app
      location: westeurope
      osType: Linux
      osState: Generalized
      identifier: { publisher: Contoso, offer: App, sku: plugin }
`,
  );
  const init = await pulumi("stack", "init", "e2e");
  expect(init.code).toBe(0);
});

afterAll(async () => {
  await emulator?.stop();
  for (const dir of [workDir, backendDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface StateResource {
  type: string;
  id?: string;
  outputs?: Record<string, unknown>;
}

async function imageInState(): Promise<StateResource | undefined> {
  const exported = await pulumi("stack", "export");
  const resources = JSON.parse(exported.stdout).deployment.resources as StateResource[];
  return resources.find((r) => r.type === "compute-gallery:index:GalleryImage");
}

test("a create whose operation ends Failed is recorded with its id and state; the next up repairs it", async () => {
  emulator.setFaults([
    "PUT gallery count=1 -> 429 retry-after=1",
    'PUT image create count=1 -> operation-failed message="Internal error in the image service."',
  ]);
  const failed = await pulumi("up", "--yes", "--skip-preview");
  expect(failed.code).not.toBe(0);
  expect(failed.stdout).toContain(
    `writing image definition ${RG}/pluginFaults/app failed: InternalOperationError: Internal error in the image service`,
  );
  expect(emulator.faults()).toEqual([]);
  const recorded = await imageInState();
  expect(recorded?.id).toMatch(/\/galleries\/pluginFaults\/images\/app$/);
  expect(recorded?.outputs?.provisioningState).toBe("Failed");

  const repaired = await pulumi("up", "--yes", "--skip-preview");
  expect(repaired.code).toBe(0);
  expect(repaired.stdout).toMatch(/~ 1 updated/);
  expect((await imageInState())?.outputs?.provisioningState).toBe("Succeeded");
});
