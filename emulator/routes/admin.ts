// The emulator's own admin API (bearer token required): register image sources, inject replication faults.
import { jsonBody } from "../arm/json";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { clearFaults, injectFault, readFaults } from "../faults";
import { findRegion } from "../rules/regions";
import { validateSource } from "../sources";

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
  const all = injectFault(ctx.svc.store, region, {
    code: typeof req.code === "string" ? req.code : undefined,
    message: typeof req.message === "string" ? req.message : undefined,
  });
  return { status: 200, body: { value: all } };
}

export function deleteFaults(ctx: Context): Reply {
  clearFaults(ctx.svc.store);
  return { status: 204 };
}

export function listFaults(ctx: Context): Reply {
  return { status: 200, body: { value: readFaults(ctx.svc.store) } };
}
