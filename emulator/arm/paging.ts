// ARM list responses: `{ value, nextLink }`, one page at a time.
import type { Context, Reply } from "../context";

/** `{ value, nextLink }` with `$skiptoken` carrying the offset. */
export function page(ctx: Context, items: unknown[]): Reply {
  const size = ctx.svc.opts.pageSize;
  const skip = Math.max(0, Number.parseInt(ctx.query.get("$skiptoken") ?? "0", 10) || 0);
  const value = items.slice(skip, skip + size);
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
