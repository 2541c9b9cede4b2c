// `npm run bench`: what the provider costs over Pulumi's own floor, requests per operation, waiting
// after replication, and the emulator at the service limits. Not part of `npm test` (minutes of wall
// time); `npm test` runs a smoke run of every part at the smallest sizes (test/e2e/benchSmoke.test.ts).
//
//   --n 10,100          stack sizes (env BENCH_N; 1000 is opt-in: long on 2 cores)
//   --rounds 3          rounds of the stack steps; ratios are the median of the rounds' (env BENCH_ROUNDS)
//   --skip a,b          skip parts: stacks, data (the floors as large as ours, dynamic and plugin),
//                       dynamic (the TypeScript stacks through the dynamic provider and its floors),
//                       plugin (the YAML stacks through the provider plugin and its no-op floors),
//                       plain (ours and the plugin with the tuned layer off, provider/tuning.ts),
//                       wire (the plugin's message decoding), requests, limits, load (50 clients
//                       creating and reading versions)
//   --limits-definitions 10   definitions of 1,000 versions for the limits part (10 = the service limit)
//   --write-docs        replace the generated tables in docs/benchmarks.md
//   --json <file>       also write the report as JSON (test/e2e/benchSmoke.test.ts reads it)
import * as os from "os";
import * as fs from "fs";
import * as path from "path";
import { copyPackageInto } from "../scripts/installedCopy";
import { installEchoProvider } from "./echo/install";
import { runStacks, type StackRun } from "./stacks";
import { DYNAMIC, PLUGIN, type Flavour } from "./programs";
import { measureRequests, type RequestReport } from "./requests";
import { measureEmulatorLimits, type LimitsReport } from "./emulatorLimits";
import { measureLoad, type LoadReport } from "./load";
import { measureWire, type WireReport } from "./wire";
import { renderReport, writeDocs } from "./report";

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

export interface BenchReport {
  machine: string;
  stacks: StackRun[];
  wire?: WireReport;
  requests?: RequestReport;
  limits?: LimitsReport;
  load?: LoadReport;
}

function machine(): string {
  const memory = Math.round(os.totalmem() / 2 ** 30);
  return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown"}), ${memory} GB memory, node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)} at start`;
}

async function main(): Promise<void> {
  const sizes = (flag("n") ?? process.env.BENCH_N ?? "10,100").split(",").map(Number);
  const bad = sizes.find((n) => !Number.isInteger(n) || n < 1);
  if (bad !== undefined) throw new Error(`--n must be positive integers, e.g. 10,100; got ${flag("n")}`);
  const skip = new Set((flag("skip") ?? "").split(","));
  const rounds = Number(flag("rounds") ?? process.env.BENCH_ROUNDS ?? 3);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds must be a positive integer; got ${rounds}`);
  const flavours: Flavour[] = [];
  for (const [part, stacks] of [
    ["dynamic", DYNAMIC],
    ["plugin", PLUGIN],
  ] as const) {
    if (skip.has(part)) continue;
    // Ours before its data stack, whose `up` returns what ours' returned in the same step (stacks.ts).
    flavours.push(stacks.ours, stacks.floor);
    if (!skip.has("plain")) flavours.push(stacks.plain);
    if (!skip.has("data")) flavours.push(stacks.data);
  }
  const log = (line: string) => console.log(line);
  const report: BenchReport = { machine: machine(), stacks: [] };
  log(report.machine);
  if (!skip.has("requests")) report.requests = await measureRequests(log);
  if (!skip.has("stacks")) {
    // Ours runs as users have it, installed in node_modules: there Pulumi stores each provider as
    // a require of its module, not its code (provider/dynamic/forwarding.ts); the data flavour's
    // provider is installed the same way (echo/). Removed afterwards.
    const nodeModules = path.resolve(__dirname, "..", "node_modules");
    const installed = [copyPackageInto(nodeModules), installEchoProvider(nodeModules)];
    const remove = () => installed.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
    process.once("exit", remove);
    for (const signal of ["SIGINT", "SIGTERM"] as const)
      process.once(signal, () => {
        remove();
        process.exit(130);
      });
    try {
      for (const n of sizes) report.stacks.push(await runStacks(n, flavours, rounds, log));
    } finally {
      remove();
    }
  }
  if (!skip.has("wire")) report.wire = measureWire(log);
  if (!skip.has("limits"))
    report.limits = await measureEmulatorLimits(log, Number(flag("limits-definitions") ?? 10));
  if (!skip.has("load")) report.load = await measureLoad(log);
  const text = renderReport(report);
  console.log(`\n${text}`);
  const json = flag("json");
  if (json) fs.writeFileSync(json, JSON.stringify({ report, text }, null, 1));
  if (process.argv.includes("--write-docs")) writeDocs(text);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
