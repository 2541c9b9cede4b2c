// Drives the real Pulumi CLI (through the Automation API) against the
// embedded emulator, in a temporary project with a local file backend.
//
// Programs are inline: the Automation API serves them in this process, so the
// CLI needs no language-host binary; the dynamic provider still runs in the
// CLI's own `pulumi-resource-pulumi-nodejs` plugin process, as for users.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFile, execFileSync } from "child_process";
import { LocalWorkspace, Stack, type EngineEvent, type PulumiFn } from "@pulumi/pulumi/automation";
import { connect } from "../../provider/azure/connect";
import type { GalleryApi } from "../../provider/azure/galleryApi";

export interface PreviewReport {
  /** Step operations per resource name, in the order the engine reported them. */
  ops: Record<string, string[]>;
  /** Error diagnostics (check failures land here). */
  errors: string[];
  /** Warning diagnostics (replacement explanations land here). */
  warnings: string[];
  /** The resource names the warnings were attached to ("" when attached to none). */
  warnedResources: string[];
  /** Whether the preview itself failed. */
  failed: boolean;
}

function resourceName(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

function collector() {
  const report: PreviewReport = { ops: {}, errors: [], warnings: [], warnedResources: [], failed: false };
  const onEvent = (event: EngineEvent) => {
    const step = event.resourcePreEvent?.metadata;
    if (step) (report.ops[resourceName(step.urn)] ??= []).push(step.op);
    const diag = event.diagnosticEvent;
    if (diag?.severity === "error") report.errors.push(diag.message);
    if (diag?.severity === "warning") {
      report.warnings.push(diag.message);
      report.warnedResources.push(diag.urn ? resourceName(diag.urn) : "");
    }
  };
  return { report, onEvent };
}

export class E2EStack {
  private constructor(
    readonly stack: Stack,
    readonly workDir: string,
    /** Temporary folders this stack made and removes on dispose. */
    private readonly scratch: string[],
  ) {}

  /** Every folder this stack wrote to: the project, the file backend (state, history, backups). */
  get folders(): string[] {
    return [this.workDir, ...this.scratch];
  }

  /** Where the embedded emulator of this project keeps its state. */
  get stateDir(): string {
    return path.join(this.workDir, ".compute-gallery");
  }

  /**
   * A stack with a file backend in a temporary folder. Without `projectDir` the project is a
   * new temporary folder named `project`; with it, the existing project there (an example).
   */
  static async create(
    project: string,
    program: PulumiFn,
    config: Record<string, string> = {},
    projectDir?: string,
  ): Promise<E2EStack> {
    const scratch: string[] = [];
    const temporary = (prefix: string) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      scratch.push(dir);
      return dir;
    };
    const workDir = projectDir ?? temporary(`${project}-`);
    const backendDir = temporary(`${project}-state-`);
    const workspace = await LocalWorkspace.create({
      workDir,
      program,
      ...(projectDir ? {} : { projectSettings: { name: project, runtime: "nodejs" as const } }),
      envVars: {
        PULUMI_BACKEND_URL: `file://${backendDir}`,
        PULUMI_CONFIG_PASSPHRASE: "",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        // A temporary project has no node_modules; the dynamic-provider plugin must still
        // find @pulumi/pulumi, as it would in a user's project.
        NODE_PATH: path.resolve(__dirname, "../../node_modules"),
      },
    });
    const stack = await Stack.create("e2e", workspace);
    for (const [key, value] of Object.entries(config)) await stack.setConfig(key, { value });
    return new E2EStack(stack, workDir, scratch);
  }

  setProgram(program: PulumiFn): void {
    (this.stack.workspace as LocalWorkspace).program = program;
  }

  async preview(): Promise<PreviewReport> {
    const { report, onEvent } = collector();
    try {
      await this.stack.preview({ onEvent, diff: true });
    } catch {
      report.failed = true;
    }
    return report;
  }

  /**
   * What `pulumi preview --json` prints for the current program. The Automation API has no option
   * for it, but it appends the workspace's per-operation arguments to the CLI's, so `--json` goes
   * there for this one call; the inline program is served as for any preview.
   */
  async previewJson(): Promise<string> {
    const workspace = this.stack.workspace as LocalWorkspace;
    const original = workspace.serializeArgsForOp.bind(workspace);
    workspace.serializeArgsForOp = async (stackName: string) => [...(await original(stackName)), "--json"];
    try {
      return (await this.stack.preview()).stdout;
    } finally {
      workspace.serializeArgsForOp = original;
    }
  }

  async up() {
    const { report, onEvent } = collector();
    const result = await this.stack.up({ onEvent });
    return { result, report };
  }

  refresh() {
    return this.stack.refresh();
  }

  destroy() {
    return this.stack.destroy();
  }

  /** Runs `fn` against the project's emulator state through a second emulator instance. */
  async withApi<T>(fn: (api: GalleryApi) => Promise<T>): Promise<T> {
    const connection = await connect({ kind: "local", stateDir: this.stateDir, accessGrantedRegions: [] });
    try {
      return await fn(connection.api);
    } finally {
      await connection.close();
    }
  }

  async dispose(): Promise<void> {
    await this.stack.workspace.removeStack("e2e", { force: true }).catch(() => undefined);
    fs.rmSync(this.stateDir, { recursive: true, force: true });
    for (const dir of this.scratch) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Fails loudly when the CLI is missing: a missing tool is a failure, never a skip. */
export function requirePulumiCli(): string {
  try {
    return execFileSync("pulumi", ["version"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(
      "the Pulumi CLI is not on PATH: run the e2e tests through `npm run test:e2e` (scripts/with-pulumi.sh)",
    );
  }
}

export interface PulumiRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** What `pulumi` runs with: a file backend in `backendDir`, a passphrase, no update check. */
export function pulumiEnv(backendDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: "e2e",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DIY_BACKEND_NO_LOCK_WARNING: "true",
  };
}

/** The `pulumi` executable in `cwd`, with a file backend in `backendDir`; resolves with its exit code. */
export function runPulumi(cwd: string, backendDir: string, args: string[]): Promise<PulumiRun> {
  return new Promise((resolve) => {
    execFile(
      "pulumi",
      [...args, "--non-interactive", "--color", "never"],
      {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        env: pulumiEnv(backendDir),
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
