// Runs the stacks of programs.ts step by step with the real engine, alternating ours and the floors
// at every step so all see the same load on a shared machine, and reports each step's wall time, the
// CPU time of all its processes, and the state size. The whole cycle runs several rounds (fresh
// stacks each), so a round disturbed by the machine's other work does not decide a ratio (report.ts
// takes the median).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LocalWorkspace, Stack } from "@pulumi/pulumi/automation";
import { E2EStack } from "../test/e2e/harness";
import { cpuSeconds } from "./cpuTime";
import { installFloorPlugin } from "./floorPlugin/install";
import { OURS_RESOURCES_ENV } from "./echo/ours";
import {
  DYNAMIC,
  isOurs,
  isPlain,
  isYamlFlavour,
  oursConfig,
  PLAIN_PATH_ENV,
  PLUGIN,
  program,
  yamlProject,
  type Flavour,
  type OursResources,
  type YamlFlavour,
} from "./programs";

export const STEPS = ["up", "preview", "refresh", "preview change", "up change", "destroy"] as const;
export type Step = (typeof STEPS)[number];

export interface StackRun {
  n: number;
  /** Seconds per step and flavour, one per round. */
  seconds: Record<Step, Partial<Record<Flavour, number[]>>>;
  /**
   * CPU seconds of the step's processes together (the CLI and all it starts; for the dynamic stacks
   * also this process, which runs their programs), per step and flavour, one per round.
   */
  cpuSeconds: Record<Step, Partial<Record<Flavour, number[]>>>;
  /** State bytes per managed resource after `up`, per flavour. */
  stateBytesPerResource: Partial<Record<Flavour, number>>;
  /** Bytes of one version's serialized provider (`__provider`, stored in its inputs and its outputs). */
  providerBytes: Partial<Record<Flavour, number>>;
}

/** One flavour's stack: the engine's handle, how to change the revision tag, how to clean up. */
interface BenchStack {
  stack: Stack;
  setRevision(revision: string): void;
  dispose(): Promise<void>;
}

const SEED = path.join(__dirname, "seed.json");

async function dynamicStack(flavour: Exclude<Flavour, YamlFlavour>, n: number): Promise<BenchStack> {
  const config = isOurs(flavour) ? oursConfig(SEED) : {};
  const e2e = await E2EStack.create(`bench-${flavour}`, program(flavour, n, "1"), config);
  // The dynamic-provider host is started by the engine, with the workspace's environment.
  if (isPlain(flavour)) Object.assign(e2e.stack.workspace.envVars, PLAIN_PATH_ENV);
  return {
    stack: e2e.stack,
    setRevision: (revision) => e2e.setProgram(program(flavour, n, revision)),
    dispose: () => e2e.dispose(),
  };
}

/**
 * The YAML program, run by the CLI's YAML language host, through the provider plugin (bin/) or
 * through its floor, a plugin of no-op resources (floorPlugin/).
 */
async function yamlStack(flavour: YamlFlavour, n: number): Promise<BenchStack> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${flavour}-`));
  const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${flavour}-state-`));
  const floorPlugin = isOurs(flavour)
    ? undefined
    : installFloorPlugin(flavour as "pluginFloor" | "pluginData");
  const pluginDir = floorPlugin?.dir ?? path.resolve(__dirname, "..", "bin");
  const write = (revision: string) =>
    fs.writeFileSync(
      path.join(workDir, "Pulumi.yaml"),
      JSON.stringify(yamlProject(flavour, n, revision, pluginDir, SEED), null, 1),
    );
  write("1");
  const workspace = await LocalWorkspace.create({
    workDir,
    envVars: {
      PULUMI_BACKEND_URL: `file://${backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: "",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      ...(isPlain(flavour) ? PLAIN_PATH_ENV : {}),
    },
  });
  const stack = await Stack.create("bench", workspace);
  return {
    stack,
    setRevision: write,
    dispose: async () => {
      await workspace.removeStack("bench", { force: true }).catch(() => undefined);
      for (const dir of [workDir, backendDir]) fs.rmSync(dir, { recursive: true, force: true });
      floorPlugin?.remove();
    },
  };
}

/** A stack's state as exported: what stateSizes and oursResources read of it. */
interface ExportedState {
  resources?: {
    type: string;
    id: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
  }[];
}

function stateSizes(state: ExportedState): { perResource: number; provider: number } {
  // The stack and the default providers are the same in both flavours; count what the program declares.
  const managed = (state.resources ?? []).filter((r) => !r.type.startsWith("pulumi:"));
  const provider = managed.at(-1)?.inputs.__provider;
  return {
    perResource: Math.round(JSON.stringify(state).length / Math.max(1, managed.length)),
    provider: typeof provider === "string" ? provider.length : 0,
  };
}

/** Ours' last resource of each kind as stored, without the serialized provider and `__urn`. */
function oursResources(state: ExportedState): OursResources {
  const last = (type: string) => {
    const found = (state.resources ?? []).filter((r) => r.type.endsWith(type)).at(-1)!;
    const { __provider: _in, __urn: _urn, ...inputs } = found.inputs;
    const { __provider: _out, ...outputs } = found.outputs;
    return { id: found.id, inputs, outputs };
  };
  return { gallery: last(":Gallery"), image: last(":GalleryImage"), version: last(":GalleryImageVersion") };
}

/**
 * Runs `fn` with the plain path's switch set in this process too: a dynamic stack's program runs
 * here, inline, and constructs its resources here.
 */
async function withPlainPath<T>(plain: boolean, fn: () => Promise<T>): Promise<T> {
  if (!plain) return fn();
  const before = { ...process.env };
  Object.assign(process.env, PLAIN_PATH_ENV);
  try {
    return await fn();
  } finally {
    for (const key of Object.keys(PLAIN_PATH_ENV)) {
      if (before[key] === undefined) delete process.env[key];
      else process.env[key] = before[key];
    }
  }
}

async function timed(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = cpuSeconds();
  const started = process.hrtime.bigint();
  await fn();
  return { wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: cpuSeconds() - cpuBefore };
}

export async function runStacks(
  n: number,
  flavours: Flavour[],
  rounds: number,
  log: (line: string) => void,
): Promise<StackRun> {
  const perStep = () => Object.fromEntries(STEPS.map((step) => [step, {}])) as StackRun["seconds"];
  const seconds = perStep();
  const cpu = perStep();
  const bytes: StackRun["stateBytesPerResource"] = {};
  const providerBytes: StackRun["providerBytes"] = {};
  const actions: Record<Step, (s: BenchStack) => Promise<unknown>> = {
    up: (s) => s.stack.up(),
    preview: (s) => s.stack.preview(),
    refresh: (s) => s.stack.refresh(),
    "preview change": (s) => {
      s.setRevision("2");
      return s.stack.preview();
    },
    "up change": (s) => s.stack.up(),
    destroy: (s) => s.stack.destroy(),
  };
  for (let round = 1; round <= rounds; round++) {
    const stacks: Partial<Record<Flavour, BenchStack>> = {};
    try {
      for (const flavour of flavours) {
        stacks[flavour] = isYamlFlavour(flavour)
          ? await yamlStack(flavour, n)
          : await dynamicStack(flavour, n);
      }
      for (const step of STEPS) {
        for (const flavour of flavours) {
          const stack = stacks[flavour]!;
          const { wall, cpu: used } = await withPlainPath(isPlain(flavour), () =>
            timed(() => actions[step](stack)),
          );
          (seconds[step][flavour] ??= []).push(wall);
          (cpu[step][flavour] ??= []).push(used);
          if (step === "up") {
            const state = (await stack.stack.exportStack()).deployment as ExportedState;
            const sizes = stateSizes(state);
            bytes[flavour] = sizes.perResource;
            providerBytes[flavour] = sizes.provider;
            // Ours runs before its data flavour: that one's `up`, later in this step, returns what
            // ours returned (the dynamic provider's for data, the plugin's for pluginData).
            if (flavour === "ours" || flavour === "plugin")
              process.env[OURS_RESOURCES_ENV[flavour]] = JSON.stringify(oursResources(state));
          }
        }
        const t = (flavour: Flavour) => seconds[step][flavour]!.at(-1)!;
        const c = (flavour: Flavour) => cpu[step][flavour]!.at(-1)!;
        // The headline ratio: the dynamic provider's, or the plugin's when the dynamic stacks are skipped.
        const { ours: over, floor: under } = flavours.includes(DYNAMIC.ours) ? DYNAMIC : PLUGIN;
        log(
          `N=${n} round ${round}/${rounds} ${step}: ${flavours.map((f) => `${f} ${t(f).toFixed(2)} s (CPU ${c(f).toFixed(2)} s)`).join(", ")}, ratio ${over} / ${under} ${(t(over) / t(under)).toFixed(2)}, CPU ${(c(over) / c(under)).toFixed(2)}`,
        );
      }
    } finally {
      for (const flavour of flavours) await stacks[flavour]?.dispose();
    }
  }
  return { n, seconds, cpuSeconds: cpu, stateBytesPerResource: bytes, providerBytes };
}
