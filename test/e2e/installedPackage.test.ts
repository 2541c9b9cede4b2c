// What a user who installed the package gets, checked with the real engine: the package laid out
// under a project's node_modules (scripts/installedCopy.ts), a program that imports it by name,
// then `up`, `refresh` and `destroy`. Pulumi stores each resource's provider twice (inputs and
// outputs); for an installed package that must be a require of the provider's module, a few hundred
// bytes, and the dynamic-provider host must revive it from there for refresh and destroy.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { installedProject } from "../../scripts/installedCopy";
import { requirePulumiCli } from "./harness";

jest.setTimeout(300_000);

const SEED = path.join(__dirname, "seed.json");

// Plain JavaScript, run by `node --preserve-symlinks` in the project: the package and @pulumi/pulumi
// then load from the project's node_modules, once each, as in a user's project.
const RUN = `
const { LocalWorkspace } = require("@pulumi/pulumi/automation");
const acg = require("pulumi-azure-compute-gallery");
const rg = "rg-installed";
const program = async () => {
  const gallery = new acg.Gallery("gallery", { resourceGroupName: rg, galleryName: "installedGallery", location: "westeurope" });
  const image = new acg.GalleryImage("image", {
    resourceGroupName: rg, galleryName: gallery.galleryName, galleryImageName: "app", location: "westeurope",
    osType: "Linux", osState: "Generalized", hyperVGeneration: "V2",
    identifier: { publisher: "Contoso", offer: "App", sku: "linux" },
  });
  new acg.GalleryImageVersion("version", {
    resourceGroupName: rg, galleryName: gallery.galleryName, galleryImageName: image.galleryImageName,
    galleryImageVersionName: "1.0.0", location: "westeurope",
    storageProfile: { source: { id: process.env.SOURCE_ID } },
    publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 1 }] },
  });
};
(async () => {
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "installed", projectName: "installed", program },
    { workDir: __dirname, envVars: { PULUMI_BACKEND_URL: process.env.BACKEND_URL, PULUMI_CONFIG_PASSPHRASE: "", PULUMI_SKIP_UPDATE_CHECK: "true" } },
  );
  await stack.setConfig("compute-gallery:emulatorSeedFile", { value: process.env.SEED_FILE });
  await stack.setConfig("compute-gallery:replicationSpeed", { value: "1000" });
  const up = await stack.up();
  const state = await stack.exportStack();
  const refresh = await stack.refresh();
  const refreshed = await stack.exportStack();
  const destroy = await stack.destroy();
  console.log(JSON.stringify({
    up: up.summary.resourceChanges,
    resources: state.deployment.resources,
    refresh: refresh.summary.resourceChanges,
    afterRefresh: refreshed.deployment.resources,
    destroy: destroy.summary.resourceChanges,
  }));
})().catch((error) => { console.error(String(error)); process.exit(1); });
`;

interface StateResource {
  urn: string;
  type: string;
  modified?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

test("an installed package: providers stored as a require of their module, revived for refresh and destroy", () => {
  requirePulumiCli();
  const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-installed-"));
  const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-installed-state-"));
  try {
    installedProject(projectDir);
    fs.writeFileSync(path.join(projectDir, "run.js"), RUN);
    const seed = JSON.parse(fs.readFileSync(SEED, "utf8")) as { sources: { id: string }[] };
    const out = execFileSync(process.execPath, ["--preserve-symlinks", "run.js"], {
      cwd: projectDir,
      encoding: "utf8",
      env: {
        ...process.env,
        BACKEND_URL: `file://${backendDir}`,
        SEED_FILE: SEED,
        SOURCE_ID: seed.sources[0]!.id,
        // The dynamic-provider host resolves the stored require from the project, as a user's does.
        NODE_OPTIONS: "--preserve-symlinks",
      },
    });
    const result = JSON.parse(out.trim().split("\n").at(-1)!) as {
      up: Record<string, number>;
      resources: StateResource[];
      refresh: Record<string, number>;
      afterRefresh: StateResource[];
      destroy: Record<string, number>;
    };
    expect(result.up).toEqual({ create: 4 });
    const ours = result.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/compute-gallery:"));
    expect(ours.map((r) => r.type.split(":").at(-1)).sort()).toEqual([
      "Gallery",
      "GalleryImage",
      "GalleryImageVersion",
    ]);
    for (const r of ours) {
      const kind = r.type.split(":").at(-1)!;
      const module = kind.charAt(0).toLowerCase() + kind.slice(1);
      const stored = r.inputs?.__provider as string;
      expect(stored).toMatch(
        new RegExp(
          `^exports\\.handler = __f0;\\nconst \\w+ = require\\("pulumi-azure-compute-gallery/dynamic/${module}"\\);`,
        ),
      );
      expect(stored.length).toBeLessThan(400);
      expect(r.outputs?.__provider).toBe(stored);
      expect(stored).not.toContain(projectDir);
    }
    expect(result.refresh).toEqual({ same: 4 });
    // Nothing drifted: the refresh leaves each resource's inputs (the program's, with its `__urn`) and
    // its modified time as the up wrote them.
    for (const r of ours) {
      const after = result.afterRefresh.find((a) => a.urn === r.urn)!;
      expect({ inputs: after.inputs, modified: after.modified }).toEqual({
        inputs: r.inputs,
        modified: r.modified,
      });
    }
    expect(result.destroy).toEqual({ delete: 4 });
  } finally {
    for (const dir of [projectDir, backendDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
