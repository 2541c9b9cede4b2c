import * as path from "path";
import { generatedPages, GENERATED_SECTIONS, renderTables, ROOT } from "../../scripts/generate-docs";
import { MUTABILITY } from "../../provider/model/mutability";

describe("generated docs tables", () => {
  it.each(Object.keys(GENERATED_SECTIONS))(
    "%s holds the tables generated from the model (run scripts/generate-docs.ts)",
    (page) => {
      const { current, next } = generatedPages().find((p) => p.file === path.join(ROOT, page))!;
      expect(next).toBe(current);
    },
  );

  it("every generated section has exactly one page", () => {
    const markers = Object.values(GENERATED_SECTIONS).flat();
    expect([...markers].sort()).toEqual(Object.keys(renderTables()).sort());
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
    expect(renderTables().limits).toMatch(
      /Replicas of one image version in one region[^\n]*\| 50 +\| 10 +\|/,
    );
  });
});
