// The plugin's logger: messages go to the engine that started the plugin, attached to the
// resource's URN, so that `pulumi preview` prints them under that resource.
import type { Logger, Severity } from "../operations/context";
import { engproto, engrpc, grpc } from "./protocol";

export function engineLogger(address: string): Logger {
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
