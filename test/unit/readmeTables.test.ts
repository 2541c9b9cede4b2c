import * as fs from "fs";
import { README_PATH, renderTables, updateReadme } from "../../scripts/generate-readme-tables";
import { MUTABILITY } from "../../provider/model/mutability";

describe("README tables", () => {
  it("README.md holds the tables generated from the model (run scripts/generate-readme-tables.ts)", () => {
    const readme = fs.readFileSync(README_PATH, "utf8");
    expect(updateReadme(readme)).toBe(readme);
  });

  it("print every row of the mutability table", () => {
    const { mutability } = renderTables();
    for (const entry of MUTABILITY) expect(mutability).toContain(`\`${entry.path}\``);
  });

  it("print every argument of the model with its description", () => {
    const { arguments: table } = renderTables();
    expect(table).toMatch(
      /\| `publishingProfile\.targetRegions\[\]\.regionalReplicaCount` +\| integer +\| +\| Replicas in this region/,
    );
    expect(table).toMatch(/\| `osType` +\| one of `Windows`, `Linux` +\| yes +\|/);
    expect(table).toContain("`publishingProfile.publishedDate`");
  });

  it("print the replica limit", () => {
    expect(renderTables().limits).toMatch(/Replicas of one image version in one region[^\n]*\| 10 +\|/);
  });
});
