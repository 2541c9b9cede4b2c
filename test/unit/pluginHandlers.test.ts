// What the plugin adds to the shared operations: detailed diff marks, messages on the resource's
// URN, configuration errors, import from an ARM id, custom timeouts, cancellation and the
// getLatestImageVersion function. Against the in-memory Azure.
import { pluginHandlers, type PluginHandlers } from "../../provider/plugin/handlers";
import type { GalleryApi } from "../../provider/azure/galleryApi";
import { FakeGalleryApi } from "./fakeGalleryApi";
import { edited, exampleGalleryArgs, exampleImageArgs, exampleVersionArgs, UNKNOWN } from "./fixtures";

const URN = {
  gallery: "urn:pulumi:dev::p::compute-gallery:index:Gallery::g",
  image: "urn:pulumi:dev::p::compute-gallery:index:GalleryImage::i",
  version: "urn:pulumi:dev::p::compute-gallery:index:GalleryImageVersion::v",
};
const GALLERY_ID =
  "/subscriptions/sub/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/corpImages";

let logged: { severity: string; message: string; urn?: string }[];

function plugin(api: GalleryApi = new FakeGalleryApi()): PluginHandlers {
  logged = [];
  return pluginHandlers({
    log: async (severity, message, options) => void logged.push({ severity, message, urn: options?.urn }),
    env: {},
    cwd: "/nonexistent",
    connect: async () => ({ api, subscriptionId: "sub", close: async () => {} }),
  });
}

async function created(handlers: PluginHandlers, urn: string, args: Record<string, any>) {
  const { inputs, failures } = await handlers.check(urn, {}, args);
  expect(failures).toEqual([]);
  return { inputs, ...(await handlers.create(urn, inputs)) };
}

describe("diff", () => {
  test("a region's storage type is UPDATE_REPLACE at its path, a replica count UPDATE", async () => {
    const handlers = plugin();
    const { outs } = await created(handlers, URN.version, exampleVersionArgs());
    const news = (
      await handlers.check(
        URN.version,
        outs,
        edited(exampleVersionArgs(), (v) => {
          v.publishingProfile.targetRegions[0].storageAccountType = "Premium_LRS";
          v.publishingProfile.targetRegions[1].regionalReplicaCount = 3;
        }),
      )
    ).inputs;
    const diff = await handlers.diff(URN.version, outs, news);
    expect(diff.detailedDiff).toEqual({
      "publishingProfile.targetRegions[0].storageAccountType": "UPDATE_REPLACE",
      "publishingProfile.targetRegions[1].regionalReplicaCount": "UPDATE",
    });
    expect(diff).toMatchObject({ changes: true, replaces: ["publishingProfile"], deleteBeforeReplace: true });
  });

  test("a region added is ADD at its index in the new list, one removed DELETE at its index in the old", async () => {
    const handlers = plugin();
    const { outs } = await created(handlers, URN.version, exampleVersionArgs());
    const news = edited(outs, (v) => {
      v.publishingProfile.targetRegions.splice(0, 1);
      v.publishingProfile.targetRegions.push({ name: "northeurope", regionalReplicaCount: 1 });
      v.safetyProfile = { allowDeletionOfReplicatedLocations: true };
    });
    const diff = await handlers.diff(URN.version, outs, news);
    expect(diff.detailedDiff).toMatchObject({
      "publishingProfile.targetRegions[1]": "ADD",
      "publishingProfile.targetRegions[0]": "DELETE",
    });
    expect(diff.deleteBeforeReplace).toBe(false);
  });

  test("an argument set for the first time is ADD, a replacing one ADD_REPLACE", async () => {
    const handlers = plugin();
    const { outs } = await created(handlers, URN.image, exampleImageArgs());
    const news = { ...outs, description: "new", eula: "https://contoso.example/eula" };
    delete (outs as any).description;
    const diff = await handlers.diff(URN.image, outs, news);
    expect(diff.detailedDiff).toEqual({ description: "ADD", eula: "ADD_REPLACE" });
  });

  test("replacement warnings are logged on the resource's URN", async () => {
    const handlers = plugin();
    const { outs } = await created(handlers, URN.image, exampleImageArgs());
    await handlers.diff(URN.image, outs, { ...outs, osState: "Specialized" });
    expect(logged.filter((l) => l.severity === "warning")).toEqual([
      expect.objectContaining({
        urn: URN.image,
        message: expect.stringContaining("because osState changes"),
      }),
    ]);
  });

  test("a version whose definition name is known only after apply names its definition being replaced", async () => {
    const handlers = plugin();
    const { outs } = await created(handlers, URN.version, exampleVersionArgs());
    await handlers.diff(URN.version, outs, { ...outs, galleryImageName: UNKNOWN });
    const warnings = logged.filter((l) => l.severity === "warning").map((l) => l.message);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('because its image definition "ubuntu-22" is being replaced');
    expect(warnings[0]).not.toContain("known after apply");
  });
});

describe("sharing through the plugin", () => {
  const A = "34a4ab42-0d72-47d9-bd1a-aed207386dac";
  const B = "380fd389-260b-41aa-bad9-0a83108c370b";
  const shared = (ids: string[]) =>
    edited(exampleGalleryArgs(), (g) => {
      g.sharingProfile = { permissions: "Groups", groups: [{ type: "Subscriptions", ids }] };
    });

  test("a subscription swapped for another at the same place is an UPDATE of that id", async () => {
    const handlers = plugin();
    const { outs } = await created(handlers, URN.gallery, shared([A]));
    const { inputs } = await handlers.check(URN.gallery, outs, shared([B]));
    const diff = await handlers.diff(URN.gallery, outs, inputs);
    expect(diff).toMatchObject({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(diff.detailedDiff).toEqual({ "sharingProfile.groups[0].ids[0]": "UPDATE" });
  });

  test("a subscription added is ADD at its index in the new list", async () => {
    const handlers = plugin();
    const { outs } = await created(handlers, URN.gallery, shared([A]));
    const { inputs } = await handlers.check(URN.gallery, outs, shared([A, B]));
    expect((await handlers.diff(URN.gallery, outs, inputs)).detailedDiff).toEqual({
      "sharingProfile.groups[0].ids[1]": "ADD",
    });
  });

  test("update runs the share action, never a PUT, when only the groups change", async () => {
    const fake = new FakeGalleryApi();
    const handlers = plugin(fake);
    const { outs } = await created(handlers, URN.gallery, shared([A]));
    const { inputs } = await handlers.check(URN.gallery, outs, shared([A, B]));
    fake.calls.length = 0;
    await handlers.update(URN.gallery, outs, inputs);
    expect(fake.calls.map((c) => [c.method, (c.body as any)?.operationType])).toEqual([
      ["shareGallery", "Add"],
      ["getGallery", undefined],
    ]);
  });
});

describe("configuration", () => {
  test("an unknown backend fails CheckConfig on that key, naming what is allowed", () => {
    const { failures } = plugin().checkConfig({ backend: "cloud" });
    expect(failures).toEqual([
      { property: "backend", reason: 'compute-gallery:backend is "cloud"; allowed: local, emulator, azure' },
    ]);
  });

  test("the emulator backend without an endpoint names the missing key", () => {
    const { failures } = plugin().checkConfig({ backend: "emulator" });
    expect(failures[0]?.reason).toContain("compute-gallery:emulatorEndpoint is not set");
  });

  test("a valid configuration passes through unchanged", () => {
    const news = {
      backend: "emulator",
      emulatorEndpoint: "https://127.0.0.1:8443",
      emulatorClientSecret: "s",
    };
    expect(plugin().checkConfig(news)).toEqual({ inputs: news, failures: [] });
  });
});

describe("import", () => {
  test("read with nothing but a gallery's ARM id returns its names, outputs and inputs", async () => {
    const fake = new FakeGalleryApi();
    fake.seed({ resourceGroupName: "rg-images", galleryName: "corpImages" }, exampleGalleryArgs());
    const found = await plugin(fake).read(URN.gallery, GALLERY_ID, {});
    expect(found?.id).toBe(GALLERY_ID);
    expect(found?.inputs).toMatchObject({ resourceGroupName: "rg-images", galleryName: "corpImages" });
    expect(found?.inputs).not.toHaveProperty("provisioningState");
  });

  test("the id of another kind is refused with the shape expected", async () => {
    await expect(plugin().read(URN.version, GALLERY_ID, {})).rejects.toThrow(
      "is not the Azure resource id of a galleryImageVersion",
    );
  });

  test("a resource that is gone reads as undefined", async () => {
    expect(await plugin().read(URN.gallery, GALLERY_ID, {})).toBeUndefined();
  });
});

describe("timeouts and cancellation", () => {
  /** An Azure whose gallery PUT never answers. */
  function stuck(): GalleryApi {
    const fake = new FakeGalleryApi();
    return Object.assign(Object.create(fake), { putGallery: () => new Promise(() => undefined) });
  }

  test("a create slower than its custom timeout fails naming the timeout", async () => {
    const handlers = plugin(stuck());
    await expect(handlers.create(URN.gallery, exampleGalleryArgs(), 0.05)).rejects.toThrow(
      "did not finish within 0.05 s (the resource's customTimeouts)",
    );
  });

  test("cancel stops an operation in flight", async () => {
    const handlers = plugin(stuck());
    const creating = handlers.create(URN.gallery, exampleGalleryArgs());
    await new Promise((r) => setTimeout(r, 20));
    handlers.cancel();
    await expect(creating).rejects.toThrow("cancelled");
  });
});

describe("getLatestImageVersion", () => {
  test("resolves the highest version not excluded from latest in the region", async () => {
    const handlers = plugin();
    await created(handlers, URN.version, exampleVersionArgs());
    await created(
      handlers,
      URN.version,
      edited(exampleVersionArgs(), (v) => (v.galleryImageVersionName = "1.0.10")),
    );
    await created(
      handlers,
      URN.version,
      edited(exampleVersionArgs(), (v) => {
        v.galleryImageVersionName = "1.1.0";
        v.publishingProfile.excludeFromLatest = true;
      }),
    );
    const latest = await handlers.invoke("compute-gallery:index:getLatestImageVersion", {
      resourceGroupName: "rg-images",
      galleryName: "corpImages",
      galleryImageName: "ubuntu-22",
      region: "West Europe",
    });
    expect(latest).toEqual({
      galleryImageVersionName: "1.0.10",
      id: `${GALLERY_ID}/images/ubuntu-22/versions/1.0.10`,
    });
  });

  test("a region no version reached is an error naming the definition and the region", async () => {
    const handlers = plugin();
    await created(handlers, URN.version, exampleVersionArgs());
    await expect(
      handlers.invoke("compute-gallery:index:getLatestImageVersion", {
        resourceGroupName: "rg-images",
        galleryName: "corpImages",
        galleryImageName: "ubuntu-22",
        region: "japaneast",
      }),
    ).rejects.toThrow(
      "no version of image definition rg-images/corpImages/ubuntu-22 is replicated to japaneast",
    );
  });
});
