// The way out a refused create prints works as printed: a gallery made outside Pulumi is refused,
// the Azure CLI runs the `az resource tag` command from the message against the emulator, and the
// next create of the resource adopts the gallery.
import * as path from "node:path";
import { request, fetchToken } from "../emulator/client";
import { clientEnv, clientSuite, docsScript, run } from "./harness";
import { connect } from "../../provider/azure/connect";
import { createContext } from "../../provider/operations/context";
import { resourceOperations } from "../../provider/operations/operations";
import type { BackendSettings } from "../../provider/azure/settings";

const suite = clientSuite({ python: true });

/** The Azure CLI set-up of docs/emulator.md: the lines up to the login, which every session needs first. */
function cliLogin(): string {
  const lines = docsScript("azure-cli").split("\n");
  const login = lines.findIndex((line) => line.startsWith("az login"));
  // The login command continues on the next line.
  return lines.slice(0, login + 2).join("\n");
}

test(
  "a gallery made by hand is refused; after the printed az command the next create adopts it",
  async () => {
    const c = suite.emulator();
    const token = (await fetchToken(c.emu)).token;
    const sub = c.emu.subscriptionId;
    await request(c.emu, "PUT", `/subscriptions/${sub}/resourcegroups/rg-hand?api-version=2022-09-01`, {
      token,
      body: { location: "westeurope" },
    });
    const settings: BackendSettings = {
      kind: "emulator",
      emulatorEndpoint: c.emu.endpoint,
      emulatorCertificatePath: c.emu.certificatePath!,
      stateDir: c.stateDir,
      accessGrantedRegions: [],
    };
    const connection = await connect(settings);
    try {
      const gallery = { resourceGroupName: "rg-hand", galleryName: "handmade" };
      await connection.api.putGallery(gallery, { location: "westeurope", description: "made by hand" });
      const operations = resourceOperations(
        createContext({ settings, connect: async () => connection, log: async () => {} }),
      );
      const urn = "urn:pulumi:dev::images::compute-gallery:index:Gallery::handmade";
      const inputs = { ...gallery, location: "westeurope", description: "managed now" };

      const refusal = await operations.create("gallery", inputs, { urn }).catch((e: Error) => e.message);
      const command = /^\s*(az resource tag .*)$/m.exec(String(refusal))?.[1];
      expect(command).toMatch(
        /^az resource tag --is-incremental --ids \S+ --tags pulumi-compute-gallery-owner=\w+$/,
      );

      const r = await run(
        "bash",
        ["-c", `${cliLogin()}\n${command} --output none`],
        clientEnv(c, path.join(suite.pyenv(), "cli", "bin")),
        c.stateDir,
      );
      if (r.code !== 0) throw new Error(`az failed (${r.code}):\n${r.stderr}\n${r.stdout}`);

      const adopted = await operations.create("gallery", inputs, { urn });
      expect(adopted.outs).toMatchObject({ description: "managed now" });
      expect(adopted.outs).not.toHaveProperty("tags");
    } finally {
      await connection.close();
    }
  },
  5 * 60_000,
);
