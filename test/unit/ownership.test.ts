// The owner marker: every create tags what it writes with its resource's marker, so that a create an
// interrupted run left in Azure is adopted by the next run of the same resource, and nothing else
// is: not what the user made by hand, not another stack's, not the resource another run created at
// the same moment. Through both front doors, against the in-memory Azure.
import { providers } from "../../provider/index";
import { useConnection } from "../../provider/runtime";
import { setEngineLog } from "../../provider/engineLog";
import type { BackendSettings } from "../../provider/azure/settings";
import { pluginHandlers } from "../../provider/plugin/handlers";
import { FakeGalleryApi } from "./fakeGalleryApi";
import { exampleGalleryArgs, exampleVersionArgs } from "./fixtures";

type Props = Record<string, any>;

const SETTINGS: BackendSettings = {
  kind: "local",
  stateDir: "/nonexistent/unused",
  accessGrantedRegions: [],
};
const TAG = "pulumi-compute-gallery-owner";
const DEV = "urn:pulumi:dev::images::pulumi-nodejs:dynamic/compute-gallery:Gallery::golden";
const PROD = "urn:pulumi:prod::images::pulumi-nodejs:dynamic/compute-gallery:Gallery::golden";
const galleryRef = { resourceGroupName: "rg-images", galleryName: "corpImages" };
const galleryId =
  "/subscriptions/sub/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/corpImages";

let fake: FakeGalleryApi;
let logged: string[];

beforeEach(() => {
  fake = new FakeGalleryApi();
  logged = [];
  useConnection(fake.connection(), SETTINGS);
  setEngineLog({ log: async (_severity, message) => void logged.push(message) });
});

afterAll(() => {
  useConnection(undefined);
  setEngineLog(undefined);
});

/** A create by the dynamic provider, the resource's URN passed as the resources pass it. */
async function createGallery(urn: string, args: Props = exampleGalleryArgs()) {
  const { inputs, failures } = await providers.gallery.check!({}, { ...args, __urn: urn, __provider: "x" });
  expect(failures).toEqual([]);
  return providers.gallery.create!(inputs!);
}

/** What a run that was killed after Azure accepted the create leaves: the resource, no state. */
async function interruptedCreate(urn: string, args?: Props): Promise<void> {
  await createGallery(urn, args);
  fake.calls.length = 0;
}

const markerIn = (body: Props | undefined) => body?.tags?.[TAG];

const PLUGIN_URN = "urn:pulumi:dev::images::compute-gallery:index:Gallery::golden";

/** The plugin's handlers over the same in-memory Azure, and the gallery's checked inputs. */
async function pluginGallery() {
  const handlers = pluginHandlers({
    log: async () => {},
    env: {},
    cwd: "/nonexistent",
    connect: async () => fake.connection(),
  });
  const { inputs } = await handlers.check(PLUGIN_URN, {}, exampleGalleryArgs());
  return { handlers, inputs };
}

describe("the marker", () => {
  test("a create writes the marker tag beside the program's tags; outputs and reads never show it", async () => {
    const { id, outs } = await createGallery(DEV, { ...exampleGalleryArgs(), tags: { team: "images" } });
    expect(fake.putBodies[0]!.tags).toEqual({
      team: "images",
      [TAG]: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(outs!.tags).toEqual({ team: "images" });
    const read = await providers.gallery.read!(id, outs);
    expect(read.props!.tags).toEqual({ team: "images" });
  });

  test("a program without tags shows none in its outputs although Azure holds the marker", async () => {
    const { outs } = await createGallery(DEV);
    expect(outs).not.toHaveProperty("tags");
  });

  test("two stacks' resources of one name get different markers; one resource's is the same every run", async () => {
    await createGallery(DEV);
    const dev = markerIn(fake.stored(galleryRef));
    fake = new FakeGalleryApi();
    useConnection(fake.connection(), SETTINGS);
    await createGallery(PROD);
    expect(markerIn(fake.stored(galleryRef))).not.toBe(dev);
    fake = new FakeGalleryApi();
    useConnection(fake.connection(), SETTINGS);
    await createGallery(DEV);
    expect(markerIn(fake.stored(galleryRef))).toBe(dev);
  });

  test("an update writes the marker again, so a write with the program's tags never drops it", async () => {
    const { outs } = await createGallery(DEV);
    const marker = markerIn(fake.stored(galleryRef));
    const { inputs } = await providers.gallery.check!(outs!, {
      ...exampleGalleryArgs(),
      description: "changed",
      __urn: DEV,
    });
    await providers.gallery.update!(galleryId, outs!, inputs!);
    expect(markerIn(fake.putBodies.at(-1))).toBe(marker);
  });
});

describe("adopting what an interrupted run created", () => {
  test("the next create of the same resource adopts it: one write of the program, its outputs returned", async () => {
    await interruptedCreate(DEV, { ...exampleGalleryArgs(), description: "first run" });
    const { id, outs } = await createGallery(DEV, { ...exampleGalleryArgs(), description: "second run" });
    expect(id).toBe(galleryId);
    expect(outs).toMatchObject({ description: "second run", provisioningState: "Succeeded" });
    expect(fake.calls.map((c) => c.method)).toEqual(["getGallery", "putGallery"]);
    expect(logged).toContain(
      "gallery rg-images/corpImages: adopting the resource an interrupted run created",
    );
  });

  test("a resource still being created is waited for, then adopted", async () => {
    await interruptedCreate(DEV);
    fake.drift(galleryRef, (g) => (g.provisioningState = "Creating"));
    // Azure finishes the interrupted operation while the provider waits.
    const getGallery = fake.getGallery.bind(fake);
    let reads = 0;
    fake.getGallery = async (ref) => {
      const found = await getGallery(ref);
      if (++reads === 1) fake.drift(galleryRef, (g) => (g.provisioningState = "Succeeded"));
      return found;
    };
    const { outs } = await createGallery(DEV);
    expect(outs).toMatchObject({ provisioningState: "Succeeded" });
    expect(reads).toBe(2);
    expect(fake.calls.filter((c) => c.method === "putGallery")).toHaveLength(1);
  });

  test("the plugin adopts by URN as well", async () => {
    const { handlers, inputs } = await pluginGallery();
    await handlers.create(PLUGIN_URN, inputs);
    const again = await handlers.create(PLUGIN_URN, inputs);
    expect(again.id).toBe(galleryId);
  });
});

describe("refusing what is not this resource's", () => {
  test("a resource made outside Pulumi is refused with the tag command that claims it, and not written", async () => {
    fake.seed(galleryRef, { location: "westeurope", description: "made in the portal" });
    const failure = await createGallery(DEV).catch((e: Error) => e);
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toContain(
      "gallery rg-images/corpImages already exists in Azure and it has no owner marker",
    );
    // A dynamic provider cannot import: the message does not offer it.
    expect(message).not.toContain("pulumi import");
    expect(fake.putBodies).toEqual([]);
    expect(fake.stored(galleryRef)).toMatchObject({ description: "made in the portal" });

    // The command it gives is the way out: once the tag is set, the next create adopts.
    const tag = new RegExp(
      `az resource tag --is-incremental --ids ${galleryId} --tags ${TAG}=([0-9a-f]{32})`,
    );
    const marker = tag.exec(message)?.[1];
    expect(marker).toBeDefined();
    fake.drift(galleryRef, (g) => (g.tags = { [TAG]: marker }));
    await expect(createGallery(DEV)).resolves.toMatchObject({ id: galleryId });
  });

  test("another stack's resource of the same name is refused, naming its marker", async () => {
    await interruptedCreate(PROD);
    const prod = markerIn(fake.stored(galleryRef));
    await expect(createGallery(DEV)).rejects.toThrow(
      `it carries the owner marker of another Pulumi resource (${TAG}=${prod})`,
    );
    expect(fake.putBodies).toEqual([]);
  });

  test("another stack's resource still being created is refused at once, not waited for", async () => {
    await interruptedCreate(PROD);
    fake.drift(galleryRef, (g) => (g.provisioningState = "Creating"));
    const started = Date.now();
    await expect(createGallery(DEV)).rejects.toThrow("another Pulumi resource");
    expect(fake.calls.map((c) => c.method)).toEqual(["getGallery"]);
    expect(Date.now() - started).toBeLessThan(900);
  });

  test("through the plugin the refusal gives the pulumi import command of the resource", async () => {
    fake.seed(galleryRef, { location: "westeurope" });
    const { handlers, inputs } = await pluginGallery();
    await expect(handlers.create(PLUGIN_URN, inputs)).rejects.toThrow(
      `pulumi import compute-gallery:index:Gallery golden ${galleryId}`,
    );
  });
});

describe("two creates of one name at the same moment", () => {
  test("a create whose write Azure answers 200 (created by another run in between) fails and marks it contested", async () => {
    // The other run's create lands between this run's read and its write.
    const getGallery = fake.getGallery.bind(fake);
    fake.getGallery = async (ref) => {
      const found = await getGallery(ref);
      fake.seed(galleryRef, { location: "westeurope", tags: { [TAG]: "0123456789abcdef0123456789abcdef" } });
      return found;
    };
    await expect(createGallery(DEV)).rejects.toThrow(
      "another create of the same name ran at the same time. Azure answered this create with 200, not 201 Created",
    );
    expect(markerIn(fake.stored(galleryRef))).toBe("contested");
    // Neither stack's next run adopts it.
    fake.getGallery = getGallery;
    await expect(createGallery(DEV)).rejects.toThrow(
      "another Pulumi resource (pulumi-compute-gallery-owner=contested)",
    );
  });

  test("the create answered 201 keeps the resource when the other run's write lands before it completes", async () => {
    const putGallery = fake.putGallery.bind(fake);
    let writes = 0;
    fake.putGallery = async (ref, body, hooks) => {
      const written = await putGallery(ref, body, hooks);
      if (++writes > 1) return written;
      // The other run's write replaces this one while Azure still runs this run's operation.
      fake.drift(galleryRef, (g) => {
        g.tags = { [TAG]: "0123456789abcdef0123456789abcdef" };
        g.description = "the other run's";
      });
      return structuredClone(fake.stored(galleryRef)!);
    };
    const { outs } = await createGallery(DEV, { ...exampleGalleryArgs(), description: "this run's" });
    expect(outs).toMatchObject({ description: "this run's" });
    expect(fake.stored(galleryRef)).toMatchObject({ description: "this run's" });
    expect(markerIn(fake.stored(galleryRef))).toMatch(/^[0-9a-f]{32}$/);
    expect(markerIn(fake.stored(galleryRef))).not.toBe("0123456789abcdef0123456789abcdef");
  });

  test("a restore of a soft-deleted version, which Azure answers 200, is no lost race", async () => {
    const putVersion = fake.putVersion.bind(fake);
    const answered200: typeof fake.putVersion = async (ref, body, hooks) => {
      const written = await putVersion(ref, body, { onProgress: hooks?.onProgress });
      hooks?.onAccepted?.(200);
      return written;
    };
    fake.putVersion = answered200;
    const urn = "urn:pulumi:dev::images::pulumi-nodejs:dynamic/compute-gallery:GalleryImageVersion::v1";
    const restoring = await providers.galleryImageVersion.check!(
      {},
      { ...exampleVersionArgs(), restore: true, __urn: urn },
    );
    await expect(providers.galleryImageVersion.create!(restoring.inputs!)).resolves.toMatchObject({
      outs: { provisioningState: "Succeeded" },
    });
    const plain = await providers.galleryImageVersion.check!(
      {},
      { ...exampleVersionArgs(), galleryImageVersionName: "1.0.9", __urn: `${urn}9` },
    );
    await expect(providers.galleryImageVersion.create!(plain.inputs!)).rejects.toThrow(
      "another create of the same name ran at the same time",
    );
  });

  test("versions carry the marker too", async () => {
    const { inputs } = await providers.galleryImageVersion.check!(
      {},
      {
        ...exampleVersionArgs(),
        __urn: "urn:pulumi:dev::images::pulumi-nodejs:dynamic/compute-gallery:GalleryImageVersion::v1",
      },
    );
    await providers.galleryImageVersion.create!(inputs!);
    expect(markerIn(fake.putBodies[0])).toMatch(/^[0-9a-f]{32}$/);
  });
});
