// The route table: every ARM operation the emulator answers (the gallery types, and the Resource Manager
// surface a client logs in through), plus identity discovery and admin.
import { route, type Route } from "../context";
import * as admin from "./admin";
import { AUTHORIZATION_ROUTES } from "./authorization";
import * as g from "./galleries";
import * as id from "./identity";
import * as i from "./images";
import * as ops from "./operations";
import * as rm from "./resourceManager";
import * as share from "./sharing";
import * as soft from "./softDeleted";
import * as v from "./versions";

const RG = "/subscriptions/:subscriptionId/resourceGroups/:resourceGroupName/providers/Microsoft.Compute";
const GALLERY = `${RG}/galleries/:galleryName`;
const IMAGE = `${GALLERY}/images/:galleryImageName`;
const VERSION = `${IMAGE}/versions/:galleryImageVersionName`;
const GT = "galleries";
const IT = "galleries/images";
const VT = "galleries/images/versions";
const RGT = "subscriptions/resourceGroups";

export const ROUTES: Route[] = [
  ...AUTHORIZATION_ROUTES,

  // As ARM does for a top-level type, a list leaves out the galleries the caller may not read.
  route(
    "GET",
    "/subscriptions/:subscriptionId/providers/Microsoft.Compute/galleries",
    "arm",
    g.listGalleries,
    { resourceType: GT, access: "filter" },
  ),
  route("GET", `${RG}/galleries`, "arm", g.listGalleries, { resourceType: GT, access: "filter" }),
  route("GET", GALLERY, "arm", g.getGallery, { resourceType: GT }),
  route("PUT", GALLERY, "arm", g.putGallery, { resourceType: GT }),
  route("PATCH", GALLERY, "arm", g.patchGallery, { resourceType: GT }),
  route("DELETE", GALLERY, "arm", g.deleteGallery, { resourceType: GT }),
  route("POST", `${GALLERY}/share`, "arm", share.postShare, { resourceType: `${GT}/share` }),
  route(
    "GET",
    `${GALLERY}/softDeletedArtifactTypes/:artifactType/artifacts/:galleryImageName/versions`,
    "arm",
    soft.listSoftDeletedVersions,
    { resourceType: `${GT}/softDeletedArtifactTypes/artifacts/versions` },
  ),

  route("GET", `${GALLERY}/images`, "arm", i.listImages, { resourceType: IT }),
  route("GET", IMAGE, "arm", i.getImage, { resourceType: IT }),
  route("PUT", IMAGE, "arm", i.putImage, { resourceType: IT }),
  route("PATCH", IMAGE, "arm", i.patchImage, { resourceType: IT }),
  route("DELETE", IMAGE, "arm", i.deleteImage, { resourceType: IT }),

  route("GET", `${IMAGE}/versions`, "arm", v.listVersions, { resourceType: VT }),
  route("GET", VERSION, "arm", v.getVersion, { resourceType: VT }),
  route("PUT", VERSION, "arm", v.putVersion, { resourceType: VT }),
  route("PATCH", VERSION, "arm", v.patchVersion, { resourceType: VT }),
  route("DELETE", VERSION, "arm", v.deleteVersion, { resourceType: VT }),

  route(
    "GET",
    "/subscriptions/:subscriptionId/providers/Microsoft.Compute/locations/:location/capsOperations/:operationId",
    "arm",
    ops.getOperation,
    { resourceType: "locations/capsOperations", access: "handler" },
  ),

  route("GET", "/subscriptions", "rm", rm.listSubscriptions),
  route("GET", "/subscriptions/:subscriptionId", "rm", rm.getSubscription),
  route("GET", "/tenants", "rm", rm.listTenants),
  route("GET", "/subscriptions/:subscriptionId/providers", "rm", rm.listProviders),
  route("GET", "/subscriptions/:subscriptionId/providers/:namespace", "rm", rm.getProvider),
  route("GET", "/subscriptions/:subscriptionId/resourcegroups", "rm", rm.listResourceGroups),
  route(
    "PUT",
    "/subscriptions/:subscriptionId/resourcegroups/:resourceGroupName",
    "rm",
    rm.putResourceGroup,
    { resourceType: RGT },
  ),
  route(
    "GET",
    "/subscriptions/:subscriptionId/resourcegroups/:resourceGroupName",
    "rm",
    rm.getResourceGroup,
    { resourceType: RGT },
  ),
  route(
    "HEAD",
    "/subscriptions/:subscriptionId/resourcegroups/:resourceGroupName",
    "rm",
    rm.headResourceGroup,
    { resourceType: RGT },
  ),
  route(
    "DELETE",
    "/subscriptions/:subscriptionId/resourcegroups/:resourceGroupName",
    "rm",
    rm.deleteResourceGroup,
    { resourceType: RGT },
  ),

  route("PUT", "/admin/sources", "admin", admin.putSource, { access: "primary" }),
  route("POST", "/admin/sources", "admin", admin.putSource, { access: "primary" }),
  route("GET", "/admin/sources", "admin", admin.listSources, { access: "primary" }),
  route("PUT", "/admin/faults", "admin", admin.putFaults, { access: "primary" }),
  route("POST", "/admin/faults", "admin", admin.addFault, { access: "primary" }),
  route("GET", "/admin/faults", "admin", admin.listFaults, { access: "primary" }),
  route("DELETE", "/admin/faults", "admin", admin.deleteFaults, { access: "primary" }),

  route("POST", "/:tenantId/oauth2/v2.0/token", "identity", id.token),
  route("POST", "/:tenantId/oauth2/token", "identity", id.token),
  route("GET", "/:tenantId/v2.0/.well-known/openid-configuration", "identity", id.openidConfiguration),
  route("GET", "/:tenantId/.well-known/openid-configuration", "identity", id.openidConfiguration),
  route("GET", "/common/discovery/instance", "identity", id.instanceDiscovery),
  route("GET", "/metadata/endpoints", "identity", id.metadataEndpoints),
];
