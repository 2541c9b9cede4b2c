// A logger that sends messages to the Pulumi engine at `address`, attached to the resource's URN
// when one is given, so that `pulumi preview` prints them under that resource. Both front doors use
// it: the plugin (started with the engine's address) and the dynamic-provider process.
import type { Logger, Severity } from "./context";

export function engineLogger(address: string): Logger {
  // The SDK's own gRPC library and protocol stubs, so the message matches the engine's protocol.
  const pulumiDir = require.resolve("@pulumi/pulumi");
  const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
  const engrpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
  const engproto = require("@pulumi/pulumi/proto/engine_pb");
  const client = new engrpc.EngineClient(address, grpc.credentials.createInsecure());
  const severities: Record<Severity, number> = {
    info: engproto.LogSeverity.INFO,
    warning: engproto.LogSeverity.WARNING,
    error: engproto.LogSeverity.ERROR,
  };
  return (severity, message, options) =>
    new Promise((resolve) => {
      const request = new engproto.LogRequest();
      request.setSeverity(severities[severity]);
      request.setMessage(message);
      request.setEphemeral(options?.ephemeral === true);
      if (options?.urn) request.setUrn(options.urn);
      // A lost log line must never fail the operation it describes.
      client.log(request, () => resolve());
    });
}
