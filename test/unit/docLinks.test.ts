// Every relative link of the README, the docs and the benchmark's result files leads somewhere: the
// file exists and, for `#anchor`, the target has a heading with that anchor. The pages link to each
// other, and one moved heading or page breaks links a reader finds only by clicking.
import * as fs from "node:fs";
import * as path from "node:path";
import { brokenLinks, headingAnchors, missingPaths, namedPaths, relativeLinks } from "./markdownLinks";

const ROOT = path.join(__dirname, "..", "..");

function markdownUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(dir, name));
}

const PAGES = ["README.md", ...markdownUnder("docs"), ...markdownUnder("bench/results")];

describe("GitHub's heading anchors", () => {
  it("lowercase the text, drop punctuation and code marks, and number repeats", () => {
    const page = [
      "# Arguments, outputs, and what replaces",
      "## `app-linux-1.0.0`: update",
      "### GalleryRoleAssignment",
      "### GalleryRoleAssignment",
      "```md",
      "## Inside a fence",
      "```",
    ].join("\n");
    expect([...headingAnchors(page)]).toEqual([
      "arguments-outputs-and-what-replaces",
      "app-linux-100-update",
      "galleryroleassignment",
      "galleryroleassignment-1",
    ]);
  });

  it("links are read outside code, and web addresses are not relative", () => {
    const page = "[a](docs/a.md#x) `[b](b.md)` [c](https://example.com) ![d](d.png)\n```\n[e](e.md)\n```";
    expect(relativeLinks(page)).toEqual(["docs/a.md#x", "d.png"]);
  });
});

describe("repository paths named in code spans", () => {
  it("are read outside fences, and placeholders are not paths", () => {
    const page =
      "Edit `provider/model/schemas.ts`, `provider/resources/<kind>.ts` and `npm test`.\n```\n`emulator/x.ts`\n```";
    expect(namedPaths(page)).toEqual(["provider/model/schemas.ts"]);
  });
});

it("there are pages to check", () => {
  expect(PAGES).toEqual(expect.arrayContaining(["README.md", "docs/README.md", "docs/architecture.md"]));
});

it.each(PAGES)("every relative link in %s resolves", (page) => {
  expect(brokenLinks(path.join(ROOT, page))).toEqual([]);
});

it.each(PAGES)("every repository path %s names exists", (page) => {
  expect(missingPaths(path.join(ROOT, page), ROOT)).toEqual([]);
});
