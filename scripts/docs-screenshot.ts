/**
 * Renders docs/review.png: the review's HTML page for the update in test/fixtures/review (the same
 * review whose Markdown docs/review.md shows), screenshotted in headless Chromium, so that the picture
 * in the docs is what the current code draws.
 *
 *   npm run docs:screenshot
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { review } from "../provider/review/command";
import { screenshot } from "./chromium";

const ROOT = path.join(__dirname, "..");
const FIXTURES = path.join(ROOT, "test", "fixtures", "review");
const OUTPUT = path.join(ROOT, "docs", "review.png");
// Wide enough for the matrix and the decisions' longest line, tall enough for the whole page of this review.
const WIDTH = 1100;
const HEIGHT = 740;

function main(): void {
  const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8");
  const { html } = review(fixture("update.preview.json"), fixture("state.json"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "review-screenshot-"));
  try {
    const page = path.join(dir, "review.html");
    fs.writeFileSync(page, html);
    screenshot(page, OUTPUT, WIDTH, HEIGHT);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`wrote ${path.relative(ROOT, OUTPUT)}`);
}

main();
