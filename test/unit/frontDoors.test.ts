// One lifecycle, two front doors: every mutability row and every check rule through the dynamic
// provider (runtime `implementations`, as the shim calls them) and through the plugin's handlers,
// which must give the same answer, and Azure's verdict (written by hand in mutabilityCases.ts).
import { implementations, useConnection } from "../../provider/runtime";
import { setEngineLog } from "../../provider/engineLog";
import type { BackendSettings } from "../../provider/azure/settings";
import { pluginHandlers, type PluginHandlers } from "../../provider/plugin/handlers";
import { tokenOf } from "../../provider/plugin/tokens";
import { MUTABILITY, type ResourceKind } from "../../provider/model/mutability";
import { FakeGalleryApi } from "./fakeGalleryApi";
import { failing, passing, type CheckCase } from "./checkCases";
import { AZURE, BASES, changedFor } from "./mutabilityCases";

const urnOf = (kind: ResourceKind) => `urn:pulumi:dev::p::${tokenOf(kind)}::r`;

let dynamicWarnings: string[];
let pluginWarnings: { message: string; urn?: string }[];

function pluginFor(c: { ctx?: CheckCase["ctx"] }, fake: FakeGalleryApi): PluginHandlers {
  return pluginHandlers({
    log: async (_severity, message, options) => void pluginWarnings.push({ message, urn: options?.urn }),
    env: {},
    cwd: "/nonexistent",
    connect: async () => fake.connection(),
    ...(c.ctx ? { now: () => c.ctx!.now } : {}),
  });
}

function useDynamic(c: { ctx?: CheckCase["ctx"] }, fake: FakeGalleryApi): void {
  const settings: BackendSettings = {
    kind: "local",
    stateDir: "/nonexistent",
    accessGrantedRegions: [...(c.ctx?.accessGrantedRegions ?? [])],
  };
  useConnection(fake.connection(), settings, c.ctx ? () => c.ctx!.now : undefined);
}

beforeEach(() => {
  dynamicWarnings = [];
  pluginWarnings = [];
  setEngineLog({ log: async (_severity, message) => void dynamicWarnings.push(message) });
});

afterAll(() => {
  useConnection(undefined);
  setEngineLog(undefined);
});

describe("every check rule gives the same answer through both front doors", () => {
  const cases = [
    ...failing.map(([rule, c]) => [`rejects: ${rule}`, c] as const),
    ...passing.map(([rule, c]) => [`accepts: ${rule}`, c] as const),
  ];
  it.each(cases)("%s", async (_rule, c) => {
    const fake = new FakeGalleryApi();
    useDynamic(c, fake);
    const plugin = pluginFor(c, fake);
    await plugin.configure({
      "compute-gallery:accessGrantedRegions": JSON.stringify(c.ctx.accessGrantedRegions),
    });
    const dynamic = await implementations[c.kind].check!(c.olds, c.news);
    const viaPlugin = await plugin.check(urnOf(c.kind), c.olds, c.news);
    expect(viaPlugin.failures).toEqual(dynamic.failures);
    expect(viaPlugin.inputs).toEqual(dynamic.inputs);
  });

  it("a rejected case is rejected by both", async () => {
    const [, c] = failing[0]!;
    const fake = new FakeGalleryApi();
    useDynamic(c, fake);
    expect((await implementations[c.kind].check!(c.olds, c.news)).failures!.length).toBeGreaterThan(0);
    expect((await pluginFor(c, fake).check(urnOf(c.kind), c.olds, c.news)).failures.length).toBeGreaterThan(
      0,
    );
  });
});

describe("every mutability row gives the same verdict through both front doors", () => {
  it.each(MUTABILITY.map((row) => [`${row.resource} ${row.path}`, row] as const))("%s", async (name, row) => {
    const expected = AZURE[name];
    const fake = new FakeGalleryApi();
    useDynamic({}, fake);
    const plugin = pluginFor({}, fake);
    const olds = BASES[row.resource]();
    const news = changedFor(row);
    const dynamic = await implementations[row.resource].diff!("id", olds, news);
    const viaPlugin = await plugin.diff(urnOf(row.resource), olds, news);

    if (expected === "no change") {
      expect([dynamic.changes, viaPlugin.changes]).toEqual([false, false]);
      return;
    }
    const replaces = expected === "replace";
    expect(dynamic.changes).toBe(true);
    expect(viaPlugin.changes).toBe(true);
    expect(dynamic.replaces!.length > 0).toBe(replaces);
    expect(dynamic.deleteBeforeReplace).toBe(replaces);
    expect(viaPlugin.deleteBeforeReplace).toBe(replaces);
    // The plugin names the same properties, at the top level the engine expects.
    expect(viaPlugin.replaces).toEqual([...new Set(dynamic.replaces!.map((p) => p.split(/[.[]/)[0]))]);
    const marks = Object.values(viaPlugin.detailedDiff);
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.endsWith("_REPLACE")).toBe(replaces);
    // The same explanations, the plugin's attached to the resource.
    expect(pluginWarnings.map((w) => w.message)).toEqual(dynamicWarnings);
    for (const warning of pluginWarnings) expect(warning.urn).toBe(urnOf(row.resource));
  });
});
