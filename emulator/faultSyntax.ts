// Fault rules as people write them: one line per rule for a flag or an environment variable,
//   [METHOD] [resource] [operation] [region=<r>] [count=<n>] [p=<0..1>] -> <effect> [key=value ...]
// e.g. `PUT version count=2 -> 429 retry-after=2`, `GET p=0.2 -> drop`, `region=westus3 -> replication-failed`,
// or JSON (one rule object or an array of them, as the admin API and startEmulator take). Every rule,
// however it arrives, is checked here, so a typo is refused with what is allowed instead of never firing.
import {
  FAULT_OPERATIONS,
  FAULT_RESOURCES,
  type FaultEffect,
  type FaultMatch,
  type FaultOperation,
  type FaultResource,
  type FaultRule,
} from "./faults";
import { findRegion } from "./rules/regions";

const METHODS = ["GET", "PUT", "PATCH", "DELETE", "POST", "HEAD"];
const EFFECTS = [
  "<status>",
  "latency",
  "drop",
  "operation-failed",
  "replication-failed",
  "replication-stalled",
];

export class FaultRuleError extends Error {}

const fail = (rule: string, why: string): never => {
  throw new FaultRuleError(`fault rule '${rule}': ${why}`);
};

function regionName(rule: string, value: unknown): string {
  const region = typeof value === "string" ? findRegion(value) : undefined;
  if (!region) fail(rule, `unknown region ${JSON.stringify(value)}`);
  return region!.name;
}

function nonNegative(rule: string, name: string, value: unknown): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0)
    fail(rule, `${name} must be a non-negative number, got ${JSON.stringify(value)}`);
  return n as number;
}

function optionalText(rule: string, name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") fail(rule, `${name} must be a non-empty string`);
  return value as string;
}

function checkEffect(rule: string, raw: unknown): FaultEffect {
  if (!raw || typeof raw !== "object") return fail(rule, "effect must be an object with a kind");
  const e = raw as Record<string, unknown>;
  const text = {
    code: optionalText(rule, "code", e.code),
    message: optionalText(rule, "message", e.message),
  };
  const defined = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  switch (e.kind) {
    case "error": {
      const status = nonNegative(rule, "status", e.status);
      if (!Number.isInteger(status) || status < 400 || status > 599)
        fail(rule, `status must be an HTTP error status (400-599), got ${status}`);
      const retry =
        e.retryAfterSeconds === undefined
          ? undefined
          : nonNegative(rule, "retryAfterSeconds", e.retryAfterSeconds);
      return defined({ kind: "error", status, ...text, retryAfterSeconds: retry });
    }
    case "latency":
      return { kind: "latency", ms: nonNegative(rule, "ms", e.ms) };
    case "drop":
      return defined({ kind: "drop", after: e.after === undefined ? undefined : e.after === true });
    case "operationFailed":
    case "replicationFailed":
      return defined({ kind: e.kind, ...text });
    case "replicationStalled":
      return defined({
        kind: "replicationStalled",
        ms: e.ms === undefined ? undefined : nonNegative(rule, "ms", e.ms),
      });
    default:
      return fail(
        rule,
        `unknown effect kind ${JSON.stringify(e.kind)}; allowed: error, latency, drop, operationFailed, replicationFailed, replicationStalled`,
      );
  }
}

/** Checks a rule object (from JSON, the admin API or startEmulator) and normalises its region and method. */
export function checkFaultRule(raw: unknown, label = JSON.stringify(raw)): FaultRule {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return fail(label, "a rule must be an object");
  const r = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(r).filter((k) => !["match", "count", "probability", "effect"].includes(k));
  if (unknownKeys.length)
    fail(label, `unknown field ${unknownKeys[0]}; allowed: match, count, probability, effect`);
  const rule: FaultRule = { effect: checkEffect(label, r.effect) };
  if (r.match !== undefined) {
    if (!r.match || typeof r.match !== "object") fail(label, "match must be an object");
    const m = r.match as Record<string, unknown>;
    const match: FaultMatch = {};
    if (m.method !== undefined) {
      const method = String(m.method).toUpperCase();
      if (!METHODS.includes(method))
        fail(label, `unknown method ${JSON.stringify(m.method)}; allowed: ${METHODS.join(", ")}`);
      match.method = method;
    }
    if (m.resource !== undefined) {
      if (!FAULT_RESOURCES.includes(m.resource as FaultResource))
        fail(label, `unknown resource ${JSON.stringify(m.resource)}; allowed: ${FAULT_RESOURCES.join(", ")}`);
      match.resource = m.resource as FaultResource;
    }
    if (m.operation !== undefined) {
      if (!FAULT_OPERATIONS.includes(m.operation as FaultOperation))
        fail(
          label,
          `unknown operation ${JSON.stringify(m.operation)}; allowed: ${FAULT_OPERATIONS.join(", ")}`,
        );
      match.operation = m.operation as FaultOperation;
    }
    if (m.region !== undefined) match.region = regionName(label, m.region);
    rule.match = match;
  }
  if (r.count !== undefined) {
    const count = nonNegative(label, "count", r.count);
    if (!Number.isInteger(count) || count < 1) fail(label, `count must be a whole number of at least 1`);
    rule.count = count;
  }
  if (r.probability !== undefined) {
    const p = nonNegative(label, "probability", r.probability);
    if (p > 1) fail(label, `probability must be between 0 and 1, got ${p}`);
    rule.probability = p;
  }
  const kind = rule.effect.kind;
  if ((kind === "replicationFailed" || kind === "replicationStalled") && !rule.match?.region)
    fail(label, `${kind} needs a region to match (region=<name>)`);
  return rule;
}

/** `key=value`, `key="a value"` and bare words, in order. */
function tokens(text: string): string[] {
  return [...text.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((m) => m[0].replace(/"/g, ""));
}

function keyValues(rule: string, words: string[], allowed: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const word of words) {
    const eq = word.indexOf("=");
    const key = eq < 0 ? word : word.slice(0, eq);
    if (eq < 0 || !allowed.includes(key))
      fail(rule, `unexpected '${word}'; allowed here: ${allowed.map((k) => `${k}=<value>`).join(", ")}`);
    out[key] = word.slice(eq + 1);
  }
  return out;
}

function parseEffect(rule: string, words: string[]): Record<string, unknown> {
  const [head, ...rest] = words;
  if (head === undefined) return fail(rule, `no effect after '->'; allowed: ${EFFECTS.join(", ")}`);
  if (/^\d{3}$/.test(head)) {
    const kv = keyValues(rule, rest, ["retry-after", "code", "message"]);
    return {
      kind: "error",
      status: Number(head),
      code: kv.code,
      message: kv.message,
      retryAfterSeconds: kv["retry-after"],
    };
  }
  switch (head) {
    case "latency": {
      const [ms, ...more] = rest;
      if (more.length) fail(rule, `unexpected '${more.join(" ")}' after latency <ms>`);
      return { kind: "latency", ms: ms?.replace(/ms$/, "") };
    }
    case "drop":
      if (rest.length > 1 || (rest[0] !== undefined && rest[0] !== "after"))
        fail(rule, `drop takes nothing or 'after' (drop once the request was handled)`);
      return { kind: "drop", ...(rest[0] === "after" ? { after: true } : {}) };
    case "operation-failed":
    case "replication-failed": {
      const kv = keyValues(rule, rest, ["code", "message"]);
      const kind = head === "operation-failed" ? "operationFailed" : "replicationFailed";
      return { kind, code: kv.code, message: kv.message };
    }
    case "replication-stalled":
      return { kind: "replicationStalled", ms: keyValues(rule, rest, ["ms"]).ms };
    default:
      return fail(rule, `unknown effect '${head}'; allowed: ${EFFECTS.join(", ")}`);
  }
}

/** One rule in the one-line syntax, or JSON (an object or an array of them). */
export function parseFaultRules(text: string): FaultRule[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (e) {
      return fail(trimmed, `not valid JSON: ${(e as Error).message}`);
    }
    return (Array.isArray(json) ? json : [json]).map((r) => checkFaultRule(r));
  }
  const arrow = trimmed.indexOf("->");
  if (arrow < 0) return fail(trimmed, "expected '<match> -> <effect>'");
  const match: Record<string, unknown> = {};
  const rule: Record<string, unknown> = { match };
  for (const word of tokens(trimmed.slice(0, arrow))) {
    const eq = word.indexOf("=");
    if (eq > 0) {
      const key = word.slice(0, eq);
      const value = word.slice(eq + 1);
      if (key === "region") match.region = value;
      else if (key === "count") rule.count = value;
      else if (key === "p" || key === "probability") rule.probability = value;
      else fail(trimmed, `unknown '${key}='; allowed: region=, count=, p=`);
    } else if (METHODS.includes(word.toUpperCase())) match.method = word;
    else if (FAULT_RESOURCES.includes(word as FaultResource)) match.resource = word;
    else if (FAULT_OPERATIONS.includes(word as FaultOperation)) match.operation = word;
    else if (word !== "*" && word !== "any")
      fail(
        trimmed,
        `unknown '${word}'; a match is made of a method (${METHODS.join(", ")}), a resource (${FAULT_RESOURCES.join(", ")}), an operation (${FAULT_OPERATIONS.join(", ")}), region=, count=, p=`,
      );
  }
  rule.effect = parseEffect(trimmed, tokens(trimmed.slice(arrow + 2)));
  return [checkFaultRule(rule, trimmed)];
}

/** A list of rules, each an object or a one-line rule. */
export function checkFaultRules(rules: readonly unknown[]): FaultRule[] {
  return rules.flatMap((r) => (typeof r === "string" ? parseFaultRules(r) : [checkFaultRule(r)]));
}
