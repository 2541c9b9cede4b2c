// The emulator killed with SIGKILL while clients write, then started again on its state directory:
// every write it acknowledged is there, operations it had accepted (versions replicating, a delete)
// finish on the restarted emulator, and a write it never answered is there completely or not at all.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fetchToken, request, sleep, type RawResponse } from "./client";
import { startEmulatorProcess, type EmulatorProcess } from "./emulatorProcess";
import type { ReachableEmulator } from "./client";

jest.setTimeout(90_000);

const API = "api-version=2024-03-03";
const SOURCE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images/base";
const BASE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-crash/providers/Microsoft.Compute/galleries/crash";
const VERSIONS = 40;

let stateDir: string;
const running: EmulatorProcess[] = [];

beforeAll(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "acg-crash-"));
});

afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  await Promise.all(running.map((p) => p.exited));
  fs.rmSync(stateDir, { recursive: true, force: true });
});

async function start(): Promise<EmulatorProcess> {
  // 30 GB at 10 GB/s: each version replicates for 3 s; a delete takes 2 s.
  const started = await startEmulatorProcess(stateDir, [
    "--replication-speed",
    "10",
    "--retry-after",
    "0",
    "--version-delete-ms",
    "2000",
    "--resource-groups",
    "implicit",
  ]);
  running.push(started);
  return started;
}

async function call(emu: ReachableEmulator, token: string, method: string, url: string, body?: unknown) {
  return request(emu, method, url.includes("?") ? url : `${url}?${API}`, {
    token,
    ...(body ? { body } : {}),
  });
}

const versionUrl = (i: number) => `${BASE}/images/app/versions/1.0.${i}`;

/** Polls an Azure-AsyncOperation URL until the operation ends; its final status. */
async function outcome(emu: ReachableEmulator, token: string, operationUrl: string): Promise<string> {
  const url = new URL(operationUrl);
  for (let i = 0; i < 200; i++) {
    const { status, body } = await call(emu, token, "GET", `${url.pathname}${url.search}`);
    expect(status).toBe(200);
    const state = (body as { status: string }).status;
    if (state !== "InProgress") return state;
    await sleep(100);
  }
  throw new Error(`operation ${operationUrl} never ended`);
}

test("killed while 40 versions are written: what was acknowledged survives and its operations finish after the restart", async () => {
  const first = await start();
  const token = (await fetchToken(first.emulator)).token;
  const emu = first.emulator;
  expect(
    (
      await call(emu, token, "PUT", "/admin/sources", {
        id: SOURCE,
        location: "westeurope",
        osDiskSizeGB: 30,
      })
    ).status,
  ).toBe(200);
  expect((await call(emu, token, "PUT", BASE, { location: "westeurope" })).status).toBe(201);
  const image = await call(emu, token, "PUT", `${BASE}/images/app`, {
    location: "westeurope",
    properties: {
      osType: "Linux",
      osState: "Generalized",
      identifier: { publisher: "p", offer: "o", sku: "s" },
    },
  });
  expect(image.status).toBe(201);
  // A version whose delete is accepted before the kill.
  expect((await call(emu, token, "PUT", versionUrl(99), versionBody())).status).toBe(201);
  const deleting = await call(emu, token, "DELETE", versionUrl(99));
  expect(deleting.status).toBe(202);

  // Forty creates at once; the emulator is killed once 15 were answered, the rest still in flight.
  const acknowledged = new Map<number, RawResponse>();
  let killed = false;
  const writes = Array.from({ length: VERSIONS }, (_, i) =>
    call(emu, token, "PUT", versionUrl(i), versionBody()).then(
      (response) => {
        if (killed) return;
        acknowledged.set(i, response);
        if (acknowledged.size === 15) {
          killed = true;
          first.child.kill("SIGKILL");
        }
      },
      () => undefined, // the connection died with the emulator: never acknowledged
    ),
  );
  await Promise.all(writes);
  await first.exited;
  expect(acknowledged.size).toBe(15);
  for (const response of acknowledged.values()) expect(response.status).toBe(201);

  const second = await start();
  const again = second.emulator;
  // The token issued before the kill is still valid: the signing key was committed.
  for (const [i, response] of acknowledged) {
    const got = await call(again, token, "GET", versionUrl(i));
    expect(got.status).toBe(200);
    expect(await outcome(again, token, response.headers["azure-asyncoperation"]!)).toBe("Succeeded");
    const done = await call(again, token, "GET", versionUrl(i));
    expect((done.body as { properties: { provisioningState: string } }).properties.provisioningState).toBe(
      "Succeeded",
    );
  }
  // Writes never answered: all there, or not at all; never a broken record.
  for (let i = 0; i < VERSIONS; i++) {
    if (acknowledged.has(i)) continue;
    const got = await call(again, token, "GET", versionUrl(i));
    expect([200, 404]).toContain(got.status);
    if (got.status === 200) expect((got.body as { name: string }).name).toBe(`1.0.${i}`);
  }
  // The delete accepted before the kill finishes.
  expect(await outcome(again, token, deleting.headers["azure-asyncoperation"]!)).toBe("Succeeded");
  expect((await call(again, token, "GET", versionUrl(99))).status).toBe(404);
});

function versionBody() {
  return {
    location: "westeurope",
    properties: { storageProfile: { source: { id: SOURCE } } },
  };
}
