// In a provider process (the dynamic provider's, the plugin's), the first call that reaches Azure
// starts connecting (for the embedded backend: the emulator's thread boots) before the lifecycle
// loads, so that the two overlap (operations/onDemand.ts); the calls a preview makes (check, diff)
// never connect. Each test is a fresh process: its own module registry, so its own runtime, with the
// lifecycle not loaded yet.
import type * as pulumi from "@pulumi/pulumi";

/**
 * What happened, in order: connecting, loading the lifecycle, loading zod (which check needs; a read
 * or a delete that finds nothing changed does not).
 */
const mockEvents: string[] = [];

jest.mock("../../provider/operations/operations", () => {
  mockEvents.push("lifecycle");
  return jest.requireActual("../../provider/operations/operations");
});

jest.mock("../../provider/model/zod", () => {
  mockEvents.push("zod");
  return jest.requireActual("../../provider/model/zod");
});

jest.mock("../../provider/azure/connect", () => ({
  connect: async () => {
    mockEvents.push("connecting");
    const { FakeGalleryApi } = jest.requireActual("./fakeGalleryApi");
    return new FakeGalleryApi().connection();
  },
}));

const GALLERY = { resourceGroupName: "rg", galleryName: "gallery", location: "westeurope" };
const GALLERY_ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/gallery";
const CONFIG = { get: () => undefined } as unknown as pulumi.Config;

/** The gallery's provider as a fresh dynamic-provider process has it, configured as the host does. */
async function freshGalleryProvider(): Promise<pulumi.dynamic.ResourceProvider> {
  const provider = (require("../../provider/shim") as typeof import("../../provider/shim")).providers.gallery;
  await provider.configure!({ config: CONFIG });
  return provider;
}

beforeEach(() => {
  // The provider finds its runtime at call time, by require: a fresh registry is a fresh process.
  jest.resetModules();
  mockEvents.length = 0;
});

test("configuring (stack settings without advice keys) loads neither the lifecycle, zod nor the connection", async () => {
  await freshGalleryProvider();
  expect(mockEvents).toEqual([]);
});

test("a read (the first call of a refresh) starts connecting before the lifecycle loads, and loads no zod", async () => {
  const provider = await freshGalleryProvider();
  const read = await provider.read!(GALLERY_ID, GALLERY);
  expect(mockEvents).toEqual(["connecting", "lifecycle"]);
  // The gallery is not in the fake Azure: the read still completes, through that connection.
  expect(read).toEqual({ id: "", props: {} });
});

test("a delete (the first call of a destroy) starts connecting before the lifecycle loads, and loads no zod", async () => {
  const provider = await freshGalleryProvider();
  await provider.delete!(GALLERY_ID, GALLERY);
  expect(mockEvents).toEqual(["connecting", "lifecycle"]);
});

test("check and diff, all that a preview calls, never connect", async () => {
  const provider = await freshGalleryProvider();
  const { inputs, failures } = await provider.check!({}, GALLERY);
  expect(failures).toEqual([]);
  await provider.diff!(GALLERY_ID, inputs!, { ...inputs, tags: { team: "images" } });
  expect(mockEvents).toEqual(["lifecycle", "zod"]);
});

test("the plugin's read, too, starts connecting before the lifecycle loads", async () => {
  const { pluginHandlers } =
    require("../../provider/plugin/handlers") as typeof import("../../provider/plugin/handlers");
  const { connect } =
    require("../../provider/azure/connect") as typeof import("../../provider/azure/connect");
  const handlers = pluginHandlers({ log: async () => undefined, env: {}, cwd: process.cwd(), connect });
  await handlers.configure({});
  expect(mockEvents).toEqual([]);
  await handlers.read(
    "urn:pulumi:stack::project::compute-gallery:index:Gallery::gallery",
    GALLERY_ID,
    GALLERY,
  );
  expect(mockEvents).toEqual(["connecting", "lifecycle"]);
});
