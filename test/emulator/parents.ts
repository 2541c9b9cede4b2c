// The gallery and Linux image definition a version test needs before it can write a version,
// created through the provider's own Azure client, and the image source the versions are made from.
import * as fs from "node:fs";
import * as path from "node:path";
import type { GalleryApi, ImageRef } from "../../provider/azure/galleryApi";

export async function putGalleryAndImage(api: GalleryApi, image: ImageRef): Promise<void> {
  await api.putGallery(image, { location: "westeurope" });
  await api.putImage(image, {
    location: "westeurope",
    osType: "Linux",
    osState: "Generalized",
    identifier: { publisher: "contoso", offer: "ubuntu", sku: "22_04" },
  });
}

/** The managed image versions are made from in these tests: 30 GB, in westeurope. */
export const IMAGE_SOURCE =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images/base-1";

/** Writes a seed file that registers IMAGE_SOURCE with the emulator; returns its path. */
export function writeImageSeed(dir: string): string {
  const seedFile = path.join(dir, "seed.json");
  const source = { id: IMAGE_SOURCE, location: "westeurope", osDiskSizeGB: 30, kind: "managedImage" };
  fs.writeFileSync(seedFile, JSON.stringify({ sources: [source] }));
  return seedFile;
}
