// A logger that sends messages to the Pulumi engine at `address`, attached to the resource's URN
// when one is given, so that `pulumi preview` prints them under that resource. Both front doors use
// it: the plugin (started with the engine's address) and the dynamic-provider process, whose host
// gives providers no logger. It uses the SDK's generated stubs and gRPC library, as the SDK's own
// `pulumi.log` does; stubs that do not load or do not fit send messages to standard error instead
// (provider/tuning.ts: outside the switch).
import type * as GrpcJs from "@grpc/grpc-js";
import type * as EngineGrpcPb from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as EnginePb from "@pulumi/pulumi/proto/engine_pb";
import type { Logger, Severity } from "./context";

/** The generated engine stubs and the gRPC library the SDK uses (`import type`: loaded by sdkStubs). */
export interface EngineStubs {
  grpc: typeof GrpcJs;
  engrpc: typeof EngineGrpcPb;
  engproto: typeof EnginePb;
}

function sdkStubs(): EngineStubs {
  const pulumiDir = require.resolve("@pulumi/pulumi");
  return {
    grpc: require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] })),
    engrpc: require("@pulumi/pulumi/proto/engine_grpc_pb"),
    engproto: require("@pulumi/pulumi/proto/engine_pb"),
  };
}

/** Where messages go when the engine cannot be told: the process's standard error. */
export const stderrLogger: Logger = async (severity, message) => {
  process.stderr.write(`${severity}: ${message}\n`);
};

/** What tests substitute: the stubs, and where messages go when the engine cannot be told. */
export interface EngineLoggerHooks {
  readonly stubs?: () => EngineStubs;
  readonly fallback?: Logger;
}

export function engineLogger(
  address: string,
  { stubs = sdkStubs, fallback = stderrLogger }: EngineLoggerHooks = {},
): Logger {
  let client: EngineGrpcPb.EngineClient;
  let engproto: typeof EnginePb;
  let severities: Record<Severity, number>;
  try {
    const loaded = stubs();
    engproto = loaded.engproto;
    client = new loaded.engrpc.EngineClient(address, loaded.grpc.credentials.createInsecure());
    severities = {
      info: engproto.LogSeverity.INFO,
      warning: engproto.LogSeverity.WARNING,
      error: engproto.LogSeverity.ERROR,
    };
  } catch {
    return fallback;
  }
  return (severity, message, options) =>
    new Promise((resolve) => {
      try {
        const request = new engproto.LogRequest();
        request.setSeverity(severities[severity]);
        request.setMessage(message);
        request.setEphemeral(options?.ephemeral === true);
        if (options?.urn) request.setUrn(options.urn);
        // A lost log line must never fail the operation it describes.
        client.log(request, () => resolve());
      } catch {
        void fallback(severity, message, options).then(resolve, resolve);
      }
    });
}
