// ARM list responses: `{ value, nextLink }`, one page at a time.
import type { Context, Reply } from "../context";
import type { ResourcePage } from "../store/store";

/** The list's URL with `$skiptoken` set to `token`, the rest of its query kept. */
function nextLink(ctx: Context, token: number): string {
  // Written by hand: URLSearchParams would encode `$` and ARM's links carry a literal `$skiptoken`.
  const rest = [...ctx.query.entries()].filter(([k]) => k !== "$skiptoken");
  const qs = rest
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .concat(`$skiptoken=${token}`)
    .join("&");
  return `${ctx.svc.endpoint}${ctx.url.pathname}?${qs}`;
}

/** The request's `$skiptoken` as a number; 0 (the start) when absent or not a number. */
const skipToken = (ctx: Context): number =>
  Math.max(0, Number.parseInt(ctx.query.get("$skiptoken") ?? "0", 10) || 0);

/**
 * A page of a list read whole (short lists: galleries, definitions, role assignments), `$skiptoken`
 * carrying the offset. `view` renders one item; only the page's items are rendered.
 */
export function page<T>(ctx: Context, items: T[], view: (item: T) => unknown = (item) => item): Reply {
  const size = ctx.svc.opts.pageSize;
  const skip = skipToken(ctx);
  const value = items.slice(skip, skip + size).map(view);
  const body: { value: unknown[]; nextLink?: string } = { value };
  if (skip + size < items.length) body.nextLink = nextLink(ctx, skip + size);
  return { status: 200, body };
}

/**
 * A page read from the store, for lists that grow long (a definition's versions): `$skiptoken` is
 * the creation number of the previous page's last record, so a page costs the same at any depth,
 * and a delete between two pages shifts nothing.
 */
export function storedPage(
  ctx: Context,
  read: (afterSeq: number, take: number) => ResourcePage,
  view: (item: ResourcePage["records"][number]) => unknown,
): Reply {
  const found = read(skipToken(ctx), ctx.svc.opts.pageSize);
  const body: { value: unknown[]; nextLink?: string } = { value: found.records.map(view) };
  if (found.more) body.nextLink = nextLink(ctx, found.lastSeq);
  return { status: 200, body };
}
