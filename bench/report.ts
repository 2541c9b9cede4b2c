// The benchmark's Markdown: the tables docs/benchmarks.md carries between its bench markers.
import * as fs from "fs";
import * as path from "path";
import { markdownTable, replaceBetween, ROOT } from "../scripts/generate-docs";
import type { BenchReport } from "./index";
import { STEPS, type StackRun } from "./stacks";
import { DYNAMIC, PLUGIN, type Comparison, type Flavour } from "./programs";
import { median, medianRatio, round2, stateRatio } from "./ratios";
import { checkTargets, STATE_TARGET, STEP_TARGETS, TARGET_MIN_N } from "./targets";

/** The median ratio over rounds, as the tables print it. */
function ratioOf(times: Partial<Record<Flavour, number[]>>, over: Flavour, under: Flavour): string {
  return medianRatio(times, over, under).toFixed(2);
}

const seconds = (values: number[] | undefined) =>
  values === undefined ? "-" : `${median(values).toFixed(1)} s`;

/** Each step's ratio of one flavour over another, with both medians: "1.12 (4.0 s / 3.6 s)". */
function stepCells(perStep: StackRun["seconds"], over: Flavour, under: Flavour): string[] {
  return STEPS.map((step) => {
    const times = perStep[step];
    return `${ratioOf(times, over, under)} (${seconds(times[over])} / ${seconds(times[under])})`;
  });
}

/** A run's row of one flavour over another: each step's ratio with both wall times, then state size. */
function ratioRow(run: StackRun, over: Flavour, under: Flavour): string[] {
  const b = run.stateBytesPerResource;
  return [
    String(run.n),
    ...stepCells(run.seconds, over, under),
    `${stateRatio(run, over, under).toFixed(2)} (${b[over]} / ${b[under]})`,
  ];
}

function stacksTable(report: BenchReport): string | undefined {
  if (report.stacks.some((run) => run.seconds.up[DYNAMIC.ours] === undefined)) return undefined;
  const header = ["N", ...STEPS, "state bytes / resource", "`__provider` bytes"];
  const rows = report.stacks.map((run) => [
    ...ratioRow(run, DYNAMIC.ours, DYNAMIC.floor),
    `${run.providerBytes.ours} / ${run.providerBytes.floor}`,
  ]);
  return markdownTable(header, rows);
}

/** The provider plugin's YAML stack over its floor's: the same program through a no-op plugin. */
function pluginTable(report: BenchReport): string | undefined {
  const runs = report.stacks.filter((run) => run.seconds.up[PLUGIN.ours] !== undefined);
  if (runs.length === 0) return undefined;
  const rows = runs.map((run) => ratioRow(run, PLUGIN.ours, PLUGIN.floor));
  return markdownTable(["N", ...STEPS, "state bytes / resource"], rows);
}

/** ours / floor split in two: what Pulumi charges for resources of ours' size, and what is left. */
function splitTable(report: BenchReport, split: Comparison): string | undefined {
  const runs = report.stacks.filter((run) => run.seconds.up[split.data] !== undefined);
  if (runs.length === 0) return undefined;
  const { names } = split;
  const row = (run: StackRun, a: "ours" | "data", b: "data" | "floor") => [
    `${run.n}: ${names[a]} / ${names[b]}`,
    ...STEPS.map((step) => ratioOf(run.seconds[step], split[a], split[b])),
    `${run.stateBytesPerResource[split[a]]} / ${run.stateBytesPerResource[split[b]]}`,
  ];
  const rows = runs.flatMap((run) => [row(run, "data", "floor"), row(run, "ours", "data")]);
  return markdownTable(["N", ...STEPS, "state bytes / resource"], rows);
}

/**
 * The CPU time of each step's processes together, ours over the floor, for the dynamic stacks and
 * the plugin's: on a machine whose cores a step keeps busy, what its wall time follows.
 */
function cpuTable(report: BenchReport): string | undefined {
  const rows = report.stacks.flatMap((run) =>
    [DYNAMIC, PLUGIN]
      .filter((pair) => run.cpuSeconds.up[pair.ours] !== undefined)
      .map((pair) => [
        `${run.n}: ${pair.names.ours} / ${pair.names.floor}`,
        ...stepCells(run.cpuSeconds, pair.ours, pair.floor),
      ]),
  );
  return rows.length === 0 ? undefined : markdownTable(["N", ...STEPS], rows);
}

/** Each front door's tuned path over its plain path (provider/tuning.ts), wall and CPU time. */
function plainTable(report: BenchReport): string | undefined {
  const rows = report.stacks.flatMap((run) =>
    [DYNAMIC, PLUGIN]
      .filter((pair) => run.seconds.up[pair.plain] !== undefined && run.seconds.up[pair.ours] !== undefined)
      .flatMap((pair) => [
        [
          `${run.n}: ${pair.names.ours} / ${pair.names.plain}, wall`,
          ...stepCells(run.seconds, pair.ours, pair.plain),
        ],
        [
          `${run.n}: ${pair.names.ours} / ${pair.names.plain}, CPU`,
          ...stepCells(run.cpuSeconds, pair.ours, pair.plain),
        ],
      ]),
  );
  return rows.length === 0 ? undefined : markdownTable(["N", ...STEPS], rows);
}

/** The targets in words, from their table: "`up` at most 1.15, ..., the state per resource at most 1.15x". */
function targetsText(): string {
  const steps = Object.entries(STEP_TARGETS).map(([step, most]) => `\`${step}\` at most ${most.toFixed(2)}`);
  return [...steps, `the state per resource at most ${STATE_TARGET.toFixed(2)}x`].join(", ");
}

/** Each target of the runs the targets are set for (N = 100 and more), met or not, and its split. */
function targetsTable(report: BenchReport): string | undefined {
  const rows = report.stacks
    .filter((run) => run.n >= TARGET_MIN_N)
    .flatMap((run) =>
      [DYNAMIC, PLUGIN]
        .filter((pair) => run.seconds.up[pair.ours] !== undefined)
        .flatMap((pair) =>
          checkTargets(run, pair).map((check) => [
            `${run.n}: ${pair.names.ours} / ${pair.names.floor}`,
            check.measure === "state" ? "state per resource" : `\`${check.measure}\``,
            check.target.toFixed(2),
            check.ratio.toFixed(2),
            check.met ? "yes" : "**no**",
            check.split?.size.toFixed(2) ?? "-",
            check.split?.own.toFixed(2) ?? "-",
            check.split?.leftForProvider.toFixed(2) ?? "-",
          ]),
        ),
    );
  if (rows.length === 0) return undefined;
  const header = [
    "N: stacks",
    "measure",
    "target",
    "ratio",
    "met",
    "data / floor",
    "ours / data",
    "left for ours / data",
  ];
  return markdownTable(header, rows);
}

function requestsTable(report: BenchReport): string {
  const r = report.requests!;
  const rows = r.operations.map((op) => [
    `${op.resource} ${op.operation}`,
    String(op.counts.write + op.counts.poll + op.counts.read),
    `${op.counts.write} / ${op.counts.poll} / ${op.counts.read}`,
    String(op.minimum),
    op.seconds.toFixed(1),
  ]);
  return markdownTable(["operation", "requests", "write / poll / read", "minimum", "seconds"], rows);
}

function limitsTable(report: BenchReport): string {
  const l = report.limits!;
  const ms = (p: { p50: number; p99: number }) => `${p.p50} / ${p.p99}`;
  return markdownTable(
    [`at ${l.versions.toLocaleString("en-US")} versions`, "p50 / p99 ms"],
    [
      ["GET version", ms(l.getMs)],
      ["list page (100 of one definition's 1,000)", ms(l.listPageMs)],
      ["PUT version (8 clients)", ms(l.putMs)],
      [
        `GET, ${l.concurrent.clients} clients for ${l.concurrent.seconds} s (${l.concurrent.requests} requests, ${l.concurrent.errors} errors)`,
        ms(l.concurrent.getMs),
      ],
    ],
  );
}

function loadText(report: BenchReport): string {
  const l = report.load!;
  const ms = (p: { p50: number; p99: number }) => `${p.p50} / ${p.p99}`;
  const unexpected = Object.entries(l.unexpected);
  return [
    `Load: ${l.clients} clients for ${l.seconds} s, each creating versions and reading three versions any client created per write, the emulator's state on disk:`,
    markdownTable(
      ["requests", "count", "per second", "p50 / p99 ms"],
      [
        ["PUT version (create)", String(l.writes), String(l.writesPerSecond), ms(l.putMs)],
        ["GET version", String(l.reads), String(round2(l.reads / l.seconds)), ms(l.getMs)],
        ["all", String(l.writes + l.reads), String(l.requestsPerSecond), ""],
      ],
    ),
    `Answers Azure would not give: ${unexpected.length === 0 ? "none" : unexpected.map(([k, n]) => `${n} x ${k}`).join(", ")}; acknowledged creates not readable afterwards: ${l.lost}.`,
  ].join("\n\n");
}

function wireText(report: BenchReport): string {
  const w = report.wire!;
  const row = (label: string, ms: typeof w.coldMs) => [
    label,
    ms["google-protobuf"].toFixed(3),
    ms.wireService.toFixed(3),
    (ms.wireService / ms["google-protobuf"]).toFixed(2),
  ];
  return [
    `The plugin's messages: one version's Read request and answer and the Diff request after it (${w.bytes} bytes together), decoded to JSON and encoded back, through the generated classes with google-protobuf's Struct and through the plugin's own service definition (\`provider/plugin/wireService.ts\`), each in a fresh process, 3 alternating runs, the median (\`bench/wire.ts\`):`,
    markdownTable(
      ["ms per version", "google-protobuf", "wireService", "ratio"],
      [row("the first 100 versions of a process", w.coldMs), row("the next 2,000", w.warmMs)],
    ),
  ].join("\n\n");
}

export function renderReport(report: BenchReport): string {
  const parts = [`Measured on ${report.machine}.`];
  if (report.stacks.length > 0) {
    const rounds = Object.values(report.stacks[0]!.seconds.up)[0]!.length;
    const roundsText = rounds === 1 ? "1 round" : `${rounds} rounds`;
    const dynamic = stacksTable(report);
    if (dynamic)
      parts.push(
        `Ratio ours / floor (no-op dynamic resources of the same shape), with the wall times (ours / floor), alternating at every step; the median of ${roundsText}:`,
        dynamic,
      );
    const plugin = pluginTable(report);
    if (plugin)
      parts.push(
        `The provider plugin: the same shape as a Pulumi YAML program, ratio plugin / plugin floor (the same program through a provider plugin of no-op resources served by Pulumi's Node provider host, \`bench/floorPlugin/\`), with the wall times (plugin / plugin floor); the median of ${roundsText}:`,
        plugin,
      );
    const cpu = cpuTable(report);
    if (cpu)
      parts.push(
        `CPU time of each step's processes together, as the kernel counts it (the \`pulumi\` command and all it starts: the language host, the providers and their threads, the embedded emulator's included; for the dynamic stacks also the benchmark's process, which runs their programs), ratio over the floor with the CPU seconds; the median of ${roundsText}. A step that used about as many CPU seconds as its wall seconds times the cores kept them all busy: its wall time follows its CPU time:`,
        cpu,
      );
    const data = splitTable(report, DYNAMIC);
    if (data)
      parts.push(
        "The same ratio in two factors. data / floor: no-op resources as large as ours (they register ours' property keys, the outputs only Azure sets and `__urn`, and store ours' checked inputs, ARM id and outputs, Azure's answer, instead of their inputs; `bench/echo/`), which is what Pulumi charges for resources of ours' size. ours / data: what is left, the provider's own work and the embedded emulator's:",
        data,
      );
    const pluginData = splitTable(report, PLUGIN);
    if (pluginData)
      parts.push(
        "The plugin's ratio in the same two factors. plugin data / plugin floor: the floor plugin's no-ops made as large as ours (they store the plugin's checked inputs, ARM id and outputs of the same round instead of their inputs), what the engine and the YAML language host charge for resources of ours' size. plugin / plugin data: the plugin's own work and the embedded emulator's:",
        pluginData,
      );
    const plain = plainTable(report);
    if (plain)
      parts.push(
        `What the tuned layer buys (\`provider/tuning.ts\`): each front door's stack on its default path over the same stack with \`COMPUTE_GALLERY_PLAIN_PATH=1\` (the SDK's own gRPC codecs, ordinary resource construction, everything loaded at start, the SDK's full pipeline), alternating at every step, with the wall and CPU seconds; the median of ${roundsText}. Below 1.00, the tuned path is faster:`,
        plain,
      );
    const targets = targetsTable(report);
    if (targets)
      parts.push(
        `The benchmark's targets at N = ${TARGET_MIN_N} and more (\`bench/targets.ts\`), ours over the floor from the tables above: ${targetsText()}. Where the data flavour ran, each step's ratio is split as above: data / floor, what the engine charges for resources of ours' size; ours / data, the provider's own work and the emulator's; and what the target leaves the latter, the target over data / floor (each factor is its own median over the rounds, so the two need not multiply to the ratio). Below 1.00 there, resources of ours' size alone cost the engine more than the target allows:`,
        targets,
      );
  }
  if (report.wire) parts.push(wireText(report));
  if (report.requests) {
    const r = report.requests;
    parts.push(
      `Requests per operation (Retry-After ${r.retryAfterSeconds} s, replication ${r.replicationSeconds} s; the token request excluded):`,
      requestsTable(report),
      `Waiting: ${r.waiting.map((w) => `replication of ${w.replicationSeconds} s, create returns ${w.returnedAfterSeconds.toFixed(2)} s after it completes`).join("; ")}.`,
    );
  }
  if (report.limits) {
    const l = report.limits;
    parts.push(
      limitsTable(report),
      `The emulator, in a process of its own: ${l.memoryMB.resident} MB resident at the end (peak ${l.memoryMB.peak} MB), state file ${l.stateFileMB} MB; seeding the ${l.versions} versions over HTTPS took ${l.seedSeconds} s.`,
    );
  }
  if (report.load) parts.push(loadText(report));
  return parts.join("\n\n");
}

/** The page whose bench markers hold the latest results. */
export const BENCHMARKS_PAGE = path.join(ROOT, "docs", "benchmarks.md");

export function writeDocs(text: string): void {
  const current = fs.readFileSync(BENCHMARKS_PAGE, "utf8");
  fs.writeFileSync(BENCHMARKS_PAGE, replaceBetween(current, "bench", text));
}
