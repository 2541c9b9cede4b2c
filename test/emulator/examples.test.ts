// Replays the request of every x-ms-example of the gallery resource types against a fresh emulator (with
// the parents and sources each example presumes) and compares status codes and response shapes: every
// key path of the example response is present (except the ones listed below with a reason) and the
// provisioning state, enums and filled-in defaults carry the example's values.
import * as path from "node:path";
import type { RunningEmulator } from "../../emulator";
import { fetchToken, request, sleep, startTestEmulator } from "./client";
import { EXAMPLES_DIR, fixtureFiles, isObj, readJson, type J } from "./fixtures";

interface Example {
  parameters: Record<string, J>;
  responses: Record<string, { body?: J }>;
}

/** Response key paths the emulator does not produce, and why. */
const NOT_MODELLED: { pattern: RegExp; reason: string; file?: RegExp }[] = [
  {
    pattern: /^\.nextLink$/,
    reason: "nextLink is only sent when more items follow (paging is tested in operations.test.ts)",
  },
  {
    pattern: /\.storageProfile\.dataDiskImages/,
    file: /CommunityImageVersionAsSource/,
    reason: "community images are modelled with an OS disk only",
  },
  {
    pattern: /\.targetRegions\[\]\.(encryption|excludeFromLatest)/,
    file: /GalleryImageVersion_Update/,
    reason:
      "the PATCH request replaces targetRegions without these fields; the example response shows another state",
  },
  {
    pattern: /\.sharingProfile\.groups/,
    reason: "sharing groups are shown only with $expand=SharingProfile/Groups (tested in sharing.test.ts)",
  },
  { pattern: /\.sharingStatus/, reason: "sharing status is reported only for shared galleries" },
  {
    pattern: /\.safetyProfile\.policyViolations/,
    reason: "policy violations are reported by Microsoft's scanning, not emulated",
  },
  {
    pattern: /\.replicationStatus\.summary\[\]\.details$/,
    reason: "present, but the example omits it for some regions",
  },
  {
    pattern: /\.validationsProfile\./,
    reason: "image validation results (executedValidations, platformAttributes) are not emulated",
  },
  {
    pattern: /\.softDeletePolicy/,
    reason: "these examples' requests send no softDeletePolicy (softDelete.test.ts)",
  },
  {
    pattern: /\.identity\.userAssignedIdentities\..+/,
    reason: "identity details are echoed per key, not per example value",
  },
  {
    pattern: /\.publishingProfile\.targetExtendedLocations/,
    reason: "edge zones are echoed when sent; this example's request sends none",
  },
];

/** Example values the recorded traffic contradicts; the traffic (what Azure really answered) wins. */
const VALUE_EXCEPTIONS: { pattern: RegExp; reason: string }[] = [
  {
    pattern: /\.storageProfile\.osDiskImage\.hostCaching$/,
    reason:
      "the service answers ReadWrite for managed-image/VM sources (recorded traffic); examples say ReadOnly",
  },
];

/** Reads of a version presume a version made like the matching create example. */
const VERSION_FIXTURE: Record<string, string> = {
  "GalleryImageVersion_Get_WithSnapshotsAsSource.json":
    "GalleryImageVersion_Create_WithSnapshotsAsSource.json",
  "GalleryImageVersion_Get_WithVhdAsSource.json": "GalleryImageVersion_Create_WithVHD.json",
};

const ENUM_KEYS = new Set([
  "osType",
  "osState",
  "hyperVGeneration",
  "architecture",
  "storageAccountType",
  "hostCaching",
  "replicationMode",
  "aggregatedState",
  "state",
  "regionalReplicaCount",
  "replicaCount",
  "excludeFromLatest",
]);

function keyPaths(v: J, prefix = ""): Map<string, J> {
  const out = new Map<string, J>();
  if (Array.isArray(v)) {
    for (const x of v) for (const [k, y] of keyPaths(x, `${prefix}[]`)) out.set(k, y);
  } else if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) {
      out.set(`${prefix}.${k}`, x);
      for (const [kk, y] of keyPaths(x, `${prefix}.${k}`)) out.set(kk, y);
    }
  }
  return out;
}

const files = fixtureFiles(EXAMPLES_DIR);
const kindOf = (f: string): "gallery" | "image" | "version" =>
  f.startsWith("GalleryImageVersion_") ? "version" : f.startsWith("GalleryImage_") ? "image" : "gallery";
const verbOf = (f: string): string =>
  /_Create/.test(f) ? "PUT" : /_Update/.test(f) ? "PATCH" : /_Delete/.test(f) ? "DELETE" : "GET";

function sourcesIn(body: J, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(body)) body.forEach((x) => sourcesIn(x, found));
  else if (isObj(body)) {
    for (const [k, v] of Object.entries(body)) {
      if (k === "source" && isObj(v)) {
        if (typeof v.uri === "string") found.add(v.uri);
        else if (typeof v.id === "string" && !/^\/CommunityGalleries\//i.test(v.id)) found.add(v.id);
        else if (typeof v.virtualMachineId === "string") found.add(v.virtualMachineId);
      }
      sourcesIn(v, found);
    }
  }
  return found;
}

test("the fixtures hold an example of every operation of the three resource types", () => {
  const operations = new Set(files.map((f) => `${kindOf(f)} ${/_List/.test(f) ? "LIST" : verbOf(f)}`));
  const expected = ["gallery", "image", "version"].flatMap((kind) =>
    ["PUT", "PATCH", "GET", "LIST", "DELETE"].map((verb) => `${kind} ${verb}`),
  );
  expect([...operations].sort()).toEqual(expected.sort());
});

describe.each(files)("spec example %s", (file) => {
  let emu: RunningEmulator;
  let token: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    token = (await fetchToken(emu)).token;
  });
  afterAll(() => emu.stop());

  test("answers with the example's status and response shape", async () => {
    const ex = readJson<Example>(path.join(EXAMPLES_DIR, file));
    const p = ex.parameters;
    const kind = kindOf(file);
    const verb = verbOf(file);
    const successBody = (ex.responses["201"] ?? ex.responses["200"])?.body ?? null;
    const location = String(
      (isObj(successBody) &&
        (successBody.location ??
          (Array.isArray(successBody.value) && isObj(successBody.value[0])
            ? successBody.value[0].location
            : undefined))) ||
        "West US",
    );
    const rg = String(p.resourceGroupName);
    const g = `/subscriptions/${emu.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.Compute/galleries/${String(p.galleryName ?? "myGalleryName")}`;
    const img = `${g}/images/${String(p.galleryImageName ?? "myGalleryImageName")}`;
    const ver = `${img}/versions/${String(p.galleryImageVersionName ?? "1.0.0")}`;
    const q = "?api-version=2024-03-03";
    const ok = async (method: string, url: string, body?: J) => {
      const r = await request(emu, method, url + q, { token, body });
      expect({ url, status: r.status, body: r.status < 300 ? null : r.body }).toEqual({
        url,
        status: r.status < 300 ? r.status : 200,
        body: null,
      });
      return r;
    };
    const payload = (p.gallery ?? p.galleryImage ?? p.galleryImageVersion ?? null) as J;
    for (const id of sourcesIn(payload))
      emu.registerSource({
        id,
        location,
        osDiskSizeGB: 10,
        dataDisks: [
          { lun: 0, sizeGB: 10 },
          { lun: 1, sizeGB: 10 },
        ],
      });
    const baseVersion = readJson<Example>(
      path.join(EXAMPLES_DIR, VERSION_FIXTURE[file] ?? "GalleryImageVersion_Create.json"),
    ).parameters.galleryImageVersion as J;
    for (const id of sourcesIn(baseVersion))
      emu.registerSource({ id, location, osDiskSizeGB: 10, dataDisks: [{ lun: 1, sizeGB: 10 }] });

    // Parents (and, for reads/updates/deletes, the resource itself) as the example presumes them.
    const galleryFixture = readJson<Example>(
      path.join(
        EXAMPLES_DIR,
        file.includes("WithManagedIdentity")
          ? "Gallery_Create_WithManagedIdentity.json"
          : "Gallery_Create.json",
      ),
    ).parameters.gallery as J;
    if (kind !== "gallery" || verb !== "PUT")
      await ok("PUT", g, { ...(galleryFixture as object), location } as J);
    if ((kind === "image" && verb !== "PUT") || kind === "version") {
      await ok("PUT", img, {
        location,
        properties: {
          osType: "Windows",
          osState: "Generalized",
          // allowUpdateImage opens features, not the generation (spec 2024-03-03, Azure/azure-cli#33172):
          // an update example that names a generation presumes the definition already has it.
          hyperVGeneration: kind === "image" ? (exampleGeneration(payload) ?? "V1") : "V1",
          identifier: { publisher: "myPublisherName", offer: "myOfferName", sku: "mySkuName" },
        },
      });
    }
    if (kind === "version" && verb !== "PUT")
      await ok("PUT", ver, { ...(baseVersion as object), location } as J);

    const target = file.includes("_List")
      ? kind === "gallery"
        ? file.includes("Subscription")
          ? `/subscriptions/${emu.subscriptionId}/providers/Microsoft.Compute/galleries`
          : `/subscriptions/${emu.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.Compute/galleries`
        : kind === "image"
          ? `${g}/images`
          : `${img}/versions`
      : kind === "gallery"
        ? g
        : kind === "image"
          ? img
          : ver;
    // Wait for parents to settle (version replication) before the operation under test.
    await waitSucceeded(emu, token, kind === "version" && verb !== "PUT" ? ver : undefined);
    const expand = typeof p.$expand === "string" ? `&$expand=${p.$expand}` : "";
    const body =
      verb === "PUT" || verb === "PATCH"
        ? ({ ...(payload as object), ...(verb === "PUT" ? { location } : {}) } as J)
        : undefined;
    const res = await request(emu, verb, `${target}${q}${expand}`, { token, body });
    const expected = verb === "PUT" ? 201 : verb === "DELETE" ? 202 : 200;
    expect({ file, status: res.status, error: res.status >= 300 ? res.body : undefined }).toEqual({
      file,
      status: expected,
      error: undefined,
    });
    expect(Object.keys(ex.responses)).toContain(String(expected));
    if (verb === "DELETE") {
      expect(res.headers["azure-asyncoperation"]).toBeDefined();
      return;
    }
    // Shape after completion: poll until Succeeded, then read again (with the example's $expand).
    let final = res.body as J;
    if (verb !== "GET") {
      expect(isObj(final) && isObj(final.properties) && final.properties.provisioningState).toBe(
        verb === "PUT" ? "Creating" : "Updating",
      );
      await waitSucceeded(emu, token, target);
      final = (await request(emu, "GET", `${target}${q}${expand}`, { token })).body as J;
    }
    const exampleBody = ex.responses["200"]?.body ?? successBody;
    const want = keyPaths(exampleBody);
    const got = keyPaths(final);
    const missing = [...want.keys()].filter(
      (k) => !got.has(k) && !NOT_MODELLED.some((n) => n.pattern.test(k) && (!n.file || n.file.test(file))),
    );
    expect({ file, missing }).toEqual({ file, missing: [] });
    const wrongValues = [...want.entries()]
      .filter(
        ([k, v]) =>
          ENUM_KEYS.has(k.split(".").pop() ?? "") &&
          !Array.isArray(v) &&
          !isObj(v) &&
          got.has(k) &&
          !k.includes("[]"),
      )
      .filter(([k, v]) => got.get(k) !== v && !(k.endsWith(".state") || k.endsWith("aggregatedState")))
      .filter(([k]) => !VALUE_EXCEPTIONS.some((x) => x.pattern.test(k)))
      .map(([k, v]) => `${k}: example ${JSON.stringify(v)}, emulator ${JSON.stringify(got.get(k))}`);
    expect({ file, wrongValues }).toEqual({ file, wrongValues: [] });
  });
});

/** The hyperVGeneration an example's request body names, if any. */
function exampleGeneration(body: J): string | undefined {
  const generation = isObj(body) && isObj(body.properties) ? body.properties.hyperVGeneration : undefined;
  return typeof generation === "string" ? generation : undefined;
}

async function waitSucceeded(emu: RunningEmulator, token: string, url: string | undefined): Promise<void> {
  if (!url) return;
  for (let i = 0; i < 300; i++) {
    const r = await request(emu, "GET", `${url}?api-version=2024-03-03`, { token });
    const state = isObj(r.body) && isObj(r.body.properties) ? r.body.properties.provisioningState : undefined;
    if (state === "Succeeded" || state === "Failed") {
      expect(state).toBe("Succeeded");
      return;
    }
    await sleep(10);
  }
  throw new Error(`${url} did not settle`);
}
