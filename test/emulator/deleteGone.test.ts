// A delete whose resource is already gone is done, also when its parent is gone too: a run killed
// between deleting a version's definition and recording it leaves the version in the state, and the
// next run deletes it again, which Azure answers 404 ParentResourceNotFound.
import { connect, type Connection } from "../../provider/azure/connect";
import { startTestEmulator } from "./client";
import type { RunningEmulator } from "../../emulator";
import { putGalleryAndImage } from "./parents";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

let emu: RunningEmulator;
let connection: Connection;
let stateDir: string;

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "acg-gone-"));
  emu = await startTestEmulator({ inMemory: false, stateDir });
  connection = await connect({
    kind: "emulator",
    emulatorEndpoint: emu.endpoint,
    emulatorCertificatePath: emu.certificatePath!,
    stateDir,
    accessGrantedRegions: [],
  });
});

afterAll(async () => {
  await connection.close();
  await emu.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

test("deleting a version, a definition and a gallery that are gone, parents first, succeeds", async () => {
  const api = connection.api;
  const image = { resourceGroupName: "rg-gone", galleryName: "gone", galleryImageName: "app" };
  await putGalleryAndImage(api, image);
  const gallery = { resourceGroupName: "rg-gone", galleryName: "gone" };
  await api.deleteImage(image);
  await api.deleteGallery(gallery);
  await expect(api.deleteVersion({ ...image, galleryImageVersionName: "1.0.0" })).resolves.toBeUndefined();
  await expect(api.deleteImage(image)).resolves.toBeUndefined();
  await expect(api.deleteGallery(gallery)).resolves.toBeUndefined();
});

test("a delete Azure refuses for another reason still fails, with Azure's code", async () => {
  const api = connection.api;
  const image = { resourceGroupName: "rg-gone", galleryName: "busy", galleryImageName: "app" };
  await putGalleryAndImage(api, image);
  // A gallery with a definition in it cannot be deleted.
  await expect(api.deleteGallery({ resourceGroupName: "rg-gone", galleryName: "busy" })).rejects.toThrow(
    "deleting gallery rg-gone/busy failed: OperationNotAllowed",
  );
});
