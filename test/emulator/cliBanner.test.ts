// The emulator's command line, run as a process: its start-up banner says how to reach it, and
// never prints a client secret the operator chose (banners end up in CI logs).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const CLI = path.join(ROOT, "emulator", "cli.ts");

let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.pid !== undefined && child.exitCode === null) child.kill("SIGTERM");
  child = undefined;
});

/** Starts the CLI with `args` and resolves with everything it printed up to the end of its banner. */
function banner(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    child = spawn(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", CLI, "emulator", "--port", "0", "--in-memory", ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let printed = "";
    const take = (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes("Press Ctrl+C to stop.")) resolve(printed);
    };
    child.stdout!.on("data", take);
    child.stderr!.on("data", take);
    child.on("exit", (code) =>
      reject(new Error(`the emulator exited (${code}) before its banner:\n${printed}`)),
    );
  });
}

test("a client secret given with --client-secret is not printed", async () => {
  const printed = await banner(["--client-secret", "op3rator-Chosen-s3cret"]);
  expect(printed).toContain("export AZURE_CLIENT_SECRET=<the secret given with --client-secret");
  expect(printed).not.toContain("op3rator-Chosen-s3cret");
}, 30_000);

test("a client secret given in the environment is not printed", async () => {
  const printed = await banner([], { COMPUTE_GALLERY_EMULATOR_CLIENT_SECRET: "env-Chosen-s3cret" });
  expect(printed).not.toContain("env-Chosen-s3cret");
}, 30_000);

test("the built-in development secret, public anyway, is printed so that the block can be pasted", async () => {
  const printed = await banner([]);
  expect(printed).toMatch(/export AZURE_CLIENT_SECRET=\S+-dev-secret\n/);
}, 30_000);
