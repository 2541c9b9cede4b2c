// The gallery and Linux image definition a version test needs before it can write a version,
// created through the provider's own Azure client.
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
