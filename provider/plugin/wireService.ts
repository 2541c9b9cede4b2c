// The ResourceProvider service definition with every call's Structs read and written by
// structWire.ts instead of google-protobuf. The rest of each message (URN, id, timeout, the diff's
// lists and map) is still read and written by the SDK's generated classes: only the properties,
// which are most of every message and most of its decoding cost, take the short path.
import { decodeStruct, encodeStructField, splitStructFields } from "./structWire";
import { provrpc } from "./protocol";

type Json = ReturnType<typeof decodeStruct>;

/** CheckRequest and CheckResponse, DiffRequest and DiffResponse: also the config calls' messages. */
const CHECK = { request: { olds: 2, news: 3 }, response: { inputs: 1 } } as const;
const DIFF = { request: { olds: 3, news: 4, oldInputs: 6 }, response: {} } as const;

/** The Struct fields of each request and response, by name and field number (provider.proto). */
const STRUCT_FIELDS = {
  checkConfig: CHECK,
  diffConfig: DIFF,
  check: CHECK,
  diff: DIFF,
  create: { request: { properties: 2 }, response: { properties: 2 } },
  read: { request: { properties: 3, inputs: 4 }, response: { properties: 2, inputs: 3 } },
  update: { request: { olds: 3, news: 4, oldInputs: 8 }, response: { properties: 1 } },
  delete: { request: { properties: 3, oldInputs: 5 }, response: {} },
  invoke: { request: { args: 2 }, response: { return: 1 } },
} as const;

type StructMethod = keyof typeof STRUCT_FIELDS;
type RequestStructs<M extends StructMethod> = keyof (typeof STRUCT_FIELDS)[M]["request"];
type ResponseStructs<M extends StructMethod> = keyof (typeof STRUCT_FIELDS)[M]["response"];

/** A request as a handler gets it: the generated message without its Structs, and the Structs as JSON. */
export interface WireRequest<M extends StructMethod> {
  message: any;
  /** Each Struct field as JSON; an absent one is {}, so a handler never meets undefined. */
  structs: Record<RequestStructs<M>, Json>;
}

/** A response as a handler gives it: the generated message, and the Structs to add to it. */
export interface WireResponse<M extends StructMethod> {
  message: { serializeBinary(): Uint8Array };
  structs?: Partial<Record<ResponseStructs<M>, object>>;
}

function requestDeserializer(method: StructMethod) {
  const fields = Object.entries(STRUCT_FIELDS[method].request) as [string, number][];
  const numbers = new Set(fields.map(([, field]) => field));
  const type = provrpc.ResourceProviderService[method].requestType;
  return (bytes: Buffer) => {
    const { rest, structs } = splitStructFields(bytes, numbers);
    return {
      message: type.deserializeBinary(rest),
      structs: Object.fromEntries(fields.map(([name, field]) => [name, structs.get(field) ?? {}])),
    };
  };
}

function responseSerializer(method: StructMethod) {
  const numbers: Record<string, number> = STRUCT_FIELDS[method].response;
  return (response: WireResponse<StructMethod>) => {
    const envelope = response.message.serializeBinary();
    // A view of the generated class's bytes, not a copy: they are copied once, into the whole.
    const parts: Buffer[] = [Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength)];
    for (const [name, value] of Object.entries(response.structs ?? {})) {
      // Fields may follow in any order on the wire: appending them is what the message would hold.
      if (value !== undefined) parts.push(encodeStructField(numbers[name]!, value as object));
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  };
}

/** The generated service definition, with the Struct-carrying calls (de)serialized as above. */
export function wireService(): Record<string, unknown> {
  const service: Record<string, unknown> = { ...provrpc.ResourceProviderService };
  for (const method of Object.keys(STRUCT_FIELDS) as StructMethod[]) {
    service[method] = {
      ...provrpc.ResourceProviderService[method],
      requestDeserialize: requestDeserializer(method),
      responseSerialize: responseSerializer(method),
    };
  }
  return service;
}
