// This package's own package.json, found relative to this module: one folder up from the source
// (provider/), two from the build (dist/provider/). The plugin reports its version, and the load-time
// check reads the supported @pulumi/pulumi range from it.
import * as fs from "fs";
import * as path from "path";

export interface PackageManifest {
  name: string;
  version: string;
  peerDependencies?: Record<string, string>;
}

export function packageManifest(): PackageManifest | undefined {
  for (const up of ["..", "../.."]) {
    const file = path.resolve(__dirname, up, "package.json");
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as PackageManifest;
  }
  return undefined;
}
