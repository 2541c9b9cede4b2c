// Discovery and token endpoints so Azure tools can authenticate against the emulator as they would
// against Microsoft Entra ID: OAuth2 client credentials, OpenID configuration, instance discovery and
// ARM's /metadata/endpoints. Responses never echo secrets.
import { randomUUID } from "node:crypto";
import type { Context, Reply } from "../context";
import { TOKEN_LIFETIME_SECONDS } from "../auth";

function aadError(status: number, error: string, code: number, description: string): Reply {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    },
  };
}

export function token(ctx: Context): Reply {
  const svc = ctx.svc;
  const id = svc.tokens.identity;
  const tenant = decodeURIComponent(ctx.params.tenantId ?? "");
  if (tenant.toLowerCase() !== id.tenantId.toLowerCase()) {
    return aadError(400, "invalid_request", 90002, `Tenant '${tenant}' not found.`);
  }
  const form = new URLSearchParams(ctx.rawBody);
  if (form.get("grant_type") !== "client_credentials") {
    return aadError(
      400,
      "unsupported_grant_type",
      70003,
      "The app requested an unsupported grant type; only client_credentials is supported.",
    );
  }
  const client = svc.tokens.client(form.get("client_id") ?? "");
  if (!client) {
    return aadError(
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${form.get("client_id") ?? ""}' was not found in the directory '${tenant}'.`,
    );
  }
  if (!svc.tokens.secretMatches(client, form.get("client_secret") ?? "")) {
    return aadError(401, "invalid_client", 7000215, "Invalid client secret provided.");
  }
  const scope = form.get("scope") ?? form.get("resource") ?? "https://management.azure.com/.default";
  // v2 scopes name the resource followed by "/.default"; the Azure CLI asks for
  // "https://management.core.windows.net//.default", whose audience is the resource with one slash.
  const requested = scope.split(" ")[0] ?? "https://management.azure.com/.default";
  const audience = requested.endsWith(".default")
    ? requested.slice(0, -".default".length).replace(/\/+$/, "/")
    : requested;
  const access = svc.tokens.issue(
    client,
    `${svc.endpoint}/${id.tenantId}/`,
    audience,
    Math.floor(ctx.now / 1000),
  );
  return {
    status: 200,
    headers: { "Cache-Control": "no-store", Pragma: "no-cache" },
    body: {
      token_type: "Bearer",
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: access,
    },
  };
}

export function openidConfiguration(ctx: Context): Reply {
  const base = `${ctx.svc.endpoint}/${ctx.svc.tokens.identity.tenantId}`;
  const host = new URL(ctx.svc.endpoint).host;
  return {
    status: 200,
    body: {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ["client_secret_post"],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ["query", "fragment", "form_post"],
      subject_types_supported: ["pairwise"],
      id_token_signing_alg_values_supported: ["RS256"],
      response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${base}/openid/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ["sub", "iss", "aud", "exp", "iat", "tid"],
      tenant_region_scope: null,
      cloud_instance_name: host,
      cloud_graph_host_name: host,
      msgraph_host: host,
      rbac_url: ctx.svc.endpoint,
    },
  };
}

export function instanceDiscovery(ctx: Context): Reply {
  const host = new URL(ctx.svc.endpoint).host;
  return {
    status: 200,
    body: {
      tenant_discovery_endpoint: `${ctx.svc.endpoint}/${ctx.svc.tokens.identity.tenantId}/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    },
  };
}

/** ARM's cloud metadata, in the shape each api-version has. */
export function metadataEndpoints(ctx: Context): Reply {
  const endpoint = ctx.svc.endpoint;
  const cloud = {
    portal: endpoint,
    authentication: {
      loginEndpoint: endpoint,
      audiences: [`${endpoint}/`, "https://management.azure.com/", "https://management.core.windows.net/"],
      tenant: "common",
      identityProvider: "AAD",
    },
    media: endpoint,
    graphAudience: endpoint,
    graph: endpoint,
    name: "ComputeGalleryEmulator",
    suffixes: {
      azureDataLakeStoreFileSystem: "localhost",
      acrLoginServer: "localhost",
      sqlServerHostname: "localhost",
      azureDataLakeAnalyticsCatalogAndJob: "localhost",
      keyVaultDns: "localhost",
      storage: "localhost",
      azureFrontDoorEndpointSuffix: "localhost",
      storageSyncEndpointSuffix: "localhost",
      mhsmDns: "localhost",
      mysqlServerEndpoint: "localhost",
      postgresqlServerEndpoint: "localhost",
      sqlServerEndpoint: "localhost",
      attestationEndpoint: "localhost",
      synapseAnalytics: "localhost",
    },
    batch: endpoint,
    resourceManager: endpoint,
    vmImageAliasDoc: `${endpoint}/metadata/vmImageAliasDoc`,
    activeDirectoryDataLake: endpoint,
    sqlManagement: endpoint,
    microsoftGraphResourceId: `${endpoint}/`,
    appInsightsResourceId: endpoint,
    appInsightsTelemetryChannelResourceId: endpoint,
    attestationResourceId: endpoint,
    synapseAnalyticsResourceId: endpoint,
    logAnalyticsResourceId: endpoint,
    ossrDbmsResourceId: endpoint,
  };
  // 2022-09-01 (what the Azure CLI sends) answers one object; the array form belongs to 2019-05-01 only.
  const apiVersion = ctx.query.get("api-version") ?? "2022-09-01";
  if (apiVersion === "2019-05-01") return { status: 200, body: [cloud] };
  if (apiVersion >= "2019-05-01") return { status: 200, body: cloud };
  return {
    status: 200,
    body: {
      galleryEndpoint: endpoint,
      graphEndpoint: endpoint,
      portalEndpoint: endpoint,
      authentication: { loginEndpoint: endpoint, audiences: cloud.authentication.audiences },
    },
  };
}
