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

type Handler = Route["handle"];

/**
 * The five operations ARM has for a gallery child type: list (the collection is the resource's path
 * without its name), read, create or replace, update, delete.
 */
function childRoutes(
  resource: string,
  resourceType: string,
  handlers: { list: Handler; get: Handler; put: Handler; patch: Handler; remove: Handler },
): Route[] {
  const collection = resource.slice(0, resource.lastIndexOf("/"));
  return [
    route("GET", collection, "arm", handlers.list, { resourceType }),
    route("GET", resource, "arm", handlers.get, { resourceType }),
    route("PUT", resource, "arm", handlers.put, { resourceType }),
    route("PATCH", resource, "arm", handlers.patch, { resourceType }),
    route("DELETE", resource, "arm", handlers.remove, { resourceType }),
  ];
}

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

  ...childRoutes(IMAGE, IMAGE_TYPE, {
    list: images.listImages,
    get: images.getImage,
    put: images.putImage,
    patch: images.patchImage,
    remove: images.deleteImage,
  }),
  ...childRoutes(VERSION, VERSION_TYPE, {
    list: versions.listVersions,
    get: versions.getVersion,
    put: versions.putVersion,
    patch: versions.patchVersion,
    remove: versions.deleteVersion,
  }),
  ...childRoutes(APPLICATION, APPLICATION_TYPE, {
    list: applications.listApplications,
    get: applications.getApplication,
    put: applications.putApplication,
    patch: applications.patchApplication,
    remove: applications.deleteApplication,
  }),
  ...childRoutes(APPLICATION_VERSION, APPLICATION_VERSION_TYPE, {
    list: applicationVersions.listApplicationVersions,
    get: applicationVersions.getApplicationVersion,
    put: applicationVersions.putApplicationVersion,
    patch: applicationVersions.patchApplicationVersion,
    remove: applicationVersions.deleteApplicationVersion,
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
