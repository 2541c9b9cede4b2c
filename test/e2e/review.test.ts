// The review report from real engine output: each scenario is previewed with the real Pulumi CLI
// (`pulumi preview --json`) against the embedded emulator, and the report rendered from that JSON
// must say what the reviewed golden Markdown in test/fixtures/review says. With
// UPDATE_REVIEW_FIXTURES=1 the JSON fixtures are rewritten instead (review the Markdown diff!).
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

describe.each(Object.keys(SCENARIOS))("review of the %s preview", (scenario) => {
  it("renders the reviewed golden Markdown from the engine's preview JSON", async () => {
    stack.setProgram(reviewProgram(SCENARIOS[scenario]));
    const preview = scrubPaths(await stack.previewJson());
    if (update) fs.writeFileSync(path.join(REVIEW_FIXTURES, `${scenario}.preview.json`), preview);
    const golden = fs.readFileSync(path.join(REVIEW_FIXTURES, `${scenario}.md`), "utf8");
    expect(review(preview, state).markdown).toBe(golden);
  });
});
