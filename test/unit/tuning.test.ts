// The switch of the tuned layer (provider/tuning.ts): COMPUTE_GALLERY_PLAIN_PATH=1 loads at process
// start what the tuned path loads on first use, and a front door answers the same either way. Each
// test that loads a front door does so in a fresh module registry, as a fresh process would.
import { onFirstUse, plainPath, PLAIN_PATH_VARIABLE } from "../../provider/tuning";
import { exampleVersionArgs, NOW } from "./fixtures";

/** The deferred modules, in the order they loaded. */
const mockLoaded: string[] = [];

jest.mock("../../provider/operations/operations", () => {
  mockLoaded.push("lifecycle");
  return jest.requireActual("../../provider/operations/operations");
});
jest.mock("../../provider/model/zod", () => {
  mockLoaded.push("zod");
  return jest.requireActual("../../provider/model/zod");
});
jest.mock("../../provider/lifecycle/check", () => {
  mockLoaded.push("check");
  return jest.requireActual("../../provider/lifecycle/check");
});
jest.mock("../../provider/plugin/packageSchema", () => {
  mockLoaded.push("packageSchema");
  return jest.requireActual("../../provider/plugin/packageSchema");
});
// The connection module stands for the Azure SDK behind it; tests connect to an in-memory Azure.
jest.mock("../../provider/azure/connect", () => {
  mockLoaded.push("connection");
  return {
    connect: async () => {
      throw new Error("the tests connect through useConnection or the handlers' own connect");
    },
  };
});

const original = process.env[PLAIN_PATH_VARIABLE];

function setSwitch(value: string | undefined): void {
  if (value === undefined) delete process.env[PLAIN_PATH_VARIABLE];
  else process.env[PLAIN_PATH_VARIABLE] = value;
}

beforeEach(() => {
  jest.resetModules();
  mockLoaded.length = 0;
});

afterAll(() => setSwitch(original));

describe("the switch", () => {
  test.each([
    [undefined, false],
    ["", false],
    ["0", false],
    ["true", false],
    ["1", true],
  ])("COMPUTE_GALLERY_PLAIN_PATH=%p: plain path %p", (value, plain) => {
    setSwitch(value);
    expect(plainPath()).toBe(plain);
  });

  test("onFirstUse loads on the first call, once; on the plain path at once", () => {
    setSwitch(undefined);
    let loads = 0;
    const lazy = onFirstUse(() => ++loads);
    expect(loads).toBe(0);
    expect([lazy(), lazy(), loads]).toEqual([1, 1, 1]);

    setSwitch("1");
    loads = 0;
    const eager = onFirstUse(() => ++loads);
    expect(loads).toBe(1);
    expect([eager(), loads]).toEqual([1, 1]);
  });
});

describe("loading", () => {
  test("by default, the dynamic provider's runtime and the plugin's modules load none of what they defer", () => {
    setSwitch(undefined);
    require("../../provider/runtime");
    require("../../provider/plugin/handlers");
    require("../../provider/plugin/server");
    expect(mockLoaded).toEqual([]);
  });

  test("by default, a preview's calls (check, diff) load the lifecycle but never the connection and its SDK", async () => {
    setSwitch(undefined);
    const { providers } = require("../../provider/shim") as typeof import("../../provider/shim");
    await providers.gallery.configure!({ config: { get: () => undefined } as never });
    const gallery = { resourceGroupName: "rg", galleryName: "gallery", location: "westeurope" };
    const { inputs } = await providers.gallery.check!({}, gallery);
    await providers.gallery.diff!("id", inputs!, { ...inputs, tags: { team: "images" } });
    expect(mockLoaded).toEqual(["lifecycle", "check", "zod"]);
  });

  test("on the plain path, the dynamic provider's runtime loads the connection, the lifecycle, check and zod", () => {
    setSwitch("1");
    require("../../provider/runtime");
    expect(new Set(mockLoaded)).toEqual(new Set(["connection", "lifecycle", "check", "zod"]));
  });

  test("on the plain path, the plugin loads the connection, the lifecycle, check, zod and the schema's maker", () => {
    setSwitch("1");
    require("../../provider/plugin/handlers");
    require("../../provider/plugin/server");
    expect(new Set(mockLoaded)).toEqual(
      new Set(["connection", "lifecycle", "check", "zod", "packageSchema"]),
    );
  });
});

describe("both paths answer the same", () => {
  const SETTINGS = { kind: "local" as const, stateDir: "/nonexistent/unused", accessGrantedRegions: [] };
  const versionArgs = exampleVersionArgs();

  /** Every call of a version's life through the dynamic provider, in a fresh registry. */
  async function dynamicProviderLife(value: string | undefined): Promise<unknown[]> {
    setSwitch(value);
    const runtime = require("../../provider/runtime") as typeof import("../../provider/runtime");
    const { setEngineLog } = require("../../provider/engineLog") as typeof import("../../provider/engineLog");
    const { FakeGalleryApi } = require("./fakeGalleryApi") as typeof import("./fakeGalleryApi");
    const logged: string[] = [];
    setEngineLog({ log: async (severity, message) => void logged.push(`${severity}: ${message}`) });
    runtime.useConnection(new FakeGalleryApi().connection(), SETTINGS, () => NOW);
    const provider = runtime.implementations.galleryImageVersion;
    const answers: unknown[] = [];
    const checked = await provider.check!({}, versionArgs);
    answers.push(checked);
    const created = await provider.create!(checked.inputs!);
    answers.push(created);
    answers.push(await provider.read!(created.id, created.outs));
    const changed = await provider.check!(created.outs, { ...versionArgs, tags: { build: "43" } });
    answers.push(changed);
    answers.push(await provider.diff!(created.id, created.outs, changed.inputs!));
    answers.push(await provider.update!(created.id, created.outs, changed.inputs!));
    answers.push(await provider.delete!(created.id, created.outs));
    answers.push(await provider.read!(created.id, created.outs));
    answers.push(logged);
    return answers;
  }

  test("the dynamic provider: check, create, read, diff, update, delete", async () => {
    const tuned = await dynamicProviderLife(undefined);
    jest.resetModules();
    const plain = await dynamicProviderLife("1");
    expect(plain).toEqual(tuned);
  });
});
