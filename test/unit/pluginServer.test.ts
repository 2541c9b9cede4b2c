// The plugin's gRPC methods (provider/plugin/server.ts) called as the gRPC library calls them, with
// requests as the service definition decodes them.
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { providerService, serve } from "../../provider/plugin/server";
import { pluginHandlers, type PluginHandlers } from "../../provider/plugin/handlers";
import { grpc, provproto, provrpc, structproto } from "../../provider/plugin/protocol";
import { FakeGalleryApi } from "./fakeGalleryApi";
import { edited, exampleGalleryArgs, exampleImageArgs, exampleVersionArgs } from "./fixtures";

type Method = (call: { request: unknown }, callback: (error: unknown, response?: any) => void) => void;

function call(method: Method, request: unknown): Promise<any> {
  return new Promise((resolve, reject) =>
    method({ request }, (error, response) => (error ? reject(error) : resolve(response))),
  );
}

describe("diffConfig", () => {
  const service = providerService({} as PluginHandlers, "0.0.0") as unknown as Record<string, Method>;
  const diffConfig = (olds: object, news: object) =>
    call(service.diffConfig!, { message: new provproto.DiffRequest(), structs: { olds, news } }).then(
      (response) => response.message.getChanges(),
    );

  test("the same config with its keys in another order is no change", async () => {
    // Go's protobuf writes a map's entries in no fixed order, so the engine may send either.
    const olds = { backend: "local", stateDir: "/s", replicationSpeed: "1000" };
    const news = { replicationSpeed: "1000", stateDir: "/s", backend: "local" };
    await expect(diffConfig(olds, news)).resolves.toBe(provproto.DiffResponse.DiffChanges.DIFF_NONE);
  });

  test("another value is a change", async () => {
    await expect(diffConfig({ backend: "local" }, { backend: "emulator" })).resolves.toBe(
      provproto.DiffResponse.DiffChanges.DIFF_SOME,
    );
  });
});

describe("the tuned and the plain codecs answer alike (provider/tuning.ts, 1)", () => {
  const URNS = {
    gallery: "urn:pulumi:dev::p::compute-gallery:index:Gallery::g",
    image: "urn:pulumi:dev::p::compute-gallery:index:GalleryImage::i",
    version: "urn:pulumi:dev::p::compute-gallery:index:GalleryImageVersion::v",
  };
  const NOW = new Date("2025-06-01T00:00:00Z");
  const struct = (value: object) =>
    structproto.Struct.fromJavaScript(value as Record<string, JavaScriptValue>);
  type Message = { toObject(): unknown; [accessor: string]: any };

  /** A server on a fresh in-memory Azure, on the plain path or not, and a client of the generated stubs. */
  async function started(plain: boolean) {
    if (plain) process.env.COMPUTE_GALLERY_PLAIN_PATH = "1";
    const logged: unknown[] = [];
    const api = new FakeGalleryApi();
    const handlers = pluginHandlers({
      log: async (severity, message, options) => void logged.push([severity, message, options?.urn]),
      env: {},
      cwd: "/nonexistent",
      connect: async () => api.connection(),
      now: () => NOW,
    });
    try {
      const server = await serve(handlers, "0.0.0");
      const client = new provrpc.ResourceProviderClient(
        `127.0.0.1:${server.port}`,
        grpc.credentials.createInsecure(),
      );
      return { server, client, logged };
    } finally {
      delete process.env.COMPUTE_GALLERY_PLAIN_PATH;
    }
  }

  /** A version's life through the protocol: each answer as the engine's side decodes it, then the log. */
  async function life(plain: boolean): Promise<{ codec: string; answers: unknown[] }> {
    const { server, client, logged } = await started(plain);
    const answers: unknown[] = [];
    /** Sends a request made by `build`; records the decoded answer (or the error) and returns the response. */
    const call = (method: string, type: string, build: (request: any) => void): Promise<Message> =>
      new Promise((resolve) => {
        const request = new (provproto as any)[type]();
        build(request);
        (client as any)[method](request, (error: any, response: Message) => {
          answers.push([method, error ? { error: [error.code, error.details] } : response.toObject()]);
          resolve(response);
        });
      });
    const checked = async (urn: string, news: object, olds: object = {}) =>
      (
        await call(
          "check",
          "CheckRequest",
          (r) => (r.setUrn(urn), r.setOlds(struct(olds)), r.setNews(struct(news))),
        )
      )
        .getInputs()
        .toJavaScript();
    const created = async (urn: string, args: object) => {
      const inputs = await checked(urn, args);
      const response = await call(
        "create",
        "CreateRequest",
        (r) => (r.setUrn(urn), r.setProperties(struct(inputs)), r.setTimeout(60)),
      );
      return { id: response.getId() as string, outputs: response.getProperties().toJavaScript() };
    };
    const latest = (args: object) =>
      call(
        "invoke",
        "InvokeRequest",
        (r) => (r.setTok("compute-gallery:index:getLatestImageVersion"), r.setArgs(struct(args))),
      );
    try {
      await call(
        "checkConfig",
        "CheckRequest",
        (r) => (r.setUrn("u"), r.setNews(struct({ backend: "local" }))),
      );
      await call(
        "diffConfig",
        "DiffRequest",
        (r) => (r.setOlds(struct({ backend: "local" })), r.setNews(struct({ backend: "local" }))),
      );
      await created(URNS.gallery, exampleGalleryArgs());
      await created(URNS.image, exampleImageArgs());
      const version = await created(URNS.version, exampleVersionArgs());
      const read = async (properties: object) =>
        call(
          "read",
          "ReadRequest",
          (r) => (r.setId(version.id), r.setUrn(URNS.version), r.setProperties(struct(properties))),
        );
      await read(version.outputs);
      const changed = edited(exampleVersionArgs(), (v) => {
        v.tags = { build: "43" };
        v.publishingProfile.targetRegions[1].regionalReplicaCount = 2;
      });
      const news = await checked(URNS.version, changed, version.outputs);
      await call(
        "diff",
        "DiffRequest",
        (r) => (
          r.setId(version.id),
          r.setUrn(URNS.version),
          r.setOlds(struct(version.outputs)),
          r.setNews(struct(news))
        ),
      );
      const updated = await call(
        "update",
        "UpdateRequest",
        (r) => (
          r.setId(version.id),
          r.setUrn(URNS.version),
          r.setOlds(struct(version.outputs)),
          r.setNews(struct(news)),
          r.setTimeout(60)
        ),
      );
      await latest({
        resourceGroupName: "rg-images",
        galleryName: "corpImages",
        galleryImageName: "ubuntu-22",
        region: "westeurope",
      });
      // A refused call: its error, as the engine reads it.
      await latest({});
      const outputs = updated.getProperties().toJavaScript();
      await call(
        "delete",
        "DeleteRequest",
        (r) => (
          r.setId(version.id),
          r.setUrn(URNS.version),
          r.setProperties(struct(outputs)),
          r.setTimeout(60)
        ),
      );
      // Gone: an empty id.
      await read(outputs);
      answers.push(["logged", logged]);
      return { codec: server.codec, answers };
    } finally {
      client.close();
      await server.stop();
    }
  }

  test("the config calls, check, diff, create, read, update, delete and invoke", async () => {
    const tuned = await life(false);
    const plain = await life(true);
    expect([tuned.codec, plain.codec]).toEqual(["structWire", "generated"]);
    expect(plain.answers).toEqual(tuned.answers);
    // The life went as written: the diff saw the change, the refused invoke is an error, the last read found nothing.
    const answer = (method: string, nth = 0) => tuned.answers.filter((a: any) => a[0] === method)[nth] as any;
    expect(answer("diff")[1]).toMatchObject({ changes: provproto.DiffResponse.DiffChanges.DIFF_SOME });
    expect(answer("invoke", 0)[1]).toMatchObject({ pb_return: expect.anything() });
    expect(answer("invoke", 1)[1]).toEqual({
      error: [grpc.status.UNKNOWN, expect.stringContaining("resourceGroupName is required")],
    });
    expect(answer("read", 1)[1]).toMatchObject({ id: "" });
  });
});
