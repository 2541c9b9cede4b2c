import * as fs from "fs";
import * as acg from "../../provider";
import { E2EStack } from "./harness";
const IMAGES = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images";
async function main() {
  const prog = (regions: any[]) => async () => {
    const g = new acg.Gallery("gallery", { resourceGroupName: "rg", galleryName: "g1", location: "westeurope" });
    const i = new acg.GalleryImage("image", { resourceGroupName: "rg", galleryName: g.galleryName, galleryImageName: "app", location: "westeurope", osType: "Linux", osState: "Generalized", identifier: { publisher: "C", offer: "A", sku: "l" } });
    new acg.GalleryImageVersion("v1", { resourceGroupName: "rg", galleryName: g.galleryName, galleryImageName: i.galleryImageName, galleryImageVersionName: "1.0.0", location: "westeurope", usedSizeInGB: 10, storageProfile: { source: { id: `${IMAGES}/base-1` } }, publishingProfile: { targetRegions: regions } });
  };
  const s = await E2EStack.create("scratch", prog([{ name: "westeurope", regionalReplicaCount: 1 }]), { "compute-gallery:prices": '{"egressPerGB":0.02}', "compute-gallery:emulatorSeedFile": __dirname + "/seed.json" });
  try {
    fs.writeFileSync("/tmp/rv/create.json", await s.previewJson());
    await s.up();
    s.setProgram(prog([{ name: "westeurope", regionalReplicaCount: 2 }, { name: "eastus" }]));
    fs.writeFileSync("/tmp/rv/update.json", await s.previewJson());
    s.setProgram(prog([{ name: "westeurope", regionalReplicaCount: 1, storageAccountType: "Premium_LRS" }]));
    fs.writeFileSync("/tmp/rv/replace.json", await s.previewJson());
  } finally { await s.dispose(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
