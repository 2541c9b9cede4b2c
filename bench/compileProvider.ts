// The benchmark's own providers (floorPlugin/, echo/) as the engine runs them: compiled from
// TypeScript to one JavaScript file for plain Node, not run through ts-node, whose start-up the
// providers they are measured against do not pay.
import * as esbuild from "esbuild";

export function compileProvider(entry: string, outfile: string): void {
  esbuild.buildSync({ entryPoints: [entry], outfile, platform: "node", format: "cjs", logLevel: "error" });
}
