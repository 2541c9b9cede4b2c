// The Azure SDK for JS (the @azure/arm-compute and @azure/identity this repository installs) runs the
// JavaScript of docs/emulator.md as a separate Node process against a fresh emulator, trusting the certificate
// through NODE_EXTRA_CA_CERTS as docs/emulator.md says.
import * as path from "node:path";
import { clientEnv, clientSuite, docsScript, run } from "./harness";

const suite = clientSuite({ python: false });

test(
  "the JavaScript of docs/emulator.md creates, replicates, extends, lists and deletes a gallery image version",
  async () => {
    const c = suite.emulator();
    const env = clientEnv(c, path.dirname(process.execPath), {
      NODE_EXTRA_CA_CERTS: c.emu.certificatePath as string,
      NODE_PATH: path.join(__dirname, "..", "..", "node_modules"),
    });
    const r = await run(process.execPath, ["-e", docsScript("javascript")], env, c.stateDir);
    if (r.code !== 0) throw new Error(`JavaScript scenario failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
    expect(r.stdout.trim().split("\n")).toEqual([
      "replication Completed",
      "regions West Europe,North Europe,UK South",
      "versions 1.0.0",
      "deleted ResourceNotFound",
    ]);
  },
  2 * 60_000,
);
