// `npm run bench` at its smallest sizes: every part runs (the eight stacks of N = 2 through the real
// engine, the plugin's message codecs, requests per operation, the emulator with one definition of
// 1,000 versions, the load run), so a change that breaks the benchmark fails CI instead of the next person who measures. No time is
// asserted (the machines are shared); what is asserted is what the benchmark checks besides time:
// the request counts against ARM's minimum, and the load run's answers.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { BenchReport } from "../../bench/index";
import { STEPS } from "../../bench/stacks";
import { requirePulumiCli } from "./harness";

jest.setTimeout(900_000);

const ROOT = path.resolve(__dirname, "..", "..");
const FLAVOURS = [
  "ours",
  "oursPlain",
  "floor",
  "data",
  "plugin",
  "pluginPlain",
  "pluginFloor",
  "pluginData",
] as const;

let report: BenchReport;
let text: string;

beforeAll(() => {
  requirePulumiCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-smoke-"));
  try {
    const json = path.join(dir, "report.json");
    execFileSync(
      path.join(ROOT, "node_modules", ".bin", "ts-node"),
      ["bench/index.ts", "--n", "2", "--rounds", "1", "--limits-definitions", "1", "--json", json],
      { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] },
    );
    ({ report, text } = JSON.parse(fs.readFileSync(json, "utf8")) as { report: BenchReport; text: string });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("every step of every stack ran and was timed, and the benchmark page's tables are rendered from it", () => {
  expect(report.stacks.map((run) => run.n)).toEqual([2]);
  const [run] = report.stacks;
  for (const step of STEPS) {
    for (const flavour of FLAVOURS) {
      const seconds = run!.seconds[step][flavour];
      expect({ step, flavour, seconds }).toEqual({ step, flavour, seconds: [expect.any(Number)] });
      expect(seconds![0]).toBeGreaterThan(0);
    }
  }
  for (const flavour of FLAVOURS) expect(run!.stateBytesPerResource[flavour]).toBeGreaterThan(0);
  expect(text).toMatch(/^\| 2 +\| \d+\.\d\d \(/m);
  expect(text).toMatch(/^\| 2: ours \/ floor +\| \d+\.\d\d \(/m);
  expect(text).toMatch(/^\| 2: plugin \/ plugin floor +\| \d+\.\d\d \(/m);
  // The tuned layer against the plain path, for both front doors.
  expect(text).toMatch(/^\| 2: ours \/ ours plain, wall +\| \d+\.\d\d \(/m);
  expect(text).toMatch(/^\| 2: plugin \/ plugin plain, CPU +\| \d+\.\d\d \(/m);
  expect(text).toContain("Requests per operation");
  expect(text).toMatch(
    /^\| the first 100 versions of a process +\| \d+\.\d{3} +\| \d+\.\d{3} +\| \d+\.\d\d +\|$/m,
  );
  expect(text).toContain("| at 1,000 versions ");
  expect(text).toContain("Load: 50 clients");
});

test("each step's CPU time counts the processes the engine starts, not only the benchmark's own", () => {
  const [run] = report.stacks;
  for (const step of STEPS) {
    for (const flavour of FLAVOURS) {
      const cpu = run!.cpuSeconds[step][flavour];
      expect({ step, flavour, cpu }).toEqual({ step, flavour, cpu: [expect.any(Number)] });
      // The YAML stacks run nothing in this process: without the CLI and its children counted, theirs
      // would be about 0. The CLI, the language host and a provider process each take longer to start.
      expect({ step, flavour, overCliFloor: cpu![0]! > 0.2 }).toEqual({ step, flavour, overCliFloor: true });
    }
  }
});

test("the plugin's messages were timed through both codecs, on messages the size of a version's", () => {
  const wire = report.wire!;
  for (const timing of [wire.coldMs, wire.warmMs]) {
    expect(timing["google-protobuf"]).toBeGreaterThan(0);
    expect(timing.wireService).toBeGreaterThan(0);
  }
  // Read request and answer and Diff request of a version in two regions: several kB, not a stub.
  expect(wire.bytes).toBeGreaterThan(5000);
});

test("each write sends at most one request over ARM's minimum: the read before a create, the gallery read before the first version delete", () => {
  const over = report.requests!.operations.map((op) => ({
    operation: `${op.resource} ${op.operation}`,
    over: op.counts.write + op.counts.poll + op.counts.read - op.minimum,
  }));
  const allowedOver: Record<string, number> = {
    "gallery create": 1,
    "galleryImage create": 1,
    "galleryImageVersion create": 1,
    "galleryImageVersion delete": 1,
  };
  expect(over.length).toBeGreaterThanOrEqual(10);
  for (const { operation, over: extra } of over) {
    expect({ operation, extra }).toEqual({ operation, extra: allowedOver[operation] ?? 0 });
  }
});

test("the load run got only answers Azure gives, and every acknowledged create was readable", () => {
  expect(report.load!.writes).toBeGreaterThan(0);
  expect(report.load!.unexpected).toEqual({});
  expect(report.load!.lost).toBe(0);
  expect(report.limits!.concurrent.errors).toBe(0);
});
