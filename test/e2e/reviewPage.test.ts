// The review's HTML page opened in headless Chromium (Debian's `chromium`; CI installs it through
// scripts/install-chromium.sh). The screenshot must show the matrix: as many cells of each colour
// as the scenario has added, removed, changed and unchanged replicas, counted by hand from the
// scenarios in reviewScenarios.ts. A missing browser fails the test.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { review } from "../../provider/review/command";
import { CELL_COLOURS } from "../../provider/review/html";
import { colourAreas, readPng } from "./png";
import { screenshot } from "../../scripts/chromium";

jest.setTimeout(120_000);

const FIXTURES = path.resolve(__dirname, "../fixtures/review");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "review-page-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Renders the scenario's page, screenshots it, and counts cell-sized areas of each colour. */
function drawnCells(scenario: string): Record<keyof typeof CELL_COLOURS, number> {
  const page = path.join(dir, `${scenario}.html`);
  const shot = path.join(dir, `${scenario}.png`);
  fs.writeFileSync(page, review(fixture(`${scenario}.preview.json`), fixture("state.json")).html);
  screenshot(page, shot, 1400, 1000);
  const image = readPng(fs.readFileSync(shot));
  // A cell is at least 140 x 40 px; the legend's swatches are far smaller and do not count.
  const cellPixels = 3000;
  const count = (colour: string) => colourAreas(image, colour, cellPixels).length;
  return {
    added: count(CELL_COLOURS.added),
    removed: count(CELL_COLOURS.removed),
    changed: count(CELL_COLOURS.changed),
    same: count(CELL_COLOURS.same),
  };
}

it.each([
  // 1.2.0 is new in eastus and westeurope; 1.0.0 (3 regions) and 1.1.0 (2) are unchanged.
  ["new-version", { added: 2, removed: 0, changed: 0, same: 5 }],
  // 1.0.0 leaves northeurope; its other 2 regions and 1.1.0's 2 stay.
  ["region-removal", { added: 0, removed: 1, changed: 0, same: 4 }],
  // 1.0.0's westeurope count changes; 4 other cells stay.
  ["update", { added: 0, removed: 0, changed: 1, same: 4 }],
])("the %s page shows the matrix with its cells drawn", (scenario, expected) => {
  expect(drawnCells(scenario)).toEqual(expected);
});
