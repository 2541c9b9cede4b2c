// The generated Pulumi protocol stubs and gRPC library that ship with @pulumi/pulumi, loaded from
// where that package finds them, so the plugin speaks exactly the protocol version of the SDK. The
// types are those the same packages declare; `import type` loads nothing, so what this module loads,
// and when, is only the require() calls below (provider/tuning.ts, outside the switch).
import type * as GrpcJs from "@grpc/grpc-js";
import type * as StructPb from "google-protobuf/google/protobuf/struct_pb";
import type * as EmptyPb from "google-protobuf/google/protobuf/empty_pb";
import type * as AnyPb from "google-protobuf/google/protobuf/any_pb";
import type * as StatusPb from "@pulumi/pulumi/proto/status_pb";
import type * as ProviderPb from "@pulumi/pulumi/proto/provider_pb";
import type * as ProviderGrpcPb from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as PluginPb from "@pulumi/pulumi/proto/plugin_pb";

const pulumiDir = require.resolve("@pulumi/pulumi");
const fromPulumi = <T>(name: string): T => require(require.resolve(name, { paths: [pulumiDir] })) as T;

export const grpc = fromPulumi<typeof GrpcJs>("@grpc/grpc-js");
export const structproto = fromPulumi<typeof StructPb>("google-protobuf/google/protobuf/struct_pb");
export const emptyproto = fromPulumi<typeof EmptyPb>("google-protobuf/google/protobuf/empty_pb");
export const anyproto = fromPulumi<typeof AnyPb>("google-protobuf/google/protobuf/any_pb");
export const statusproto = require("@pulumi/pulumi/proto/status_pb") as typeof StatusPb;
export const provproto = require("@pulumi/pulumi/proto/provider_pb") as typeof ProviderPb;
export const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb") as typeof ProviderGrpcPb;
export const pluginproto = require("@pulumi/pulumi/proto/plugin_pb") as typeof PluginPb;

/** Plain JSON as a protobuf Struct. */
export function struct(value: Record<string, unknown>): StructPb.Struct {
  return structproto.Struct.fromJavaScript(value as Record<string, StructPb.JavaScriptValue>);
}

/** The generated ResourceProvider service definition, as its declarations describe it. */
export type GeneratedService = typeof ProviderGrpcPb.ResourceProviderService;

/** The generated request class of one of the service's methods. */
export type RequestOf<M extends keyof GeneratedService> = Parameters<
  GeneratedService[M]["requestSerialize"]
>[0];

/** The generated response class of one of the service's methods. */
export type ResponseOf<M extends keyof GeneratedService> = ReturnType<
  GeneratedService[M]["responseDeserialize"]
>;
