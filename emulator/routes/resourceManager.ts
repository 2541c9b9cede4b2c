// The Resource Manager surface a client needs before it touches a gallery: log in and pick a
// subscription (subscriptions, tenants), see that Microsoft.Compute is registered and with which
// api-versions and locations, and manage the resource groups galleries live in.
import { SUPPORTED_API_VERSIONS } from "../apiVersions";
import { jsonBody, isObject } from "../arm";
import { deleteGroup, getGroup, listGroups, putGroup, type ResourceGroup } from "../arm/resourceGroups";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { findRegion, publicRegionNames } from "../rules/regions";
import type { Service } from "../service";

const SUBSCRIPTION_NAME = "Compute Gallery emulator";

function checkSubscription(ctx: Context): string {
  const id = decodeURIComponent(ctx.params.subscriptionId ?? "");
  if (id.toLowerCase() !== ctx.svc.opts.subscriptionId.toLowerCase()) throw errors.subscriptionNotFound(id);
  return ctx.svc.opts.subscriptionId;
}

function subscriptionView(svc: Service): Record<string, unknown> {
  const { subscriptionId, tenantId } = svc.opts;
  return {
    id: `/subscriptions/${subscriptionId}`,
    authorizationSource: "RoleBased",
    managedByTenants: [],
    subscriptionId,
    tenantId,
    displayName: SUBSCRIPTION_NAME,
    state: "Enabled",
    subscriptionPolicies: {
      locationPlacementId: "Public_2014-09-01",
      quotaId: "PayAsYouGo_2014-09-01",
      spendingLimit: "Off",
    },
  };
}

export function listSubscriptions(ctx: Context): Reply {
  return { status: 200, body: { value: [subscriptionView(ctx.svc)] } };
}

export function getSubscription(ctx: Context): Reply {
  checkSubscription(ctx);
  return { status: 200, body: subscriptionView(ctx.svc) };
}

export function listTenants(ctx: Context): Reply {
  const tenantId = ctx.svc.opts.tenantId;
  return {
    status: 200,
    body: {
      value: [
        {
          id: `/tenants/${tenantId}`,
          tenantId,
          tenantCategory: "Home",
          displayName: SUBSCRIPTION_NAME,
          domains: [],
        },
      ],
    },
  };
}

/** Microsoft.Compute as the emulator serves it: the gallery types with the versions in the one table. */
function computeProvider(svc: Service): Record<string, unknown> {
  const locations = publicRegionNames().map((r) => findRegion(r)?.displayName ?? r);
  const newestFirst = [...SUPPORTED_API_VERSIONS].reverse();
  const type = (resourceType: string) => ({
    resourceType,
    locations,
    apiVersions: newestFirst,
    capabilities: "None",
  });
  return {
    id: `/subscriptions/${svc.opts.subscriptionId}/providers/Microsoft.Compute`,
    namespace: "Microsoft.Compute",
    registrationState: "Registered",
    registrationPolicy: "RegistrationRequired",
    resourceTypes: [
      type("galleries"),
      type("galleries/images"),
      type("galleries/images/versions"),
      {
        resourceType: "locations/capsOperations",
        locations: [],
        apiVersions: newestFirst,
        capabilities: "None",
      },
    ],
  };
}

export function getProvider(ctx: Context): Reply {
  checkSubscription(ctx);
  const namespace = decodeURIComponent(ctx.params.namespace ?? "");
  if (namespace.toLowerCase() !== "microsoft.compute") {
    return {
      status: 404,
      body: {
        error: {
          code: "InvalidResourceNamespace",
          message: `The resource namespace '${namespace}' is invalid.`,
        },
      },
    };
  }
  return { status: 200, body: computeProvider(ctx.svc) };
}

export function listProviders(ctx: Context): Reply {
  checkSubscription(ctx);
  return { status: 200, body: { value: [computeProvider(ctx.svc)] } };
}

function groupView(svc: Service, group: ResourceGroup): Record<string, unknown> {
  return {
    id: `/subscriptions/${svc.opts.subscriptionId}/resourceGroups/${group.name}`,
    name: group.name,
    type: "Microsoft.Resources/resourceGroups",
    location: group.location,
    ...(group.tags ? { tags: group.tags } : {}),
    properties: { provisioningState: "Succeeded" },
  };
}

function groupName(ctx: Context): string {
  return decodeURIComponent(ctx.params.resourceGroupName ?? "");
}

export function putResourceGroup(ctx: Context): Reply {
  checkSubscription(ctx);
  const name = groupName(ctx);
  const body = jsonBody(ctx);
  const region = typeof body.location === "string" ? findRegion(body.location) : undefined;
  if (!region) {
    throw errors.locationNotAvailable(String(body.location ?? ""), "resourceGroups", publicRegionNames());
  }
  const existing = getGroup(ctx.svc.store, name);
  const tags = isObject(body.tags) ? (body.tags as Record<string, string>) : existing?.tags;
  const group: ResourceGroup = {
    name: existing?.name ?? name,
    location: region.name,
    ...(tags ? { tags } : {}),
  };
  putGroup(ctx.svc.store, group);
  return { status: existing ? 200 : 201, body: groupView(ctx.svc, group) };
}

export function getResourceGroup(ctx: Context): Reply {
  checkSubscription(ctx);
  const group = getGroup(ctx.svc.store, groupName(ctx));
  if (!group) throw errors.resourceGroupNotFound(groupName(ctx));
  return { status: 200, body: groupView(ctx.svc, group) };
}

/** HEAD: the CLI's `az group exists`. */
export function headResourceGroup(ctx: Context): Reply {
  checkSubscription(ctx);
  return { status: getGroup(ctx.svc.store, groupName(ctx)) ? 204 : 404 };
}

export function listResourceGroups(ctx: Context): Reply {
  checkSubscription(ctx);
  return { status: 200, body: { value: listGroups(ctx.svc.store).map((g) => groupView(ctx.svc, g)) } };
}

/** Azure deletes everything inside a group; the emulator refuses while galleries remain, to lose nothing silently. */
export function deleteResourceGroup(ctx: Context): Reply {
  const subscriptionId = checkSubscription(ctx);
  const group = getGroup(ctx.svc.store, groupName(ctx));
  if (!group) throw errors.resourceGroupNotFound(groupName(ctx));
  const galleries = ctx.svc.store.listResources({
    kind: "gallery",
    subscriptionId,
    resourceGroup: group.name,
  });
  if (galleries.length > 0) {
    throw errors.conflict(
      `Resource group '${group.name}' still holds ${galleries.length} galleries; the emulator deletes only empty groups.`,
    );
  }
  deleteGroup(ctx.svc.store, group.name);
  return { status: 200 };
}
