// The emulator's own admin API (bearer token required): register image sources, set injected faults.
import { jsonBody } from "../arm/json";
import type { Context, Reply } from "../context";
import { errors } from "../errors";
import { addFaultRule, clearFaults, readFaultState, setFaultRules, type FaultState } from "../faults";
import { checkFaultRule, checkFaultRules, FaultRuleError } from "../faultSyntax";
import { validateSource } from "../sources";

export function putSource(ctx: Context): Reply {
  const source = validateSource(jsonBody(ctx));
  ctx.svc.store.putSource(source);
  return { status: 200, body: source };
}

export function listSources(ctx: Context): Reply {
  return { status: 200, body: { value: ctx.svc.store.listSources() } };
}

function faultsView(state: FaultState): Reply {
  return { status: 200, body: { seed: state.seed, value: state.rules } };
}

/** A rule error is the caller's mistake: 400 with what is allowed. */
function checked<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof FaultRuleError) throw errors.invalidParameter(e.message, "rules");
    throw e;
  }
}

/**
 * PUT `{ rules: [rule | "one-line rule", ...], seed? }` replaces every rule. The short form
 * `{ region, code?, message? }` adds a replication failure for that region.
 */
export function putFaults(ctx: Context): Reply {
  const req = jsonBody(ctx);
  if (req.region !== undefined) {
    const rule = checked(() =>
      checkFaultRule({
        match: { region: req.region },
        effect: { kind: "replicationFailed", code: req.code, message: req.message },
      }),
    );
    return faultsView(addFaultRule(ctx.svc.store, rule));
  }
  if (!Array.isArray(req.rules)) throw errors.missingParameter("rules");
  const seed = req.seed === undefined ? undefined : Number(req.seed);
  if (seed !== undefined && !Number.isInteger(seed))
    throw errors.invalidParameter(`The seed must be an integer, got ${JSON.stringify(req.seed)}.`, "seed");
  const rules = checked(() => checkFaultRules(req.rules as unknown[]));
  return faultsView(setFaultRules(ctx.svc.store, rules, seed));
}

/** POST one rule (an object, or `{ "rule": "one-line rule" }`): it goes after the existing ones. */
export function addFault(ctx: Context): Reply {
  const req = jsonBody(ctx);
  const rules = checked(() => checkFaultRules([typeof req.rule === "string" ? req.rule : req]));
  let state = readFaultState(ctx.svc.store);
  for (const rule of rules) state = addFaultRule(ctx.svc.store, rule);
  return faultsView(state);
}

export function deleteFaults(ctx: Context): Reply {
  clearFaults(ctx.svc.store);
  return { status: 204 };
}

export function listFaults(ctx: Context): Reply {
  return faultsView(readFaultState(ctx.svc.store));
}
