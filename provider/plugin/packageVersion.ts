// This package's version, which the plugin reports and the build writes its schema for. A module of
// its own so that the build script reads it without loading the plugin's server (gRPC, the protocol).
import * as fs from "fs";
import * as path from "path";

/** package.json two (source) or three (dist/) folders up. */
export function packageVersion(): string {
  for (const up of ["../..", "../../.."]) {
    const file = path.resolve(__dirname, up, "package.json");
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")).version;
  }
  return "0.0.0";
}
