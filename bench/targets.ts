// The targets for the stacks, and how one run measures up to them. Where the data flavour ran,
// each step's ratio is also split (report.ts): what the engine charges for resources of ours' size
// (data / floor) and the provider's own work (ours / data). A target divided by the first factor is
// what it leaves the second: below 1.00, resources of ours' size alone cost the engine more than
// the target allows, before any work of the provider's.
import { medianRatio, round2, stateRatio } from "./ratios";
import type { Comparison } from "./programs";
import type { StackRun, Step } from "./stacks";

/** The most each step of ours may cost over the floor: 1.15, and 1.25 for `destroy`. */
export const STEP_TARGETS = {
  up: 1.15,
  preview: 1.15,
  refresh: 1.15,
  destroy: 1.25,
} as const satisfies Partial<Record<Step, number>>;

/** The most ours' state may weigh per resource over the floor's. */
export const STATE_TARGET = 1.15;

/** The targets are set for stacks of this many versions and more (N = 100 and 1,000). */
export const TARGET_MIN_N = 100;

export interface TargetCheck {
  measure: keyof typeof STEP_TARGETS | "state";
  target: number;
  /** Ours over the floor, rounded as the tables print it. */
  ratio: number;
  met: boolean;
  /** Steps only, where the data flavour ran: data / floor, ours / data, and target / (data / floor). */
  split?: { size: number; own: number; leftForProvider: number };
}

/** Every target of one run of a comparison (the dynamic stacks or the plugin's), in table order. */
export function checkTargets(run: StackRun, pair: Comparison): TargetCheck[] {
  const steps = (Object.keys(STEP_TARGETS) as (keyof typeof STEP_TARGETS)[]).map((step): TargetCheck => {
    const target = STEP_TARGETS[step];
    const times = run.seconds[step];
    const ratio = round2(medianRatio(times, pair.ours, pair.floor));
    const hasData = times[pair.data] !== undefined;
    const size = hasData ? round2(medianRatio(times, pair.data, pair.floor)) : undefined;
    return {
      measure: step,
      target,
      ratio,
      met: ratio <= target,
      ...(size === undefined
        ? {}
        : {
            split: {
              size,
              own: round2(medianRatio(times, pair.ours, pair.data)),
              leftForProvider: round2(target / size),
            },
          }),
    };
  });
  const state = round2(stateRatio(run, pair.ours, pair.floor));
  return [...steps, { measure: "state", target: STATE_TARGET, ratio: state, met: state <= STATE_TARGET }];
}
