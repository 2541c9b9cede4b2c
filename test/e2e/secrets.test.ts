// A client secret given as secret stack config never appears in plain text anywhere the engine
// writes: the state (with the serialized dynamic provider in it), the stack's files and the backend's
// history and backups, the engine events, the CLI's output and logs, and the error of a failed update.
// The engine's log goes to stderr; its debug lines of verbosity 7 and up (written whatever -v says)
// print provider config in plain text, secrets included ("Marshaling property for RPC", "Planner
// decided to create"): Pulumi's own debug logging, outside this provider, so they are left out of
// the search; every other log line is searched.
// The provider talks to a separately started emulator that accepts only that secret, so a passing
// update also proves the secret reached the provider.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import * as acg from "../../provider";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { E2EStack, requirePulumiCli } from "./harness";

jest.setTimeout(600_000);

const SECRET = "s3cret-Of-The-Stack-9d41c7e2";

let emulator: RunningEmulator;
let emulatorDir: string;
let e2e: E2EStack;

beforeAll(async () => {
  requirePulumiCli();
  emulatorDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-secret-emulator-"));
  emulator = await startEmulator({ stateDir: emulatorDir, port: 0, clientSecret: SECRET });
});

afterAll(async () => {
  await e2e?.dispose();
  await emulator?.stop();
  fs.rmSync(emulatorDir, { recursive: true, force: true });
});

/** A gallery and an image that Azure (the emulator) creates, and one whose gallery does not exist. */
function program(withBrokenImage: boolean) {
  return async () => {
    const gallery = new acg.Gallery("gallery", {
      resourceGroupName: "rg-secrets",
      galleryName: "secretsGallery",
      location: "westeurope",
    });
    const image = {
      resourceGroupName: "rg-secrets",
      location: "westeurope",
      osType: "Linux" as const,
      osState: "Generalized" as const,
      identifier: { publisher: "Contoso", offer: "App", sku: "linux" },
    };
    new acg.GalleryImage("image", { ...image, galleryName: gallery.galleryName, galleryImageName: "app" });
    if (withBrokenImage)
      new acg.GalleryImage("orphan", { ...image, galleryName: "noSuchGallery", galleryImageName: "app" });
  };
}

/** The engine's structured log lines of verbosity 7 and up, which print inputs verbatim, removed. */
function withoutEngineDebugLines(text: string): string {
  return text
    .split("\n")
    .filter((line) => {
      const level = /"v":(\d+)/.exec(line)?.[1];
      return level === undefined || Number(level) < 7;
    })
    .join("\n");
}

/**
 * Every file under `dir`, as text. A file gone between the listing and the read holds nothing to
 * search: Pulumi removes old logs from ~/.pulumi/logs, where every run on the machine writes.
 */
function filesUnder(dir: string): { file: string; text: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    if (!entry.isFile()) return [];
    const file = path.join(entry.parentPath, entry.name);
    try {
      return [{ file, text: fs.readFileSync(file, "latin1") }];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
  });
}

test("the client secret is nowhere in plain text: state, files, events, output, logs, errors", async () => {
  e2e = await E2EStack.create("secrets", program(false), {
    "compute-gallery:backend": "emulator",
    "compute-gallery:emulatorEndpoint": emulator.endpoint,
    "compute-gallery:emulatorCertificatePath": emulator.certificatePath!,
    "compute-gallery:emulatorTenantId": emulator.tenantId,
    "compute-gallery:emulatorClientId": emulator.clientId,
  });
  await e2e.stack.setConfig("compute-gallery:emulatorClientSecret", { value: SECRET, secret: true });

  const seen: { where: string; text: string }[] = [];
  const events: EngineEvent[] = [];
  const logOptions = {
    onEvent: (event: EngineEvent) => void events.push(event),
    logToStdErr: true,
    logVerbosity: 9,
  };

  const created = await e2e.stack.up({
    ...logOptions,
    onOutput: (out) => seen.push({ where: "up output", text: out }),
  });
  expect(created.summary.result).toBe("succeeded");
  seen.push(
    { where: "up stdout", text: created.stdout },
    { where: "up stderr", text: withoutEngineDebugLines(created.stderr) },
  );

  // A failed update: Azure (the emulator) refuses an image whose gallery does not exist.
  e2e.setProgram(program(true));
  const failure = await e2e.stack.up(logOptions).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(Error);
  const failed = failure as Error & { stdout?: string; stderr?: string };
  expect(`${failed.message}\n${failed.stdout ?? ""}`).toMatch(/noSuchGallery/);
  seen.push({
    where: "failed up error",
    text: withoutEngineDebugLines(`${failed.message}\n${failed.stdout}\n${failed.stderr}`),
  });

  await e2e.stack.refresh({
    ...logOptions,
    onOutput: (out) => seen.push({ where: "refresh output", text: out }),
  });

  // The stack's state file as the backend keeps it, with the serialized dynamic provider in it.
  // (Not `stack.exportStack()`: the Automation API exports with --show-secrets, decrypting them.)
  const files = e2e.folders.flatMap(filesUnder);
  const stateFile = files.find(
    ({ file }) => file.endsWith(`${path.sep}e2e.json`) && file.includes(".pulumi"),
  );
  expect(stateFile?.text).toContain("__provider");
  expect(stateFile?.text).toContain("compute-gallery:emulatorClientSecret");
  seen.push(...events.map((event) => ({ where: "engine event", text: JSON.stringify(event) })));
  expect(events.some((event) => event.diagnosticEvent?.severity === "error")).toBe(true);
  for (const folder of e2e.folders)
    seen.push(...filesUnder(folder).map(({ file, text }) => ({ where: file, text })));
  const logs = path.join(os.homedir(), ".pulumi", "logs");
  seen.push(...filesUnder(logs).map(({ file, text }) => ({ where: file, text })));

  // The search would find the secret where it is in plain text: the decrypted config holds it.
  expect((await e2e.stack.getConfig("compute-gallery:emulatorClientSecret")).value).toBe(SECRET);
  expect(seen.length).toBeGreaterThan(5);
  expect(seen.filter(({ text }) => text.includes(SECRET)).map(({ where }) => where)).toEqual([]);
});
