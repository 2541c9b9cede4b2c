// This package's version, which the plugin reports and the build writes its schema for. A module of
// its own so that the build script reads it without loading the plugin's server (gRPC, the protocol).
import { packageManifest } from "../packageManifest";

export function packageVersion(): string {
  return packageManifest()?.version ?? "0.0.0";
}
