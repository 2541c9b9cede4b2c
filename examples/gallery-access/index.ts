// Access to a gallery through Azure RBAC: a group of consumers reads the whole gallery, a build agent's
// service principal reads one image definition. The stack output `access` shows, from these grants,
// what each principal reaches, following Azure Compute Gallery's sharing matrix.
import * as pulumi from "@pulumi/pulumi";
import * as acg from "pulumi-azure-compute-gallery";

const resourceGroupName = "rg-access";
const images =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-builds/providers/Microsoft.Compute/images";
// Object ids in the gallery's tenant (a principal of another tenant: its guest user or service principal here).
const consumers = "6f1e3b0c-1111-4a5e-9c7d-00000000000a"; // a group
const buildAgent = "b0b00000-0000-4000-8000-0000000000bb"; // a service principal
const aConsumer = "a11ce000-0000-4000-8000-0000000000aa"; // a member of the group

const gallery = new acg.Gallery("gallery", {
  resourceGroupName,
  galleryName: "accessGallery",
  location: "westeurope",
});

const definition = (name: string, sku: string) =>
  new acg.GalleryImage(name, {
    resourceGroupName,
    galleryName: gallery.galleryName,
    galleryImageName: name,
    location: "westeurope",
    osType: "Linux",
    osState: "Generalized",
    hyperVGeneration: "V2",
    identifier: { publisher: "Contoso", offer: "Access", sku },
  });
const ubuntu = definition("ubuntu-22", "ubuntu-22");
const tools = definition("build-tools", "tools");

const version = new acg.GalleryImageVersion("v1", {
  resourceGroupName,
  galleryName: gallery.galleryName,
  galleryImageName: ubuntu.galleryImageName,
  galleryImageVersionName: "1.0.0",
  location: "westeurope",
  storageProfile: { source: { id: `${images}/ubuntu-build-1` } },
  publishingProfile: { targetRegions: [{ name: "westeurope" }] },
});

// Sharing at gallery level is what Azure recommends; a grant on one definition is the narrower case.
const consumersRead = new acg.GalleryRoleAssignment("consumers-read", {
  scope: gallery.id,
  principalId: consumers,
  principalType: "Group",
  roleName: "Reader",
  description: "Consumers deploy VMs from any image of the gallery",
});
const agentReads = new acg.GalleryRoleAssignment("agent-reads-tools", {
  scope: tools.id,
  principalId: buildAgent,
  principalType: "ServicePrincipal",
  roleName: "Reader",
});

const grants = [consumersRead, agentReads].map((a) => ({ scope: a.scope, principalId: a.principalId }));
const resources = [gallery.id, ubuntu.id, tools.id, version.id];

export const access = pulumi.all([pulumi.output(grants), pulumi.all(resources)]).apply(([given, ids]) => ({
  consumer: acg.reachOf(aConsumer, given, ids, { memberOf: [consumers] }),
  buildAgent: acg.reachOf(buildAgent, given, ids),
}));
