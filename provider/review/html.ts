/**
 * The review as one self-contained HTML page (inline CSS, no script, no network): the decisions as
 * in the Markdown, and each version matrix drawn as a grid of coloured cells, one per version and
 * region, so a reviewer sees at a glance where replicas appear, disappear or change.
 *
 *   reviewHtml(decisions, matrices): string
 *
 * Cells carry `data-version`, `data-region` and `data-change` (added | removed | changed | same) so
 * tests and readers can find them.
 */
import type { Decisions } from "./decisions";
import type { MatrixCell, VersionMatrix } from "./matrix";
import { reviewMarkdown } from "./markdown";

/** Fill colour per kind of change; tests look for these pixels in a screenshot. */
export const CELL_COLOURS = {
  added: "#2e7d32",
  removed: "#c62828",
  changed: "#ef6c00",
  same: "#1565c0",
} as const;

export type CellChange = keyof typeof CELL_COLOURS;

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

function describe(cell: MatrixCell | undefined): string {
  return cell === undefined
    ? "—"
    : `${cell.replicas} × ${cell.storageAccountType}${cell.excludeFromLatest ? " (excluded)" : ""}`;
}

export function cellChange(
  before: MatrixCell | undefined,
  after: MatrixCell | undefined,
): CellChange | undefined {
  if (before === undefined && after === undefined) return undefined;
  if (before === undefined) return "added";
  if (after === undefined) return "removed";
  return describe(before) === describe(after) ? "same" : "changed";
}

function matrixTable(matrix: VersionMatrix): string {
  const head = matrix.regions.map((region) => `<th>${escape(region)}</th>`).join("");
  const rows = matrix.rows.map((row) => {
    const cells = matrix.regions.map((region) => {
      const [before, after] = [row.before[region], row.after[region]];
      const change = cellChange(before, after);
      if (change === undefined) return `<td class="empty"></td>`;
      const text = change === "same" ? describe(after) : `${describe(before)} → ${describe(after)}`;
      return (
        `<td class="cell ${change}" data-version="${escape(row.version)}" data-region="${escape(region)}" ` +
        `data-change="${change}">${escape(text)}</td>`
      );
    });
    return `<tr><th>${escape(row.version)}</th>${cells.join("")}</tr>`;
  });
  const latest = matrix.regions.map((region) => {
    const [before, after] = [matrix.latestBefore[region] ?? "—", matrix.latestAfter[region] ?? "—"];
    return `<td class="latest">${escape(before === after ? before : `${before} → ${after}`)}</td>`;
  });
  return [
    `<h2>Versions by region: ${escape(matrix.definition)}</h2>`,
    `<table class="matrix" data-definition="${escape(matrix.definition)}">`,
    `<thead><tr><th>Version</th>${head}</tr></thead>`,
    `<tbody>${rows.join("")}<tr><th><em>latest</em></th>${latest.join("")}</tr></tbody>`,
    `</table>`,
  ].join("\n");
}

const STYLE = `
body { font-family: sans-serif; margin: 24px; color: #222; }
table.matrix { border-collapse: separate; border-spacing: 4px; margin-bottom: 24px; }
table.matrix th { text-align: left; padding: 4px 8px; }
td.cell { color: #fff; padding: 12px 10px; min-width: 140px; font-size: 13px; }
td.empty { background: #eee; min-width: 140px; }
td.latest { font-style: italic; padding: 4px 10px; }
${Object.entries(CELL_COLOURS)
  .map(([change, colour]) => `td.${change} { background: ${colour}; }`)
  .join("\n")}
pre { background: #f6f8fa; padding: 12px; white-space: pre-wrap; }
.legend span { display: inline-block; color: #fff; padding: 2px 8px; margin-right: 6px; }
`;

export function reviewHtml(decisions: Decisions, matrices: readonly VersionMatrix[]): string {
  const legend = Object.entries(CELL_COLOURS)
    .map(([change, colour]) => `<span style="background:${colour}">${change}</span>`)
    .join("");
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8"><title>Compute Gallery review</title>',
    `<style>${STYLE}</style></head><body>`,
    "<h1>Compute Gallery review</h1>",
    `<p class="legend">${legend}</p>`,
    ...matrices.map(matrixTable),
    "<h2>Decisions</h2>",
    `<pre>${escape(reviewMarkdown(decisions, []))}</pre>`,
    "</body></html>",
    "",
  ].join("\n");
}
