// The route table: every ARM operation the emulator answers (the gallery types, and the Resource Manager
// surface a client logs in through), plus identity discovery and admin.
import { route, type Route } from "../context";
import * as admin from "./admin";
import * as applications from "./applications";
import * as applicationVersions from "./applicationVersions";
import { AUTHORIZATION_ROUTES } from "./authorization";
import * as galleries from "./galleries";
import * as identity from "./identity";
import * as images from "./images";
import * as operations from "./operations";
import * as resourceManager from "./resourceManager";
import * as sharing from "./sharing";
import * as softDeleted from "./softDeleted";
import * as versions from "./versions";

const COMPUTE_IN_GROUP =
  "/subscriptions/:subscriptionId/resourceGroups/:resourceGroupName/providers/Microsoft.Compute";
const GALLERY = `${COMPUTE_IN_GROUP}/galleries/:galleryName`;
const IMAGE = `${GALLERY}/images/:galleryImageName`;
const VERSION = `${IMAGE}/versions/:galleryImageVersionName`;
const APPLICATION = `${GALLERY}/applications/:galleryApplicationName`;
const APPLICATION_VERSION = `${APPLICATION}/versions/:galleryApplicationVersionName`;
const RESOURCE_GROUP = "/subscriptions/:subscriptionId/resourcegroups/:resourceGroupName";
const GALLERY_TYPE = "galleries";
const IMAGE_TYPE = "galleries/images";
const VERSION_TYPE = "galleries/images/versions";
const APPLICATION_TYPE = "galleries/applications";
const APPLICATION_VERSION_TYPE = "galleries/applications/versions";
const RESOURCE_GROUP_TYPE = "subscriptions/resourceGroups";

export const ROUTES: Route[] = [
  ...AUTHORIZATION_ROUTES,

  // As ARM does for a top-level type, a list leaves out the galleries the caller may not read.
  route(
    "GET",
    "/subscriptions/:subscriptionId/providers/Microsoft.Compute/galleries",
    "arm",
    galleries.listGalleries,
    { resourceType: GALLERY_TYPE, access: "filter" },
  ),
  route("GET", `${COMPUTE_IN_GROUP}/galleries`, "arm", galleries.listGalleries, {
    resourceType: GALLERY_TYPE,
    access: "filter",
  }),
  route("GET", GALLERY, "arm", galleries.getGallery, { resourceType: GALLERY_TYPE }),
  route("PUT", GALLERY, "arm", galleries.putGallery, { resourceType: GALLERY_TYPE }),
  route("PATCH", GALLERY, "arm", galleries.patchGallery, { resourceType: GALLERY_TYPE }),
  route("DELETE", GALLERY, "arm", galleries.deleteGallery, { resourceType: GALLERY_TYPE }),
  route("POST", `${GALLERY}/share`, "arm", sharing.postShare, { resourceType: `${GALLERY_TYPE}/share` }),
  route(
    "GET",
    `${GALLERY}/softDeletedArtifactTypes/:artifactType/artifacts/:galleryImageName/versions`,
    "arm",
    softDeleted.listSoftDeletedVersions,
    { resourceType: `${GALLERY_TYPE}/softDeletedArtifactTypes/artifacts/versions` },
  ),

  route("GET", `${GALLERY}/images`, "arm", images.listImages, { resourceType: IMAGE_TYPE }),
  route("GET", IMAGE, "arm", images.getImage, { resourceType: IMAGE_TYPE }),
  route("PUT", IMAGE, "arm", images.putImage, { resourceType: IMAGE_TYPE }),
  route("PATCH", IMAGE, "arm", images.patchImage, { resourceType: IMAGE_TYPE }),
  route("DELETE", IMAGE, "arm", images.deleteImage, { resourceType: IMAGE_TYPE }),

  route("GET", `${IMAGE}/versions`, "arm", versions.listVersions, { resourceType: VERSION_TYPE }),
  route("GET", VERSION, "arm", versions.getVersion, { resourceType: VERSION_TYPE }),
  route("PUT", VERSION, "arm", versions.putVersion, { resourceType: VERSION_TYPE }),
  route("PATCH", VERSION, "arm", versions.patchVersion, { resourceType: VERSION_TYPE }),
  route("DELETE", VERSION, "arm", versions.deleteVersion, { resourceType: VERSION_TYPE }),

  route("GET", `${GALLERY}/applications`, "arm", applications.listApplications, {
    resourceType: APPLICATION_TYPE,
  }),
  route("GET", APPLICATION, "arm", applications.getApplication, { resourceType: APPLICATION_TYPE }),
  route("PUT", APPLICATION, "arm", applications.putApplication, { resourceType: APPLICATION_TYPE }),
  route("PATCH", APPLICATION, "arm", applications.patchApplication, { resourceType: APPLICATION_TYPE }),
  route("DELETE", APPLICATION, "arm", applications.deleteApplication, { resourceType: APPLICATION_TYPE }),

  route("GET", `${APPLICATION}/versions`, "arm", applicationVersions.listApplicationVersions, {
    resourceType: APPLICATION_VERSION_TYPE,
  }),
  route("GET", APPLICATION_VERSION, "arm", applicationVersions.getApplicationVersion, {
    resourceType: APPLICATION_VERSION_TYPE,
  }),
  route("PUT", APPLICATION_VERSION, "arm", applicationVersions.putApplicationVersion, {
    resourceType: APPLICATION_VERSION_TYPE,
  }),
  route("PATCH", APPLICATION_VERSION, "arm", applicationVersions.patchApplicationVersion, {
    resourceType: APPLICATION_VERSION_TYPE,
  }),
  route("DELETE", APPLICATION_VERSION, "arm", applicationVersions.deleteApplicationVersion, {
    resourceType: APPLICATION_VERSION_TYPE,
  }),

  route(
    "GET",
    "/subscriptions/:subscriptionId/providers/Microsoft.Compute/locations/:location/capsOperations/:operationId",
    "arm",
    operations.getOperation,
    { resourceType: "locations/capsOperations", access: "handler" },
  ),

  route("GET", "/subscriptions", "rm", resourceManager.listSubscriptions),
  route("GET", "/subscriptions/:subscriptionId", "rm", resourceManager.getSubscription),
  route("GET", "/tenants", "rm", resourceManager.listTenants),
  route("GET", "/subscriptions/:subscriptionId/providers", "rm", resourceManager.listProviders),
  route("GET", "/subscriptions/:subscriptionId/providers/:namespace", "rm", resourceManager.getProvider),
  route("GET", "/subscriptions/:subscriptionId/resourcegroups", "rm", resourceManager.listResourceGroups),
  route("PUT", RESOURCE_GROUP, "rm", resourceManager.putResourceGroup, { resourceType: RESOURCE_GROUP_TYPE }),
  route("GET", RESOURCE_GROUP, "rm", resourceManager.getResourceGroup, { resourceType: RESOURCE_GROUP_TYPE }),
  route("HEAD", RESOURCE_GROUP, "rm", resourceManager.headResourceGroup, {
    resourceType: RESOURCE_GROUP_TYPE,
  }),
  route("DELETE", RESOURCE_GROUP, "rm", resourceManager.deleteResourceGroup, {
    resourceType: RESOURCE_GROUP_TYPE,
  }),

  route("PUT", "/admin/sources", "admin", admin.putSource, { access: "primary" }),
  route("POST", "/admin/sources", "admin", admin.putSource, { access: "primary" }),
  route("GET", "/admin/sources", "admin", admin.listSources, { access: "primary" }),
  route("PUT", "/admin/faults", "admin", admin.putFaults, { access: "primary" }),
  route("POST", "/admin/faults", "admin", admin.addFault, { access: "primary" }),
  route("GET", "/admin/faults", "admin", admin.listFaults, { access: "primary" }),
  route("DELETE", "/admin/faults", "admin", admin.deleteFaults, { access: "primary" }),

  route("POST", "/:tenantId/oauth2/v2.0/token", "identity", identity.token),
  route("POST", "/:tenantId/oauth2/token", "identity", identity.token),
  route("GET", "/:tenantId/v2.0/.well-known/openid-configuration", "identity", identity.openidConfiguration),
  route("GET", "/:tenantId/.well-known/openid-configuration", "identity", identity.openidConfiguration),
  route("GET", "/common/discovery/instance", "identity", identity.instanceDiscovery),
  route("GET", "/metadata/endpoints", "identity", identity.metadataEndpoints),
];
