// The Azure SDK as the compiled package runs it (dist/, as `npm run build` writes it): every call the
// provider makes goes through the SDK's public clients against the embedded emulator, and the
// read-only calls of a refresh or a destroy never load Node's fetch implementation.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { plainPath } from "../../provider/tuning";

jest.setTimeout(60_000);

const dist = path.resolve(__dirname, "..", "..", "dist");
type ConnectModule = typeof import("../../provider/azure/connect");
const { connect } = require(path.join(dist, "provider", "azure", "connect")) as ConnectModule;

const SEED = path.join(__dirname, "seed.json");
const SOURCE = (JSON.parse(fs.readFileSync(SEED, "utf8")) as { sources: { id: string }[] }).sources[0]!.id;
/** Azure's built-in Reader role, whose id is the same in every subscription. */
const READER_ROLE_GUID = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

let stateDir: string;
beforeAll(() => (stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "compiled-clients-"))));
afterAll(() => fs.rmSync(stateDir, { recursive: true, force: true }));

test("every gallery and role-assignment call works through the compiled clients", async () => {
  // The lifecycle's validation, as the dynamic-provider host and the plugin load it.
  require(path.join(dist, "provider", "runtime"));
  const connection = await connect({ kind: "local", stateDir, accessGrantedRegions: [], seedFile: SEED });
  try {
    const { api, subscriptionId } = connection;
    const gallery = { resourceGroupName: "rg-compiled", galleryName: "compiled" };
    const image = { ...gallery, galleryImageName: "app" };
    const version = { ...image, galleryImageVersionName: "1.0.0" };

    await expect(api.getGallery(gallery)).resolves.toBeUndefined();
    expect(await api.putGallery(gallery, { location: "westeurope" })).toMatchObject({
      provisioningState: "Succeeded",
    });
    await api.shareGallery(gallery, {
      operationType: "Add",
      groups: [{ type: "Subscriptions", ids: ["11111111-1111-1111-1111-111111111111"] }],
    });
    // Azure returns the sharing groups only when asked to expand them.
    expect(await api.getGallery(gallery)).toMatchObject({
      sharingProfile: { groups: [{ type: "Subscriptions", ids: ["11111111-1111-1111-1111-111111111111"] }] },
    });

    await api.putImage(image, {
      location: "westeurope",
      osType: "Linux",
      osState: "Generalized",
      identifier: { publisher: "contoso", offer: "app", sku: "linux" },
    });
    expect(await api.getImage(image)).toMatchObject({ osType: "Linux", provisioningState: "Succeeded" });

    const written = await api.putVersion(version, {
      location: "westeurope",
      storageProfile: { source: { id: SOURCE } },
      publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 1 }] },
    });
    expect(written).toMatchObject({ provisioningState: "Succeeded" });
    const listed: string[] = [];
    for await (const each of api.listVersions(image)) listed.push(String(each.name));
    expect(listed).toEqual(["1.0.0"]);

    await api.deleteVersion(version);
    await expect(api.getVersion(version)).resolves.toBeUndefined();
    await api.deleteImage(image);
    await expect(api.getImage(image)).resolves.toBeUndefined();
    await api.shareGallery(gallery, { operationType: "Reset" });
    await api.deleteGallery(gallery);
    await expect(api.getGallery(gallery)).resolves.toBeUndefined();

    // Role assignments load their client on the first call.
    const scope = `/subscriptions/${subscriptionId}`;
    const reader = await api.access.findRoleDefinitionId(scope, "Reader");
    expect(reader).toMatch(new RegExp(`/roleDefinitions/${READER_ROLE_GUID}$`));
    await expect(
      api.access.getRoleAssignment({ scope, roleAssignmentName: "00000000-0000-0000-0000-0000000000aa" }),
    ).resolves.toBeUndefined();
  } finally {
    await connection.close();
  }
});

test("reading and deleting through the compiled clients never loads Node's fetch (undici)", () => {
  // In a process of its own: the test runner has loaded undici already. Node loads it the first time
  // anything asks for `FormData`, about 15 ms, and the SDK's form-data policy asks on every request;
  // the clients are built without that policy (provider/tuning.ts, 4). A refresh or a destroy sends
  // only bodiless requests, so its provider process never pays for it. On the plain path the policy
  // stays, and the first request loads undici: the switch reached the clients.
  const script = `
    const { connect } = require(${JSON.stringify(path.join(dist, "provider", "azure", "connect"))});
    (async () => {
      const { api, close } = await connect({ kind: "local", stateDir: ${JSON.stringify(stateDir)}, accessGrantedRegions: [] });
      const version = { resourceGroupName: "rg-undici", galleryName: "g", galleryImageName: "app", galleryImageVersionName: "1.0.0" };
      await api.getGallery(version);
      await api.getVersion(version, { replicationStatus: true });
      for await (const _ of api.listVersions(version));
      await api.deleteVersion(version);
      await api.access.getRoleAssignment({ scope: "/subscriptions/x", roleAssignmentName: "00000000-0000-0000-0000-0000000000aa" }).catch(() => undefined);
      await close();
      process.stdout.write(JSON.stringify(process.moduleLoadList.filter((name) => /undici/.test(name))));
    })();`;
  const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as string[];
  expect(loaded).toEqual(plainPath() ? [expect.stringContaining("undici")] : []);
});
