/**
 * Prints the arguments and outputs of each resource (from the zod model), the mutability table, the
 * limits, the region catalog, the configuration keys (the ones the plugin's schema lists) and the
 * emulator's api-versions between markers into the page that holds each of them (GENERATED_SECTIONS),
 * so that the docs cannot drift from the behaviour.
 *
 *   npx ts-node scripts/generate-docs.ts          rewrite every page that holds a generated section
 *   npx ts-node scripts/generate-docs.ts --check  exit 1 when any of them is stale
 *
 * Tables are written with padded columns exactly as Prettier formats Markdown, so that
 * `prettier --write .` and this script agree on every byte (Prettier itself cannot be loaded inside
 * jest, which runs the staleness test).
 */
import * as fs from "fs";
import * as path from "path";
import { describeShape, flattenShape, type ShapeType } from "../provider/model/describeShape";
import { LIMIT_SOURCES, LIMIT_TABLE } from "../provider/model/limits";
import {
  MUTABILITY,
  RESOURCE_DISPLAY_NAMES,
  RESOURCE_KINDS,
  type MutabilityEntry,
} from "../provider/model/mutability";
import { REGIONS } from "../provider/model/regions";
import { SETTING_KEYS, SETTINGS_NAMESPACE } from "../provider/azure/settingKeys";
import { INPUT_SCHEMAS, OUTPUT_SCHEMAS } from "../provider/model/schemas";
import { API_VERSIONS, type ShapedType } from "../emulator/apiVersions";

export const ROOT = path.join(__dirname, "..");

const escapeCell = (text: string) => text.replace(/\|/g, "\\|");

/** A Markdown table with every column padded to its widest cell, as Prettier writes it. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, 3, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

function changeCell(entry: MutabilityEntry): string {
  if (entry.compare === "requestOnly") return "never a change by itself";
  if (entry.behaviour === "update") return "update in place";
  const condition = entry.inPlaceWhen;
  if (condition === undefined) return "**replace**";
  return `update in place when \`${condition.flag}\` is true, none is removed and each added or changed one has \`${condition.changedElementsCarry}\`; else **replace**`;
}

/** A property's type in words: `string`, `integer`, `one of \`V1\`, \`V2\``, `list of object`. */
function typeInWords(type: ShapeType): string {
  switch (type.kind) {
    case "string":
      return type.regionName ? "region" : "string";
    case "enum":
      return `one of ${type.values.map((value) => `\`${value}\``).join(", ")}`;
    case "array":
      return `list of ${typeInWords(type.element)}`;
    case "map":
      return `map of ${typeInWords(type.value)}`;
    case "union":
      return type.options.map(typeInWords).join(" or ");
    default:
      return type.kind;
  }
}

/** Per resource: its arguments (required ones marked), then the outputs only Azure sets. */
function argumentsTable(): string {
  const sections = RESOURCE_KINDS.map((kind) => {
    const rows = flattenShape(describeShape(INPUT_SCHEMAS[kind])).map((property) => [
      `\`${property.path}\``,
      escapeCell(typeInWords(property.type)),
      property.optional || property.resourceNameDefault ? "" : "yes",
      escapeCell(property.description),
    ]);
    const outputOnly = flattenShape(describeShape(OUTPUT_SCHEMAS[kind]))
      .filter((property) => property.outputOnly)
      .map((property) => property.path);
    // `identifier.uniqueName` says more than `identifier`.
    const innermost = outputOnly.filter((path) => !outputOnly.some((other) => other.startsWith(`${path}.`)));
    return [
      `### ${RESOURCE_DISPLAY_NAMES[kind]}`,
      markdownTable(["Argument", "Type", "Required", "Description"], rows),
      `Outputs set by Azure: ${innermost.map((path) => `\`${path}\``).join(", ")}.`,
    ].join("\n\n");
  });
  return sections.join("\n\n");
}

function mutabilityTable(): string {
  const sections = RESOURCE_KINDS.map((kind) => {
    const rows = MUTABILITY.filter((row) => row.resource === kind).map((entry) => [
      entry.path.endsWith("[]") ? `\`${entry.path}\` (adding or removing an element)` : `\`${entry.path}\``,
      changeCell(entry),
      escapeCell(entry.why),
    ]);
    return `### ${RESOURCE_DISPLAY_NAMES[kind]}\n\n${markdownTable(["Argument", "Change", "Why"], rows)}`;
  });
  return sections.join("\n\n");
}

function sourceLink(source: keyof typeof LIMIT_SOURCES): string {
  const { title, url } = LIMIT_SOURCES[source];
  return `[${escapeCell(title)}](${url})`;
}

function limitsTable(): string {
  const limits = markdownTable(
    ["Limit", "Value", "2021 article said", "Checked before apply", "Source"],
    LIMIT_TABLE.map((limit) => [
      escapeCell(limit.description),
      limit.value.toLocaleString("en-US"),
      limit.seedArticleValue === undefined ? "same" : limit.seedArticleValue.toLocaleString("en-US"),
      limit.enforcedBy === "check" ? "yes" : "no (Azure quota)",
      sourceLink(limit.source),
    ]),
  );
  const publicRegions = REGIONS.filter((r) => r.cloud === "public");
  const zoned = publicRegions.filter((r) => r.hasAvailabilityZones).map((r) => `\`${r.name}\``);
  const access = REGIONS.filter((r) => r.needsAccessRequest).map((r) => `${r.displayName} (\`${r.name}\`)`);
  const sovereign = REGIONS.filter((r) => r.cloud !== "public").map((r) => `\`${r.name}\``);
  return [
    limits,
    "",
    `Public-cloud regions: ${publicRegions.length}. Regions of the sovereign clouds (Azure Government, Azure China) are known by name and refused at preview with a message saying so, because both backends are the public cloud: ${sovereign.join(", ")}.`,
    "",
    `Regions with zone-redundant storage (where \`Standard_ZRS\` is allowed; Azure's list of ZRS regions, plus regions launched since with three zones): ${zoned.join(", ")}.`,
    "",
    `Regions that need an access request (list them in \`accessGrantedRegions\` once granted): ${access.join(", ")}.`,
  ].join("\n");
}

function configTable(): string {
  return markdownTable(
    ["config key", "meaning"],
    SETTING_KEYS.map((setting) => [
      `\`${SETTINGS_NAMESPACE}:${setting.key}\``,
      escapeCell(setting.secret ? `${setting.description} Secret.` : setting.description),
    ]),
  );
}

const SHAPED_TYPES: readonly ShapedType[] = ["galleries", "galleries/images", "galleries/images/versions"];

/** The emulator's api-versions, newest first, with the fields each one added (older ones refuse them). */
function apiVersionsTable(): string {
  const rows = [...API_VERSIONS].reverse().map((entry) => {
    const fields = SHAPED_TYPES.flatMap((type) =>
      (entry.introduces[type] ?? []).map((field) => `${type}: \`${field}\``),
    );
    return [`\`${entry.version}\``, fields.length ? fields.join("; ") : "none the emulator models"];
  });
  return markdownTable(
    ["api-version", "Fields it added (refused by older versions, left out of their responses)"],
    rows,
  );
}

export type Tables = ReturnType<typeof renderTables>;
export type GeneratedMarker = keyof Tables;

export function renderTables() {
  return {
    arguments: argumentsTable(),
    mutability: mutabilityTable(),
    limits: limitsTable(),
    config: configTable(),
    "api-versions": apiVersionsTable(),
  };
}

/** Which page (relative to the repository) holds each generated section: where a reader looks for it. */
export const GENERATED_SECTIONS: Readonly<Record<string, readonly GeneratedMarker[]>> = {
  "README.md": ["config"],
  "docs/resources.md": ["arguments", "mutability"],
  "docs/limits.md": ["limits"],
  "docs/emulator.md": ["api-versions"],
};

/** The absolute path of the page that holds `marker`'s section. */
export function pageOf(marker: GeneratedMarker): string {
  const page = Object.keys(GENERATED_SECTIONS).find((file) => GENERATED_SECTIONS[file]!.includes(marker));
  if (!page) throw new Error(`no page holds the ${marker} section`);
  return path.join(ROOT, page);
}

export function replaceBetween(text: string, marker: string, content: string): string {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start} ... ${end} markers`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}

/** A page's text with the generated sections of `markers` in place of what is between their markers. */
export function updatePage(
  text: string,
  markers: readonly GeneratedMarker[],
  tables = renderTables(),
): string {
  let updated = text;
  for (const marker of markers) updated = replaceBetween(updated, marker, tables[marker]);
  return updated;
}

/** Each page holding generated sections, with its text now and as the generator writes it. */
export function generatedPages(): { file: string; current: string; next: string }[] {
  const tables = renderTables();
  return Object.entries(GENERATED_SECTIONS).map(([page, markers]) => {
    const file = path.join(ROOT, page);
    const current = fs.readFileSync(file, "utf8");
    return { file, current, next: updatePage(current, markers, tables) };
  });
}

function main(argv: readonly string[]): number {
  const pages = generatedPages();
  if (argv.includes("--check")) {
    const stale = pages.filter((page) => page.next !== page.current);
    for (const page of stale) {
      console.error(
        `${path.relative(ROOT, page.file)} is stale: run \`npx ts-node scripts/generate-docs.ts\``,
      );
    }
    return stale.length ? 1 : 0;
  }
  for (const page of pages) if (page.next !== page.current) fs.writeFileSync(page.file, page.next);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
