// The emulator's own admin API (bearer token required): register image sources, inject replication faults.
import { jsonBody, isObject } from "../arm";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { findRegion } from "../rules/regions";
import { validateSource } from "../sources";
import { FAULTS_META } from "./versions";

export function putSource(ctx: Context): Reply {
  const source = validateSource(jsonBody(ctx));
  ctx.svc.store.putSource(source);
  return { status: 200, body: source };
}

export function listSources(ctx: Context): Reply {
  return { status: 200, body: { value: ctx.svc.store.listSources() } };
}

/** `{ region, code?, message? }`: replication to `region` that starts from now on ends Failed. */
export function putFault(ctx: Context): Reply {
  const req = jsonBody(ctx);
  const region = typeof req.region === "string" ? findRegion(req.region) : undefined;
  if (!region) throw errors.invalidParameter(`Unknown region '${String(req.region)}'.`, "region");
  const store = ctx.svc.store;
  const all = JSON.parse(store.getMeta(FAULTS_META) ?? "{}") as Record<string, unknown>;
  all[region.name] = {
    code: typeof req.code === "string" ? req.code : "ReplicationFailed",
    message:
      typeof req.message === "string" ? req.message : `Replication to region '${region.displayName}' failed.`,
  };
  store.setMeta(FAULTS_META, JSON.stringify(all));
  return { status: 200, body: { value: all } };
}

export function deleteFaults(ctx: Context): Reply {
  ctx.svc.store.setMeta(FAULTS_META, "{}");
  return { status: 204 };
}

export function listFaults(ctx: Context): Reply {
  const all: unknown = JSON.parse(ctx.svc.store.getMeta(FAULTS_META) ?? "{}");
  return { status: 200, body: { value: isObject(all) ? all : {} } };
}
