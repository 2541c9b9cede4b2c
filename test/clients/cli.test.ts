// The Azure CLI (azure-cli from PyPI) runs the script of docs/emulator.md against a fresh emulator: cloud
// registration from /metadata/endpoints, service-principal login (subscriptions, tenants), a resource
// group, then every `az sig` step a reader copies, ending with the three deletes.
import * as path from "node:path";
import { request, fetchToken } from "../emulator/client";
import { clientEnv, clientSuite, docsScript, run } from "./harness";

const suite = clientSuite({ python: true });

test(
  "the Azure CLI script of docs/emulator.md creates, replicates, extends, lists and deletes a gallery image version",
  async () => {
    const c = suite.emulator();
    const pyenv = suite.pyenv();
    const started = Date.now();
    const r = await run(
      "bash",
      ["-c", docsScript("azure-cli")],
      clientEnv(c, path.join(pyenv, "cli", "bin")),
      c.stateDir,
    );
    if (r.code !== 0) throw new Error(`az script failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
    process.stdout.write(`azure cli scenario: ${Date.now() - started} ms\n`);

    // show --expand ReplicationStatus, then update --add, then list: each step's --query output in order.
    expect(r.stdout.trim().split("\n")).toEqual([
      "West Europe\tCompleted",
      "North Europe\tCompleted",
      "West Europe",
      "North Europe",
      "UK South",
      "1.0.0",
    ]);
    // The CLI logged in by reading the subscription list; `az sig` 2.91 pins its own gallery api-versions
    // (2021-10-01 for galleries and definitions, 2024-03-03 for versions), not the SDK's default.
    expect(c.log.some((l) => /^GET \/subscriptions\?api-version=\S+ -> 200/.test(l))).toBe(true);
    expect(c.log.filter((l) => /^PUT \S+\/versions\/1\.0\.0\?/.test(l))).toEqual([
      expect.stringMatching(/api-version=2024-03-03 -> 201/),
      expect.stringMatching(/api-version=2024-03-03 -> 200/),
    ]);

    // The three deletes left nothing behind; the group the script created is still there.
    const token = (await fetchToken(c.emu)).token;
    const sub = c.emu.subscriptionId;
    const galleries = await request(
      c.emu,
      "GET",
      `/subscriptions/${sub}/resourceGroups/demo-rg/providers/Microsoft.Compute/galleries?api-version=2025-03-03`,
      { token },
    );
    expect(galleries.body).toEqual({ value: [] });
    const group = await request(
      c.emu,
      "GET",
      `/subscriptions/${sub}/resourcegroups/demo-rg?api-version=2022-09-01`,
      { token },
    );
    expect(group.body).toMatchObject({ name: "demo-rg", location: "westeurope" });
  },
  5 * 60_000,
);

test(
  "the Azure CLI's az sig gallery-application commands create, show, list and delete an application and its version",
  async () => {
    const c = suite.emulator();
    const r = await run(
      "bash",
      ["-c", docsScript("azure-cli-applications")],
      clientEnv(c, path.join(suite.pyenv(), "cli", "bin")),
      c.stateDir,
    );
    if (r.code !== 0) throw new Error(`az script failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
    // show (the definition's OS type), version show (state and the default target region), the two lists.
    expect(r.stdout.trim().split("\n")).toEqual(["Linux", "Succeeded", "West Europe", "1.0.0", "tool"]);
    // The version's create was a long-running operation the CLI polled; the definition's was not.
    expect(c.log.some((l) => /^PUT \S+\/applications\/tool\/versions\/1\.0\.0\?\S+ -> 201/.test(l))).toBe(
      true,
    );
    expect(c.log.some((l) => /^GET \S+\/capsOperations\//.test(l))).toBe(true);
    expect(c.log.some((l) => /^DELETE \S+\/applications\/tool\?\S+ -> 200/.test(l))).toBe(true);
  },
  5 * 60_000,
);
