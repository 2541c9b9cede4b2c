// The relative links of a Markdown file and the anchors its headings get on GitHub, so that a test
// can tell a link that leads nowhere from one that works.
import * as fs from "node:fs";
import * as path from "node:path";

/** The text outside fenced code blocks, where links and headings mean something; fences become blank lines. */
function outsideFences(markdown: string): string[] {
  const lines = markdown.split("\n");
  let fence: string | undefined;
  return lines.map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      return "";
    }
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
        fence = undefined;
      }
      return "";
    }
    return line;
  });
}

const withoutCodeSpans = (line: string) => line.replace(/(`+)[\s\S]*?\1/g, "");

/**
 * GitHub's anchor of a heading: its text as rendered (links by their text, no emphasis or code
 * markers), lowercased, punctuation other than `-` and `_` dropped, each space a `-`; a repeated
 * anchor gets `-1`, `-2`, ... in order.
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of outsideFences(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const text = heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/[`*]/g, "")
      .replace(/<[^>]+>/g, "");
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** The targets of the file's inline links and images that point inside the repository. */
export function relativeLinks(markdown: string): string[] {
  const targets: string[] = [];
  for (const line of outsideFences(markdown)) {
    for (const match of withoutCodeSpans(line).matchAll(
      /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    )) {
      const target = match[1]!;
      if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) targets.push(target);
    }
  }
  return targets;
}

/** Each relative link of `file` that names no existing file, or an anchor its target has no heading for. */
export function brokenLinks(file: string): string[] {
  const markdown = fs.readFileSync(file, "utf8");
  return relativeLinks(markdown).filter((link) => {
    const [target = "", anchor] = link.split("#", 2);
    const resolved = target === "" ? file : path.resolve(path.dirname(file), decodeURIComponent(target));
    if (!fs.existsSync(resolved)) return true;
    if (anchor === undefined) return false;
    if (!resolved.endsWith(".md")) return true;
    return !headingAnchors(fs.readFileSync(resolved, "utf8")).has(decodeURIComponent(anchor));
  });
}

/** The top-level folders of the repository whose files the docs name in code spans. */
const REPOSITORY_FOLDERS = [
  "provider",
  "emulator",
  "scripts",
  "test",
  "bench",
  "examples",
  "bin",
  "docs",
  "program",
];

/**
 * The repository paths a page names in code spans outside fences (`provider/model/schemas.ts`,
 * `emulator/routes/`), placeholders such as `provider/resources/<kind>.ts` left out: the docs tell a
 * maintainer where to make a change, and a renamed file turns that advice into a dead end.
 */
export function namedPaths(markdown: string): string[] {
  const spans = outsideFences(markdown).flatMap((line) =>
    [...line.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!),
  );
  return spans.filter(
    (span) => REPOSITORY_FOLDERS.some((folder) => span.startsWith(`${folder}/`)) && !/[<>*{}$]/.test(span),
  );
}

/** The paths `file` names that do not exist under `root`. */
export function missingPaths(file: string, root: string): string[] {
  return namedPaths(fs.readFileSync(file, "utf8")).filter((named) => !fs.existsSync(path.join(root, named)));
}
