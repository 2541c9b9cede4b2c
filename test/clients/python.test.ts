// The Python SDK (azure-identity + azure-mgmt-compute from PyPI) runs the scenario of docs/emulator.md against a
// fresh emulator, once with the SDK's default api-version and once pinned to an older one.
import * as path from "node:path";
import { clientEnv, clientSuite, docsScript, run } from "./harness";

const suite = clientSuite({ python: true });

// What the scenario prints when every step answers as Azure does: replication done in both regions,
// UK South added in place, one version listed, the gallery gone (404 ResourceNotFound).
const EXPECTED = [
  "replication AggregatedReplicationState.COMPLETED",
  "regions West Europe,North Europe,UK South",
  "versions 1.0.0",
  "deleted ResourceNotFound",
];

test.each([
  ["the SDK's default", undefined, "2026-03-03"],
  ["an older", "2022-03-03", "2022-03-03"],
])(
  "the Python scenario of docs/emulator.md passes with %s api-version",
  async (_label, pinned, sent) => {
    const c = suite.emulator();
    const pyenv = suite.pyenv();
    c.log.length = 0;
    const started = Date.now();
    const env = clientEnv(c, path.join(pyenv, "sdk", "bin"), pinned ? { GALLERY_API_VERSION: pinned } : {});
    const r = await run(
      path.join(pyenv, "sdk", "bin", "python"),
      ["-c", docsScript("python")],
      env,
      c.stateDir,
    );
    if (r.code !== 0) throw new Error(`python scenario failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
    process.stdout.write(`python scenario (${sent}): ${Date.now() - started} ms\n`);
    expect(r.stdout.trim().split("\n")).toEqual(EXPECTED);
    const galleryWrites = c.log.filter((l) => /^PUT \S+\/galleries\/pyGallery\?/.test(l));
    expect(galleryWrites).toEqual([expect.stringContaining(`api-version=${sent} -> 201`)]);
  },
  5 * 60_000,
);
