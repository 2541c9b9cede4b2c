// Replays every recording in test/fixtures/traffic against a fresh emulator and compares status codes,
// async headers, filled-in defaults and region display names. Ids are compared case-insensitively
// (the service upper-cases the resource group in one list), times and hosts are not compared, and
// InProgress polls are not replayed one by one: the fixtures keep the last poll of each operation and
// its final state is compared.
import * as path from "node:path";
import type { RunningEmulator } from "../../emulator";
import type { Exchange } from "../../scripts/import-fixtures";
import { request, fetchToken, sleep, startTestEmulator } from "./client";
import { fixtureFiles, isObj, readJson, TRAFFIC_DIR, type J } from "./fixtures";

interface Recording {
  exchanges: Exchange[];
}

const ZERO_SUB = "00000000-0000-0000-0000-000000000000";
const files = fixtureFiles(TRAFFIC_DIR);

const isPoll = (e: Exchange): boolean => /\/capsOperations\//i.test(e.path);
const VERSION_SOURCE = /\/galleries\/[^/]+\/images\/[^/]+\/versions\//i;

/** Sources the recordings used, with sizes and regions read from the service's own answers. */
function sourcesOf(
  rec: Recording,
): { id: string; location: string; osDiskSizeGB: number; dataDisks: { lun: number; sizeGB: number }[] }[] {
  const found = new Map<
    string,
    { id: string; location: string; osDiskSizeGB: number; dataDisks: { lun: number; sizeGB: number }[] }
  >();
  for (const e of rec.exchanges) {
    const b = e.responseBody;
    if (e.method !== "GET" || !isObj(b) || !isObj(b.properties) || !isObj(b.properties.storageProfile))
      continue;
    const sp = b.properties.storageProfile;
    const location = String(b.location);
    const os = isObj(sp.osDiskImage) ? sp.osDiskImage : {};
    const data = Array.isArray(sp.dataDiskImages) ? sp.dataDiskImages.filter(isObj) : [];
    if (typeof os.sizeInGB !== "number") continue;
    if (isObj(sp.source) && typeof sp.source.id === "string") {
      if (!VERSION_SOURCE.test(sp.source.id)) {
        found.set(sp.source.id, {
          id: sp.source.id,
          location,
          osDiskSizeGB: os.sizeInGB,
          dataDisks: data.map((d) => ({ lun: Number(d.lun), sizeGB: Number(d.sizeInGB) })),
        });
      }
      continue;
    }
    for (const disk of [os, ...data]) {
      const src = isObj(disk.source) ? disk.source : {};
      const id = typeof src.uri === "string" ? src.uri : typeof src.id === "string" ? src.id : undefined;
      if (id) found.set(id, { id, location, osDiskSizeGB: Number(disk.sizeInGB), dataDisks: [] });
    }
  }
  return [...found.values()];
}

/** Drops what may differ (times, hosts, uniqueName's generated part) and lower-cases ids. */
function normalise(v: J, key = ""): J {
  if (Array.isArray(v)) return v.map((x) => normalise(x));
  if (isObj(v)) {
    const out: { [k: string]: J } = {};
    for (const [k, x] of Object.entries(v)) {
      if (["publishedDate", "startTime", "endTime", "uniqueName"].includes(k)) {
        out[k] = "<present>";
        continue;
      }
      if (k === "name" && key === "poll") continue; // operation ids differ
      out[k] = normalise(x);
    }
    return out;
  }
  return v;
}

/** Resource ids: compared case-insensitively and without the resource group, which one list upper-cases
 * and the CLI recordings did not anonymise consistently. */
const sameId = (id: string): string =>
  id.toLowerCase().replace(/\/resourcegroups\/[^/]+\//, "/resourcegroups/{rg}/");

function normaliseResource(v: J): J {
  const n = normalise(v);
  if (isObj(n) && typeof n.id === "string") n.id = sameId(n.id);
  if (isObj(n) && Array.isArray(n.value)) {
    n.value = n.value.map((x) => (isObj(x) && typeof x.id === "string" ? { ...x, id: sameId(x.id) } : x));
  }
  return n;
}

/** `https://{host}/subscriptions/{sub}/providers/Microsoft.Compute/locations/<region>/capsOperations/<id>?...` */
function asyncShape(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const u = new URL(url.replace("{host}", "host").replace("{sub}", "sub"));
  const m = /\/locations\/([^/]+)\/capsOperations\/[^/]+$/i.exec(u.pathname);
  return `${m?.[1] ?? "?"}?${[...u.searchParams.keys()].join("&")}&api-version=${u.searchParams.get("api-version") ?? ""}`;
}

describe.each(files)("recorded traffic %s", (file) => {
  let emu: RunningEmulator;
  let token: string;
  const rec = readJson<Recording>(path.join(TRAFFIC_DIR, file));

  beforeAll(async () => {
    emu = await startTestEmulator({ subscriptionId: ZERO_SUB, retryAfterSeconds: 1 });
    token = (await fetchToken(emu)).token;
    for (const s of sourcesOf(rec)) emu.registerSource(s);
  });
  afterAll(() => emu.stop());

  test("every in-scope exchange gets the recorded status, async headers and body", async () => {
    const recordsRetryAfter = rec.exchanges.some((e) => e.responseHeaders["Retry-After"] !== undefined);
    const ours = new Map<string, string>(); // recorded operation id -> our Azure-AsyncOperation URL
    const exchanges = rec.exchanges;
    const checked: string[] = [];
    for (let i = 0; i < exchanges.length; i++) {
      const e = exchanges[i] as Exchange;
      const label = `#${i} ${e.method} ${e.path}`;
      if (isPoll(e)) {
        const recordedId = e.path.split("/").pop() ?? "";
        const url = ours.get(recordedId);
        expect({ label, url: url !== undefined }).toEqual({ label, url: true });
        let res = await request(emu, "GET", url as string, { token });
        for (let n = 0; n < 500 && isObj(res.body) && res.body.status === "InProgress"; n++) {
          await sleep(10);
          res = await request(emu, "GET", url as string, { token });
        }
        expect({ label, status: res.status, body: normalise(res.body as J, "poll") }).toEqual({
          label,
          status: e.status,
          body: normalise(e.responseBody, "poll"),
        });
        checked.push(label);
        continue;
      }
      const query = new URLSearchParams(e.query).toString();
      const p = e.path.replace("{sub}", emu.subscriptionId).replace("{rg}", rgOf(rec));
      const res = await request(emu, e.method, `${p}?${query}`, { token, body: e.requestBody ?? undefined });
      expect({ label, status: res.status }).toEqual({ label, status: e.status });
      const rh = e.responseHeaders;
      expect({
        label,
        asyncOp: asyncShape(res.headers["azure-asyncoperation"]),
        location: asyncShape(res.headers["location"]),
        retryAfter: recordsRetryAfter ? res.headers["retry-after"] !== undefined : undefined,
      }).toEqual({
        label,
        asyncOp: asyncShape(rh["Azure-AsyncOperation"]),
        location: asyncShape(rh["Location"]),
        retryAfter: recordsRetryAfter ? rh["Retry-After"] !== undefined : undefined,
      });
      const op = rh["Azure-AsyncOperation"];
      if (op && res.headers["azure-asyncoperation"]) {
        ours.set(
          new URL(op.replace("{host}", "h").replace("{sub}", "s")).pathname.split("/").pop() ?? "",
          res.headers["azure-asyncoperation"],
        );
      }
      if (e.responseBody !== null) {
        expect({ label, body: normaliseResource(res.body as J) }).toEqual({
          label,
          body: normaliseResource(e.responseBody),
        });
        checkUniqueName(res.body as J, emu.subscriptionId);
      } else {
        expect({ label, body: res.text }).toEqual({ label, body: "" });
      }
      checked.push(label);
    }
    expect(checked.length).toBeGreaterThan(5);
  });
});

/** The service's uniqueName is `{subscriptionId}-{GALLERY NAME IN UPPER CASE}`. */
function checkUniqueName(body: J, sub: string): void {
  const items = isObj(body) && Array.isArray(body.value) ? body.value : [body];
  for (const item of items) {
    if (!isObj(item) || item.type !== "Microsoft.Compute/galleries" || !isObj(item.properties)) continue;
    const identifier = item.properties.identifier;
    expect(isObj(identifier) && identifier.uniqueName).toBe(`${sub}-${String(item.name).toUpperCase()}`);
  }
}

/** The resource group the recording used, read from the first id the service returned. */
function rgOf(rec: Recording): string {
  for (const e of rec.exchanges) {
    const b = e.responseBody;
    if (isObj(b) && typeof b.id === "string") {
      const m = /\/resourceGroups\/([^/]+)\//i.exec(b.id);
      if (m?.[1]) return m[1];
    }
  }
  throw new Error("no resource id in recording");
}
