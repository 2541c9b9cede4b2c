// Runs the two stacks of programs.ts step by step with the real engine, alternating ours and the
// floor at every step so both see the same load on a shared machine, and reports each step's wall
// time and the state size.
import * as path from "path";
import { E2EStack } from "../test/e2e/harness";
import { program, type Flavour } from "./programs";

export const STEPS = ["up", "preview", "refresh", "preview change", "up change", "destroy"] as const;
export type Step = (typeof STEPS)[number];

export interface StackRun {
  n: number;
  /** Seconds per step and flavour. */
  seconds: Record<Step, Record<Flavour, number>>;
  /** State bytes per managed resource after `up`, per flavour. */
  stateBytesPerResource: Record<Flavour, number>;
  /** Bytes of one version's serialized provider (`__provider`, stored in its inputs and its outputs). */
  providerBytes: Record<Flavour, number>;
}

const FLAVOURS: Flavour[] = ["ours", "floor"];

async function stateSizes(stack: E2EStack): Promise<{ perResource: number; provider: number }> {
  const state = await stack.stack.exportStack();
  const resources = (state.deployment.resources ?? []) as {
    type: string;
    inputs?: { __provider?: string };
  }[];
  // The stack and the default providers are the same in both flavours; count what the program declares.
  const managed = resources.filter((r) => !r.type.startsWith("pulumi:"));
  return {
    perResource: Math.round(JSON.stringify(state.deployment).length / Math.max(1, managed.length)),
    provider: managed.at(-1)?.inputs?.__provider?.length ?? 0,
  };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export async function runStacks(n: number, log: (line: string) => void): Promise<StackRun> {
  const config = {
    "compute-gallery:emulatorSeedFile": path.join(__dirname, "seed.json"),
    "compute-gallery:replicationSpeed": "1000",
  };
  const stacks: Record<Flavour, E2EStack> = {
    ours: await E2EStack.create("bench-ours", program("ours", n, "1"), config),
    floor: await E2EStack.create("bench-floor", program("floor", n, "1"), {}),
  };
  const seconds = {} as StackRun["seconds"];
  const bytes = {} as StackRun["stateBytesPerResource"];
  const providerBytes = {} as StackRun["providerBytes"];
  const actions: Record<Step, (s: E2EStack, f: Flavour) => Promise<unknown>> = {
    up: (s) => s.up(),
    preview: (s) => s.stack.preview(),
    refresh: (s) => s.refresh(),
    "preview change": (s, f) => {
      s.setProgram(program(f, n, "2"));
      return s.stack.preview();
    },
    "up change": (s) => s.up(),
    destroy: (s) => s.destroy(),
  };
  try {
    for (const step of STEPS) {
      seconds[step] = { ours: 0, floor: 0 };
      for (const flavour of FLAVOURS) {
        seconds[step][flavour] = await timed(() => actions[step](stacks[flavour], flavour));
        if (step === "up") {
          const sizes = await stateSizes(stacks[flavour]);
          bytes[flavour] = sizes.perResource;
          providerBytes[flavour] = sizes.provider;
        }
      }
      const { ours, floor } = seconds[step];
      log(
        `N=${n} ${step}: ours ${ours.toFixed(2)} s, floor ${floor.toFixed(2)} s, ratio ${(ours / floor).toFixed(2)}`,
      );
    }
  } finally {
    for (const flavour of FLAVOURS) await stacks[flavour].dispose();
  }
  return { n, seconds, stateBytesPerResource: bytes, providerBytes };
}
