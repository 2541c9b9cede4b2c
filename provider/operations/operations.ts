// The resource lifecycle with I/O: check, diff, create, read, update, delete of every resource kind,
// given an OperationContext. Both front doors call these same functions: the dynamic provider
// (runtime.ts) and the provider plugin (plugin/). Each call may carry the resource's URN, so
// messages appear under the resource, and an abort signal (cancellation, custom timeouts).
import { isDeepStrictEqual } from "util";
import type { JsonObject } from "../model/jsonObject";
import { namesFromArmId } from "../azure/armId";
import type { CheckResult } from "../lifecycle/check";
import type { DiffOutcome } from "../lifecycle/diff";
import type { ResourceKind } from "../model/mutability";
import { inputsOf, toOutputs } from "../outputs";
import { AzureError } from "../azure/errors";
import { describeReplication } from "../replicationProgress";
import type { OperationContext } from "./context";
import { KINDS, type KindSpec } from "./kinds";
import { programMemo } from "./programMemo";
import type { OnAccepted } from "../azure/galleryApi";
import { failedRegions, repairingFailed, ResourceInitError } from "./writeFailure";
import {
  CONTESTED_MARKER,
  lostRaceMessage,
  markerOf,
  notOursMessage,
  ownerMarker,
  withMarker,
  withoutMarker,
} from "./ownership";

export interface CallOptions {
  /** The resource's URN: messages are attached to it. */
  readonly urn?: string;
  /** Aborted on cancellation or when a custom timeout expires. */
  readonly signal?: AbortSignal;
}

export interface ReadResult {
  readonly id: string;
  readonly props: JsonObject;
  /** Absent when Azure reports what the state holds: the engine then keeps the state's inputs. */
  readonly inputs?: JsonObject;
}

export interface ResourceOperations {
  /** Validates and normalises; advice about valid inputs (too few replicas) is logged on the resource. */
  check(kind: ResourceKind, olds: JsonObject, news: JsonObject, options?: CallOptions): Promise<CheckResult>;
  /** The diff; its warnings (and notes that need a look at Azure) are logged on the resource. */
  diff(kind: ResourceKind, olds: JsonObject, news: JsonObject, options?: CallOptions): Promise<DiffOutcome>;
  create(
    kind: ResourceKind,
    inputs: JsonObject,
    options?: CallOptions,
  ): Promise<{ id: string; outs: JsonObject }>;
  /** `props` may hold nothing but the id (`pulumi import`); undefined when the resource is gone. */
  read(
    kind: ResourceKind,
    id: string,
    props: JsonObject,
    options?: CallOptions,
  ): Promise<ReadResult | undefined>;
  update(
    kind: ResourceKind,
    olds: JsonObject,
    news: JsonObject,
    options?: CallOptions,
  ): Promise<{ outs: JsonObject }>;
  delete(kind: ResourceKind, props: JsonObject, options?: CallOptions): Promise<void>;
}

/** Arguments of this package that are no Azure property. */
const NOT_FOR_AZURE = new Set(["usedSizeInGB"]);

function requestBody(spec: KindSpec, inputs: JsonObject): JsonObject {
  const body: JsonObject = {};
  for (const [key, value] of Object.entries(inputs)) {
    // `__provider`, `__urn`: the engine's and the front door's own keys, never Azure's; nor this
    // package's own estimates.
    if (!key.startsWith("__") && !NOT_FOR_AZURE.has(key) && !spec.nameKeys.includes(key)) body[key] = value;
  }
  return body;
}

function namesOf(spec: KindSpec, props: JsonObject): JsonObject {
  return Object.fromEntries(spec.nameKeys.map((k) => [k, props[k]]));
}

/** The URN of the call: the plugin's, or the one the dynamic resources pass as the `__urn` input. */
function urnOf(inputs: JsonObject, options: CallOptions): string | undefined {
  return options.urn ?? (typeof inputs.__urn === "string" ? inputs.__urn : undefined);
}

/** Azure's states of a resource whose operation has not ended. */
const BUSY_STATES = new Set(["Creating", "Updating", "Deleting", "Migrating"]);

/** Waits `ms`, unless `signal` aborts first. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return unlessAborted(new Promise((resolve) => setTimeout(resolve, ms).unref()), signal);
}

/** `work`, unless `signal` aborts first: then its reason (the SDK call is abandoned, not awaited). */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** The owner marker of the call's resource; none without a URN (direct calls in tests). */
function ownerMarkerOf(kind: ResourceKind, inputs: JsonObject, options: CallOptions): string | undefined {
  const urn = urnOf(inputs, options);
  if (KINDS[kind].untagged) return undefined;
  return urn === undefined ? undefined : ownerMarker(urn);
}

/** How `write` differs from a plain write of the program's inputs. */
interface WriteOptions {
  /** The previous outputs, on update. */
  readonly olds?: JsonObject;
  /** The owner marker to write; by default the call's resource's own. */
  readonly marker?: string;
  /** Hears Azure's status. */
  readonly onAccepted?: OnAccepted;
}

export function resourceOperations(ctx: OperationContext): ResourceOperations {
  /** The parents checked so far, for the rules of versions that name them (lifecycle/programFacts.ts). */
  const program = programMemo();
  const progress = (label: string, urn: string | undefined) => async (version: JsonObject) => {
    await ctx.log("info", `${label}: ${describeReplication(version)}`, { ephemeral: true, urn });
  };

  /** Writes the program's inputs with the owner marker. */
  const write = async (
    kind: ResourceKind,
    inputs: JsonObject,
    options: CallOptions,
    { olds, marker = ownerMarkerOf(kind, inputs, options), onAccepted }: WriteOptions = {},
  ) => {
    const spec = KINDS[kind];
    const api = await ctx.api();
    const label = spec.label(inputs);
    const body = requestBody(spec, inputs);
    try {
      const azure = await unlessAborted(
        spec.put(api, inputs, marker ? withMarker(body, marker) : body, {
          onProgress: progress(label, urnOf(inputs, options)),
          olds,
          onAccepted,
        }),
        options.signal,
      );
      return { id: String(azure.id), outs: toOutputs(kind, inputs, withoutMarker(azure)), azure };
    } catch (error) {
      throw await afterFailedWrite(kind, inputs, error, options);
    }
  };

  /**
   * A refused write (4xx) wrote nothing: its error as is. Otherwise Azure may hold the resource
   * (an operation that ended Failed after creating it): when a read finds it, the error carries it.
   */
  const afterFailedWrite = async (
    kind: ResourceKind,
    inputs: JsonObject,
    error: unknown,
    options: CallOptions,
  ): Promise<unknown> => {
    if (options.signal?.aborted || !(error instanceof AzureError) || error.refused) return error;
    const spec = KINDS[kind];
    const azure = await spec.get(await ctx.api(), inputs).catch(() => undefined);
    if (!azure) return error;
    // Each failed region, with Azure's details unless the error already quotes them.
    const regions = (kind === "galleryImageVersion" ? failedRegions(azure) : []).map(({ region, details }) =>
      !details || error.message.includes(details) ? region : `${region}: ${details}`,
    );
    const message =
      error.message.replace(/\.$/, "") +
      (regions.length > 0 ? `; replication failed in ${regions.join("; ")}` : "") +
      `. ${spec.label(inputs)} exists in Azure and is kept in the stack's state: ` +
      "the next 'pulumi up' updates it, which retries what failed";
    // The engine shows the reasons of a resource it records as failed, not the error's message.
    return new ResourceInitError(message, String(azure.id), toOutputs(kind, inputs, withoutMarker(azure)), [
      message,
    ]);
  };

  /**
   * The resource as it is in Azure; when it is this resource's (`ours`), as it is once the operation
   * Azure runs on it has ended (an interrupted run's create still replicating): read again, at
   * growing intervals up to 30 s, while it is busy. Someone else's is returned at once.
   */
  const settled = async (
    kind: ResourceKind,
    inputs: JsonObject,
    options: CallOptions,
    ours: (resource: JsonObject) => boolean,
  ) => {
    const spec = KINDS[kind];
    const api = await ctx.api();
    for (let wait = 1000; ; wait = Math.min(wait * 2, 30_000)) {
      const current = await unlessAborted(spec.get(api, inputs), options.signal);
      if (!current || !ours(current) || !BUSY_STATES.has(String(current.provisioningState))) return current;
      await ctx.log(
        "info",
        `${spec.label(inputs)}: waiting for the operation an earlier run started (${String(current.provisioningState)})`,
        { ephemeral: true, urn: urnOf(inputs, options) },
      );
      await pause(wait, options.signal);
    }
  };

  return {
    async check(kind, olds, news, options = {}) {
      const spec = KINDS[kind];
      const result = spec.check(olds ?? {}, news, {
        now: ctx.now(),
        accessGrantedRegions: ctx.settings.accessGrantedRegions,
        program,
      });
      if (result.failures.length === 0) program.record(kind, result.inputs);
      if (result.failures.length === 0 && spec.checkNotes) {
        for (const note of spec.checkNotes(result.inputs, spec.label(result.inputs), ctx.settings)) {
          await ctx.log("warning", note, { urn: options.urn });
        }
      }
      return result;
    },

    async diff(kind, olds, news, options = {}) {
      const spec = KINDS[kind];
      const label = spec.label(olds);
      const outcome = repairingFailed(spec.diff(olds, news, label), olds, label);
      const replacing = outcome.replaces.length > 0;
      const notes = [
        ...(replacing && spec.replacementNotes ? await spec.replacementNotes(await ctx.api(), olds) : []),
        ...(!replacing && outcome.changes && spec.updateNotes ? spec.updateNotes(olds, news, label) : []),
      ];
      for (const warning of [...outcome.warnings, ...notes]) {
        await ctx.log("warning", warning, { urn: options.urn });
      }
      const billing = outcome.changes && spec.billingNote?.(olds, news, replacing, label, ctx.settings);
      if (billing) await ctx.log("info", billing, { urn: options.urn });
      return outcome;
    },

    async create(kind, inputs, options = {}) {
      const spec = KINDS[kind];
      const label = spec.label(inputs);
      const urn = urnOf(inputs, options);
      const marker = ownerMarkerOf(kind, inputs, options);
      const ours = (resource: JsonObject) => marker !== undefined && markerOf(resource) === marker;
      const existing = await settled(kind, inputs, options, ours);
      if (existing) {
        // Azure's PUT would silently take over (and overwrite) what is there: only a resource this
        // resource's own earlier create left (a killed or disconnected run) is adopted.
        if (!ours(existing)) {
          throw new Error(
            urn && marker
              ? notOursMessage(label, String(existing.id), urn, markerOf(existing))
              : `${label} already exists in Azure; import it instead of creating it`,
          );
        }
        await ctx.log("info", `${label}: adopting the resource an interrupted run created`, { urn });
        const adopted = await write(kind, inputs, options, { marker });
        return { id: adopted.id, outs: adopted.outs };
      }
      let status: number | undefined;
      const created = await write(kind, inputs, options, { marker, onAccepted: (s) => (status = s) });
      // A restore of a soft-deleted version is answered 200 (it brings back what was there).
      if (marker && status !== 201 && !spec.restores?.(inputs)) {
        // Another run created it between our read and our write, which replaced that run's: mark it
        // so that neither run's next `up` adopts it as its own.
        await write(kind, inputs, options, { marker: CONTESTED_MARKER });
        throw new Error(lostRaceMessage(label, status));
      }
      if (marker && markerOf(created.azure) !== marker) {
        // Only one write can be answered 201: this run created it, and the other run's write, which
        // replaced this one while it completed, fails on its 200. Write the program again, so that
        // what this stack now owns is what it declares.
        const rewritten = await write(kind, inputs, options, { marker });
        return { id: rewritten.id, outs: rewritten.outs };
      }
      return { id: created.id, outs: created.outs };
    },

    async read(kind, id, props, options = {}) {
      const spec = KINDS[kind];
      // An import brings nothing but the id: the names come from it.
      const known = spec.nameKeys.every((key) => typeof props[key] === "string");
      const names = known ? namesOf(spec, props) : namesFromArmId(kind, id);
      const api = await ctx.api();
      const found = await unlessAborted(
        spec.read ? spec.read(api, names, props) : spec.get(api, names),
        options.signal,
      );
      if (!found) return undefined;
      const azure = withoutMarker(found);
      // Azure's spelling of what means the same must not show up as drift on refresh (see outputs.ts).
      const outs = toOutputs(kind, names, azure, props);
      const read = { id: String(azure.id ?? id), props: outs };
      // Nothing drifted: inputs rebuilt from the outputs would replace the program's own (and mark
      // the resource modified) although nothing changed, and cost an encoding per resource.
      const { __provider: _provider, ...stateOutputs } = props;
      return isDeepStrictEqual(outs, stateOutputs) ? read : { ...read, inputs: inputsOf(kind, outs) };
    },

    async update(kind, olds, news, options = {}) {
      return { outs: (await write(kind, news, options, { olds })).outs };
    },

    async delete(kind, props, options = {}) {
      const spec = KINDS[kind];
      const api = await ctx.api();
      // The SDK returns once Azure's delete operation has succeeded: the resource is gone then (real
      // clients delete a definition right after its last version), so no read follows.
      await unlessAborted(spec.remove(api, props), options.signal);
      // Best-effort: a failed look at the gallery must not fail a delete that succeeded.
      const notes = spec.deleteNotes ? await spec.deleteNotes(api, props, ctx.now()).catch(() => []) : [];
      for (const note of notes) await ctx.log("info", note, { urn: options.urn });
    },
  };
}
