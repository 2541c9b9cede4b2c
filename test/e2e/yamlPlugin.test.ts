// The YAML example (examples/yaml) run by the `pulumi` executable itself through the provider
// plugin (bin/pulumi-resource-compute-gallery), against the embedded emulator: up, a no-change
// preview, per-property marks of an update and a replacement, refresh after drift, import of
// resources made outside Pulumi, destroy. Needs `npm run build` (the plugin runs from dist/).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { GalleryApi } from "../../provider/azure/galleryApi";
import { packageSchema } from "../../provider/plugin/packageSchema";
import { requirePulumiCli, runPulumi, type PulumiRun } from "./harness";
import { withProjectApi } from "./pulumiCli";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLE = path.join(ROOT, "examples/yaml/Pulumi.yaml");
const SEED = path.join(ROOT, "program/emulator-seed.json");
const SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";
const GROUP = "rg-golden-images";
const GALLERY_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/${GROUP}/providers/Microsoft.Compute/galleries/corpGoldenImages`;
const BUILD_IMAGES = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-image-builds/providers/Microsoft.Compute/images`;

jest.setTimeout(240_000);

let workDir: string;
let backendDir: string;

const pulumi = (...args: string[]): Promise<PulumiRun> => runPulumi(workDir, backendDir, args);

async function succeeds(...args: string[]): Promise<PulumiRun> {
  const run = await pulumi(...args);
  if (run.code !== 0)
    throw new Error(`pulumi ${args.join(" ")} failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return run;
}

/** The example, pointing at this checkout's plugin and seed file by absolute path. */
function writeProgram(edit: (text: string) => string = (text) => text): void {
  const text = fs
    .readFileSync(EXAMPLE, "utf8")
    .replace("path: ../../bin", `path: ${path.join(ROOT, "bin")}`)
    .replace("value: ../../program/emulator-seed.json", `value: ${SEED}`);
  fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), edit(text));
}

const withApi = <T>(fn: (api: GalleryApi) => Promise<T>) => withProjectApi(workDir, fn);

const LEGACY_RESOURCES = `  legacy:
    type: compute-gallery:index:Gallery
    properties: { resourceGroupName: rg-legacy, galleryName: legacyImages, location: westeurope, description: made by hand }
  legacy-centos:
    type: compute-gallery:index:GalleryImage
    properties:
      resourceGroupName: rg-legacy
      galleryName: \${legacy.galleryName}
      galleryImageName: centos
      location: westeurope
      osType: Linux
      osState: Generalized
      identifier: { publisher: Legacy, offer: CentOS, sku: "7" }
  legacy-centos-790:
    type: compute-gallery:index:GalleryImageVersion
    properties:
      resourceGroupName: rg-legacy
      galleryName: \${legacy.galleryName}
      galleryImageName: \${legacy-centos.galleryImageName}
      galleryImageVersionName: 7.9.0
      location: westeurope
      storageProfile:
        source:
          id: \${buildImages}/ubuntu-2204-build-1042
      publishingProfile: { targetRegions: [{ name: westeurope, regionalReplicaCount: 1 }] }
`;

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the example no longer contains ${from}`);
  return text.replace(from, to);
}

/** The two edits the update/replace tests make, kept in the program from then on. */
function currentEdits(text: string): string {
  return replaceOnce(
    replaceOnce(text, "Ubuntu 22.04 LTS, CIS level 1", "Ubuntu 22.04 LTS, CIS level 2"),
    "{ name: eastus, regionalReplicaCount: 1, storageAccountType: Premium_LRS }",
    "{ name: eastus, regionalReplicaCount: 1, storageAccountType: Standard_LRS }",
  );
}

beforeAll(async () => {
  requirePulumiCli();
  if (!fs.existsSync(path.join(ROOT, "dist/provider/plugin/main.js"))) {
    throw new Error("the plugin is not built: run `npm run build` first (npm run test:e2e does)");
  }
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "yaml-plugin-"));
  backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "yaml-plugin-state-"));
  writeProgram();
  await succeeds("stack", "init", "dev");
  await succeeds("config", "set", "compute-gallery:replicationSpeed", "1000");
});

afterAll(() => {
  for (const dir of [workDir, backendDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The role assignment `up` made, for the tests that follow it. */
let grant: { scope: string; roleAssignmentName: string } | undefined;

describe("the YAML pipeline through the provider plugin, with the plain pulumi command", () => {
  test("pulumi package get-schema prints the plugin's schema, the one the model makes", async () => {
    const { stdout } = await succeeds(
      "package",
      "get-schema",
      path.join(ROOT, "bin/pulumi-resource-compute-gallery"),
    );
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
    // The plugin serves the copy the build wrote (plugin/schemaFile.ts): it must be the model's own.
    expect(JSON.parse(stdout)).toEqual(packageSchema(version));
    expect(JSON.parse(stdout)).toMatchObject({
      name: "compute-gallery",
      version,
      resources: {
        "compute-gallery:index:GalleryImageVersion": {
          inputProperties: { galleryImageVersionName: { type: "string", replaceOnChanges: true } },
        },
      },
    });
  });

  test("up creates the gallery, both definitions, the three versions and the role assignment in Azure", async () => {
    const run = await succeeds("up", "--yes");
    expect(run.stdout).toMatch(/\+ 8 created/);
    const versions = await withApi(async (api) => {
      const names: string[] = [];
      for await (const v of api.listVersions({
        resourceGroupName: GROUP,
        galleryName: "corpGoldenImages",
        galleryImageName: "ubuntu-2204-gen2",
      }))
        names.push(String(v.name));
      return names.sort();
    });
    expect(versions).toEqual(["1.0.0", "1.1.0"]);
    const outputs = JSON.parse((await succeeds("stack", "export")).stdout).deployment.resources.find(
      (r: { urn: string }) => r.urn.endsWith("::consumers-read"),
    )?.outputs;
    grant = { scope: outputs.scope, roleAssignmentName: outputs.roleAssignmentName };
    const granted = await withApi((api) => api.access.getRoleAssignment(grant!));
    // Reader's well-known id: the name in the program was looked up.
    expect(granted).toMatchObject({
      principalId: "6f1e3b0c-1111-4a5e-9c7d-00000000000a",
      principalType: "Group",
      roleDefinitionId: expect.stringMatching(/\/roleDefinitions\/acdd72a7-3385-48ef-bd42-f606fba81ae7$/),
    });
  });

  test("a preview right after up finds no changes", async () => {
    const run = await succeeds("preview", "--expect-no-changes");
    expect(run.stdout).toMatch(/8 unchanged/);
  });

  describe("after changing a description (update) and a region's storage type (replace)", () => {
    beforeAll(() => writeProgram(currentEdits));

    test("preview --diff marks the definition's description ~ and replaces the version over the region's storage type", async () => {
      const { stdout } = await succeeds("preview", "--diff");
      expect(stdout).toMatch(/~ compute-gallery:index:GalleryImage: \(update\)/);
      expect(stdout).toContain(
        '~ description: "Ubuntu 22.04 LTS, CIS level 1" => "Ubuntu 22.04 LTS, CIS level 2"',
      );
      expect(stdout).toMatch(/\+-compute-gallery:index:GalleryImageVersion: \(replace\)/);
      expect(stdout).toContain('~ storageAccountType: "Premium_LRS" => "Standard_LRS"');
      expect(stdout).toMatch(/~ 1 to update\s+\+-1 to replace/);
    });

    test("preview --json carries the detailed diff: UPDATE for the description, UPDATE_REPLACE for the storage type", async () => {
      const { stdout } = await succeeds("preview", "--json");
      const steps = JSON.parse(stdout).steps as { op: string; urn: string; detailedDiff?: unknown }[];
      const byName = Object.fromEntries(steps.map((step) => [step.urn.split("::").pop(), step]));
      expect(byName["ubuntu-2204"]).toMatchObject({
        op: "update",
        detailedDiff: { description: { kind: "update", inputDiff: true } },
      });
      expect(byName["ubuntu-stable"]).toMatchObject({
        op: "replace",
        detailedDiff: {
          "publishingProfile.targetRegions[2].storageAccountType": {
            kind: "update-replace",
            inputDiff: true,
          },
        },
      });
      // Nothing else changes: the canary shares the region list but keeps its storage types.
      const changing = steps.filter((step) => step.op !== "same").map((step) => step.urn.split("::").pop());
      expect(changing.sort()).toEqual(["ubuntu-2204", "ubuntu-stable"]);
    });

    test("the replacement's reason appears under the version in the preview's own output", async () => {
      const { stdout } = await succeeds("preview");
      expect(stdout).toMatch(
        /compute-gallery:index:GalleryImageVersion \(ubuntu-stable\):\n\s+warning: image version rg-golden-images\/corpGoldenImages\/ubuntu-2204-gen2\/1\.0\.0 will be replaced \(deleted, then created again\) because publishingProfile\.targetRegions\[2\]\.storageAccountType changes: "Premium_LRS" -> "Standard_LRS"\. Azure cannot change it in place: replicas already written to a storage type cannot be converted/,
      );
    });

    test("up applies both, and Azure then holds the new storage type", async () => {
      const { stdout } = await succeeds("up", "--yes");
      expect(stdout).toMatch(/~ 1 updated/);
      expect(stdout).toMatch(/\+-1 replaced/);
      const version = await withApi((api) =>
        api.getVersion({
          resourceGroupName: GROUP,
          galleryName: "corpGoldenImages",
          galleryImageName: "ubuntu-2204-gen2",
          galleryImageVersionName: "1.0.0",
        }),
      );
      const eastus = (version?.publishingProfile as any).targetRegions.find((r: any) =>
        /east ?us$/i.test(r.name),
      );
      expect(eastus.storageAccountType).toBe("Standard_LRS");
      await succeeds("preview", "--expect-no-changes");
    });
  });

  test("refresh reports a description changed in Azure behind Pulumi's back", async () => {
    await withApi(async (api) => {
      const ref = { resourceGroupName: GROUP, galleryName: "corpGoldenImages" };
      const gallery = await api.getGallery(ref);
      await api.putGallery(ref, {
        location: gallery!.location,
        tags: gallery!.tags,
        description: "edited in the portal",
      });
    });
    const { stdout } = await succeeds("refresh", "--yes", "--diff");
    expect(stdout).toMatch(
      /~ description\s*: "Hardened VM images built by the platform team" => "edited in the portal"/,
    );
    // The program still says otherwise: the next preview puts it back.
    const preview = await succeeds("preview", "--json");
    const gallery = (JSON.parse(preview.stdout).steps as any[]).find((s) => s.urn.endsWith("::golden"));
    expect(gallery.op).toBe("update");
    expect(gallery.detailedDiff).toEqual({ description: { kind: "update", inputDiff: true } });
    await succeeds("up", "--yes");
  });

  test("import adopts a gallery, a definition and a version created outside Pulumi, by ARM id alone", async () => {
    const legacy = { resourceGroupName: "rg-legacy", galleryName: "legacyImages" };
    const image = { ...legacy, galleryImageName: "centos" };
    const version = { ...image, galleryImageVersionName: "7.9.0" };
    await withApi(async (api) => {
      await api.putGallery(legacy, { location: "westeurope", description: "made by hand" });
      await api.putImage(image, {
        location: "westeurope",
        osType: "Linux",
        osState: "Generalized",
        identifier: { publisher: "Legacy", offer: "CentOS", sku: "7" },
      });
      await api.putVersion(version, {
        location: "westeurope",
        storageProfile: { source: { id: `${BUILD_IMAGES}/ubuntu-2204-build-1042` } },
        publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 1 }] },
      });
    });
    const id = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-legacy/providers/Microsoft.Compute/galleries/legacyImages`;
    const imports: [string, string, string][] = [
      ["compute-gallery:index:Gallery", "legacy", id],
      ["compute-gallery:index:GalleryImage", "legacy-centos", `${id}/images/centos`],
      [
        "compute-gallery:index:GalleryImageVersion",
        "legacy-centos-790",
        `${id}/images/centos/versions/7.9.0`,
      ],
    ];
    for (const [token, name, armId] of imports) {
      const { stdout } = await succeeds("import", token, name, armId, "--yes", "--protect=false");
      expect(stdout).toMatch(/= 1 imported/);
      // The generated YAML declares the resource (YAML shortens `index:` tokens) with what Azure reported.
      expect(stdout).toContain(`type: ${token.replace(":index:", ":")}`);
    }
    const state = JSON.parse((await succeeds("stack", "export")).stdout);
    const imported = (state.deployment.resources as any[]).filter((r) => r.urn.includes("::legacy"));
    expect(imported.map((r) => [r.type, r.id])).toEqual(imports.map(([token, , armId]) => [token, armId]));
    expect(imported[0].inputs).toMatchObject({ galleryName: "legacyImages", description: "made by hand" });
    expect(imported[2].inputs).toMatchObject({
      galleryImageVersionName: "7.9.0",
      galleryImageName: "centos",
    });

    // Adopted into the program, with the definition and version under their parents, nothing changes.
    writeProgram((text) => replaceOnce(currentEdits(text), "outputs:", `${LEGACY_RESOURCES}outputs:`));
    // `up` records the program's dependencies in the state, so destroy deletes versions first.
    const { stdout } = await succeeds("up", "--yes", "--expect-no-changes");
    expect(stdout).toMatch(/11 unchanged/);
  });

  test("an ARM id of the wrong kind is refused with the expected shape", async () => {
    const run = await pulumi("import", "compute-gallery:index:GalleryImage", "wrong", GALLERY_ID, "--yes");
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain("is not the Azure resource id of a galleryImage");
  });

  test("destroy deletes everything, imported resources included", async () => {
    await succeeds("destroy", "--yes");
    const left = await withApi(async (api) => [
      await api.getGallery({ resourceGroupName: GROUP, galleryName: "corpGoldenImages" }),
      await api.getGallery({ resourceGroupName: "rg-legacy", galleryName: "legacyImages" }),
      await api.access.getRoleAssignment(grant!),
    ]);
    expect(left).toEqual([undefined, undefined, undefined]);
  });
});
