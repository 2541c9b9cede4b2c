// Injected faults: each effect as a client sees it on the wire, rule order, counts, region matching and
// seeded probabilities, and the ways to set rules (admin API, startEmulator, the one-line syntax).
import type { RunningEmulator } from "../../emulator";
import { parseFaultRules } from "../../emulator";
import { computeClient, FAST, fetchToken, request, startTestEmulator } from "./client";

const RG = "rg-faults";
const API = "api-version=2025-03-03";
const MI =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-faults/providers/Microsoft.Compute/images/managed1";
let emu: RunningEmulator;
let token: string;

const gallery = (name: string): string =>
  `/subscriptions/${emu.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${name}`;
const putGallery = (name: string, location = "eastus2") =>
  request(emu, "PUT", `${gallery(name)}?${API}`, { token, body: { location } });
const getGallery = (name: string) => request(emu, "GET", `${gallery(name)}?${API}`, { token });
const imageBody = {
  location: "eastus2",
  properties: {
    osType: "Linux",
    osState: "Generalized",
    identifier: { publisher: "p", offer: "o", sku: "s" },
  },
};

beforeAll(async () => {
  emu = await startTestEmulator();
  token = (await fetchToken(emu)).token;
  emu.registerSource({ id: MI, location: "eastus2", osDiskSizeGB: 30 });
  expect((await putGallery("base")).status).toBe(201);
  expect(
    (await request(emu, "PUT", `${gallery("base")}/images/def?${API}`, { token, body: imageBody })).status,
  ).toBe(201);
});
afterEach(() => emu.clearFaults());
afterAll(() => emu.stop());

describe("HTTP errors carry ARM's CloudError body", () => {
  test("429 answers TooManyRequests with a Retry-After of 1 s unless the rule says otherwise", async () => {
    emu.addFault("PUT gallery -> 429");
    const res = await putGallery("t1");
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("1");
    expect(res.body).toEqual({
      error: { code: "TooManyRequests", message: expect.stringContaining("throttled") },
    });
    emu.setFaults(["PUT gallery -> 429 retry-after=7"]);
    expect((await putGallery("t1")).headers["retry-after"]).toBe("7");
  });

  test("500, 503 and 409 answer Azure's codes; a rule may name its own code and message", async () => {
    const cases: [string, number, string][] = [
      ["PUT gallery -> 500", 500, "InternalExecutionError"],
      ["PUT gallery -> 503", 503, "ServiceUnavailable"],
      ["PUT gallery -> 409", 409, "OperationNotAllowed"],
      ['PUT gallery -> 409 code=Conflict message="Another operation is in progress."', 409, "Conflict"],
    ];
    for (const [rule, status, code] of cases) {
      emu.setFaults([rule]);
      const res = await putGallery("e1");
      expect([rule, res.status, (res.body as { error: { code: string } }).error.code]).toEqual([
        rule,
        status,
        code,
      ]);
      expect(res.headers["retry-after"]).toBeUndefined();
    }
    expect((await putGallery("e1")).status).toBe(409);
    emu.clearFaults();
    expect(((await putGallery("e1")).body as { error?: unknown }).error).toBeUndefined();
  });

  test("an injected error happens before the handler: nothing is written", async () => {
    emu.addFault("PUT gallery -> 503");
    expect((await putGallery("never")).status).toBe(503);
    emu.clearFaults();
    expect((await getGallery("never")).status).toBe(404);
  });
});

test("latency delays the answer of matching requests only", async () => {
  emu.addFault("GET gallery get -> latency 400");
  let started = Date.now();
  expect((await getGallery("base")).status).toBe(200);
  expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  started = Date.now();
  expect((await request(emu, "GET", `${gallery("base")}/images/def?${API}`, { token })).status).toBe(200);
  expect(Date.now() - started).toBeLessThan(300);
});

describe("a dropped connection", () => {
  test("before handling: the client sees the socket close and nothing was written", async () => {
    emu.addFault("PUT gallery count=1 -> drop");
    await expect(putGallery("d1")).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await getGallery("d1")).status).toBe(404);
  });

  test("after handling: the write happened although the client got no answer", async () => {
    emu.addFault("PUT gallery count=1 -> drop after");
    await expect(putGallery("d2")).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await getGallery("d2")).status).toBe(200);
  });
});

test("a long-running write that ends Failed leaves the resource written, Failed, and the poller fails", async () => {
  emu.addFault("PUT gallery create -> operation-failed");
  const res = await putGallery("lro1");
  expect(res.status).toBe(201);
  const poll = await request(emu, "GET", new URL(res.headers["azure-asyncoperation"]!).pathname + `?${API}`, {
    token,
  });
  expect(poll.body).toMatchObject({ status: "Failed", error: { code: "InternalOperationError" } });
  const read = await getGallery("lro1");
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ properties: { provisioningState: "Failed" } });

  emu.setFaults(["PUT version -> operation-failed code=InternalOperationError message=boom"]);
  const client = computeClient(emu);
  await expect(
    client.galleryImageVersions.createOrUpdate(
      RG,
      "base",
      "def",
      "1.0.0",
      { location: "eastus2", storageProfile: { source: { id: MI } } },
      FAST,
    ),
  ).rejects.toThrow(/InternalOperationError\. boom/);
  const version = await client.galleryImageVersions.get(RG, "base", "def", "1.0.0");
  expect(version.provisioningState).toBe("Failed");
});

describe("replication in one region", () => {
  const writeVersion = (name: string) =>
    computeClient(emu).galleryImageVersions.createOrUpdate(
      RG,
      "base",
      "def",
      name,
      {
        location: "eastus2",
        storageProfile: { source: { id: MI } },
        publishingProfile: { targetRegions: [{ name: "eastus2" }, { name: "westus3" }] },
      },
      FAST,
    );
  /** The same version as a raw PUT, for the wire details (status, operation URL). */
  const putVersion = (name: string) =>
    request(emu, "PUT", `${gallery("base")}/images/def/versions/${name}?${API}`, {
      token,
      body: {
        location: "eastus2",
        properties: {
          storageProfile: { source: { id: MI } },
          publishingProfile: { targetRegions: [{ name: "eastus2" }, { name: "westus3" }] },
        },
      },
    });

  test("fails in the matched region with the rule's code; the other region completes", async () => {
    emu.addFault(
      'region=westus3 -> replication-failed code=ReplicationQuotaExceeded message="No capacity in West US 3."',
    );
    await expect(writeVersion("2.0.0")).rejects.toThrow(
      /ReplicationQuotaExceeded\. No capacity in West US 3\./,
    );
    const v = await computeClient(emu).galleryImageVersions.get(RG, "base", "def", "2.0.0", {
      expand: "ReplicationStatus",
    });
    expect(v.replicationStatus?.summary).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          region: "West US 3",
          state: "Failed",
          details: expect.stringContaining("No capacity"),
        }),
        expect.objectContaining({ region: "East US 2", state: "Completed" }),
      ]),
    );
  });

  test("stalls in the matched region: no progress there while the other region completes", async () => {
    emu.addFault("region=westus3 -> replication-stalled ms=600000");
    const res = await putVersion("3.0.0");
    expect(res.status).toBe(201);
    await new Promise((r) => setTimeout(r, 100)); // 30 GB at the tests' 2000 GB/s: 15 ms
    const read = await request(
      emu,
      "GET",
      `${gallery("base")}/images/def/versions/3.0.0?${API}&$expand=ReplicationStatus`,
      { token },
    );
    const status = (
      read.body as {
        properties: {
          replicationStatus: {
            aggregatedState: string;
            summary: { region: string; state: string; progress: number }[];
          };
        };
      }
    ).properties.replicationStatus;
    expect(status.aggregatedState).toBe("InProgress");
    expect(status.summary).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ region: "West US 3", state: "Replicating", progress: 0 }),
        expect.objectContaining({ region: "East US 2", state: "Completed" }),
      ]),
    );
  });

  test("injectReplicationFault adds a rule like the others", async () => {
    emu.injectReplicationFault("West US 3");
    expect(emu.faults()).toEqual([
      expect.objectContaining({ match: { region: "westus3" }, effect: { kind: "replicationFailed" } }),
    ]);
    await expect(writeVersion("4.0.0")).rejects.toThrow(
      /ReplicationFailed\. Replication to region 'West US 3' failed\./,
    );
  });

  test("an update that retries the failed region leaves the failed operation Failed", async () => {
    emu.addFault("PUT version create region=westus3 -> replication-failed");
    const created = await putVersion("5.0.0");
    expect(created.status).toBe(201);
    const operation = new URL(created.headers["azure-asyncoperation"]!).pathname + `?${API}`;
    const status = async () =>
      ((await request(emu, "GET", operation, { token })).body as { status: string }).status;
    await new Promise((r) => setTimeout(r, 100)); // 30 GB at the tests' 2000 GB/s: 15 ms
    expect(await status()).toBe("Failed");

    expect((await putVersion("5.0.0")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    // A terminal operation stays as it ended; the update's own operation reports the retry.
    expect(await status()).toBe("Failed");
  });
});

describe("matching", () => {
  test("rules apply in order and the first match wins", async () => {
    emu.setFaults(["PUT gallery -> 503", "PUT -> 500"]);
    expect((await putGallery("o1")).status).toBe(503);
    expect(
      (await request(emu, "PUT", `${gallery("base")}/images/o2?${API}`, { token, body: imageBody })).status,
    ).toBe(500);
    expect((await getGallery("base")).status).toBe(200);
  });

  test("a count applies to the next N matches, then the rule is gone", async () => {
    emu.addFault("PUT gallery count=2 -> 500");
    expect((await putGallery("c1")).status).toBe(500);
    expect((await getGallery("base")).status).toBe(200); // not a match: does not count
    expect((await putGallery("c1")).status).toBe(500);
    expect(emu.faults()).toEqual([]);
    expect((await putGallery("c1")).status).toBe(201);
  });

  test("create and update are told apart by whether the resource exists", async () => {
    emu.addFault("PUT gallery update -> 500");
    expect((await putGallery("u1")).status).toBe(201);
    expect((await putGallery("u1")).status).toBe(500);
  });

  test("a region matches the request's location", async () => {
    emu.addFault("PUT gallery region=westus3 -> 500");
    expect((await putGallery("r1", "eastus2")).status).toBe(201);
    expect((await putGallery("r2", "West US 3")).status).toBe(500);
  });

  test("polls match by the polled resource's type", async () => {
    emu.addFault("gallery poll count=1 -> 503");
    const res = await putGallery("p1");
    const url = new URL(res.headers["azure-asyncoperation"]!).pathname + `?${API}`;
    expect((await request(emu, "GET", url, { token })).status).toBe(503);
    expect((await request(emu, "GET", url, { token })).body).toMatchObject({ status: "Succeeded" });
  });

  test("admin and identity requests are never faulted, so faults can always be cleared", async () => {
    emu.addFault("-> 500");
    expect((await request(emu, "GET", "/admin/faults", { token })).status).toBe(200);
    expect((await fetchToken(emu)).token).toBeTruthy();
    expect((await getGallery("base")).status).toBe(500);
  });
});

describe("probability", () => {
  /** Which of `n` reads fail under `p=<p>` with the given seed, on a fresh rule. */
  async function outcomes(p: number, seed: number, n: number): Promise<boolean[]> {
    emu.setFaults([`GET gallery p=${p} -> 500`], seed);
    const out: boolean[] = [];
    for (let i = 0; i < n; i++) out.push((await getGallery("base")).status === 500);
    return out;
  }

  test("the same seed gives the same faults; another seed others", async () => {
    const a = await outcomes(0.5, 42, 40);
    expect(await outcomes(0.5, 42, 40)).toEqual(a);
    expect(await outcomes(0.5, 43, 40)).not.toEqual(a);
  });

  test("p=0 never fires, p=1 always, p=0.3 about 30% of the time", async () => {
    expect((await outcomes(0, 1, 20)).some(Boolean)).toBe(false);
    expect((await outcomes(1, 1, 20)).every(Boolean)).toBe(true);
    const rate = (await outcomes(0.3, 5, 300)).filter(Boolean).length / 300;
    expect(rate).toBeGreaterThan(0.2);
    expect(rate).toBeLessThan(0.4);
  });

  test("a missed draw lets the next rule decide", async () => {
    emu.setFaults(["GET gallery p=0 -> 500", "GET gallery -> 503"]);
    expect((await getGallery("base")).status).toBe(503);
  });
});

describe("setting rules", () => {
  test("the admin API replaces (PUT), appends (POST), lists (GET) and clears (DELETE) rules", async () => {
    const put = await request(emu, "PUT", "/admin/faults", {
      token,
      body: {
        seed: 9,
        rules: [
          "PUT gallery count=3 -> 429",
          { match: { method: "GET" }, effect: { kind: "latency", ms: 1 } },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      seed: 9,
      value: [{ count: 3, effect: { kind: "error", status: 429 } }, { effect: { kind: "latency", ms: 1 } }],
    });
    await request(emu, "POST", "/admin/faults", { token, body: { rule: "DELETE -> 503" } });
    expect((await putGallery("a1")).status).toBe(429);
    const listed = await request(emu, "GET", "/admin/faults", { token });
    expect((listed.body as { value: { applied: number }[] }).value.map((r) => r.applied)).toEqual([1, 0, 0]);
    expect((await request(emu, "DELETE", "/admin/faults", { token })).status).toBe(204);
    expect((await request(emu, "GET", "/admin/faults", { token })).body).toMatchObject({ value: [] });
  });

  test("the admin API refuses a rule it cannot apply, saying what is allowed", async () => {
    const res = await request(emu, "PUT", "/admin/faults", {
      token,
      body: { rules: ["PUT gallerie -> 500"] },
    });
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toMatch(
      /unknown 'gallerie'.*gallery, image, version/,
    );
  });

  test("startEmulator takes rules and a seed", async () => {
    const other = await startTestEmulator({ faults: ["PUT gallery -> 503"], faultSeed: 3 });
    try {
      const t = (await fetchToken(other)).token;
      const res = await request(
        other,
        "PUT",
        `/subscriptions/${other.subscriptionId}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g?${API}`,
        { token: t, body: { location: "eastus2" } },
      );
      expect(res.status).toBe(503);
    } finally {
      await other.stop();
    }
  });
});

describe("the one-line syntax", () => {
  test("reads matches, counts, probabilities and every effect", () => {
    expect(parseFaultRules('PUT version create region="West US 3" count=2 -> 429 retry-after=5')).toEqual([
      {
        match: { method: "PUT", resource: "version", operation: "create", region: "westus3" },
        count: 2,
        effect: { kind: "error", status: 429, retryAfterSeconds: 5 },
      },
    ]);
    expect(parseFaultRules("GET p=0.25 -> latency 300ms")).toEqual([
      { match: { method: "GET" }, probability: 0.25, effect: { kind: "latency", ms: 300 } },
    ]);
    expect(parseFaultRules("DELETE image -> drop after")).toEqual([
      { match: { method: "DELETE", resource: "image" }, effect: { kind: "drop", after: true } },
    ]);
    expect(parseFaultRules("region=westus3 -> replication-stalled ms=5000")).toEqual([
      { match: { region: "westus3" }, effect: { kind: "replicationStalled", ms: 5000 } },
    ]);
    expect(parseFaultRules('[{"effect":{"kind":"error","status":503}}]')).toEqual([
      { effect: { kind: "error", status: 503 } },
    ]);
  });

  test("refuses what it cannot apply, naming the part and what is allowed", () => {
    const cases: [string, RegExp][] = [
      ["PUT gallery 500", /expected '<match> -> <effect>'/],
      ["PUT -> 200", /status must be an HTTP error status \(400-599\), got 200/],
      ["PUT -> explode", /unknown effect 'explode'; allowed: <status>, latency, drop/],
      ["PUT count=0 -> 500", /count must be a whole number of at least 1/],
      ["GET p=1.5 -> 500", /probability must be between 0 and 1, got 1.5/],
      ["region=atlantis -> 500", /unknown region "atlantis"/],
      ["PUT -> replication-failed", /replicationFailed needs a region to match/],
      [
        "PUT -> 429 retry=3",
        /unexpected 'retry=3'; allowed here: retry-after=<value>, code=<value>, message=<value>/,
      ],
    ];
    for (const [rule, message] of cases) expect(() => parseFaultRules(rule)).toThrow(message);
  });
});
