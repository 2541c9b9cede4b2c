// The generated Pulumi protocol stubs and gRPC library that ship with @pulumi/pulumi, loaded from
// where that package finds them, so the plugin speaks exactly the protocol version of the SDK.
const pulumiDir = require.resolve("@pulumi/pulumi");
const fromPulumi = (name: string) => require(require.resolve(name, { paths: [pulumiDir] }));

export const grpc = fromPulumi("@grpc/grpc-js");
export const structproto = fromPulumi("google-protobuf/google/protobuf/struct_pb");
export const emptyproto = fromPulumi("google-protobuf/google/protobuf/empty_pb");
export const anyproto = fromPulumi("google-protobuf/google/protobuf/any_pb");
export const statusproto = require("@pulumi/pulumi/proto/status_pb");
export const provproto = require("@pulumi/pulumi/proto/provider_pb");
export const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
export const pluginproto = require("@pulumi/pulumi/proto/plugin_pb");

/** Plain JSON as a protobuf Struct. */
export function struct(value: Record<string, unknown>): unknown {
  return structproto.Struct.fromJavaScript(value);
}
