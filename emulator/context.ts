// What every handler receives and returns. Handlers are synchronous: the store is synchronous, and a
// handler's writes happen inside one transaction opened by the pipeline.
import type { IncomingHttpHeaders } from "node:http";
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
 * (subscriptions, groups, providers: any api-version); admin: emulator control; identity: anonymous.
 */
export type RouteKind = "arm" | "rm" | "admin" | "identity";

export interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  kind: RouteKind;
  /** ARM resource type named in api-version errors. */
  resourceType?: string;
  handle(ctx: Context): Reply;
}

/** `/a/:b/c` -> case-insensitive regex with named segments (ARM paths are case-insensitive). */
export function route(
  method: string,
  template: string,
  kind: RouteKind,
  handle: (ctx: Context) => Reply,
  resourceType?: string,
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
  return { method, pattern: new RegExp(`^${source}/?$`, "i"), names, kind, resourceType, handle };
}
