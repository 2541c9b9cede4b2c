// The HTTPS server and the request pipeline, in a fixed order:
//   context -> route lookup -> auth -> api-version check -> handler (rules, store, in one transaction)
//   -> serializer; errors last, always as ARM's CloudError.
// Authentication comes before the api-version check, as at ARM's front door: an anonymous caller learns
// nothing about the service.
import * as https from "node:https";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authorizeRoute } from "./access/routeAccess";
import { checkApiVersion } from "./apiVersions";
import { isRefusal, type Caller } from "./auth";
import { dropNewerFields, refuseNewerFields } from "./arm/apiVersionShape";
import { requestLocation } from "./arm/requestLocation";
import { getGroup, putGroup } from "./arm/resourceGroups";
import type { Context, Reply, Route } from "./context";
import { ArmError, errors } from "./errors";
import { defaultError, hasFaultRules, retryAfterOf, takeRequestFault, type FaultEffect } from "./faults";
import { failOperation } from "./lro";
import { addressedKey, requestFacts } from "./requestFacts";
import { ROUTES } from "./routes";
import { AUTHORIZATION_API_VERSIONS } from "./routes/authorization";
import type { Service } from "./service";

const MAX_BODY_BYTES = 4 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(errors.invalidRequestContent("The request body is too large."));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function match(
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | "method" | undefined {
  let pathMatched = false;
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    r.names.forEach((n, i) => (params[n] = m[i + 1] ?? ""));
    return { route: r, params };
  }
  return pathMatched ? "method" : undefined;
}

/** The audiences ARM accepts (with and without the slash), and the emulator's own endpoint. */
function armAudiences(endpoint: string): string[] {
  return [
    "https://management.core.windows.net/",
    "https://management.core.windows.net",
    "https://management.azure.com/",
    "https://management.azure.com",
    `${endpoint}/`,
    endpoint,
  ];
}

function authenticate(svc: Service, header: string | undefined, now: number): Caller {
  const realm = `${svc.endpoint}/${svc.opts.tenantId}`;
  if (!header) throw errors.authenticationFailed(realm);
  const m = /^Bearer\s+(.+)$/i.exec(header);
  if (!m?.[1])
    throw errors.tokenRefused(realm, {
      code: "InvalidAuthenticationToken",
      message: "The access token is invalid. The 'Authorization' header must use the Bearer scheme.",
    });
  const verdict = svc.tokens.verify(m[1].trim(), Math.floor(now / 1000), armAudiences(svc.endpoint));
  if (isRefusal(verdict)) throw errors.tokenRefused(realm, verdict);
  return verdict;
}

function parseOrUndefined(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined; // the handler reports malformed JSON in its own words
  }
}

/**
 * Galleries live in resource groups. Explicit mode answers as Azure does when the group is missing;
 * implicit mode creates it on the first write, in the written resource's location.
 */
function requireResourceGroup(
  svc: Service,
  method: string,
  params: Record<string, string>,
  rawBody: string,
): void {
  const raw = params.resourceGroupName;
  if (raw === undefined) return;
  const name = decodeURIComponent(raw);
  if (getGroup(svc.store, name)) return;
  if (svc.opts.resourceGroups === "explicit") throw errors.resourceGroupNotFound(name);
  if (method !== "PUT") return; // only a write creates the group: reads and deletes see an empty one
  const body = parseOrUndefined(rawBody) as { location?: unknown } | undefined;
  const location = typeof body?.location === "string" ? body.location.toLowerCase().replace(/\s/g, "") : "";
  if (location) svc.store.transaction(() => putGroup(svc.store, { name, location }));
}

function send(res: ServerResponse, reply: Reply, requestId: string): void {
  const headers: Record<string, string> = {
    "x-ms-request-id": requestId,
    "x-ms-correlation-request-id": requestId,
    ...reply.headers,
  };
  if (reply.body === undefined) {
    res.writeHead(reply.status, { ...headers, "Content-Length": "0" });
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...headers,
    "Content-Type": reply.contentType ?? "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** An operation's failure when the rule names none: what Azure reports for an internal failure. */
const OPERATION_FAILED = {
  code: "InternalOperationError",
  message: "An internal error occurred while processing the operation. Please retry later.",
};

/**
 * The injected fault for this request, applied where it acts before the handler: latency waits, an
 * error is thrown as ARM's answer. Returned so the caller applies the rest (drop, a failed operation).
 */
async function injectedFault(
  svc: Service,
  route: Route,
  method: string,
  url: URL,
  params: Record<string, string>,
  rawBody: string,
): Promise<FaultEffect | undefined> {
  if (route.kind !== "arm" && route.kind !== "rm") return undefined; // admin and identity stay reachable
  // The common case, no rule set: no request pays for working out its facts or for a transaction.
  if (!hasFaultRules(svc.store)) return undefined;
  const facts = requestFacts(svc, route, method, url, params, rawBody);
  const effect = svc.store.transaction(() => takeRequestFault(svc.store, facts));
  if (effect?.kind === "latency") await new Promise((resolve) => setTimeout(resolve, effect.ms));
  if (effect?.kind === "error") {
    const fallback = defaultError(effect.status);
    throw errors.injected(
      effect.status,
      effect.code ?? fallback.code,
      effect.message ?? fallback.message,
      retryAfterOf(effect),
    );
  }
  return effect;
}

async function handle(svc: Service, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const requestId = randomUUID();
  const method = (req.method ?? "GET").toUpperCase();
  // Appended, not resolved: the authorization SDK sends `//subscriptions/...` (its scope carries the leading
  // slash), which URL resolution would read as a host.
  const url = new URL(`${svc.endpoint}${req.url ?? "/"}`);
  let reply: Reply;
  let drop: "before" | "after" | undefined;
  try {
    const found = match(method, url.pathname);
    if (found === undefined) throw errors.notFound(url.pathname);
    if (found === "method") throw errors.methodNotAllowed(method);
    const rawBody = await readBody(req);
    const now = svc.clock();
    const route = found.route;
    const caller = route.kind === "identity" ? undefined : authenticate(svc, req.headers.authorization, now);
    // Authorization before anything looks at the request, as ARM's front door does.
    if (caller) authorizeRoute(svc.store, route, method, url.pathname, caller);
    let apiVersion = "";
    if (route.kind === "arm") {
      apiVersion = checkApiVersion(
        url.searchParams.get("api-version"),
        svc.opts.apiVersionPolicy,
        route.resourceType ?? "",
        () => requestLocation(svc, found.params, rawBody),
      );
      requireResourceGroup(svc, method, found.params, rawBody);
      if (method === "PUT" || method === "PATCH")
        refuseNewerFields(parseOrUndefined(rawBody), apiVersion, route.resourceType ?? "");
    } else if (route.kind === "authorization") {
      apiVersion = checkApiVersion(
        url.searchParams.get("api-version"),
        svc.opts.apiVersionPolicy,
        route.resourceType ?? "",
        () => "global",
        AUTHORIZATION_API_VERSIONS,
      );
    } else if (route.kind === "rm") {
      apiVersion = url.searchParams.get("api-version") ?? "";
      if (!apiVersion) throw errors.missingApiVersion();
    }
    const fault = await injectedFault(svc, route, method, url, found.params, rawBody);
    if (fault?.kind === "drop") drop = fault.after ? "after" : "before";
    const ctx: Context = {
      method,
      url,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      params: found.params,
      apiVersion,
      now,
      svc,
      ...(caller ? { caller } : {}),
    };
    // One transaction per request: a write the client saw acknowledged is committed.
    reply =
      drop === "before"
        ? { status: 0 }
        : svc.store.transaction(() => {
            const answer = route.handle(ctx);
            if (fault?.kind === "operationFailed") {
              const written = svc.store.getResource(addressedKey(url));
              if (written)
                failOperation(svc.store, written.operationId, svc.clock(), {
                  code: fault.code ?? OPERATION_FAILED.code,
                  message: fault.message ?? OPERATION_FAILED.message,
                });
            }
            return answer;
          });
    if (route.kind === "arm") dropNewerFields(reply.body, apiVersion, route.resourceType ?? "");
  } catch (e) {
    if (e instanceof ArmError) reply = { status: e.status, headers: e.headers, body: { error: e.body } };
    else {
      reply = {
        status: 500,
        body: {
          error: { code: "InternalServerError", message: "The emulator failed to process the request." },
        },
      };
      svc.opts.log(`internal error: ${(e as Error).stack ?? String(e)}`);
    }
  }
  if (drop) req.socket.destroy();
  else send(res, reply, requestId);
  // Paths and api-versions only: never headers (tokens) nor bodies (client secrets).
  svc.opts.log(
    `${method} ${url.pathname}${url.searchParams.has("api-version") ? `?api-version=${url.searchParams.get("api-version")}` : ""} -> ${drop ? `dropped (${drop} handling)` : reply.status} (${Date.now() - started} ms)`,
  );
}

export async function listen(svc: Service, tls: { cert: string; key: string }): Promise<https.Server> {
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    void handle(svc, req, res);
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(svc.opts.port, svc.opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = svc.opts.host.includes(":") ? `[${svc.opts.host}]` : svc.opts.host;
  svc.endpoint = `https://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  return server;
}
