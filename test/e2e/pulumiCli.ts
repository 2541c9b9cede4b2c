// The plain `pulumi` executable run in a project folder with a file backend of its own, as the
// YAML-through-the-plugin tests run it; and the project's embedded emulator reached behind
// Pulumi's back while no `pulumi` runs.
import * as fs from "fs";
import * as path from "path";
import { connect } from "../../provider/azure/connect";
import type { GalleryApi } from "../../provider/azure/galleryApi";
import { pulumiEnv, runPulumi, type PulumiRun } from "./harness";

export const ROOT = path.resolve(__dirname, "../..");
/** The image sources the YAML programs use. */
export const SEED = path.join(ROOT, "program/emulator-seed.json");

export type Run = PulumiRun;

export interface PulumiCli {
  /** The environment `pulumi` runs with: the file backend, a passphrase, no update check. */
  env(): NodeJS.ProcessEnv;
  run(...args: string[]): Promise<Run>;
  /** `run`, failing with the output when `pulumi` fails. */
  succeeds(...args: string[]): Promise<Run>;
}

/** `pulumi` in the folder `project()` names, with its state in `backend()` (read at each call). */
export function pulumiCli(project: () => string, backend: () => string): PulumiCli {
  const run = (...args: string[]) => runPulumi(project(), backend(), args);
  return {
    env: () => pulumiEnv(backend()),
    run,
    async succeeds(...args) {
      const result = await run(...args);
      if (result.code !== 0)
        throw new Error(
          `pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout}\n${result.stderr}`,
        );
      return result;
    },
  };
}

/** Azure behind Pulumi's back: a second emulator on the project's state, while no pulumi runs. */
export async function withProjectApi<T>(project: string, fn: (api: GalleryApi) => Promise<T>): Promise<T> {
  const connection = await connect({
    kind: "local",
    stateDir: path.join(project, ".compute-gallery"),
    accessGrantedRegions: [],
    seedFile: SEED,
  });
  try {
    return await fn(connection.api);
  } finally {
    await connection.close();
  }
}

/** Fails unless the plugin is built: it runs from dist/. */
export function requirePluginBuild(): void {
  if (!fs.existsSync(path.join(ROOT, "dist/provider/plugin/main.js"))) {
    throw new Error("the plugin is not built: run `npm run build` first (npm run test:e2e does)");
  }
}
