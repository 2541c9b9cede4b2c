// Every ARM operation through the real @azure/arm-compute client, plus the wire details the client hides
// (status codes, async headers), checked with raw requests.
import type { ComputeManagementClient } from "@azure/arm-compute";
import type { RunningEmulator } from "../../emulator";
import { computeClient, FAST, fetchToken, request, sleep, startTestEmulator } from "./client";

const RG = "rg1";
const MI =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg1/providers/Microsoft.Compute/images/managed1";
let emu: RunningEmulator;
let client: ComputeManagementClient;
let token: string;

const gPath = (g: string): string =>
  `/subscriptions/${emu.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${g}`;
const imageBody = (sku: string) => ({
  location: "eastus2",
  osType: "Linux" as const,
  osState: "Generalized" as const,
  identifier: { publisher: "pub", offer: "off", sku },
});
/** A version of the managed image MI, replicated to its own region only. */
const versionBody = { location: "eastus2", storageProfile: { source: { id: MI } } };

beforeAll(async () => {
  emu = await startTestEmulator({ pageSize: 2 });
  client = computeClient(emu);
  token = (await fetchToken(emu)).token;
  emu.registerSource({ id: MI, location: "eastus2", osDiskSizeGB: 30, dataDisks: [{ lun: 0, sizeGB: 10 }] });
  await client.galleries.createOrUpdate(RG, "main", { location: "eastus2" }, FAST);
  await client.galleryImages.createOrUpdate(RG, "main", "def", imageBody("s0"), FAST);
});
afterAll(() => emu.stop());

describe("galleries", () => {
  test("PUT of a new gallery answers 201 Creating with Azure-AsyncOperation and no Location", async () => {
    const res = await request(emu, "PUT", `${gPath("fresh")}?api-version=2025-03-03`, {
      token,
      body: { location: "eastus2" },
    });
    expect(res.status).toBe(201);
    expect((res.body as { properties: { provisioningState: string } }).properties.provisioningState).toBe(
      "Creating",
    );
    expect(res.headers["azure-asyncoperation"]).toMatch(
      /\/providers\/Microsoft\.Compute\/locations\/eastus2\/capsOperations\/[0-9a-f-]+\?api-version=2025-03-03$/,
    );
    expect(res.headers["location"]).toBeUndefined();
  });

  test("PUT of an existing gallery answers 200 Updating", async () => {
    const res = await request(emu, "PUT", `${gPath("fresh")}?api-version=2025-03-03`, {
      token,
      body: { location: "eastus2", properties: { description: "d" } },
    });
    expect(res.status).toBe(200);
    expect((res.body as { properties: { provisioningState: string } }).properties.provisioningState).toBe(
      "Updating",
    );
  });

  test("the SDK creates, reads, updates and deletes a gallery and fills uniqueName", async () => {
    const g = await client.galleries.createOrUpdate(
      RG,
      "sdkGallery",
      { location: "westus", description: "one", tags: { a: "1" } },
      FAST,
    );
    expect(g.provisioningState).toBe("Succeeded");
    expect(g.identifier?.uniqueName).toBe(`${emu.subscriptionId}-SDKGALLERY`);
    const u = await client.galleries.update(RG, "sdkGallery", { description: "two" }, FAST);
    expect(u.description).toBe("two");
    expect(u.tags).toEqual({ a: "1" });
    expect((await client.galleries.get(RG, "sdkGallery")).description).toBe("two");
    await client.galleries.delete(RG, "sdkGallery", FAST);
    await expect(client.galleries.get(RG, "sdkGallery")).rejects.toMatchObject({
      statusCode: 404,
      code: "ResourceNotFound",
    });
  });

  test("DELETE answers 202 with a Location ending in monitor=true, and 204 when already gone", async () => {
    await request(emu, "PUT", `${gPath("doomed")}?api-version=2024-03-03`, {
      token,
      body: { location: "eastus2" },
    });
    const del = await request(emu, "DELETE", `${gPath("doomed")}?api-version=2024-03-03`, { token });
    expect(del.status).toBe(202);
    expect(del.headers["location"]).toMatch(
      /capsOperations\/[0-9a-f-]+\?monitor=true&api-version=2024-03-03$/,
    );
    const mon = await request(emu, "GET", del.headers["location"] as string, { token });
    expect(mon.status).toBe(200);
    expect(mon.text).toBe("");
    const again = await request(emu, "DELETE", `${gPath("doomed")}?api-version=2024-03-03`, { token });
    expect(again.status).toBe(204);
  });

  test("lists by subscription and resource group follow nextLink pages", async () => {
    for (const n of ["p1", "p2", "p3"])
      await client.galleries.createOrUpdate(RG, n, { location: "eastus2" }, FAST);
    await client.galleries.createOrUpdate("rg-other", "elsewhere", { location: "eastus2" }, FAST);
    const raw = await request(
      emu,
      "GET",
      `/subscriptions/${emu.subscriptionId}/providers/Microsoft.Compute/galleries?api-version=2025-03-03`,
      { token },
    );
    expect((raw.body as { nextLink?: string }).nextLink).toContain("$skiptoken=2");
    const names: string[] = [];
    for await (const g of client.galleries.list()) names.push(g.name ?? "");
    // "fresh" is left by the PUT tests above; "sdkGallery" and "doomed" were deleted.
    expect(names.sort()).toEqual(["elsewhere", "fresh", "main", "p1", "p2", "p3"]);
    const inRg: string[] = [];
    for await (const g of client.galleries.listByResourceGroup(RG)) inRg.push(g.name ?? "");
    expect(inRg.sort()).toEqual(["fresh", "main", "p1", "p2", "p3"]);
  });
});

describe("image definitions", () => {
  test("a definition gets architecture x64 and lists with paging", async () => {
    for (const n of ["d1", "d2"]) {
      const d = await client.galleryImages.createOrUpdate(RG, "main", n, imageBody(n), FAST);
      expect(d.architecture).toBe("x64");
    }
    const names: string[] = [];
    for await (const d of client.galleryImages.listByGallery(RG, "main")) names.push(d.name ?? "");
    expect(names).toEqual(["def", "d1", "d2"]);
  });

  test("PATCH of a definition answers 200 Updating and keeps the identifier", async () => {
    const res = await request(emu, "PATCH", `${gPath("main")}/images/d1?api-version=2024-03-03`, {
      token,
      body: { properties: { description: "x" } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      properties: { provisioningState: "Updating", description: "x", identifier: { sku: "d1" } },
    });
  });
});

describe("image versions", () => {
  test("a version replicates: Creating, then Succeeded with sizes, display region names and defaults", async () => {
    const res = await request(
      emu,
      "PUT",
      `${gPath("main")}/images/def/versions/1.0.0?api-version=2022-03-03`,
      {
        token,
        body: {
          location: "eastus2",
          properties: {
            storageProfile: { source: { id: MI } },
            publishingProfile: {
              targetRegions: [
                { name: "eastus2" },
                { name: "westus2", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS" },
              ],
            },
          },
        },
      },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      properties: {
        provisioningState: "Creating",
        publishingProfile: {
          replicaCount: 1,
          excludeFromLatest: false,
          storageAccountType: "Standard_LRS",
          targetRegions: [
            { name: "East US 2", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
            { name: "West US 2", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS" },
          ],
        },
        safetyProfile: { reportedForPolicyViolation: false, allowDeletionOfReplicatedLocations: false },
      },
    });
    const v = await client.galleryImageVersions.get(RG, "main", "def", "1.0.0", {
      expand: "ReplicationStatus",
    });
    let done = v;
    for (let i = 0; i < 200 && done.provisioningState !== "Succeeded"; i++) {
      await sleep(10);
      done = await client.galleryImageVersions.get(RG, "main", "def", "1.0.0", {
        expand: "ReplicationStatus",
      });
    }
    expect(done.provisioningState).toBe("Succeeded");
    expect(done.storageProfile?.osDiskImage).toMatchObject({ sizeInGB: 30, hostCaching: "ReadWrite" });
    expect(done.replicationStatus?.aggregatedState).toBe("Completed");
    expect(done.replicationStatus?.summary?.map((s) => [s.region, s.state, s.progress])).toEqual([
      ["East US 2", "Completed", 100],
      ["West US 2", "Completed", 100],
    ]);
  });

  test("the SDK poller completes version create, update and delete; lists page through versions", async () => {
    for (const n of ["2.0.0", "2.0.1"]) {
      const v = await client.galleryImageVersions.createOrUpdate(RG, "main", "def", n, versionBody, FAST);
      expect(v.provisioningState).toBe("Succeeded");
    }
    const u = await client.galleryImageVersions.update(
      RG,
      "main",
      "def",
      "2.0.0",
      { publishingProfile: { targetRegions: [{ name: "eastus2" }, { name: "westus" }] } },
      FAST,
    );
    expect(u.publishingProfile?.targetRegions?.map((t) => t.name)).toEqual(["East US 2", "West US"]);
    const names: string[] = [];
    for await (const v of client.galleryImageVersions.listByGalleryImage(RG, "main", "def"))
      names.push(v.name ?? "");
    expect(names).toEqual(["1.0.0", "2.0.0", "2.0.1"]);
    await client.galleryImageVersions.delete(RG, "main", "def", "2.0.1", FAST);
    await expect(client.galleryImageVersions.get(RG, "main", "def", "2.0.1")).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  test("a version list pages by creation order: a delete between two pages skips no version", async () => {
    await client.galleryImages.createOrUpdate(RG, "main", "paged", imageBody("paged"), FAST);
    const names = ["1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4"];
    for (const n of names) {
      await client.galleryImageVersions.createOrUpdate(RG, "main", "paged", n, versionBody, FAST);
    }
    type Page = { value: { name: string }[]; nextLink?: string };
    const first = (
      await request(emu, "GET", `${gPath("main")}/images/paged/versions?api-version=2024-03-03`, {
        token,
      })
    ).body as Page;
    expect(first.value.map((v) => v.name)).toEqual(["1.0.0", "1.0.1"]);
    // The first page's first version goes before the second page is asked for (pageSize 2 here): a
    // list that counts an offset would now start its second page at 1.0.3 and never show 1.0.2.
    await client.galleryImageVersions.delete(RG, "main", "paged", "1.0.0", FAST);
    const seen = first.value.map((v) => v.name);
    for (let next = first.nextLink; next;) {
      const page = (await request(emu, "GET", next, { token })).body as Page;
      seen.push(...page.value.map((v) => v.name));
      next = page.nextLink;
    }
    expect(seen).toEqual(names);
    const listed: string[] = [];
    for await (const v of client.galleryImageVersions.listByGalleryImage(RG, "main", "paged"))
      listed.push(v.name!);
    expect(listed).toEqual(names.slice(1));
  });

  test("a version operation carries Retry-After while running and the status goes InProgress -> Succeeded", async () => {
    const slow = await startTestEmulator({ replicationSpeedGBps: 100, retryAfterSeconds: 1 });
    try {
      const t = (await fetchToken(slow)).token;
      slow.registerSource({ id: MI, location: "eastus2", osDiskSizeGB: 30 });
      const base = `/subscriptions/${slow.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/g`;
      await request(slow, "PUT", `${base}?api-version=2024-03-03`, {
        token: t,
        body: { location: "eastus2" },
      });
      await request(slow, "PUT", `${base}/images/i?api-version=2024-03-03`, {
        token: t,
        body: {
          location: "eastus2",
          properties: {
            osType: "Linux",
            osState: "Generalized",
            identifier: { publisher: "a", offer: "b", sku: "c" },
          },
        },
      });
      const put = await request(slow, "PUT", `${base}/images/i/versions/1.0.0?api-version=2024-03-03`, {
        token: t,
        body: { location: "eastus2", properties: { storageProfile: { source: { id: MI } } } },
      });
      expect(put.headers["retry-after"]).toBe("1");
      // 30 GB at 100 GB/s is 300 ms of work: retry-after-ms says what is left, never more.
      const putMs = Number(put.headers["retry-after-ms"]);
      expect(putMs).toBeGreaterThan(0);
      expect(putMs).toBeLessThanOrEqual(300);
      const url = put.headers["azure-asyncoperation"] as string;
      const first = await request(slow, "GET", url, { token: t });
      expect(first.body).toMatchObject({ status: "InProgress" });
      expect(first.headers["retry-after"]).toBe("1");
      expect(Number(first.headers["retry-after-ms"])).toBeLessThanOrEqual(putMs);
      await sleep(350);
      const last = await request(slow, "GET", url, { token: t });
      expect(last.body).toMatchObject({ status: "Succeeded" });
      expect(last.headers["retry-after"]).toBeUndefined();
      expect(last.headers["retry-after-ms"]).toBeUndefined();
      expect(Object.keys(last.body as object)).toEqual(["startTime", "endTime", "status", "name"]);
    } finally {
      await slow.stop();
    }
  });

  test("an injected replication fault fails the operation and the SDK poller reports it", async () => {
    emu.injectReplicationFault("westus3", { code: "ReplicationFailed" });
    try {
      await expect(
        client.galleryImageVersions.createOrUpdate(
          RG,
          "main",
          "def",
          "9.0.0",
          {
            location: "eastus2",
            storageProfile: { source: { id: MI } },
            publishingProfile: { targetRegions: [{ name: "eastus2" }, { name: "westus3" }] },
          },
          FAST,
        ),
      ).rejects.toThrow(/ReplicationFailed/);
      const v = await client.galleryImageVersions.get(RG, "main", "def", "9.0.0", {
        expand: "ReplicationStatus",
      });
      expect(v.provisioningState).toBe("Failed");
      expect(v.replicationStatus?.aggregatedState).toBe("Failed");
      expect(v.replicationStatus?.summary?.find((s) => s.region === "West US 3")?.state).toBe("Failed");
    } finally {
      emu.clearFaults();
    }
  });

  test("a gallery image version is a valid source for another version", async () => {
    const src = `${gPath("main")}/images/def/versions/1.0.0`;
    await client.galleryImages.createOrUpdate(RG, "main", "copy", imageBody("copy"), FAST);
    const v = await client.galleryImageVersions.createOrUpdate(
      RG,
      "main",
      "copy",
      "1.0.0",
      { location: "eastus2", storageProfile: { source: { id: src } } },
      FAST,
    );
    expect(v.storageProfile?.osDiskImage?.sizeInGB).toBe(30);
    expect(v.storageProfile?.dataDiskImages?.[0]).toMatchObject({ lun: 0, sizeInGB: 10 });
  });
});
