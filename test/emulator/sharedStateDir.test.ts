// Two emulators started at the same moment on one state directory, as the embedded emulators of two
// stacks of one project running `up` together are (both keep their state in `.compute-gallery/`):
// they agree on one certificate and one token signing key, and serve one set of resources, however
// their writes interleave.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fetchToken, request, sleep } from "./client";
import { startEmulatorProcess, type EmulatorProcess } from "./emulatorProcess";
import type { ReachableEmulator } from "./client";

jest.setTimeout(90_000);

const API = "api-version=2024-03-03";
const GROUP =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-shared/providers/Microsoft.Compute/galleries";
const SOURCE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images/base";

let stateDir: string;
let a: EmulatorProcess;
let b: EmulatorProcess;

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "acg-shared-"));
  // Started together on an empty directory: both would create the certificate and the key.
  const args = ["--replication-speed", "30", "--retry-after", "0", "--resource-groups", "implicit"];
  [a, b] = await Promise.all([startEmulatorProcess(stateDir, args), startEmulatorProcess(stateDir, args)]);
});

afterAll(async () => {
  for (const p of [a, b]) if (p && p.child.exitCode === null) p.child.kill("SIGTERM");
  await Promise.all([a?.exited, b?.exited]);
  fs.rmSync(stateDir, { recursive: true, force: true });
});

const call = (emu: ReachableEmulator, token: string, method: string, url: string, body?: unknown) =>
  request(emu, method, `${url}${url.includes("?") ? "&" : "?"}${API}`, { token, ...(body ? { body } : {}) });

test("both serve the one certificate in the directory, and a token of one is valid at the other", async () => {
  const onDisk = fs.readFileSync(path.join(stateDir, "tls-cert.pem"), "utf8");
  // client.ts trusts exactly the certificate it is given: the one on disk, for both.
  const token = (await fetchToken({ ...a.emulator, certificatePem: onDisk })).token;
  const fromB = await call({ ...b.emulator, certificatePem: onDisk }, token, "GET", GROUP);
  expect(fromB.status).toBe(200);
});

test("galleries written through both at once are all listed, in one order, by both", async () => {
  const tokenA = (await fetchToken(a.emulator)).token;
  const tokenB = (await fetchToken(b.emulator)).token;
  const writes = Array.from({ length: 40 }, (_, i) =>
    i % 2 === 0
      ? call(a.emulator, tokenA, "PUT", `${GROUP}/g${i}`, { location: "westeurope" })
      : call(b.emulator, tokenB, "PUT", `${GROUP}/g${i}`, { location: "westeurope" }),
  );
  const answers = await Promise.all(writes);
  expect(answers.map((r) => r.status)).toEqual(Array(40).fill(201));
  const names = async (emu: ReachableEmulator, token: string) =>
    ((await call(emu, token, "GET", GROUP)).body as { value: { name: string }[] }).value.map((g) => g.name);
  const listedByA = await names(a.emulator, tokenA);
  expect([...listedByA].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `g${i}`).sort());
  expect(await names(b.emulator, tokenB)).toEqual(listedByA);
});

test("a version written through one replicates and completes as seen through the other", async () => {
  const tokenA = (await fetchToken(a.emulator)).token;
  const tokenB = (await fetchToken(b.emulator)).token;
  expect(
    (
      await call(a.emulator, tokenA, "PUT", "/admin/sources", {
        id: SOURCE,
        location: "westeurope",
        osDiskSizeGB: 30,
      })
    ).status,
  ).toBe(200);
  const image = `${GROUP}/g0/images/app`;
  await call(a.emulator, tokenA, "PUT", image, {
    location: "westeurope",
    properties: {
      osType: "Linux",
      osState: "Generalized",
      identifier: { publisher: "p", offer: "o", sku: "s" },
    },
  });
  const put = await call(a.emulator, tokenA, "PUT", `${image}/versions/1.0.0`, {
    location: "westeurope",
    properties: { storageProfile: { source: { id: SOURCE } } },
  });
  expect(put.status).toBe(201);
  // The operation a client of A was given, polled at B.
  const operation = new URL(put.headers["azure-asyncoperation"]!);
  let status = "InProgress";
  for (let i = 0; i < 100 && status === "InProgress"; i++) {
    await sleep(100);
    const polled = await request(b.emulator, "GET", `${operation.pathname}${operation.search}`, {
      token: tokenB,
    });
    expect(polled.status).toBe(200);
    status = (polled.body as { status: string }).status;
  }
  expect(status).toBe("Succeeded");
});

test("emulators of different speeds on one directory report the same progress: a region keeps the speed it started at", async () => {
  const { startEmulator } = await import("../../emulator");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "acg-speeds-"));
  // 30 GB at 1 GB/s takes 30 s; the same at 1,000 GB/s, 30 ms.
  const slow = await startEmulator({
    stateDir: dir,
    port: 0,
    replicationSpeedGBps: 1,
    retryAfterSeconds: 0,
    resourceGroups: "implicit",
  });
  const fast = await startEmulator({
    stateDir: dir,
    port: 0,
    replicationSpeedGBps: 1000,
    retryAfterSeconds: 0,
    resourceGroups: "implicit",
  });
  try {
    const token = (await fetchToken(slow)).token;
    slow.registerSource({ id: SOURCE, location: "westeurope", osDiskSizeGB: 30 });
    const image = `${GROUP}/speeds/images/app`;
    await call(slow, token, "PUT", `${GROUP}/speeds`, { location: "westeurope" });
    await call(slow, token, "PUT", image, {
      location: "westeurope",
      properties: {
        osType: "Linux",
        osState: "Generalized",
        identifier: { publisher: "p", offer: "o", sku: "s" },
      },
    });
    const put = await call(slow, token, "PUT", `${image}/versions/1.0.0`, {
      location: "westeurope",
      properties: { storageProfile: { source: { id: SOURCE } } },
    });
    expect(put.status).toBe(201);
    await sleep(200);
    const read = await call(fast, token, "GET", `${image}/versions/1.0.0?$expand=ReplicationStatus`);
    expect((read.body as any).properties.replicationStatus.aggregatedState).toBe("InProgress");
  } finally {
    await Promise.all([slow.stop(), fast.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
