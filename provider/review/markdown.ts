/**
 * The review as Markdown for a pull-request comment.
 *
 *   reviewMarkdown(decisions, matrices): string
 *
 * Deterministic: the same preview gives the same text (golden files compare it).
 */
import { RESOURCE_DISPLAY_NAMES } from "../model/mutability";
import type { Prices } from "../advice/config";
import { storageChangeFigures } from "../advice/storageChange";
import { gb, money, signed, signedMoney } from "../advice/format";
import { BEST_PRACTICES_URL } from "../advice/bestPractices";
import { describeFinding } from "../advice/productionAdvice";
import type { Decisions, ResourceDecision, StorageChange } from "./decisions";
import type { MatrixCell, VersionMatrix } from "./matrix";
import type { JsonObject } from "../model/jsonObject";

const NAME_KEYS = ["resourceGroupName", "galleryName", "galleryImageName", "galleryImageVersionName"];

export function azurePath(props: JsonObject | undefined): string {
  return NAME_KEYS.map((key) => props?.[key])
    .filter((value): value is string => typeof value === "string")
    .join("/");
}

function decisionLines(decision: ResourceDecision, prices: Prices | undefined): string[] {
  const lines: string[] = [];
  for (const { property, why } of decision.replacements) {
    lines.push(`- Replaced (deleted, then created again) because \`${property}\` changes: ${why}.`);
  }
  if (decision.removedRegions.length > 0) {
    lines.push(`- **Replicas deleted** in ${decision.removedRegions.join(", ")}.`);
  }
  if (decision.addedRegions.length > 0)
    lines.push(`- Replicated to new regions: ${decision.addedRegions.join(", ")}.`);
  for (const change of decision.replicaCountChanges) {
    lines.push(`- Replicas in ${change.region}: ${change.before} → ${change.after}.`);
  }
  for (const change of decision.storageTypeChanges) {
    lines.push(`- Storage type in ${change.region}: ${change.before} → ${change.after}.`);
  }
  for (const advice of decision.advice) {
    lines.push(
      advice.exceedsLimit
        ? `- ⚠️ Advice: the expected load in ${advice.region} needs ${advice.needed} replicas, more than the ${advice.recommended} one region may hold (${advice.current} planned); spread the deployments over time or regions.`
        : `- ⚠️ Advice: ${advice.region} has ${advice.current} replica(s); the expected load needs ${advice.recommended}.`,
    );
  }
  for (const finding of decision.practices) lines.push(`- ⚠️ Best practice: ${describeFinding(finding)}.`);
  if (decision.storage) lines.push(...storageLines(decision.storage, prices));
  return lines;
}

/** With `compute-gallery:intent`: what the whole program misses of Azure's best practices. */
function programAdviceLines(decisions: Decisions): string[] {
  const advice = decisions.programAdvice;
  if (advice === undefined) return [];
  const scope = decisions.wholeStack
    ? []
    : ["- Seen: the resources this preview changes only; give `--state` to judge the whole stack."];
  return [
    "### Best practices across the program",
    "",
    ...(advice.length === 0
      ? ["- Nothing to add."]
      : advice.map((a) => `- ⚠️ ${a.text.charAt(0).toUpperCase()}${a.text.slice(1)}`)),
    ...scope,
    `- Source: [Azure Compute Gallery best practices](${BEST_PRACTICES_URL}).`,
    "",
  ];
}

function storageLines(storage: StorageChange, prices: Prices | undefined): string[] {
  const f = storageChangeFigures(storage, prices);
  const lines = [
    `- Storage: ${f.snapshots[0]} → ${f.snapshots[1]} snapshots (${f.snapshotsDelta}), ` +
      `${f.stored[0]} → ${f.stored[1]} (${f.storedDelta}); ${f.sizePerSnapshot} per snapshot, ${f.basis}.`,
    `- Egress: ${f.egress === "none" ? "none" : `${f.egress} (one copy to ${f.egressTo})`}.`,
  ];
  if (f.cost && storage.cost) {
    const missing = storage.cost.missing;
    lines.push(
      `- Cost: storage ${f.cost.before} → ${f.cost.after} per month (${f.cost.delta}); ` +
        `egress ${f.cost.egressOnce} once.` +
        (missing.length > 0 ? ` Missing: ${missing.join("; ")}.` : ""),
    );
  }
  return lines;
}

function cellText(cell: MatrixCell | undefined): string {
  if (cell === undefined) return "—";
  return `${cell.replicas} × ${cell.storageAccountType}${cell.excludeFromLatest ? " (excluded)" : ""}`;
}

function change(before: string, after: string): string {
  return before === after ? before : `${before} → **${after}**`;
}

function matrixLines(matrix: VersionMatrix): string[] {
  const header = `| Version | ${matrix.regions.join(" | ")} |`;
  const rule = `|---|${matrix.regions.map(() => "---").join("|")}|`;
  const rows = matrix.rows.map(
    (row) =>
      `| ${row.version} | ${matrix.regions
        .map((region) => change(cellText(row.before[region]), cellText(row.after[region])))
        .join(" | ")} |`,
  );
  const latest = `| *latest* | ${matrix.regions
    .map((region) => change(matrix.latestBefore[region] ?? "—", matrix.latestAfter[region] ?? "—"))
    .join(" | ")} |`;
  return [`### Versions by region: ${matrix.definition}`, "", header, rule, ...rows, latest, ""];
}

function totals(decisions: Decisions): string[] {
  const storage = decisions.resources.flatMap((d) => (d.storage ? [d.storage] : []));
  if (storage.length === 0) return [];
  const sum = (values: (number | undefined)[]) =>
    values.some((v) => v === undefined) ? undefined : values.reduce<number>((a, b) => a + b!, 0);
  const snapshots = sum(storage.map((s) => (s.after?.snapshots ?? 0) - (s.before?.snapshots ?? 0)))!;
  const stored = sum(
    storage.map((s) =>
      s.after?.storedGB === undefined && s.after !== undefined
        ? undefined
        : s.before !== undefined && s.before.storedGB === undefined
          ? undefined
          : (s.after?.storedGB ?? 0) - (s.before?.storedGB ?? 0),
    ),
  );
  const egress = sum(storage.map((s) => s.egress.gb));
  const lines = [
    "### Storage and egress of this change",
    "",
    `- Snapshots: ${signed(snapshots)}; stored: ${stored === undefined ? "unknown" : `${signed(stored)} GB`}; egress: ${gb(egress)}.`,
  ];
  const prices = decisions.prices;
  if (prices) {
    const monthly = sum(
      storage.map((s) =>
        s.cost?.monthlyAfter === undefined || s.cost.monthlyBefore === undefined
          ? undefined
          : s.cost.monthlyAfter - s.cost.monthlyBefore,
      ),
    );
    const once = sum(storage.map((s) => s.cost?.egressOnce));
    lines.push(
      `- Cost: ${monthly === undefined ? "unknown" : signedMoney(monthly, prices)} per month, ` +
        `${money(once, prices)} egress once.`,
    );
  } else {
    lines.push("- No prices configured (`compute-gallery:prices`): quantities only.");
  }
  const total = decisions.stackTotal;
  lines.push(
    `- The stack's ${total.versions} version(s) after the change: ${total.snapshots} snapshots, ${gb(total.storedGB)} stored` +
      (prices ? `, ${money(total.monthlyCost, prices)} per month.` : "."),
  );
  if (storage.some((s) => (s.after ?? s.before)?.basis === "provisioned (upper bound)")) {
    lines.push(
      "- Some sizes are upper bounds from provisioned disk sizes (Azure bills used sizes): set `usedSizeInGB` on those versions.",
    );
  }
  return [...lines, ""];
}

export function reviewMarkdown(decisions: Decisions, matrices: readonly VersionMatrix[]): string {
  const changed = decisions.resources;
  const summary =
    changed.length === 0
      ? ["No gallery resource changes."]
      : [
          "| Resource | Azure resource | Action |",
          "|---|---|---|",
          ...changed.map(
            (d) =>
              `| \`${d.resource.name}\` | ${RESOURCE_DISPLAY_NAMES[d.resource.kind]} ${azurePath(d.resource.after ?? d.resource.before)} | **${d.action}** |`,
          ),
        ];
  const details = changed.flatMap((d) => {
    const lines = decisionLines(d, decisions.prices);
    return lines.length === 0 ? [] : [`#### \`${d.resource.name}\`: ${d.action}`, "", ...lines, ""];
  });
  return [
    "## Compute Gallery review",
    "",
    ...summary,
    "",
    ...details,
    ...programAdviceLines(decisions),
    ...totals(decisions),
    ...matrices.flatMap(matrixLines),
  ]
    .join("\n")
    .trimEnd()
    .concat("\n");
}
