// The benchmark's own providers (floorPlugin/, echo/) as the engine runs them: compiled from
// TypeScript to one JavaScript file for plain Node, not run through ts-node, whose start-up the
// providers they are measured against do not pay. The bench's own modules they import (echo/ours.ts)
// go into that file; packages (@pulumi/pulumi) stay imports, found where the engine runs them.
import * as esbuild from "esbuild";

export function compileProvider(entry: string, outfile: string): void {
  esbuild.buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "cjs",
    logLevel: "error",
  });
}
