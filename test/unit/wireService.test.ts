// The plugin's service definition reads and writes the resource calls' Structs itself. Its table of
// field numbers is checked here against the SDK's generated classes (compiled from provider.proto):
// a request the engine's side would encode must come out whole, and a response must read back whole.
// The plugin checks the same table when it starts, and serves the generated codecs if it disagrees.
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { provproto, provrpc, structproto } from "../../provider/plugin/protocol";
import {
  plainWire,
  providerWire,
  structCodecDisagreement,
  tunedWire,
  wireService,
  type StructMethod,
} from "../../provider/plugin/wireService";

type Definition = {
  requestType: { new (): any };
  responseType: { deserializeBinary(bytes: Uint8Array): any };
  requestDeserialize(bytes: Buffer): { message: any; structs: Record<string, unknown> };
  responseSerialize(response: { message: any; structs?: Record<string, object> }): Buffer;
};
const service = wireService() as unknown as Record<string, Definition>;

const olds = { galleryName: "g", tags: { a: "1" } };
const news = {
  galleryName: "g",
  tags: { a: "2" },
  publishingProfile: { targetRegions: [{ name: "eastus" }] },
};
const oldInputs = { galleryName: "g", tags: { a: "1" }, location: "westeurope" };
const struct = (value: object) => structproto.Struct.fromJavaScript(value as Record<string, JavaScriptValue>);

type RequestCase = { set(request: any): void; structs: Record<string, unknown> };

/** A CheckRequest, which check and checkConfig take. */
const check: RequestCase = {
  set: (r) => (r.setUrn("u"), r.setOlds(struct(olds)), r.setNews(struct(news))),
  structs: { olds, news },
};

/** A DiffRequest, which diff and diffConfig take. */
const diff: RequestCase = {
  set: (r) => (
    r.setId("i"),
    r.setUrn("u"),
    r.setOlds(struct(olds)),
    r.setNews(struct(news)),
    r.setOldInputs(struct(oldInputs))
  ),
  structs: { olds, news, oldInputs },
};

/** Each call's request, set through the generated setters, with what the handler must be given. */
const requests: Record<string, RequestCase> = {
  checkConfig: check,
  diffConfig: diff,
  check,
  diff,
  create: {
    set: (r) => (r.setUrn("u"), r.setProperties(struct(news)), r.setTimeout(600)),
    structs: { properties: news },
  },
  read: {
    set: (r) => (r.setId("i"), r.setUrn("u"), r.setProperties(struct(olds)), r.setInputs(struct(oldInputs))),
    structs: { properties: olds, inputs: oldInputs },
  },
  update: {
    set: (r) => (
      r.setId("i"),
      r.setUrn("u"),
      r.setOlds(struct(olds)),
      r.setNews(struct(news)),
      r.setOldInputs(struct(oldInputs)),
      r.setTimeout(30)
    ),
    structs: { olds, news, oldInputs },
  },
  delete: {
    set: (r) => (
      r.setId("i"),
      r.setUrn("u"),
      r.setProperties(struct(olds)),
      r.setOldInputs(struct(oldInputs)),
      r.setTimeout(5)
    ),
    structs: { properties: olds, oldInputs },
  },
  invoke: {
    set: (r) => (r.setTok("compute-gallery:index:getLatestImageVersion"), r.setArgs(struct(news))),
    structs: { args: news },
  },
};

describe.each(Object.entries(requests))("%s request", (method, { set, structs }) => {
  const definition = service[method]!;
  const request = new definition.requestType();
  set(request);

  test("its Structs reach the handler as JSON, its other fields through the generated class", () => {
    const read = definition.requestDeserialize(Buffer.from(request.serializeBinary()));
    expect(read.structs).toEqual(structs);
    // Every field but the Structs, as the generated class reads them from the original bytes.
    const whole = request.toObject();
    const rest = read.message.toObject();
    for (const [key, value] of Object.entries(whole)) {
      if (Object.keys(structs).some((name) => name.toLowerCase() === key.toLowerCase())) continue;
      expect([key, rest[key]]).toEqual([key, value]);
    }
  });

  test("an absent Struct reaches the handler as {}", () => {
    const bare = new definition.requestType();
    const read = definition.requestDeserialize(Buffer.from(bare.serializeBinary()));
    expect(read.structs).toEqual(Object.fromEntries(Object.keys(structs).map((name) => [name, {}])));
  });
});

test("check's response carries the checked inputs and the failures", () => {
  const message = new provproto.CheckResponse();
  const failure = new provproto.CheckFailure();
  failure.setProperty("publishingProfile.targetRegions[0].name");
  failure.setReason("unknown region");
  message.setFailuresList([failure]);
  const read = service.check!.responseType.deserializeBinary(
    service.check!.responseSerialize({ message, structs: { inputs: news } }),
  );
  expect(read.getInputs().toJavaScript()).toEqual(news);
  expect(read.getFailuresList().map((f: any) => [f.getProperty(), f.getReason()])).toEqual([
    ["publishingProfile.targetRegions[0].name", "unknown region"],
  ]);
});

test("create's response carries the id and the outputs", () => {
  const message = new provproto.CreateResponse();
  message.setId("/subscriptions/s/x");
  const read = service.create!.responseType.deserializeBinary(
    service.create!.responseSerialize({ message, structs: { properties: news } }),
  );
  expect([read.getId(), read.getProperties().toJavaScript()]).toEqual(["/subscriptions/s/x", news]);
});

test("read's response carries the id, the outputs and the inputs, and leaves out inputs not given", () => {
  const message = new provproto.ReadResponse();
  message.setId("i");
  const both = service.read!.responseType.deserializeBinary(
    service.read!.responseSerialize({ message, structs: { properties: olds, inputs: oldInputs } }),
  );
  expect([both.getId(), both.getProperties().toJavaScript(), both.getInputs().toJavaScript()]).toEqual([
    "i",
    olds,
    oldInputs,
  ]);
  const outputsOnly = service.read!.responseType.deserializeBinary(
    service.read!.responseSerialize({ message, structs: { properties: olds } }),
  );
  expect(outputsOnly.hasInputs()).toBe(false);
});

test("update's and invoke's responses carry their Struct", () => {
  const update = service.update!.responseType.deserializeBinary(
    service.update!.responseSerialize({
      message: new provproto.UpdateResponse(),
      structs: { properties: news },
    }),
  );
  expect(update.getProperties().toJavaScript()).toEqual(news);
  const invoke = service.invoke!.responseType.deserializeBinary(
    service.invoke!.responseSerialize({ message: new provproto.InvokeResponse(), structs: { return: olds } }),
  );
  expect(invoke.getReturn().toJavaScript()).toEqual(olds);
});

test("diff's response is the generated message's own bytes: the detailed diff map survives", () => {
  const message = new provproto.DiffResponse();
  message.setChanges(provproto.DiffResponse.DiffChanges.DIFF_SOME);
  message.setReplacesList(["location"]);
  const diff = new provproto.PropertyDiff();
  diff.setKind(provproto.PropertyDiff.Kind.UPDATE_REPLACE);
  message.getDetaileddiffMap().set("location", diff);
  const read = service.diff!.responseType.deserializeBinary(service.diff!.responseSerialize({ message }));
  expect(read.getReplacesList()).toEqual(["location"]);
  expect(read.getDetaileddiffMap().get("location").getKind()).toBe(
    provproto.PropertyDiff.Kind.UPDATE_REPLACE,
  );
});

test("the calls without Structs keep the generated (de)serializers", () => {
  for (const method of ["getSchema", "configure", "getPluginInfo", "cancel"]) {
    expect(service[method]).toBe(provrpc.ResourceProviderService[method]);
  }
});

describe("the codec's check against the generated classes (provider/tuning.ts, 1)", () => {
  const generated = provrpc.ResourceProviderService;

  test("the SDK installed agrees with the codec's table", () => {
    expect(structCodecDisagreement()).toBeUndefined();
    expect(tunedWire().codec).toBe("structWire");
  });

  test("a request whose Structs moved to other numbers is found, and the plugin serves the generated codecs", () => {
    // A DiffRequest has olds and news too, at 3 and 4 where a CheckRequest has them at 2 and 3.
    const moved = { ...generated, check: { ...generated.check, requestType: provproto.DiffRequest } };
    expect(structCodecDisagreement(moved)).toBe("check: the request's olds is not the Struct of field 2");
    const wire = providerWire(moved);
    expect([wire.codec, wire.fellBack]).toEqual(["generated", structCodecDisagreement(moved)]);
    expect(wire.definition).toBe(moved);
  });

  test("a response without the Struct's accessor, a missing method, a class that cannot write itself are found", () => {
    const noInputs = { ...generated, read: { ...generated.read, responseType: provproto.CreateResponse } };
    expect(structCodecDisagreement(noInputs)).toMatch(/^read: the response: /);
    const { invoke: _invoke, ...noInvoke } = generated;
    expect(structCodecDisagreement(noInvoke)).toBe("invoke: not in the service");
    class Opaque {
      setProperties() {}
    }
    const opaque = { ...generated, create: { ...generated.create, requestType: Opaque } };
    expect(structCodecDisagreement(opaque)).toMatch(/^create: the request: /);
  });

  test("COMPUTE_GALLERY_PLAIN_PATH=1 serves the generated service as the SDK ships it", () => {
    process.env.COMPUTE_GALLERY_PLAIN_PATH = "1";
    try {
      const wire = providerWire();
      expect([wire.codec, wire.definition, wire.fellBack]).toEqual(["generated", generated, undefined]);
    } finally {
      delete process.env.COMPUTE_GALLERY_PLAIN_PATH;
    }
  });

  test("the plain wire hands the handler the same JSON, and writes the same response", () => {
    const plain = plainWire();
    for (const [method, { set }] of Object.entries(requests)) {
      // The generated JavaScript's definition carries its classes; its declarations do not.
      const definition = generated[method as StructMethod] as unknown as {
        requestType: { new (): any };
        requestDeserialize(bytes: Buffer): unknown;
      };
      const request = new definition.requestType();
      set(request);
      const bytes = Buffer.from(request.serializeBinary());
      const read = plain.request(method as StructMethod, definition.requestDeserialize(bytes));
      expect([method, read.structs]).toEqual([method, service[method]!.requestDeserialize(bytes).structs]);
    }
    const message = () => {
      const response = new provproto.ReadResponse();
      response.setId("i");
      return response;
    };
    const structs = { properties: olds, inputs: oldInputs };
    const viaPlain = generated.read.responseSerialize(
      plain.response("read", { message: message(), structs }) as ReturnType<typeof message>,
    );
    const viaCodec = service.read!.responseSerialize({ message: message(), structs });
    expect(provproto.ReadResponse.deserializeBinary(viaPlain).toObject()).toEqual(
      provproto.ReadResponse.deserializeBinary(viaCodec).toObject(),
    );
  });
});
