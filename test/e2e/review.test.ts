// The review report from real engine output: each scenario is previewed with the real Pulumi CLI
// (`pulumi preview --json`) against the embedded emulator, and the report rendered from that JSON
// must say what the reviewed golden Markdown in test/fixtures/review says. With
// UPDATE_REVIEW_FIXTURES=1 the JSON fixtures are rewritten instead (review the Markdown diff!).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { review } from "../../provider/review/command";
import { E2EStack, requirePulumiCli } from "./harness";
import { REVIEW_CONFIG, REVIEW_FIXTURES, reviewProgram, SCENARIOS, scrubPaths } from "./reviewScenarios";

jest.setTimeout(600_000);

const update = process.env.UPDATE_REVIEW_FIXTURES === "1";
let stack: E2EStack;
let state: string;

beforeAll(async () => {
  requirePulumiCli();
  stack = await E2EStack.create("acg-review", reviewProgram(), REVIEW_CONFIG);
  await stack.up();
  state = scrubPaths(JSON.stringify(await stack.stack.exportStack(), null, 2));
  if (update) fs.writeFileSync(path.join(REVIEW_FIXTURES, "state.json"), state + "\n");
});

afterAll(async () => {
  await stack?.dispose();
});

const previews: Record<string, string> = {};

describe.each(Object.keys(SCENARIOS))("review of the %s preview", (scenario) => {
  it("renders the reviewed golden Markdown from the engine's preview JSON", async () => {
    stack.setProgram(reviewProgram(SCENARIOS[scenario]));
    const preview = scrubPaths(await stack.previewJson());
    previews[scenario] = preview;
    if (update) fs.writeFileSync(path.join(REVIEW_FIXTURES, `${scenario}.preview.json`), preview);
    const golden = fs.readFileSync(path.join(REVIEW_FIXTURES, `${scenario}.md`), "utf8");
    expect(review(preview, state).markdown).toBe(golden);
  });
});

it("the preview warns, naming version, region, current and recommended count, when the load needs more replicas", () => {
  const diagnostics = (JSON.parse(previews.update!).diagnostics as { message: string }[]).map(
    (d) => d.message,
  );
  expect(diagnostics).toContain(
    "warning: image version rg-images/corpImages/app-linux/1.0.0: westeurope has 4 replica(s); the expected load " +
      "(120 VMs and 0 scale sets created at the same time) needs 6 (Azure's guidance: one replica per 20 VMs, one per scale set)\n",
  );
});

it("npx compute-gallery review reads the preview from standard input and prints the report", () => {
  const bin = path.resolve(__dirname, "../../dist/provider/cli.js");
  const statePath = path.join(stack.workDir, "state.json");
  fs.writeFileSync(statePath, state);
  const markdown = execFileSync("node", [bin, "review", "--state", statePath], {
    input: previews["region-removal"],
    encoding: "utf8",
  });
  expect(markdown).toBe(fs.readFileSync(path.join(REVIEW_FIXTURES, "region-removal.md"), "utf8"));
});
