// google.protobuf.Struct straight between its wire bytes and plain JSON, instead of google-protobuf's
// message objects (why, and when the plugin uses it: provider/tuning.ts, 1). It reads and writes the
// bytes struct.proto defines: Struct { map<string, Value> fields = 1 }, Value { oneof kind:
// null_value = 1, number_value = 2, string_value = 3, bool_value = 4, struct_value = 5,
// list_value = 6 }, ListValue { repeated Value values = 1 }.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

const tag = (field: number, wireType: number) => (field << 3) | wireType;

/** Reads one message's fields; `onField` is handed the field number, its wire type and where its value lies. */
class Reader {
  constructor(
    readonly bytes: Buffer,
    public at: number,
  ) {}

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.bytes[this.at++];
      if (byte === undefined) throw new Error("protobuf: truncated varint");
      // Lengths, tags and enums fit in 32 bits; larger varints (never in a Struct) lose only precision.
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
    }
  }

  /** The end of a length-delimited value that starts here, checked against `end`. */
  delimited(end: number): number {
    const length = this.varint();
    const stop = this.at + length;
    if (stop > end) throw new Error("protobuf: length past the end of its message");
    return stop;
  }

  /** Moves past `size` bytes of a fixed-size value, which must end within `end`. */
  fixed(size: number, end: number): number {
    const start = this.at;
    this.at += size;
    if (this.at > end) throw new Error("protobuf: a fixed-size value past the end of its message");
    return start;
  }

  skip(wireType: number, end: number): void {
    if (wireType === VARINT) this.varint();
    else if (wireType === FIXED64) this.fixed(8, end);
    else if (wireType === LENGTH_DELIMITED) this.at = this.delimited(end);
    else if (wireType === FIXED32) this.fixed(4, end);
    else throw new Error(`protobuf: unsupported wire type ${wireType}`);
  }
}

function readValue(r: Reader, end: number): Json {
  let value: Json | undefined;
  while (r.at < end) {
    const key = r.varint();
    const field = key >>> 3;
    const wireType = key & 7;
    if (field === 1 && wireType === VARINT) {
      r.varint();
      value = null;
    } else if (field === 2 && wireType === FIXED64) {
      value = r.bytes.readDoubleLE(r.fixed(8, end));
    } else if (field === 3 && wireType === LENGTH_DELIMITED) {
      const stop = r.delimited(end);
      value = r.bytes.toString("utf8", r.at, stop);
      r.at = stop;
    } else if (field === 4 && wireType === VARINT) {
      value = r.varint() !== 0;
    } else if (field === 5 && wireType === LENGTH_DELIMITED) {
      const stop = r.delimited(end);
      value = readStruct(r, stop);
    } else if (field === 6 && wireType === LENGTH_DELIMITED) {
      const stop = r.delimited(end);
      value = readList(r, stop);
    } else r.skip(wireType, end);
  }
  // google-protobuf's toJavaScript refuses a Value with no kind; so does this.
  if (value === undefined) throw new Error("protobuf: a Struct value without a kind");
  return value;
}

function readList(r: Reader, end: number): Json[] {
  const list: Json[] = [];
  while (r.at < end) {
    const key = r.varint();
    if (key === tag(1, LENGTH_DELIMITED)) {
      const stop = r.delimited(end);
      list.push(readValue(r, stop));
    } else r.skip(key & 7, end);
  }
  return list;
}

function readStruct(r: Reader, end: number): { [key: string]: Json } {
  const object: { [key: string]: Json } = {};
  while (r.at < end) {
    const key = r.varint();
    if (key !== tag(1, LENGTH_DELIMITED)) {
      r.skip(key & 7, end);
      continue;
    }
    const entryEnd = r.delimited(end);
    let name = "";
    let value: Json = null;
    while (r.at < entryEnd) {
      const entryKey = r.varint();
      if (entryKey === tag(1, LENGTH_DELIMITED)) {
        const stop = r.delimited(entryEnd);
        name = r.bytes.toString("utf8", r.at, stop);
        r.at = stop;
      } else if (entryKey === tag(2, LENGTH_DELIMITED)) {
        const stop = r.delimited(entryEnd);
        value = readValue(r, stop);
      } else r.skip(entryKey & 7, entryEnd);
    }
    object[name] = value;
  }
  return object;
}

/** A Struct's bytes (from `start` to `end` of `bytes`) as plain JSON. */
export function decodeStruct(bytes: Buffer, start = 0, end = bytes.length): { [key: string]: Json } {
  return readStruct(new Reader(bytes, start), end);
}

// Writing: sizes first (a nested message is prefixed by its length), then one buffer filled in order.

const varintSize = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);
const delimitedSize = (n: number) => varintSize(n) + n;

/** Sizes of the messages of one value tree, in the order the writer meets them. */
type Sizes = number[];

function valueSize(value: unknown, sizes: Sizes): number {
  if (value === null) return 2;
  switch (typeof value) {
    case "number":
      return 9;
    case "boolean":
      return 2;
    case "string":
      return 1 + delimitedSize(Buffer.byteLength(value));
    case "object": {
      const slot = sizes.push(0) - 1;
      const inner = Array.isArray(value) ? listSize(value, sizes) : structSize(value as object, sizes);
      sizes[slot] = inner;
      return 1 + delimitedSize(inner);
    }
    default:
      // As google-protobuf's fromJavaScript: undefined, functions and the like have no Struct form.
      throw new Error(`protobuf: a ${typeof value} has no Struct value`);
  }
}

function listSize(list: readonly unknown[], sizes: Sizes): number {
  let size = 0;
  for (const item of list) {
    const slot = sizes.push(0) - 1;
    const inner = valueSize(item, sizes);
    sizes[slot] = inner;
    size += 1 + delimitedSize(inner);
  }
  return size;
}

function structSize(object: object, sizes: Sizes): number {
  let size = 0;
  for (const [name, value] of Object.entries(object)) {
    const slot = sizes.push(0, 0) - 2;
    const valueBytes = valueSize(value, sizes);
    const entry = 1 + delimitedSize(Buffer.byteLength(name)) + 1 + delimitedSize(valueBytes);
    sizes[slot] = entry;
    sizes[slot + 1] = valueBytes;
    size += 1 + delimitedSize(entry);
  }
  return size;
}

class Writer {
  at = 0;
  next = 0;
  constructor(
    readonly bytes: Buffer,
    readonly sizes: Sizes,
  ) {}

  byte(b: number): void {
    this.bytes[this.at++] = b;
  }

  varint(n: number): void {
    while (n >= 0x80) {
      this.bytes[this.at++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    this.bytes[this.at++] = n;
  }

  string(s: string): void {
    this.varint(Buffer.byteLength(s));
    this.at += this.bytes.write(s, this.at, "utf8");
  }

  value(value: unknown): void {
    if (value === null) {
      this.byte(tag(1, VARINT));
      this.byte(0);
    } else if (typeof value === "number") {
      this.byte(tag(2, FIXED64));
      this.at = this.bytes.writeDoubleLE(value, this.at);
    } else if (typeof value === "boolean") {
      this.byte(tag(4, VARINT));
      this.byte(value ? 1 : 0);
    } else if (typeof value === "string") {
      this.byte(tag(3, LENGTH_DELIMITED));
      this.string(value);
    } else if (Array.isArray(value)) {
      this.byte(tag(6, LENGTH_DELIMITED));
      this.varint(this.sizes[this.next++]!);
      this.list(value);
    } else {
      this.byte(tag(5, LENGTH_DELIMITED));
      this.varint(this.sizes[this.next++]!);
      this.struct(value as object);
    }
  }

  list(list: readonly unknown[]): void {
    for (const item of list) {
      this.byte(tag(1, LENGTH_DELIMITED));
      this.varint(this.sizes[this.next++]!);
      this.value(item);
    }
  }

  struct(object: object): void {
    for (const [name, value] of Object.entries(object)) {
      this.byte(tag(1, LENGTH_DELIMITED));
      this.varint(this.sizes[this.next++]!);
      this.byte(tag(1, LENGTH_DELIMITED));
      this.string(name);
      this.byte(tag(2, LENGTH_DELIMITED));
      this.varint(this.sizes[this.next++]!);
      this.value(value);
    }
  }
}

/** Plain JSON as a Struct's bytes, preceded by the tag and length of `field` when one is given. */
function encode(object: object, field?: number): Buffer {
  const sizes: Sizes = [];
  const size = structSize(object, sizes);
  const key = field === undefined ? undefined : tag(field, LENGTH_DELIMITED);
  const head = key === undefined ? 0 : varintSize(key) + varintSize(size);
  const writer = new Writer(Buffer.allocUnsafe(head + size), sizes);
  if (key !== undefined) {
    writer.varint(key);
    writer.varint(size);
  }
  writer.struct(object);
  return writer.bytes;
}

/** Plain JSON as a Struct's bytes. */
export const encodeStruct = (object: object): Buffer => encode(object);

/** Plain JSON as field `field` of a message holding a Struct: its tag, its length and its bytes. */
export const encodeStructField = (field: number, object: object): Buffer => encode(object, field);

/**
 * A message's bytes split in two: the Struct fields named in `structFields`, decoded to JSON, and
 * every other field's bytes as they were, in their order, for the generated class to read.
 */
export function splitStructFields(
  bytes: Buffer,
  structFields: ReadonlySet<number>,
): { rest: Buffer; structs: Map<number, { [key: string]: Json }> } {
  const r = new Reader(bytes, 0);
  const structs = new Map<number, { [key: string]: Json }>();
  const kept: Buffer[] = [];
  let keptFrom = 0;
  while (r.at < bytes.length) {
    const fieldStart = r.at;
    const key = r.varint();
    if (structFields.has(key >>> 3) && (key & 7) === LENGTH_DELIMITED) {
      const stop = r.delimited(bytes.length);
      structs.set(key >>> 3, decodeStruct(bytes, r.at, stop));
      r.at = stop;
      kept.push(bytes.subarray(keptFrom, fieldStart));
      keptFrom = stop;
    } else r.skip(key & 7, bytes.length);
  }
  kept.push(bytes.subarray(keptFrom));
  return { rest: kept.length === 1 ? bytes : Buffer.concat(kept), structs };
}
