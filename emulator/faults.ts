// Injected faults: an ordered list of rules, first match wins, kept in the store so they survive a
// restart. A rule says which requests it matches (method, resource type, operation, region), how often
// (the next `count` matches, or each match with a `probability` drawn from the seed) and what happens:
// an ARM error, latency, a dropped connection, a long-running write that ends Failed after the resource
// was written, or replication to one region that fails or stalls. Replication rules are asked by the
// version write for each target region it starts; every other rule is asked by the request pipeline.
import { createHash } from "node:crypto";
import type { Store } from "./store/store";

export const FAULT_RESOURCES = [
  "gallery",
  "image",
  "version",
  "application",
  "applicationVersion",
  "resourceGroup",
  "subscription",
] as const;
export type FaultResource = (typeof FAULT_RESOURCES)[number];
export const FAULT_OPERATIONS = ["create", "update", "delete", "get", "list", "poll"] as const;
export type FaultOperation = (typeof FAULT_OPERATIONS)[number];

export interface FaultMatch {
  /** GET, PUT, PATCH, DELETE, ... (any when absent). */
  method?: string;
  resource?: FaultResource;
  operation?: FaultOperation;
  /** Normalised region: the request's location, or for replication rules the target region. */
  region?: string;
}

export type FaultEffect =
  /** ARM's error body; `code`/`message` default to Azure's for the status (see DEFAULT_ERRORS). */
  | { kind: "error"; status: number; code?: string; message?: string; retryAfterSeconds?: number }
  /** The request is answered normally, `ms` later. */
  | { kind: "latency"; ms: number }
  /** The socket is destroyed without an answer: before the request is handled, or after (the write happened). */
  | { kind: "drop"; after?: boolean }
  /** A create or update is accepted and written; its long-running operation then ends Failed. */
  | { kind: "operationFailed"; code?: string; message?: string }
  /** Replication to the matched region, started by a version write, ends Failed. */
  | { kind: "replicationFailed"; code?: string; message?: string }
  /** Replication to the matched region makes no progress for `ms` (default an hour). */
  | { kind: "replicationStalled"; ms?: number };

export interface FaultRule {
  match?: FaultMatch;
  /** Applies to the next `count` matching requests only. */
  count?: number;
  /** Applies to each matching request with this probability (0..1), drawn deterministically from the seed. */
  probability?: number;
  effect: FaultEffect;
}

/** A rule as stored: its id, how many times it applied and how many draws it made. */
export interface StoredFaultRule extends FaultRule {
  id: number;
  applied: number;
  draws: number;
}

export interface FaultState {
  seed: number;
  nextId: number;
  rules: StoredFaultRule[];
}

/** What the pipeline knows about a request when it asks for a fault. */
export interface RequestFacts {
  method: string;
  resource?: FaultResource;
  operation?: FaultOperation;
  region?: string;
}

const META = "faultRules";
export const DEFAULT_STALL_MS = 60 * 60 * 1000;

/** Azure's code and message for an injected status when the rule names none. */
const DEFAULT_ERRORS: Record<number, { code: string; message: string }> = {
  409: {
    code: "OperationNotAllowed",
    message: "Another operation on this or dependent resource is in progress. Retry after it completes.",
  },
  429: {
    code: "TooManyRequests",
    message:
      "The request is being throttled as the limit has been reached for this operation type. For more information, see - https://aka.ms/throttling",
  },
  500: {
    code: "InternalExecutionError",
    message: "An internal execution error occurred. Please retry later.",
  },
  502: { code: "BadGateway", message: "The gateway did not receive a response from the service." },
  503: { code: "ServiceUnavailable", message: "The service is temporarily unavailable. Please retry later." },
  504: { code: "GatewayTimeout", message: "The gateway did not receive a response in time." },
};

export function defaultError(status: number): { code: string; message: string } {
  return DEFAULT_ERRORS[status] ?? { code: "InjectedFault", message: `Injected HTTP ${status}.` };
}

/** Throttling answers carry Retry-After even when the rule does not say how long. */
export function retryAfterOf(effect: Extract<FaultEffect, { kind: "error" }>): number | undefined {
  return effect.retryAfterSeconds ?? (effect.status === 429 ? 1 : undefined);
}

export function readFaultState(store: Store): FaultState {
  const raw = store.getMeta(META);
  if (!raw) return { seed: 0, nextId: 1, rules: [] };
  return JSON.parse(raw) as FaultState;
}

function writeFaultState(store: Store, state: FaultState): void {
  store.setMeta(META, JSON.stringify(state));
}

/** Replaces every rule (and the seed, when given); counts and draws start over. */
export function setFaultRules(store: Store, rules: FaultRule[], seed?: number): FaultState {
  const prev = readFaultState(store);
  const state: FaultState = { seed: seed ?? prev.seed, nextId: 1, rules: [] };
  for (const rule of rules) state.rules.push({ ...rule, id: state.nextId++, applied: 0, draws: 0 });
  writeFaultState(store, state);
  return state;
}

/** Appends a rule after the existing ones (first match wins, so it applies where they do not). */
export function addFaultRule(store: Store, rule: FaultRule): FaultState {
  const state = readFaultState(store);
  state.rules.push({ ...rule, id: state.nextId++, applied: 0, draws: 0 });
  writeFaultState(store, state);
  return state;
}

export function clearFaults(store: Store): void {
  writeFaultState(store, { ...readFaultState(store), rules: [] });
}

const isReplication = (e: FaultEffect): boolean =>
  e.kind === "replicationFailed" || e.kind === "replicationStalled";

function matches(m: FaultMatch | undefined, facts: RequestFacts): boolean {
  if (!m) return true;
  if (m.method && m.method.toUpperCase() !== facts.method) return false;
  if (m.resource && m.resource !== facts.resource) return false;
  if (m.operation && m.operation !== facts.operation) return false;
  if (m.region && m.region !== facts.region) return false;
  return true;
}

/** A number in [0, 1) fixed by the seed, the rule and how many draws the rule made before. */
function draw(seed: number, rule: StoredFaultRule): number {
  const digest = createHash("sha256").update(`${seed}:${rule.id}:${rule.draws}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/**
 * The first rule of the wanted family that matches and fires, with its use recorded (a spent count
 * removes the rule). Runs inside the caller's store transaction.
 */
function take(
  store: Store,
  facts: RequestFacts,
  family: (effect: FaultEffect) => boolean,
): FaultEffect | undefined {
  const state = readFaultState(store);
  let drew = false;
  for (const rule of state.rules) {
    if (!family(rule.effect) || !matches(rule.match, facts)) continue;
    if (rule.probability !== undefined) {
      const value = draw(state.seed, rule);
      rule.draws++;
      drew = true;
      if (value >= rule.probability) continue; // a missed draw: as if the rule did not match
    }
    rule.applied++;
    if (rule.count !== undefined && rule.applied >= rule.count) {
      state.rules = state.rules.filter((r) => r !== rule);
    }
    writeFaultState(store, state);
    return rule.effect;
  }
  if (drew) writeFaultState(store, state);
  return undefined;
}

/** Whether any rule is set: without one, no request needs its facts worked out. */
export function hasFaultRules(store: Store): boolean {
  return readFaultState(store).rules.length > 0;
}

/** The fault for one request to the ARM surface, if any (replication rules are not asked here). */
export function takeRequestFault(store: Store, facts: RequestFacts): FaultEffect | undefined {
  if (!hasFaultRules(store)) return undefined;
  const writes = facts.operation === "create" || facts.operation === "update";
  return take(store, facts, (e) => !isReplication(e) && (e.kind !== "operationFailed" || writes));
}

/** The replication fault for one target region a version write starts, if any. */
export function takeReplicationFault(
  store: Store,
  facts: RequestFacts,
): Extract<FaultEffect, { kind: "replicationFailed" | "replicationStalled" }> | undefined {
  if (!hasFaultRules(store)) return undefined;
  return take(store, facts, isReplication) as
    Extract<FaultEffect, { kind: "replicationFailed" | "replicationStalled" }> | undefined;
}
