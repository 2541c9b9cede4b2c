// What every handler receives and returns. Handlers are synchronous: the store is synchronous, and a
// handler's writes happen inside one transaction opened by the pipeline.
import type { IncomingHttpHeaders } from "node:http";
import type { Caller } from "./auth";
import type { Service } from "./service";

export interface Context {
  method: string;
  url: URL;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  params: Record<string, string>;
  /** The request's api-version ("" on routes outside ARM). */
  apiVersion: string;
  now: number;
  svc: Service;
  /** Who sent the request (absent on the anonymous identity routes). */
  caller?: Caller;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** undefined = empty body. */
  body?: unknown;
  /** Form-style answers (token endpoint) are JSON too; only content type differs from ARM. */
  contentType?: string;
}

/**
 * arm: the gallery resource types (api-version from the one table); rm: Resource Manager's own APIs
 * (subscriptions, groups, providers: any api-version); authorization: Microsoft.Authorization's role
 * assignments and definitions; admin: emulator control; identity: anonymous.
 */
export type RouteKind = "arm" | "rm" | "authorization" | "admin" | "identity";

/**
 * How the pipeline authorizes a route for callers other than the primary identity. "path" (the default
 * for routes with a resource type): the action on the request path; "filter": a list that leaves out what
 * the caller may not read; "handler": the handler decides (it knows which resource is concerned); "open":
 * any authenticated caller; "primary": the primary identity only (emulator control).
 */
export type RouteAccess = "path" | "filter" | "handler" | "open" | "primary";

export interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  kind: RouteKind;
  /** ARM resource type named in api-version errors; with the provider namespace, names the RBAC action. */
  resourceType?: string;
  access: RouteAccess;
  handle(ctx: Context): Reply;
}

/** What a route may add to its method, path, kind and handler. */
export interface RouteOptions {
  /** The ARM resource type (see Route.resourceType); routes without one are outside RBAC's actions. */
  resourceType?: string;
  /** Defaults to "path" for a route with a resource type, "open" for one without. */
  access?: RouteAccess;
}

/** `/a/:b/c` -> case-insensitive regex with named segments (ARM paths are case-insensitive). */
export function route(
  method: string,
  template: string,
  kind: RouteKind,
  handle: (ctx: Context) => Reply,
  { resourceType, access = resourceType ? "path" : "open" }: RouteOptions = {},
): Route {
  const names: string[] = [];
  const source = template
    .split("/")
    .map((seg) => {
      if (seg.startsWith(":")) {
        names.push(seg.slice(1));
        return "([^/]+)";
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { method, pattern: new RegExp(`^${source}/?$`, "i"), names, kind, resourceType, access, handle };
}
