/**
 * The plugin's front door as plain functions over JSON values: what each provider-protocol method
 * does, without the protocol's encoding (server.ts maps protobuf to these). Every resource method
 * forwards to the same resource operations as the dynamic provider; what the plugin adds is the
 * detailed diff, URN-attached messages, custom timeouts, cancellation and `pulumi import`.
 */
import type { Connection } from "../azure/connect";
import { readSettings, type BackendSettings } from "../azure/settings";
import { SETTING_KEYS, SETTINGS_NAMESPACE } from "../azure/settingKeys";
import type { CheckFailure } from "../lifecycle/check";
import { resolveLatest, type GalleryImageVersionListItem } from "../lifecycle/latest";
import type { ResourceKind } from "../model/mutability";
import { createContext, type Logger, type OperationContext } from "../operations/context";
import { operationsOnDemand, type OperationsOnDemand } from "../operations/onDemand";
import type { ReadResult } from "../operations/operations";
import { kindOf, LATEST_FUNCTION } from "./tokens";
import type { JsonObject } from "../model/jsonObject";
import { onFirstUse } from "../tuning";

/**
 * The connection module, with the Azure SDK behind it: loaded when the first resource needs Azure,
 * after the engine already has the port, the plugin info and the schema (tuning.ts, 3).
 */
const connectModule = onFirstUse(() => require("../azure/connect") as typeof import("../azure/connect"));

export type PropertyDiffKind =
  "ADD" | "ADD_REPLACE" | "DELETE" | "DELETE_REPLACE" | "UPDATE" | "UPDATE_REPLACE";

export interface PluginDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Top-level properties that change. */
  diffs: string[];
  detailedDiff: Record<string, PropertyDiffKind>;
}

export interface PluginEnvironment {
  log: Logger;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Opens the backend; the real one unless a test substitutes it. */
  connect?: (settings: BackendSettings) => Promise<Connection>;
  /** The clock (tests pin it). */
  now?: () => Date;
}

export interface PluginHandlers {
  checkConfig(news: JsonObject): { inputs: JsonObject; failures: CheckFailure[] };
  configure(variables: Record<string, string>): Promise<void>;
  check(
    urn: string,
    olds: JsonObject,
    news: JsonObject,
  ): Promise<{ inputs: JsonObject; failures: CheckFailure[] }>;
  diff(urn: string, olds: JsonObject, news: JsonObject): Promise<PluginDiff>;
  create(urn: string, inputs: JsonObject, timeoutSeconds?: number): Promise<{ id: string; outs: JsonObject }>;
  read(urn: string, id: string, props: JsonObject): Promise<ReadResult | undefined>;
  update(
    urn: string,
    olds: JsonObject,
    news: JsonObject,
    timeoutSeconds?: number,
  ): Promise<{ outs: JsonObject }>;
  delete(urn: string, props: JsonObject, timeoutSeconds?: number): Promise<void>;
  invoke(token: string, args: JsonObject): Promise<JsonObject>;
  /** Stops every operation in flight (Ctrl-C, `pulumi cancel`). */
  cancel(): void;
  close(): Promise<void>;
}

const KIND_OF_DETAIL: Record<string, [PropertyDiffKind, PropertyDiffKind]> = {
  add: ["ADD", "ADD_REPLACE"],
  delete: ["DELETE", "DELETE_REPLACE"],
  update: ["UPDATE", "UPDATE_REPLACE"],
};

function kindOfUrn(urn: string): ResourceKind {
  const kind = kindOf(urn);
  if (!kind) throw new Error(`${urn} is not a resource of the ${SETTINGS_NAMESPACE} provider`);
  return kind;
}

/** Config given as `compute-gallery:key` variables, as readSettings reads stack config. */
function configSource(variables: Record<string, string>) {
  return { get: (key: string) => variables[key] };
}

export function pluginHandlers(environment: PluginEnvironment): PluginHandlers {
  const open = environment.connect ?? ((settings: BackendSettings) => connectModule().connect(settings));
  let context: OperationContext | undefined;
  let operations: OperationsOnDemand | undefined;
  const inFlight = new Set<AbortController>();

  const configured = (settings: BackendSettings) => {
    const previous = context;
    context = createContext({
      settings,
      connect: open,
      log: environment.log,
      ...(environment.now ? { now: environment.now } : {}),
    });
    operations = operationsOnDemand(context);
    void previous?.close();
  };
  const ops = (): OperationsOnDemand => {
    if (!operations) configured(readSettings(configSource({}), environment.env, environment.cwd));
    return operations!;
  };

  /** Runs `work` with a signal aborted by cancel() or when the custom timeout (if any) expires. */
  const bounded = async <T>(
    what: string,
    work: (signal: AbortSignal) => Promise<T>,
    timeoutSeconds?: number,
  ): Promise<T> => {
    const controller = new AbortController();
    inFlight.add(controller);
    const timer =
      timeoutSeconds && timeoutSeconds > 0
        ? setTimeout(
            () =>
              controller.abort(
                new Error(
                  `${what} did not finish within ${timeoutSeconds} s (the resource's customTimeouts)`,
                ),
              ),
            timeoutSeconds * 1000,
          )
        : undefined;
    try {
      return await work(controller.signal);
    } finally {
      if (timer) clearTimeout(timer);
      inFlight.delete(controller);
    }
  };

  return {
    checkConfig(news) {
      const variables: Record<string, string> = {};
      for (const setting of SETTING_KEYS) {
        const value = news[setting.key];
        if (value === undefined || value === null) continue;
        variables[`${SETTINGS_NAMESPACE}:${setting.key}`] =
          typeof value === "string" ? value : JSON.stringify(value);
      }
      try {
        readSettings(configSource(variables), environment.env, environment.cwd);
        return { inputs: news, failures: [] };
      } catch (error) {
        const message = (error as Error).message;
        const setting = SETTING_KEYS.find((s) => message.includes(`${SETTINGS_NAMESPACE}:${s.key}`));
        return { inputs: news, failures: [{ property: setting?.key ?? "", reason: message }] };
      }
    },

    async configure(variables) {
      configured(readSettings(configSource(variables), environment.env, environment.cwd));
    },

    check: (urn, olds, news) => ops().get().check(kindOfUrn(urn), olds, news, { urn }),

    async diff(urn, olds, news) {
      const outcome = await ops().get().diff(kindOfUrn(urn), olds, news, { urn });
      const detailedDiff: Record<string, PropertyDiffKind> = {};
      for (const detail of outcome.details) {
        detailedDiff[detail.path] = KIND_OF_DETAIL[detail.kind]![detail.replace ? 1 : 0];
      }
      const topLevel = (path: string) => path.split(/[.[]/)[0]!;
      return {
        changes: outcome.changes,
        replaces: [...new Set(outcome.replaces.map(topLevel))],
        deleteBeforeReplace: outcome.deleteBeforeReplace,
        diffs: [...new Set(outcome.details.map((detail) => topLevel(detail.path)))],
        detailedDiff,
      };
    },

    create: (urn, inputs, timeoutSeconds) =>
      bounded(
        `creating ${urn}`,
        (signal) => ops().connecting().create(kindOfUrn(urn), inputs, { urn, signal }),
        timeoutSeconds,
      ),

    read: (urn, id, props) =>
      bounded(`reading ${urn}`, (signal) =>
        ops().connecting().read(kindOfUrn(urn), id, props, { urn, signal }),
      ),

    update: (urn, olds, news, timeoutSeconds) =>
      bounded(
        `updating ${urn}`,
        (signal) => ops().connecting().update(kindOfUrn(urn), olds, news, { urn, signal }),
        timeoutSeconds,
      ),

    delete: (urn, props, timeoutSeconds) =>
      bounded(
        `deleting ${urn}`,
        (signal) => ops().connecting().delete(kindOfUrn(urn), props, { urn, signal }),
        timeoutSeconds,
      ),

    async invoke(token, args) {
      if (token !== LATEST_FUNCTION)
        throw new Error(`unknown function ${token}; this provider has ${LATEST_FUNCTION}`);
      ops();
      return latestImageVersion(context!, args);
    },

    cancel() {
      for (const controller of inFlight) controller.abort(new Error("cancelled"));
    },

    async close() {
      await context?.close();
    },
  };
}

/** getLatestImageVersion: every version of the definition, with its replication status, through resolveLatest. */
async function latestImageVersion(context: OperationContext, args: JsonObject): Promise<JsonObject> {
  for (const key of ["resourceGroupName", "galleryName", "galleryImageName", "region"]) {
    if (typeof args[key] !== "string" || args[key] === "") {
      throw new Error(
        `${LATEST_FUNCTION}: ${key} is required (a non-empty string), got ${JSON.stringify(args[key])}`,
      );
    }
  }
  const api = await context.api();
  // Checked above: each is a non-empty string.
  const ref = {
    resourceGroupName: String(args.resourceGroupName),
    galleryName: String(args.galleryName),
    galleryImageName: String(args.galleryImageName),
  };
  async function* versions(): AsyncIterable<GalleryImageVersionListItem> {
    for await (const listed of api.listVersions(ref)) {
      const version = await api.getVersion(
        { ...ref, galleryImageVersionName: String(listed.name) },
        { replicationStatus: true },
      );
      // The client flattens ARM's `properties`; resolveLatest reads ARM's shape.
      if (version)
        yield {
          name: String(version.name),
          properties: version as GalleryImageVersionListItem["properties"],
        };
    }
  }
  const latest = await resolveLatest(versions(), String(args.region));
  if (!latest) {
    throw new Error(
      `no version of image definition ${ref.resourceGroupName}/${ref.galleryName}/${ref.galleryImageName} ` +
        `is replicated to ${args.region} and included in latest`,
    );
  }
  const id = (latest.properties as JsonObject | undefined)?.id;
  return { galleryImageVersionName: latest.name, id: String(id) };
}
