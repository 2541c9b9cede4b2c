// `$expand` of a GET: the lower-cased names it lists (`ReplicationStatus` -> "replicationstatus").
import type { Context } from "../context";

export const expandOf = (ctx: Context): string[] =>
  (ctx.query.get("$expand") ?? "")
    .toLowerCase()
    .split(",")
    .map((s) => s.trim());
