// `npm start`: a real `pulumi up --yes` of the root program (Pulumi.yaml,
// program/) with the Pulumi CLI, a local file backend and, unless the stack
// config says otherwise, the embedded emulator. The program is served inline
// by the Automation API, so no separate language-host binary is needed.
import * as fs from "fs";
import * as path from "path";
import { LocalWorkspace, Stack } from "@pulumi/pulumi/automation";
import { imagePipeline } from "../program/pipeline";

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const backendDir = path.join(root, ".pulumi-state");
  fs.mkdirSync(backendDir, { recursive: true });
  const stackName = process.env.STACK ?? "dev";
  const workspace = await LocalWorkspace.create({
    workDir: root,
    program: async () => imagePipeline(),
    envVars: {
      PULUMI_BACKEND_URL: process.env.PULUMI_BACKEND_URL ?? `file://${backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "",
    },
  });
  const stack = await Stack.createOrSelect(stackName, workspace);
  const result = await stack.up({ onOutput: (text) => process.stdout.write(text) });
  const changes = Object.entries(result.summary.resourceChanges ?? {})
    .filter(([op]) => op !== "same")
    .map(([op, n]) => `${op} ${n}`);
  console.log(`\nstack ${stackName}: ${changes.length ? changes.join(", ") : "no changes"}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
