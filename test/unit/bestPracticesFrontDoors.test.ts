// The best-practice warnings of a production image version (compute-gallery:intent) reach the
// engine log through both front doors: the dynamic provider's check and the plugin's Check, on the
// resource's URN. Expectation from Microsoft, "Store and share images in Azure Compute Gallery",
// Best practices: "a minimum of three replicas for production images"; "Use ZRS wherever it's
// available" (West Europe has availability zones).
import { implementations, useConnection } from "../../provider/runtime";
import { setEngineLog } from "../../provider/engineLog";
import { readSettings } from "../../provider/azure/settings";
import { pluginHandlers } from "../../provider/plugin/handlers";
import { tokenOf } from "../../provider/plugin/tokens";
import { FakeGalleryApi } from "./fakeGalleryApi";

const INTENT = { "compute-gallery:intent": '{"production": ["corpImages"]}' };
const version = {
  resourceGroupName: "rg-images",
  galleryName: "corpImages",
  galleryImageName: "app",
  galleryImageVersionName: "1.0.0",
  location: "westeurope",
  publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 1 }] },
  storageProfile: {
    source: { id: "/subscriptions/0000/resourceGroups/rg-src/providers/Microsoft.Compute/images/golden" },
  },
};
const label = "image version rg-images/corpImages/app/1.0.0";
const expected = [
  expect.stringMatching(
    new RegExp(`^${label}: westeurope has 1 replica\\(s\\) of this production image; .*at least 3`),
  ),
  expect.stringMatching(
    new RegExp(`^${label}: westeurope has availability zones but stores the replicas as Standard_LRS`),
  ),
];

afterAll(() => {
  useConnection(undefined);
  setEngineLog(undefined);
});

it("the dynamic provider's check warns on a production version with one replica of Standard_LRS", async () => {
  const warnings: string[] = [];
  setEngineLog({ log: async (severity, message) => void (severity === "warning" && warnings.push(message)) });
  const settings = readSettings({ get: (key) => INTENT[key as keyof typeof INTENT] }, {}, "/nonexistent");
  useConnection(new FakeGalleryApi().connection(), settings);
  const result = await implementations.galleryImageVersion.check!({}, version);
  expect(result.failures ?? []).toEqual([]);
  expect(warnings).toEqual(expected);
});

it("the plugin's Check warns the same on the resource's URN, and not without intent", async () => {
  const logged: { message: string; urn?: string }[] = [];
  const fake = new FakeGalleryApi();
  const plugin = pluginHandlers({
    log: async (severity, message, options) =>
      void (severity === "warning" && logged.push({ message, urn: options?.urn })),
    env: {},
    cwd: "/nonexistent",
    connect: async () => fake.connection(),
  });
  const urn = `urn:pulumi:prod::images::${tokenOf("galleryImageVersion")}::v1`;
  await plugin.configure(INTENT);
  await plugin.check(urn, {}, version);
  expect(logged.map((l) => l.message)).toEqual(expected);
  expect(logged.every((l) => l.urn === urn)).toBe(true);

  logged.length = 0;
  await plugin.configure({});
  await plugin.check(urn, {}, version);
  expect(logged).toEqual([]);
});

it("a bad intent is refused at CheckConfig naming the key, and by the dynamic provider's settings", () => {
  const plugin = pluginHandlers({
    log: async () => {},
    env: {},
    cwd: "/nonexistent",
    connect: async () => never(),
  });
  const { failures } = plugin.checkConfig({ intent: { production: ["corp-images"] } });
  expect(failures).toEqual([
    {
      property: "intent",
      reason: expect.stringMatching(
        /^compute-gallery:intent\.production\[0\] is "corp-images": galleryName "corp-images" is not a valid gallery name/,
      ),
    },
  ]);
  expect(() =>
    readSettings(
      { get: (key) => (key === "compute-gallery:intent" ? '{"production": ["corp-images"]}' : undefined) },
      {},
      "/nonexistent",
    ),
  ).toThrow(/compute-gallery:intent\.production\[0\] is "corp-images"/);
});

function never(): never {
  throw new Error("CheckConfig must not connect");
}
