// State survives a restart on the same state directory, and replication continues from persisted times.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { fetchToken, request, sleep } from "./client";

const SNAP = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/snapshots/os";

test("a restarted emulator keeps resources, sources, certificate and tokens, and replication progress continues", async () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "cge-"));
  // 30 GB x 1 replica at 30 GB/s = 1 s per region.
  const opts = { stateDir, replicationSpeedGBps: 30, retryAfterSeconds: 0 };
  const first = await startEmulator(opts);
  const base = `/subscriptions/${first.subscriptionId}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g`;
  const token = (await fetchToken(first)).token;
  first.registerSource({ id: SNAP, location: "westus", osDiskSizeGB: 30 });
  await request(first, "PUT", `${base}?api-version=2024-03-03`, { token, body: { location: "westus" } });
  await request(first, "PUT", `${base}/images/i?api-version=2024-03-03`, {
    token,
    body: {
      location: "westus",
      properties: {
        osType: "Linux",
        osState: "Generalized",
        identifier: { publisher: "a", offer: "b", sku: "c" },
      },
    },
  });
  const put = await request(first, "PUT", `${base}/images/i/versions/1.0.0?api-version=2024-03-03`, {
    token,
    body: { location: "westus", properties: { storageProfile: { osDiskImage: { source: { id: SNAP } } } } },
  });
  expect(put.status).toBe(201);
  await sleep(300);
  const before = await request(
    first,
    "GET",
    `${base}/images/i/versions/1.0.0?api-version=2024-03-03&$expand=ReplicationStatus`,
    { token },
  );
  const progressBefore =
    (before.body as { properties: { replicationStatus: { summary: { progress: number }[] } } }).properties
      .replicationStatus.summary[0]?.progress ?? -1;
  expect(progressBefore).toBeGreaterThan(0);
  expect(progressBefore).toBeLessThan(100);
  await first.stop();

  const second = await startEmulator(opts);
  try {
    expect(second.certificatePem).toBe(first.certificatePem);
    const mid = await request(
      second,
      "GET",
      `${base}/images/i/versions/1.0.0?api-version=2024-03-03&$expand=ReplicationStatus`,
      { token },
    );
    expect(mid.status).toBe(200); // the token issued before the restart is still valid
    const body = mid.body as {
      properties: { provisioningState: string; replicationStatus: { summary: { progress: number }[] } };
    };
    if (body.properties.provisioningState === "Creating") {
      expect(body.properties.replicationStatus.summary[0]?.progress).toBeGreaterThanOrEqual(progressBefore);
    }
    await sleep(1100);
    const done = await request(second, "GET", `${base}/images/i/versions/1.0.0?api-version=2024-03-03`, {
      token,
    });
    expect(done.body).toMatchObject({
      properties: { provisioningState: "Succeeded", storageProfile: { osDiskImage: { sizeInGB: 30 } } },
    });
    const sources = await request(second, "GET", "/admin/sources", { token });
    expect((sources.body as { value: { id: string }[] }).value.map((s) => s.id)).toEqual([SNAP]);
    expect(fs.existsSync(path.join(stateDir, "tls-cert.pem"))).toBe(true);
  } finally {
    await second.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});
