// How the plugin's ResourceProvider service reads requests and writes responses: either with every
// call's Structs read and written by structWire.ts and the rest of each message (URN, id, timeout, the
// diff's lists and map) by the SDK's generated classes (the tuned path), or with the generated service
// as the SDK ships it (the plain path). Which one, and the check that picks it: provider/tuning.ts, 1.
// The handlers (server.ts) see the same requests either way.
import type * as grpc from "@grpc/grpc-js";
import type { BinaryWriter, Message } from "google-protobuf";
import type { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
import { decodeStruct, encodeStructField, splitStructFields } from "./structWire";
import { provrpc, structproto, type RequestOf, type ResponseOf } from "./protocol";
import { plainPath } from "../tuning";

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

export type StructMethod = keyof typeof STRUCT_FIELDS;
type RequestStructs<M extends StructMethod> = keyof (typeof STRUCT_FIELDS)[M]["request"];
type ResponseStructs<M extends StructMethod> = keyof (typeof STRUCT_FIELDS)[M]["response"];

/** A request as a handler gets it: the generated message without its Structs, and the Structs as JSON. */
export interface WireRequest<M extends StructMethod> {
  message: RequestOf<M>;
  /** Each Struct field as JSON; an absent one is {}, so a handler never meets undefined. */
  structs: Record<RequestStructs<M>, Json>;
}

/** A response as a handler gives it: the generated message, and the Structs to add to it. */
export interface WireResponse<M extends StructMethod> {
  message: ResponseOf<M>;
  structs?: Partial<Record<ResponseStructs<M>, object>>;
}

/**
 * The generated ResourceProvider service definition (provider_grpc_pb), or one shaped like it: the
 * check below is given altered ones, and judges what it is given rather than trusting its type.
 */
export type ServiceDefinition = grpc.ServiceDefinition;

/** A generated message class, as the codec and its check use it. */
interface MessageClass {
  new (): Message;
  deserializeBinary(bytes: Uint8Array): Message;
  serializeBinaryToWriter(message: Message, writer: BinaryWriter): void;
}

/**
 * A method's message classes: the generated JavaScript gives each method definition its request and
 * response class, which the generated declarations leave out.
 */
function classesOf(
  service: ServiceDefinition,
  method: StructMethod,
): { requestType?: MessageClass; responseType?: MessageClass } | undefined {
  return service[method] as { requestType?: MessageClass; responseType?: MessageClass } | undefined;
}

/** How the service's Struct-carrying calls are read and written. */
export interface ProviderWire {
  /** "structWire": the tuned path; "generated": google-protobuf's codecs, as the SDK ships them. */
  readonly codec: "structWire" | "generated";
  /** The service definition the gRPC server serves. */
  readonly definition: ServiceDefinition;
  /** A Struct-carrying call's request as the definition decoded it, as the handler reads it. */
  request<M extends StructMethod>(method: M, decoded: unknown): WireRequest<M>;
  /** The handler's response, as the definition encodes it. */
  response<M extends StructMethod>(method: M, response: WireResponse<M>): unknown;
}

/** The generated accessor of a Struct field: `oldInputs` is getOldInputs and setOldInputs. */
const accessor = (name: string) => name[0]!.toUpperCase() + name.slice(1);

function requestDeserializer(service: ServiceDefinition, method: StructMethod) {
  const fields = Object.entries(STRUCT_FIELDS[method].request) as [string, number][];
  const numbers = new Set(fields.map(([, field]) => field));
  const type = classesOf(service, method)!.requestType!;
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

const STRUCT_METHODS = Object.keys(STRUCT_FIELDS) as StructMethod[];

/** The generated service definition, with the Struct-carrying calls (de)serialized as above. */
export function wireService(service: ServiceDefinition = provrpc.ResourceProviderService): ServiceDefinition {
  const wired: Record<string, grpc.MethodDefinition<unknown, WireResponse<StructMethod>>> = { ...service };
  for (const method of STRUCT_METHODS) {
    wired[method] = {
      ...service[method]!,
      requestDeserialize: requestDeserializer(service, method),
      responseSerialize: responseSerializer(method),
    };
  }
  return wired;
}

/** The tuned path: the definition above decodes requests into what handlers read, and encodes theirs. */
export function tunedWire(service: ServiceDefinition = provrpc.ResourceProviderService): ProviderWire {
  return {
    codec: "structWire",
    definition: wireService(service),
    request: <M extends StructMethod>(_method: M, decoded: unknown) => decoded as WireRequest<M>,
    response: (_method, response) => response,
  };
}

/** The plain path: the generated definition as it is; the Structs go through google-protobuf. */
export function plainWire(service: ServiceDefinition = provrpc.ResourceProviderService): ProviderWire {
  return {
    codec: "generated",
    definition: service,
    request: <M extends StructMethod>(method: M, decoded: unknown) => {
      const message = decoded as RequestOf<M>;
      // The Struct fields' getters, by the table's names (getOlds, getOldInputs, ...).
      const getters = message as unknown as Record<string, () => Struct | undefined>;
      const names = Object.keys(STRUCT_FIELDS[method].request);
      return {
        message,
        structs: Object.fromEntries(
          names.map((name) => [name, getters[`get${accessor(name)}`]!()?.toJavaScript() ?? {}]),
        ),
      } as WireRequest<M>;
    },
    response: (_method, { message, structs }) => {
      const setters = message as unknown as Record<string, (value: Struct) => void>;
      for (const [name, value] of Object.entries(structs ?? {})) {
        if (value !== undefined)
          setters[`set${accessor(name)}`]!(
            structproto.Struct.fromJavaScript(value as Record<string, JavaScriptValue>),
          );
      }
      return message;
    },
  };
}

/** What a generated class's serializeBinaryToWriter wrote: field, value, and the value's writer. */
type Written = { field: number; value: unknown; write: unknown };

/**
 * `message` as its generated class writes it, recorded instead of encoded: every writer method the
 * class calls (writeMessage(field, value, write), writeString(field, value), ...) is one entry.
 */
function written(type: MessageClass, message: Message): Written[] {
  const entries: Written[] = [];
  const writer = new Proxy({} as BinaryWriter, {
    get: () => (field: number, value: unknown, write: unknown) => void entries.push({ field, value, write }),
  });
  type.serializeBinaryToWriter(message, writer);
  return entries;
}

/**
 * Why the codec would misread `service`, or undefined when it agrees with it. Each Struct field of the
 * table above is set on a message of the generated class, which is then written by the class's own
 * serializer into a recording writer: the field must be written under the table's number, as a
 * google.protobuf.Struct. A generated class reads a field under the number it writes it with, so this
 * covers the requests the codec reads as well as the responses it writes. Encoding real bytes would
 * make google-protobuf compile the Struct path the codec exists to spare the first calls: 11 ms for all
 * methods in a fresh process, against about 3 ms for the record.
 */
export function structCodecDisagreement(
  service: ServiceDefinition = provrpc.ResourceProviderService,
): string | undefined {
  const writeStruct = structproto.Struct.serializeBinaryToWriter;
  for (const method of STRUCT_METHODS) {
    const definition = classesOf(service, method);
    if (!definition?.requestType || !definition.responseType) return `${method}: not in the service`;
    const sides = [
      ["request", definition.requestType, STRUCT_FIELDS[method].request],
      ["response", definition.responseType, STRUCT_FIELDS[method].response],
    ] as const;
    for (const [side, type, fields] of sides) {
      try {
        const message = new type();
        // The Struct fields' setters, by the table's names; a class without one fails the check.
        const setters = message as unknown as Record<string, (value: Struct) => void>;
        const values = new Map<string, unknown>();
        for (const name of Object.keys(fields)) {
          const value = new structproto.Struct();
          setters[`set${accessor(name)}`]!(value);
          values.set(name, value);
        }
        const entries = written(type, message);
        for (const [name, field] of Object.entries(fields) as [string, number][]) {
          const entry = entries.find((e) => e.value === values.get(name));
          if (entry?.field !== field || entry.write !== writeStruct)
            return `${method}: the ${side}'s ${name} is not the Struct of field ${field}`;
        }
      } catch (error) {
        return `${method}: the ${side}: ${(error as Error).message}`;
      }
    }
  }
  return undefined;
}

/**
 * The wire the plugin serves: the tuned one unless the plain path is forced or the codec disagrees
 * with the generated classes; `fellBack` says why it disagreed.
 */
export function providerWire(
  service: ServiceDefinition = provrpc.ResourceProviderService,
): ProviderWire & { fellBack?: string } {
  if (plainPath()) return plainWire(service);
  const disagreement = structCodecDisagreement(service);
  return disagreement ? { ...plainWire(service), fellBack: disagreement } : tunedWire(service);
}
