// The plugin's own Struct codec against google-protobuf's, the reference: what one writes the other
// must read to the same JSON, both ways, for every kind of value and the wire's edge cases (lengths
// that take several varint bytes, multi-byte UTF-8, fields a newer protocol may add).
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { structproto, provproto } from "../../provider/plugin/protocol";
import {
  decodeStruct,
  encodeStruct,
  encodeStructField,
  splitStructFields,
} from "../../provider/plugin/structWire";

const referenceBytes = (value: object) =>
  Buffer.from(structproto.Struct.fromJavaScript(value as Record<string, JavaScriptValue>).serializeBinary());
const referenceRead = (bytes: Uint8Array) => structproto.Struct.deserializeBinary(bytes).toJavaScript();

const samples: Record<string, object> = {
  empty: {},
  scalars: { s: "text", n: 42, f: -1.5, t: true, f2: false, nothing: null },
  numbers: { zero: 0, big: 2 ** 53, tiny: 5e-324, huge: 1.7976931348623157e308, negative: -123456789.25 },
  nested: { a: { b: { c: { d: [1, [2, [3, {}]], { e: [] }] } } } },
  unicode: { "région-é": "Zürich ☃ 東京 😀", "": "empty key" },
  // 200 bytes and 20,000 bytes: a length of two and of three varint bytes.
  long: { two: "x".repeat(200), three: "é".repeat(10_000), list: Array.from({ length: 300 }, (_, i) => i) },
  version: {
    publishingProfile: {
      targetRegions: [
        { name: "westeurope", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS" },
        { name: "eastus", regionalReplicaCount: 1, storageAccountType: "Premium_LRS" },
      ],
      excludeFromLatest: false,
    },
    // A secret as the engine sends it: an object with the signature key, nothing special on the wire.
    tags: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "s3cret" },
  },
};

describe.each(Object.entries(samples))("%s", (_name, value) => {
  test("decodes what google-protobuf encodes", () => {
    expect(decodeStruct(referenceBytes(value))).toEqual(value);
  });

  test("encodes what google-protobuf decodes, in as many bytes", () => {
    const bytes = encodeStruct(value);
    expect(referenceRead(bytes)).toEqual(value);
    expect(bytes.length).toBe(referenceBytes(value).length);
  });
});

/** A seeded pseudo-random JSON tree: the combinations no hand-written sample thought of. */
function randomJson(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const text = () =>
    String.fromCodePoint(
      ...Array.from({ length: Math.floor(next() * 12) }, () => 32 + Math.floor(next() * 0x3000)),
    );
  const value = (depth: number): unknown => {
    const pick = Math.floor(next() * (depth > 3 ? 4 : 6));
    if (pick === 0) return null;
    if (pick === 1) return next() < 0.5 ? Math.floor(next() * 1e6) - 5e5 : next() * 1e12;
    if (pick === 2) return next() < 0.5;
    if (pick === 3) return text();
    if (pick === 4) return Array.from({ length: Math.floor(next() * 5) }, () => value(depth + 1));
    return Object.fromEntries(
      Array.from({ length: Math.floor(next() * 5) }, () => [text(), value(depth + 1)]),
    );
  };
  return Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, value(0)]));
}

test("200 random JSON trees go both ways as google-protobuf's", () => {
  for (let seed = 1; seed <= 200; seed++) {
    const value = randomJson(seed);
    expect(decodeStruct(referenceBytes(value))).toEqual(referenceRead(referenceBytes(value)));
    expect(referenceRead(encodeStruct(value))).toEqual(value);
  }
});

test("fields it does not know are skipped, at every level", () => {
  // Field 15 (varint 7), field 14 (fixed64), field 13 (bytes "zz"), field 12 (fixed32) before the real fields.
  const unknown = Buffer.from([0x78, 7, 0x71, 1, 2, 3, 4, 5, 6, 7, 8, 0x6a, 2, 0x7a, 0x7a, 0x65, 1, 2, 3, 4]);
  const inner = Buffer.concat([unknown, encodeStruct({ a: "b" })]);
  // A Value holding that Struct (field 5), preceded by an unknown field too.
  const value = Buffer.concat([unknown, Buffer.from([0x2a, inner.length]), inner]);
  // An entry { key "k", value } (fields 1 and 2), and the outer Struct's field 1 holding it.
  const entry = Buffer.concat([unknown, Buffer.from([0x0a, 1, 0x6b, 0x12, value.length]), value]);
  const struct = Buffer.concat([unknown, Buffer.from([0x0a, entry.length]), entry]);
  expect(decodeStruct(struct)).toEqual({ k: { a: "b" } });
});

test("bytes cut short are refused, not read past their end", () => {
  const bytes = referenceBytes(samples.version!);
  for (const cut of [1, 7, Math.floor(bytes.length / 2), bytes.length - 1]) {
    expect(() => decodeStruct(bytes.subarray(0, cut))).toThrow(/protobuf/);
  }
});

test("a number that runs past the end of its value is refused, not read from the bytes after it", () => {
  // { k: <a Value of 5 bytes holding a number field of 8> }, followed by bytes it must not borrow.
  const value = Buffer.from([0x11, 0, 0, 0, 0]);
  const entry = Buffer.concat([Buffer.from([0x0a, 1, 0x6b, 0x12, value.length]), value, Buffer.alloc(8)]);
  const struct = Buffer.concat([Buffer.from([0x0a, entry.length]), entry]);
  expect(() => decodeStruct(struct)).toThrow(/past the end/);
});

test("a value JSON has no form for is refused, as google-protobuf refuses it", () => {
  expect(() =>
    structproto.Struct.fromJavaScript({ a: undefined } as unknown as Record<string, JavaScriptValue>),
  ).toThrow();
  expect(() => encodeStruct({ a: undefined })).toThrow(/undefined has no Struct value/);
});

test("a message's Struct fields are split from the rest, which the generated class still reads", () => {
  const request = new provproto.ReadRequest();
  request.setId("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g");
  request.setUrn("urn:pulumi:dev::p::compute-gallery:index:Gallery::g");
  request.setProperties(
    structproto.Struct.fromJavaScript(samples.version as Record<string, JavaScriptValue>),
  );
  request.setInputs(structproto.Struct.fromJavaScript(samples.scalars as Record<string, JavaScriptValue>));
  request.setName("g");
  const { rest, structs } = splitStructFields(Buffer.from(request.serializeBinary()), new Set([3, 4]));
  expect(structs.get(3)).toEqual(samples.version);
  expect(structs.get(4)).toEqual(samples.scalars);
  const others = provproto.ReadRequest.deserializeBinary(rest);
  expect([others.getId(), others.getUrn(), others.getName()]).toEqual([
    request.getId(),
    request.getUrn(),
    "g",
  ]);
  expect(others.hasProperties()).toBe(false);
  expect(others.hasInputs()).toBe(false);
});

test("a Struct field added to a message's bytes is read as that field", () => {
  const response = new provproto.CreateResponse();
  response.setId("the-id");
  const bytes = Buffer.concat([
    Buffer.from(response.serializeBinary()),
    encodeStructField(2, samples.nested!),
  ]);
  const read = provproto.CreateResponse.deserializeBinary(bytes);
  expect(read.getId()).toBe("the-id");
  expect(read.getProperties()!.toJavaScript()).toEqual(samples.nested);
});
