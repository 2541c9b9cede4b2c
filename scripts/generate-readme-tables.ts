/**
 * Prints the arguments and outputs of each resource (from the zod model), the mutability table, the
 * limits, the region catalog, the configuration keys (the ones the plugin's schema lists) and the
 * emulator's api-versions into README.md between markers, so that the docs cannot drift from the behaviour.
 *
 *   npx ts-node scripts/generate-readme-tables.ts          rewrite README.md
 *   npx ts-node scripts/generate-readme-tables.ts --check  exit 1 when README.md is stale
 *
 * Tables are written with padded columns exactly as Prettier formats Markdown, so that
 * `prettier --write .` and this script agree on every byte (Prettier itself cannot be loaded inside
 * jest, which runs the staleness test).
 *
 * Exports: `renderTables(): { arguments; mutability; limits; config; "api-versions" }` (keys are the markers),
 * `updateReadme(text): string`,
 * `README_PATH`.
 */
import * as fs from "fs";
import * as path from "path";
import { describeShape, flattenShape, type ShapeType } from "../provider/model/describeShape";
import { LIMIT_TABLE } from "../provider/model/limits";
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

export const README_PATH = path.join(__dirname, "..", "README.md");

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

function limitsTable(): string {
  const limits = markdownTable(
    ["Limit", "Value", "Checked before apply"],
    LIMIT_TABLE.map((limit) => [
      escapeCell(limit.description),
      limit.value.toLocaleString("en-US"),
      limit.enforcedBy === "check" ? "yes" : "no (Azure quota)",
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

export function renderTables(): {
  arguments: string;
  mutability: string;
  limits: string;
  config: string;
  "api-versions": string;
} {
  return {
    arguments: argumentsTable(),
    mutability: mutabilityTable(),
    limits: limitsTable(),
    config: configTable(),
    "api-versions": apiVersionsTable(),
  };
}

const MINIMAL_README = [
  "# pulumi-azure-compute-gallery",
  "",
  "## Arguments and outputs",
  "",
  "<!-- arguments:start -->",
  "<!-- arguments:end -->",
  "",
  "## What updates in place and what replaces",
  "",
  "<!-- mutability:start -->",
  "<!-- mutability:end -->",
  "",
  "## Limits and regions",
  "",
  "<!-- limits:start -->",
  "<!-- limits:end -->",
  "",
  "## Backends",
  "",
  "<!-- config:start -->",
  "<!-- config:end -->",
  "",
  "## Emulator api-versions",
  "",
  "<!-- api-versions:start -->",
  "<!-- api-versions:end -->",
  "",
].join("\n");

export function replaceBetween(text: string, marker: string, content: string): string {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end} markers`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}

/** README text with the generated tables in place of what is between the markers. */
export function updateReadme(text: string): string {
  const tables = renderTables();
  let updated = text;
  for (const [marker, content] of Object.entries(tables)) updated = replaceBetween(updated, marker, content);
  return updated;
}

function main(argv: readonly string[]): number {
  const current = fs.existsSync(README_PATH) ? fs.readFileSync(README_PATH, "utf8") : MINIMAL_README;
  const next = updateReadme(current);
  if (argv.includes("--check")) {
    if (next === current) return 0;
    console.error("README.md's tables are stale: run `npx ts-node scripts/generate-readme-tables.ts`");
    return 1;
  }
  fs.writeFileSync(README_PATH, next);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
