// `pulumi` killed with SIGKILL in the middle of a create, an update and a delete (image versions
// mid-replication above all), then recovered the way Pulumi documents it: `pulumi cancel` (the file
// backend keeps the dead run's lock), `pulumi refresh --clear-pending-creates`, `pulumi up` again.
// Each kill is triggered by what the embedded emulator has stored (read from its database), not by
// a sleep. After each kill the plugin process must be gone; at the end the stack equals the program,
// every resource in the emulator is in the state exactly once, and what the user made by hand is
// still there. The real `pulumi` executable runs a YAML program through the plugin (needs `npm run
// build`: the plugin runs from dist/).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawn, spawnSync } from "child_process";
import Database from "better-sqlite3";
import { requirePulumiCli } from "./harness";
import { pulumiCli, requirePluginBuild, ROOT, SEED, withProjectApi } from "./pulumiCli";
const SOURCE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-image-builds/providers/Microsoft.Compute/images/ubuntu-2204-build-1042";

jest.setTimeout(300_000);

let workDir: string;
let backendDir: string;

const cli = pulumiCli(
  () => workDir,
  () => backendDir,
);
const pulumi = cli.run;
const succeeds = cli.succeeds;

/** One image version of the program, replicated to West and North Europe. */
function version(name: string, semver: string, northReplicas = 1): string {
  return `  ${name}:
    type: compute-gallery:index:GalleryImageVersion
    properties:
      resourceGroupName: rg-int
      galleryName: \${golden.galleryName}
      galleryImageName: \${app.galleryImageName}
      galleryImageVersionName: ${semver}
      location: westeurope
      storageProfile: { source: { id: ${SOURCE} } }
      publishingProfile:
        targetRegions:
          - { name: westeurope, regionalReplicaCount: 1 }
          - { name: northeurope, regionalReplicaCount: ${northReplicas} }
`;
}

/** The program: a gallery, a definition and the given versions. */
function writeProgram(versions: string[]): void {
  const text = `name: interrupted
runtime: yaml
plugins:
  providers:
    - name: compute-gallery
      path: ${path.join(ROOT, "bin")}
resources:
  golden:
    type: compute-gallery:index:Gallery
    properties: { resourceGroupName: rg-int, galleryName: intGallery, location: westeurope }
  app:
    type: compute-gallery:index:GalleryImage
    properties:
      resourceGroupName: rg-int
      galleryName: \${golden.galleryName}
      galleryImageName: app
      location: westeurope
      osType: Linux
      osState: Generalized
      identifier: { publisher: Contoso, offer: App, sku: Linux }
${versions.join("")}`;
  fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), text);
}

interface StoredRecord {
  key: string;
  kind: string;
  doc: { deleting?: unknown; body: { properties?: any } };
}

/** What the embedded emulator has stored, read from its database (WAL: readers never block it). */
function stored(): StoredRecord[] {
  const file = path.join(workDir, ".compute-gallery", "emulator.db");
  if (!fs.existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare("SELECT key, kind, doc FROM resources").all() as { key: string; kind: string; doc: string }[]
    ).map((row) => ({ key: row.key, kind: row.kind, doc: JSON.parse(row.doc) }));
  } catch {
    return []; // the emulator is still creating its tables
  } finally {
    db.close();
  }
}

const keyEnds = (suffix: string) => (r: StoredRecord) => r.key.endsWith(suffix.toLowerCase());

/** The pids of plugin processes serving this project (their working directory is the project's). */
function pluginPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!cmdline.includes("pulumi-resource-compute-gallery")) continue;
      if (fs.readlinkSync(`/proc/${entry}/cwd`) === workDir) pids.push(Number(entry));
    } catch {
      // The process ended while being looked at.
    }
  }
  return pids;
}

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`) && !/\) Z /.test(readStat(pid));
function readStat(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return ") Z ";
  }
}

async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs `pulumi up` and kills it with SIGKILL as soon as `when` holds for what the emulator stored;
 * then waits for the plugin processes it started to exit on their own.
 */
async function upKilledWhen(what: string, when: (records: StoredRecord[]) => boolean): Promise<void> {
  const child = spawn("pulumi", ["up", "--yes", "--skip-preview", "--non-interactive", "--color", "never"], {
    cwd: workDir,
    env: cli.env(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));
  try {
    await until(what, () => ended || when(stored()), 120_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  if (ended) throw new Error(`pulumi up ended before ${what}:\n${output}`);
  const plugins = pluginPids();
  child.kill("SIGKILL");
  await exited;
  const removed = removeEmptySidecars();
  if (removed > 0) console.log(`the kill left ${removed} empty state sidecar(s); removed as documented`);
  expect(plugins.length).toBeGreaterThan(0);
  // The plugin, and the embedded emulator in it, do not outlive the killed engine.
  await until(
    "the plugin to exit after pulumi was killed",
    () => plugins.every((pid) => !alive(pid)),
    10_000,
  );
}

/**
 * The step docs/reliability.md gives for "failed to load checkpoint: EOF": a kill that lands while the
 * file backend rewrites a state file's metadata sidecar leaves that sidecar empty (the state file itself
 * is replaced by a rename and stays whole). Returns how many sidecars it removed.
 */
function removeEmptySidecars(): number {
  const listed = spawnSync(
    "find",
    [path.join(backendDir, ".pulumi"), "-name", "*.attrs", "-empty", "-print", "-delete"],
    {
      encoding: "utf8",
    },
  );
  if (listed.status !== 0) throw new Error(`find failed: ${listed.stderr}`);
  return listed.stdout.split("\n").filter(Boolean).length;
}

/** The recovery Pulumi documents for a killed run on a file backend. */
async function recover(): Promise<void> {
  await succeeds("cancel", "--yes");
  await succeeds("refresh", "--yes", "--skip-preview", "--clear-pending-creates");
  await succeeds("up", "--yes", "--skip-preview");
}

/** The ARM ids of the resources the stack holds, lower-cased as the emulator keys them. */
async function stateIds(): Promise<string[]> {
  const exported = JSON.parse((await succeeds("stack", "export")).stdout);
  return (exported.deployment.resources as { id?: string; type: string }[])
    .filter((r) => r.type.startsWith("compute-gallery:index:"))
    .map((r) => String(r.id).toLowerCase());
}

beforeAll(async () => {
  requirePulumiCli();
  requirePluginBuild();
  workDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "interrupted-")));
  backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "interrupted-state-"));
  writeProgram([]);
  await succeeds("stack", "init", "dev");
  await succeeds("config", "set", "compute-gallery:emulatorSeedFile", SEED);
  // 30 GB at 5 GB/s: each region replicates for 6 s, a version delete takes 4 s, long enough for a
  // kill to land in the middle.
  await succeeds("config", "set", "compute-gallery:replicationSpeed", "5");
  // What the user made by hand in the same resource group before any `up`.
  await withProjectApi(workDir, async (api) => {
    await api.putGallery(
      { resourceGroupName: "rg-int", galleryName: "handmade" },
      { location: "westeurope" },
    );
  });
});

afterAll(() => {
  for (const dir of [workDir, backendDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("pulumi killed with SIGKILL, then recovered as Pulumi documents", () => {
  test("create: killed once the gallery exists, before its children; the next up adopts the gallery", async () => {
    writeProgram([version("v1", "1.0.1")]);
    await upKilledWhen("the gallery to be stored", (records) =>
      records.some(keyEnds("/galleries/intGallery")),
    );
    await recover();
    expect(await pulumi("preview", "--expect-no-changes")).toMatchObject({ code: 0 });
  });

  test("create: killed while two versions replicate; up adopts both, waiting for their replication", async () => {
    writeProgram([version("v1", "1.0.1"), version("v2", "1.0.2"), version("v3", "1.0.3")]);
    await upKilledWhen(
      "two new versions to be replicating",
      (records) => records.some(keyEnds("/versions/1.0.2")) && records.some(keyEnds("/versions/1.0.3")),
    );
    // `up` alone recovers: the creates find their own marker and adopt.
    await succeeds("cancel", "--yes");
    const { stdout } = await succeeds("up", "--yes", "--skip-preview");
    expect(stdout).toContain("adopting the resource an interrupted run created");
    // The pending creates the killed run recorded are cleared by the documented refresh.
    await succeeds("refresh", "--yes", "--skip-preview", "--clear-pending-creates");
    const exported = JSON.parse((await succeeds("stack", "export")).stdout);
    expect(exported.deployment.pending_operations ?? []).toEqual([]);
  });

  test("update: killed while a version replicates a new replica; the next up finishes the update", async () => {
    writeProgram([version("v1", "1.0.1"), version("v2", "1.0.2", 2), version("v3", "1.0.3")]);
    await upKilledWhen("the update of 1.0.2 to be stored", (records) => {
      const v2 = records.find(keyEnds("/versions/1.0.2"));
      const regions = v2?.doc.body.properties?.publishingProfile?.targetRegions ?? [];
      return regions.some((r: any) => r.name === "North Europe" && r.regionalReplicaCount === 2);
    });
    await recover();
    expect(await pulumi("preview", "--expect-no-changes")).toMatchObject({ code: 0 });
  });

  test("delete: killed while a version is being deleted; the next up finishes the delete", async () => {
    writeProgram([version("v1", "1.0.1"), version("v2", "1.0.2", 2)]);
    await upKilledWhen(
      "1.0.3 to be deleting",
      (records) => records.find(keyEnds("/versions/1.0.3"))?.doc.deleting !== undefined,
    );
    await recover();
  });

  test("afterwards the stack equals the program, everything in Azure is in the state once, the handmade gallery is kept", async () => {
    expect(await pulumi("preview", "--expect-no-changes")).toMatchObject({ code: 0 });
    expect(await pulumi("refresh", "--expect-no-changes", "--yes", "--skip-preview")).toMatchObject({
      code: 0,
    });
    const inState = await stateIds();
    expect(new Set(inState).size).toBe(inState.length);
    const live = stored()
      .filter((r) => r.doc.deleting === undefined)
      .map((r) => r.key);
    const handmade = live.filter((key) => key.endsWith("/galleries/handmade"));
    expect(handmade).toHaveLength(1);
    expect(live.filter((key) => !handmade.includes(key)).sort()).toEqual([...inState].sort());
    expect(inState.map((id) => id.split("/").pop()).sort()).toEqual(["1.0.1", "1.0.2", "app", "intgallery"]);
  });

  test("the documented step for a state sidecar the kill left empty brings the stack back", async () => {
    const sidecar = path.join(backendDir, ".pulumi", "stacks", "interrupted", "dev.json.attrs");
    expect(fs.existsSync(sidecar)).toBe(true);
    fs.truncateSync(sidecar, 0);
    const broken = await pulumi("preview", "--expect-no-changes");
    expect(broken.code).not.toBe(0);
    expect(broken.stdout + broken.stderr).toContain("failed to load checkpoint: EOF");
    expect(removeEmptySidecars()).toBe(1);
    expect(await pulumi("preview", "--expect-no-changes")).toMatchObject({ code: 0 });
  });
});
