/**
 * `compute-gallery review [preview.json] [--state state.json] [--html page.html]`
 *
 * Reads what `pulumi preview --json` printed (from the file, or standard input when none or "-" is
 * given) and, optionally, what `pulumi stack export` printed, and writes the review as Markdown to
 * standard output; `--html` also writes the same review as a self-contained HTML page.
 */
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { reviewDecisions } from "./decisions";
import { reviewHtml } from "./html";
import { reviewMarkdown } from "./markdown";
import { versionMatrices } from "./matrix";
import { readReviewInput } from "./previewJson";

export const REVIEW_USAGE = `Usage: compute-gallery review [preview.json | -] [--state state.json] [--html page.html]

Writes a Markdown review of a Pulumi preview of Compute Gallery resources to standard output.
  preview.json        output of \`pulumi preview --json\` (default: standard input)
  --state <file>      output of \`pulumi stack export\`: adds unchanged versions to the matrix and "latest"
  --html <file>       also write the review as a self-contained HTML page
Stack config read from the preview: compute-gallery:expectedLoad, compute-gallery:prices, compute-gallery:intent.
`;

export interface ReviewIo {
  readStdin(): Promise<string>;
  write(text: string): void;
}

/** The review of one preview: Markdown, and the HTML page. */
export function review(previewText: string, stateText?: string): { markdown: string; html: string } {
  const input = readReviewInput(previewText, stateText);
  const decisions = reviewDecisions(input);
  const matrices = versionMatrices(input);
  return { markdown: reviewMarkdown(decisions, matrices), html: reviewHtml(decisions, matrices) };
}

export async function runReview(argv: readonly string[], io: ReviewIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { state: { type: "string" }, html: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.write(REVIEW_USAGE);
    return;
  }
  if (positionals.length > 1) throw new Error(`review takes one preview file, got ${positionals.join(", ")}`);
  const file = positionals[0];
  const previewText =
    file === undefined || file === "-" ? await io.readStdin() : fs.readFileSync(file, "utf8");
  const stateText = values.state === undefined ? undefined : fs.readFileSync(values.state, "utf8");
  const { markdown, html } = review(previewText, stateText);
  if (values.html !== undefined) fs.writeFileSync(values.html, html);
  io.write(markdown);
}
