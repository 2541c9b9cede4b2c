// Pulumi's ResourceProvider gRPC service, served with the SDK's generated stubs. We serve it
// ourselves rather than through `pulumi.provider.main`, which in @pulumi/pulumi 3.248 drops the
// detailed diff, deleteBeforeReplace's per-property marks, the custom timeouts of create, update
// and delete, the old inputs, and config secrets handling. Each method decodes the request,
// calls the handler of the same name (handlers.ts) and encodes the answer; the Structs (properties,
// config) reach it as JSON through wireService.ts, by the codec it picks (provider/tuning.ts, 1).
import { isDeepStrictEqual } from "util";
import { schemaText } from "./schemaFile";
import { PACKAGE_NAME } from "./tokens";
import type { PluginHandlers } from "./handlers";
import { ResourceInitError } from "../operations/writeFailure";
import {
  providerWire,
  type ProviderWire,
  type StructMethod,
  type WireRequest,
  type WireResponse,
} from "./wireService";
import type { Metadata, sendUnaryData, ServerUnaryCall } from "@grpc/grpc-js";
import {
  anyproto,
  emptyproto,
  grpc,
  pluginproto,
  provproto,
  statusproto,
  struct,
  type RequestOf,
} from "./protocol";

/**
 * A resource Azure holds although its write failed: the engine records it from the
 * ErrorResourceInitFailed detail (id, properties, reasons), sent in the gRPC status details.
 */
function initFailedMetadata(error: ResourceInitError): Metadata {
  const detail = new provproto.ErrorResourceInitFailed();
  detail.setId(error.id);
  detail.setProperties(struct(error.properties));
  detail.setReasonsList(error.reasons);
  const packed = new anyproto.Any();
  packed.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
  const status = new statusproto.Status();
  status.setCode(grpc.status.UNKNOWN);
  status.setMessage(error.message);
  status.addDetails(packed);
  const metadata = new grpc.Metadata();
  metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  return metadata;
}

/** Wraps a handler so any error reaches the engine as the call's error, with its message. */
function method<Request>(work: (request: Request) => Promise<unknown> | unknown) {
  return (call: ServerUnaryCall<Request, unknown>, callback: sendUnaryData<unknown>) => {
    Promise.resolve()
      .then(() => work(call.request))
      .then(
        (response) => callback(null, response),
        (error: unknown) => {
          const failure = {
            code: grpc.status.UNKNOWN,
            message: error instanceof Error ? error.message : String(error),
            ...(error instanceof ResourceInitError ? { metadata: initFailedMetadata(error) } : {}),
          };
          callback(failure);
        },
      );
  };
}

/** A Struct-carrying method: the handler reads the request and writes the response through `wire`. */
function structMethod<M extends StructMethod>(
  wire: ProviderWire,
  name: M,
  work: (request: WireRequest<M>) => Promise<WireResponse<M>> | WireResponse<M>,
) {
  return method<unknown>(async (decoded) => wire.response(name, await work(wire.request(name, decoded))));
}

function failures(list: { property: string; reason: string }[]) {
  return list.map((failure) => {
    const message = new provproto.CheckFailure();
    message.setProperty(failure.property);
    message.setReason(failure.reason);
    return message;
  });
}

export function providerService(
  handlers: PluginHandlers,
  version: string,
  wire: ProviderWire = providerWire(),
) {
  let schema: string | undefined;
  return {
    getPluginInfo: method(() => {
      const info = new pluginproto.PluginInfo();
      info.setVersion(version);
      return info;
    }),

    getSchema: method(() => {
      const response = new provproto.GetSchemaResponse();
      response.setSchema((schema ??= schemaText(version)));
      return response;
    }),

    checkConfig: structMethod(wire, "checkConfig", ({ structs }): WireResponse<"checkConfig"> => {
      const { inputs, failures: found } = handlers.checkConfig(structs.news);
      const response = new provproto.CheckResponse();
      response.setFailuresList(failures(found));
      return { message: response, structs: { inputs } };
    }),

    diffConfig: structMethod(wire, "diffConfig", ({ structs }): WireResponse<"diffConfig"> => {
      // A different backend is a different place, but existing resources are not moved by config:
      // report the change, never a replacement of the provider (which would replace everything).
      // The engine writes a Struct's keys in no fixed order: the same config may come in two orders.
      const same = isDeepStrictEqual(structs.olds, structs.news);
      const response = new provproto.DiffResponse();
      response.setChanges(
        same ? provproto.DiffResponse.DiffChanges.DIFF_NONE : provproto.DiffResponse.DiffChanges.DIFF_SOME,
      );
      return { message: response };
    }),

    configure: method(async (request: RequestOf<"configure">) => {
      const variables: Record<string, string> = {};
      // The engine names variables `compute-gallery:config:key`; stack config says `compute-gallery:key`.
      request.getVariablesMap().forEach((value, key) => {
        variables[key.replace(`${PACKAGE_NAME}:config:`, `${PACKAGE_NAME}:`)] = value;
      });
      await handlers.configure(variables);
      const response = new provproto.ConfigureResponse();
      // The engine keeps secrets out of our inputs and marks the matching outputs secret itself.
      response.setAcceptsecrets(false);
      response.setAcceptresources(false);
      response.setSupportspreview(false);
      return response;
    }),

    check: structMethod(wire, "check", async ({ message, structs }): Promise<WireResponse<"check">> => {
      const { inputs, failures: found } = await handlers.check(message.getUrn(), structs.olds, structs.news);
      const response = new provproto.CheckResponse();
      response.setFailuresList(failures(found));
      return { message: response, structs: { inputs } };
    }),

    diff: structMethod(wire, "diff", async ({ message, structs }): Promise<WireResponse<"diff">> => {
      const outcome = await handlers.diff(message.getUrn(), structs.olds, structs.news);
      const response = new provproto.DiffResponse();
      response.setChanges(
        outcome.changes
          ? provproto.DiffResponse.DiffChanges.DIFF_SOME
          : provproto.DiffResponse.DiffChanges.DIFF_NONE,
      );
      response.setReplacesList(outcome.replaces);
      response.setDeletebeforereplace(outcome.deleteBeforeReplace);
      response.setDiffsList(outcome.diffs);
      response.setHasdetaileddiff(true);
      const detailed = response.getDetaileddiffMap();
      for (const [path, kind] of Object.entries(outcome.detailedDiff)) {
        const diff = new provproto.PropertyDiff();
        diff.setKind(provproto.PropertyDiff.Kind[kind]);
        // Paths name the program's arguments, so the display shows old and new inputs.
        diff.setInputdiff(true);
        detailed.set(path, diff);
      }
      return { message: response };
    }),

    create: structMethod(wire, "create", async ({ message, structs }): Promise<WireResponse<"create">> => {
      const { id, outs } = await handlers.create(
        message.getUrn(),
        structs.properties,
        message.getTimeout() || undefined,
      );
      const response = new provproto.CreateResponse();
      response.setId(id);
      return { message: response, structs: { properties: outs } };
    }),

    read: structMethod(wire, "read", async ({ message, structs }): Promise<WireResponse<"read">> => {
      const found = await handlers.read(message.getUrn(), message.getId(), structs.properties);
      const response = new provproto.ReadResponse();
      // An empty id tells the engine the resource is gone.
      if (!found) return { message: response };
      response.setId(found.id);
      return { message: response, structs: { properties: found.props, inputs: found.inputs } };
    }),

    update: structMethod(wire, "update", async ({ message, structs }): Promise<WireResponse<"update">> => {
      const { outs } = await handlers.update(
        message.getUrn(),
        structs.olds,
        structs.news,
        message.getTimeout() || undefined,
      );
      return { message: new provproto.UpdateResponse(), structs: { properties: outs } };
    }),

    delete: structMethod(wire, "delete", async ({ message, structs }): Promise<WireResponse<"delete">> => {
      await handlers.delete(message.getUrn(), structs.properties, message.getTimeout() || undefined);
      return { message: new emptyproto.Empty() };
    }),

    invoke: structMethod(wire, "invoke", async ({ message, structs }): Promise<WireResponse<"invoke">> => {
      return {
        message: new provproto.InvokeResponse(),
        structs: { return: await handlers.invoke(message.getTok(), structs.args) },
      };
    }),

    cancel: method(() => {
      handlers.cancel();
      return new emptyproto.Empty();
    }),
  };
}

/** Starts the gRPC server on a free local port; resolves to the port and the codec it serves with. */
export function serve(
  handlers: PluginHandlers,
  version: string,
): Promise<{ port: number; stop(): Promise<void>; codec: ProviderWire["codec"] }> {
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  const wire = providerWire();
  server.addService(wire.definition, providerService(handlers, version, wire));
  return new Promise((resolve, reject) => {
    server.bindAsync(
      "127.0.0.1:0",
      grpc.ServerCredentials.createInsecure(),
      (error: Error | null, port: number) => {
        if (error) return reject(error);
        resolve({
          port,
          stop: () => new Promise<void>((done) => server.tryShutdown(() => done())),
          codec: wire.codec,
        });
      },
    );
  });
}
