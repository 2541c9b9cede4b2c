// This package runs on the program's own @pulumi/pulumi (a peer dependency): resources it registers
// must be of the same copy whose gRPC client the program talks to the engine with. A copy outside
// the range this package is tested with fails here, when the package loads, with both versions named,
// instead of at the first resource with a protocol error.
import * as fs from "fs";
import * as path from "path";
import { packageManifest, type PackageManifest } from "./packageManifest";

function ownManifest(): PackageManifest {
  const manifest = packageManifest();
  if (!manifest) throw new Error(`pulumi-azure-compute-gallery: no package.json above ${__dirname}`);
  return manifest;
}

type Triple = [number, number, number];

function parseVersion(text: string): Triple | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

function compare(a: Triple, b: Triple): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * Whether `version` satisfies `range`, for ranges written as space-separated comparators
 * (`>=3.248.0 <4`): the only form package.json uses for this peer. A prerelease counts as its release.
 */
export function satisfies(version: string, range: string): boolean {
  const have = parseVersion(version);
  if (!have) return false;
  return range
    .trim()
    .split(/\s+/)
    .every((comparator) => {
      const match = /^(>=|<=|>|<|=)?(.+)$/.exec(comparator);
      const bound = match && parseVersion(match[2]!);
      if (!bound) throw new Error(`unsupported version range "${range}"`);
      const order = compare(have, bound);
      switch (match[1] ?? "=") {
        case ">=":
          return order >= 0;
        case "<=":
          return order <= 0;
        case ">":
          return order > 0;
        case "<":
          return order < 0;
        default:
          return order === 0;
      }
    });
}

/** The version of the @pulumi/pulumi that `require` finds from this package. */
function loadedPulumiVersion(): { version: string; where: string } {
  const entry = require.resolve("@pulumi/pulumi");
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as PackageManifest;
    if (manifest.name === "@pulumi/pulumi") return { version: manifest.version, where: dir };
  }
  throw new Error(`pulumi-azure-compute-gallery: no package.json of @pulumi/pulumi above ${entry}`);
}

/** Throws, naming both versions, when the @pulumi/pulumi in use is outside the supported range. */
export function assertSupportedPulumi(
  found: { version: string; where: string } = loadedPulumiVersion(),
  manifest: PackageManifest = ownManifest(),
): void {
  const range = manifest.peerDependencies?.["@pulumi/pulumi"];
  if (!range || satisfies(found.version, range)) return;
  throw new Error(
    `${manifest.name} ${manifest.version} supports @pulumi/pulumi ${range}, but this program loads ` +
      `@pulumi/pulumi ${found.version} (${found.where}). Install a supported version in your project: ` +
      `npm install @pulumi/pulumi@"${range}"`,
  );
}
