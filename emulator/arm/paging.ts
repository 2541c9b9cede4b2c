// ARM list responses: `{ value, nextLink }`, one page at a time.
import type { Context, Reply } from "../context";

/**
 * `{ value, nextLink }` with `$skiptoken` carrying the offset. `view` renders one item; only the
 * page's items are rendered, so a page of a long list costs a page's work.
 */
export function page<T>(ctx: Context, items: T[], view: (item: T) => unknown = (item) => item): Reply {
  const size = ctx.svc.opts.pageSize;
  const skip = Math.max(0, Number.parseInt(ctx.query.get("$skiptoken") ?? "0", 10) || 0);
  const value = items.slice(skip, skip + size).map(view);
  const body: { value: unknown[]; nextLink?: string } = { value };
  if (skip + size < items.length) {
    // Written by hand: URLSearchParams would encode `$` and ARM's links carry a literal `$skiptoken`.
    const rest = [...ctx.query.entries()].filter(([k]) => k !== "$skiptoken");
    const qs = rest
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .concat(`$skiptoken=${skip + size}`)
      .join("&");
    body.nextLink = `${ctx.svc.endpoint}${ctx.url.pathname}?${qs}`;
  }
  return { status: 200, body };
}
