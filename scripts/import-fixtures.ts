/**
 * Copies the reference material the emulator suite replays into the repository, trimmed to what the
 * tests read, so that a clone alone passes `npm test`. Run once when the reference changes:
 *
 *   npx ts-node scripts/import-fixtures.ts <reference dir>
 *
 * `<reference dir>` holds `traffic/` (recorded Azure answers, one JSON file per recording) and
 * `arm-spec/` (the Azure REST spec with its x-ms-examples). The tests never read it; they read only
 * what this script writes:
 *
 *   test/fixtures/traffic/<recording>.json        { source, exchanges: [...] }
 *   test/fixtures/spec-examples/<example>.json    { parameters, responses: { <status>: { body } } }
 */
import * as fs from "node:fs";
import * as path from "node:path";

export type J = null | boolean | number | string | J[] | { [k: string]: J };
const isObj = (v: unknown): v is { [k: string]: J } =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const FIXTURES = path.join(__dirname, "..", "test", "fixtures");
const EXAMPLES_BELOW_SPEC =
  "arm-spec/specification/compute/resource-manager/Microsoft.Compute/GalleryRP/stable/2024-03-03/examples/galleryExamples";
/** The async headers are the only response headers the replay compares. */
const KEPT_HEADERS = ["Azure-AsyncOperation", "Location", "Retry-After"];

/** One request and its answer, as a recording in test/fixtures/traffic holds it. */
export interface Exchange {
  method: string;
  path: string;
  query: Record<string, string>;
  requestBody: J;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: J;
}

/** Gallery applications and `POST .../share` are outside the emulator's scope. */
const outOfScope = (e: Exchange): boolean => /\/applications(\/|$)/i.test(e.path) || /\/share$/i.test(e.path);
const isPoll = (e: Exchange): boolean => /\/capsOperations\//i.test(e.path);

/**
 * An operation is compared by its final state, so only the last of a run of polls of the same URL is
 * kept (the InProgress ones before it depend on the recording's timing, not on the service's rules).
 */
function trimExchanges(all: Exchange[]): Exchange[] {
  const inScope = all.filter((e) => !outOfScope(e));
  return inScope
    .filter((e, i) => {
      const next = inScope[i + 1];
      return !(
        isPoll(e) &&
        next &&
        isPoll(next) &&
        next.path === e.path &&
        next.query.monitor === e.query.monitor
      );
    })
    .map((e) => ({
      method: e.method,
      path: e.path,
      query: e.query,
      requestBody: e.requestBody,
      status: e.status,
      responseHeaders: Object.fromEntries(
        KEPT_HEADERS.filter((h) => e.responseHeaders[h] !== undefined).map((h) => [h, e.responseHeaders[h]!]),
      ),
      responseBody: e.responseBody,
    }));
}

/** The examples of the three resource types; `Gallery_AddToSharingProfile` is POST share, out of scope. */
const isReplayedExample = (file: string): boolean =>
  /^(Gallery|GalleryImage|GalleryImageVersion)_.*\.json$/.test(file) &&
  file !== "Gallery_AddToSharingProfile.json";

function readJson(file: string): J {
  return JSON.parse(fs.readFileSync(file, "utf8")) as J;
}

function writeDir(dir: string, files: Map<string, J>): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) {
    fs.writeFileSync(path.join(dir, name), JSON.stringify(content, null, 2) + "\n");
  }
}

function importTraffic(reference: string): Map<string, J> {
  const dir = path.join(reference, "traffic");
  const out = new Map<string, J>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const rec = readJson(path.join(dir, file));
    if (!isObj(rec) || !Array.isArray(rec.exchanges)) throw new Error(`${file}: no exchanges`);
    const exchanges = trimExchanges(rec.exchanges as unknown as Exchange[]);
    out.set(file, { source: rec.source ?? null, exchanges: exchanges as unknown as J });
  }
  return out;
}

function importExamples(reference: string): Map<string, J> {
  const dir = path.join(reference, EXAMPLES_BELOW_SPEC);
  const out = new Map<string, J>();
  for (const file of fs.readdirSync(dir).filter(isReplayedExample).sort()) {
    const ex = readJson(path.join(dir, file));
    if (!isObj(ex) || !isObj(ex.parameters) || !isObj(ex.responses))
      throw new Error(`${file}: not an example`);
    const responses: { [k: string]: J } = {};
    for (const [status, r] of Object.entries(ex.responses)) {
      responses[status] = isObj(r) && r.body !== undefined ? { body: r.body } : {};
    }
    out.set(file, { parameters: ex.parameters, responses });
  }
  return out;
}

function main(): void {
  const reference = process.argv[2];
  if (!reference) {
    console.error("usage: ts-node scripts/import-fixtures.ts <reference dir holding traffic/ and arm-spec/>");
    process.exit(2);
  }
  const traffic = importTraffic(reference);
  const examples = importExamples(reference);
  writeDir(path.join(FIXTURES, "traffic"), traffic);
  writeDir(path.join(FIXTURES, "spec-examples"), examples);
  console.log(`wrote ${traffic.size} recordings and ${examples.size} spec examples under ${FIXTURES}`);
}

if (require.main === module) main();
