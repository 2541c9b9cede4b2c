// The clients suite's harness: the Azure CLI and the Python SDK from the project's cache (installed by
// scripts/ensure-python-clients.sh, which fails rather than skips), a fresh emulator per test file
// that wants resource groups created first as Azure does, and the scripts of docs/emulator.md as the programs run.
import { spawn, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";

const REPO = path.join(__dirname, "..", "..");

/** Installs (cold) or finds (warm) the client environments; returns the pyenv directory. */
export function ensurePythonClients(): string {
  const out = execFileSync("bash", [path.join(REPO, "scripts", "ensure-python-clients.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return out.trim().split("\n").pop() as string;
}

/** The page whose `<!-- client:<name> -->` blocks are the scripts these tests run. */
const CLIENTS_PAGE = path.join(REPO, "docs", "emulator.md");

/** The fenced block right after `<!-- client:<name> -->` in docs/emulator.md: what a reader copies. */
export function docsScript(name: string): string {
  const text = fs.readFileSync(CLIENTS_PAGE, "utf8");
  const marker = `<!-- client:${name} -->`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`docs/emulator.md has no ${marker}`);
  const fence = /```[a-z]*\n([\s\S]*?)\n```/.exec(text.slice(at));
  if (!fence?.[1]) throw new Error(`docs/emulator.md has no code block after ${marker}`);
  return fence[1];
}

export interface ClientEmulator {
  emu: RunningEmulator;
  /** Request log lines ("PUT /subscriptions/...?api-version=... -> 201 (3 ms)"). */
  log: string[];
  stateDir: string;
  stop(): Promise<void>;
}

export async function startClientEmulator(): Promise<ClientEmulator> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "cge-clients-"));
  const log: string[] = [];
  const emu = await startEmulator({
    stateDir,
    resourceGroups: "explicit",
    replicationSpeedGBps: 1000,
    retryAfterSeconds: 1,
    versionDeleteMs: 200,
    log: (line) => log.push(line),
  });
  return {
    emu,
    log,
    stateDir,
    async stop() {
      await emu.stop();
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program without blocking the event loop (the emulator answers from this same process). */
export function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment docs/emulator.md tells a reader to set, pointed at this emulator, and nothing of the caller's Azure. */
export function clientEnv(
  c: ClientEmulator,
  bin: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const keep = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(AZURE_|REQUESTS_CA_BUNDLE|SSL_CERT_FILE)/.test(k)),
  );
  return {
    ...keep,
    PATH: `${bin}:${process.env.PATH ?? ""}`,
    HOME: c.stateDir,
    EMULATOR: c.emu.endpoint,
    REQUESTS_CA_BUNDLE: c.emu.certificatePath as string,
    ...extra,
  };
}

/** Registers a fresh emulator (and, when asked, the Python clients) around the calling test file. */
export function clientSuite(o: { python: boolean }): { emulator(): ClientEmulator; pyenv(): string } {
  let emulator: ClientEmulator | undefined;
  let pyenv = "";
  beforeAll(async () => {
    if (o.python) pyenv = ensurePythonClients();
    emulator = await startClientEmulator();
  }, 15 * 60_000);
  afterAll(async () => {
    await emulator?.stop();
  });
  return {
    emulator: () => emulator as ClientEmulator,
    pyenv: () => pyenv,
  };
}
