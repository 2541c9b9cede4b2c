// The benchmark's verdict on its targets (bench/targets.ts): ours over the floor at most 1.15 for up, preview and
// refresh, at most 1.25 for destroy, the state per resource at most 1.15x, at N = 100 and 1,000.
// The runs below are made up, so every expected figure is worked out by hand from them.
import { renderReport } from "../../bench/report";
import { DYNAMIC, PLUGIN, type Flavour } from "../../bench/programs";
import { STEPS, type StackRun, type Step } from "../../bench/stacks";
import { checkTargets } from "../../bench/targets";

/** Seconds per round for each flavour, the same for every step unless `perStep` says otherwise. */
function run(
  n: number,
  seconds: Partial<Record<Flavour, number[]>>,
  perStep: Partial<Record<Step, Partial<Record<Flavour, number[]>>>> = {},
  stateBytes: Partial<Record<Flavour, number>> = {},
): StackRun {
  const bySteps = Object.fromEntries(STEPS.map((step) => [step, { ...seconds, ...perStep[step] }]));
  const flavours = Object.keys(seconds) as Flavour[];
  return {
    n,
    seconds: bySteps as StackRun["seconds"],
    cpuSeconds: bySteps as StackRun["cpuSeconds"],
    stateBytesPerResource: Object.fromEntries(flavours.map((f) => [f, stateBytes[f] ?? 1000])),
    providerBytes: { ours: 300, floor: 1100 },
  };
}

const byMeasure = (r: StackRun, pair = DYNAMIC) =>
  Object.fromEntries(checkTargets(r, pair).map((check) => [check.measure, check]));

test("a step at 1.20 misses its 1.15 target, while destroy at 1.20 meets its 1.25", () => {
  const checks = byMeasure(run(100, { ours: [1.2], floor: [1] }));
  expect(checks.up).toMatchObject({ target: 1.15, ratio: 1.2, met: false });
  expect(checks.preview).toMatchObject({ target: 1.15, met: false });
  expect(checks.refresh).toMatchObject({ target: 1.15, met: false });
  expect(checks.destroy).toMatchObject({ target: 1.25, ratio: 1.2, met: true });
});

test("a target is a most: a ratio equal to it is met", () => {
  const checks = byMeasure(run(100, { ours: [2.3], floor: [2] }, { destroy: { ours: [2.5], floor: [2] } }));
  expect(checks.up).toMatchObject({ ratio: 1.15, met: true });
  expect(checks.destroy).toMatchObject({ ratio: 1.25, met: true });
});

test("the ratio is the median of the rounds' ratios, each round ours over its own floor", () => {
  // Rounds 1.3 / 1, 2.2 / 3 and 3.3 / 2: ratios 1.30, 0.73 and 1.65, whose median is 1.30. The
  // medians of the times (2.2 s over 2 s) would give 1.10.
  const checks = byMeasure(run(100, { ours: [1.3, 2.2, 3.3], floor: [1, 3, 2] }));
  expect(checks.up!.ratio).toBe(1.3);
});

test("the state target compares bytes per resource, ours over the floor's", () => {
  const checks = byMeasure(
    run(100, { plugin: [1], pluginFloor: [1] }, {}, { plugin: 4317, pluginFloor: 3130 }),
    PLUGIN,
  );
  expect(checks.state).toMatchObject({ target: 1.15, ratio: 1.38, met: false });
  expect(checks.state!.split).toBeUndefined();
});

test("with the data flavour, a step is split, and the target over data / floor is what it leaves ours / data", () => {
  const checks = byMeasure(run(100, { plugin: [1.4], pluginFloor: [1], pluginData: [1.25] }), PLUGIN);
  // 1.4 / 1 = 1.40; data 1.25 / 1 = 1.25; ours over data 1.4 / 1.25 = 1.12; destroy's 1.25 / 1.25 = 1.00.
  expect(checks.destroy).toMatchObject({
    ratio: 1.4,
    met: false,
    split: { size: 1.25, own: 1.12, leftForProvider: 1 },
  });
  // up's 1.15 / 1.25 = 0.92: the engine's charge for ours' size is over the target before ours' work.
  expect(checks.up!.split!.leftForProvider).toBe(0.92);
});

test("without the data flavour a step has no split", () => {
  expect(byMeasure(run(100, { ours: [1], floor: [1] })).up!.split).toBeUndefined();
});

describe("the report", () => {
  const report = (runs: StackRun[]) => renderReport({ machine: "test machine", stacks: runs });

  test("lists every target of each stack at N = 100, marking the missed ones", () => {
    const text = report([
      run(100, { ours: [1.2], floor: [1], data: [1.1], plugin: [1.1], pluginFloor: [1], pluginData: [1] }),
    ]);
    expect(text).toContain(
      "`up` at most 1.15, `preview` at most 1.15, `refresh` at most 1.15, `destroy` at most 1.25",
    );
    expect(text).toContain("the state per resource at most 1.15x");
    const rows = text.split("\n").filter((line) => /^\| 100: /.test(line) && /`up`|state per/.test(line));
    expect(rows).toHaveLength(4);
    const cells = (line: string) => line.split("|").map((cell) => cell.trim());
    const up = rows.map(cells).find((c) => c[1] === "100: ours / floor" && c[2] === "`up`")!;
    expect(up.slice(3, 9)).toEqual(["1.15", "1.20", "**no**", "1.10", "1.09", "1.05"]);
    const pluginUp = rows.map(cells).find((c) => c[1] === "100: plugin / plugin floor" && c[2] === "`up`")!;
    expect(pluginUp.slice(3, 6)).toEqual(["1.15", "1.10", "yes"]);
  });

  test("has no targets table for a run below N = 100, which the targets are not set for", () => {
    const text = report([run(10, { ours: [2], floor: [1] })]);
    expect(text).not.toContain("targets at N");
    expect(text).toContain("| 10  |");
  });
});
