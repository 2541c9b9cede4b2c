// The bad-input corpus through both front doors: every invalid program is refused at check (that is,
// at preview) by the dynamic provider and by the plugin, with a failure that names the property,
// quotes the value and says what Azure allows; and check sends nothing to Azure on the way.
import { implementations, useConnection } from "../../provider/runtime";
import type { BackendSettings } from "../../provider/azure/settings";
import type { Connection } from "../../provider/azure/connect";
import type { GalleryApi } from "../../provider/azure/galleryApi";
import { pluginHandlers } from "../../provider/plugin/handlers";
import { tokenOf } from "../../provider/plugin/tokens";
import { RESOURCE_KINDS, type ResourceKind } from "../../provider/model/mutability";
import { CORPUS_NOW, loadCorpus, type BadInputCase } from "./badInputCorpus";

const CORPUS = loadCorpus();
const urnOf = (kind: ResourceKind) => `urn:pulumi:dev::p::${tokenOf(kind)}::r`;

/** Every request check might send, or connection it might open; each also throws. */
let requests: string[];

/** A connection whose every API call is recorded and fails, as Azure would be unreachable. */
function refusingConnection(): Connection {
  const api = new Proxy({} as GalleryApi, {
    get: (_target, method) => () => {
      requests.push(String(method));
      throw new Error(`check called the gallery API (${String(method)})`);
    },
  });
  return { api, subscriptionId: "sub", close: async () => {} };
}

async function connect(): Promise<Connection> {
  requests.push("connect");
  return refusingConnection();
}

const SETTINGS: BackendSettings = { kind: "local", stateDir: "/nonexistent", accessGrantedRegions: [] };

beforeEach(() => {
  requests = [];
});

afterAll(() => useConnection(undefined));

function expectNamedFailure(failures: readonly { property: string; reason: string }[], c: BadInputCase) {
  const failure = failures.find((f) => f.property === c.property);
  expect({ properties: failures.map((f) => f.property), found: failure !== undefined }).toEqual({
    properties: expect.arrayContaining([c.property]),
    found: true,
  });
  if ("value" in c) {
    const shown = typeof c.value === "string" ? c.value : JSON.stringify(c.value);
    expect(failure!.reason).toContain(shown);
  }
  for (const fragment of c.fragments) expect(failure!.reason).toContain(fragment);
  // The engine prints nested paths with `value {<nil>}`, so the reason must name the path itself.
  expect(failure!.reason).toContain(c.property.split(/[.[]/).pop()!.replace(/\]$/, ""));
}

test("the corpus holds at least 60 cases, of every resource kind", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(60);
  expect(new Set(CORPUS.map((c) => c.kind))).toEqual(new Set(RESOURCE_KINDS));
});

describe.each(CORPUS.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  test("the dynamic provider refuses it at check, sending nothing", async () => {
    useConnection(refusingConnection(), SETTINGS, () => CORPUS_NOW);
    for (const parent of c.parents) {
      expect((await implementations[parent.kind].check!({}, parent.news)).failures ?? []).toEqual([]);
    }
    const { failures } = await implementations[c.kind].check!(c.olds, c.news);
    expectNamedFailure(failures ?? [], c);
    expect(requests).toEqual([]);
  });

  test("the plugin refuses it at check, sending nothing", async () => {
    const plugin = pluginHandlers({
      log: async () => {},
      env: {},
      cwd: "/nonexistent",
      connect,
      now: () => CORPUS_NOW,
    });
    for (const parent of c.parents) {
      expect((await plugin.check(urnOf(parent.kind), {}, parent.news)).failures).toEqual([]);
    }
    const { failures } = await plugin.check(urnOf(c.kind), c.olds, c.news);
    expectNamedFailure(failures, c);
    expect(requests).toEqual([]);
  });
});
