// The repository's package.json as the tests read it, and the @pulumi/pulumi versions it supports, so
// that every suite derives them the same way (the consumer matrix runs on them; provider/tuning.ts
// vouches for them).
import * as fs from "fs";
import * as path from "path";
import { satisfies } from "../provider/pulumiVersion";

interface Manifest {
  name: string;
  version: string;
  exports: Record<string, string>;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

export const PACKAGE = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"),
) as Manifest;

/** The oldest and newest @pulumi/pulumi this package supports: the peer range's lower bound, the dev pin. */
export function supportedPulumi(): { range: string; oldest: string; newest: string } {
  const range = PACKAGE.peerDependencies["@pulumi/pulumi"];
  if (!range) throw new Error("package.json has no peerDependencies @pulumi/pulumi");
  const lower = />=\s*v?(\d+\.\d+\.\d+)/.exec(range)?.[1];
  if (!lower) throw new Error(`the peer range of @pulumi/pulumi (${range}) has no >= lower bound`);
  const newest = PACKAGE.devDependencies["@pulumi/pulumi"]?.replace(/^[^0-9]*/, "");
  if (!newest || !/^\d+\.\d+\.\d+$/.test(newest))
    throw new Error(`devDependencies @pulumi/pulumi is not one version: ${newest}`);
  for (const version of [lower, newest])
    if (!satisfies(version, range)) throw new Error(`@pulumi/pulumi ${version} is outside ${range}`);
  return { range, oldest: lower, newest };
}
