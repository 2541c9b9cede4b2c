// The dynamic provider's front door: the implementations that run inside the dynamic-provider
// process. shim.ts loads this module by name at call time; nothing here is serialized.
//
// The process has one operation context (operations/context.ts), made from the settings that
// `configure` read; every method forwards to the shared resource operations.
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "./shim";
import { readSettings, type BackendSettings } from "./azure/settings";
import type { Connection } from "./azure/connect";
import { engineLog } from "./engineLog";
import { createContext, type OperationContext } from "./operations/context";
import { operationsOnDemand, type OperationsOnDemand } from "./operations/onDemand";
import { ResourceInitError } from "./operations/writeFailure";
import { onFirstUse } from "./tuning";

/** The input that carries the resource's URN into the dynamic provider. */
const URN_KEY = "__urn";

/** The connection module, with the Azure SDK behind it: a preview never loads it (tuning.ts, 3). */
const connectModule = onFirstUse(() => require("./azure/connect") as typeof import("./azure/connect"));

/** Opens the connection when the first call needs one. */
function connect(settings: BackendSettings): Promise<Connection> {
  return connectModule().connect(settings);
}

let context: OperationContext | undefined;
let operations: OperationsOnDemand | undefined;

function contextFor(
  settings: BackendSettings,
  open: (s: BackendSettings) => Promise<Connection>,
  now?: () => Date,
): void {
  context = createContext({
    settings,
    connect: open,
    ...(now ? { now } : {}),
    // The dynamic-provider host hands the provider no URN: the resources pass theirs as `__urn`.
    log: (severity, message, options) => engineLog().log(severity, message, options),
  });
  operations = operationsOnDemand(context);
}

function current(): OperationsOnDemand {
  if (!operations) contextFor(readSettings({ get: () => undefined }, process.env, process.cwd()), connect);
  return operations!;
}

/** Lets tests run the lifecycle against a fake or a test emulator, and on a clock of their own. */
export function useConnection(
  next: Connection | undefined,
  nextSettings?: BackendSettings,
  now?: () => Date,
): void {
  const settings = nextSettings ?? context?.settings;
  if (!next) {
    context = operations = undefined;
    return;
  }
  contextFor(
    settings ?? readSettings({ get: () => undefined }, process.env, process.cwd()),
    async () => next,
    now,
  );
}

/**
 * The host records a failed write's partial state as is, and later calls (delete above all) find
 * the provider through `__provider` in that state: it goes in, as the host adds it on success.
 */
function keepingProvider(error: unknown, inputs: pulumi.Inputs): unknown {
  if (error instanceof ResourceInitError)
    error.properties = { ...error.properties, __provider: inputs.__provider };
  return error;
}

function implementation(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  return {
    async configure(req) {
      const settings = readSettings(req.config, process.env, process.cwd());
      // The host configures each kind's provider once, with the same stack config: they all share
      // one context, so one connection (one embedded emulator, one token) serves the process.
      if (JSON.stringify(settings) !== JSON.stringify(context?.settings)) contextFor(settings, connect);
    },
    async check(olds, news) {
      // `__urn` (resources/resourceUrn.ts) is ours, not an argument: set aside, passed on to diff.
      const { [URN_KEY]: urn, ...args } = news;
      const { inputs, failures } = await current()
        .get()
        .check(kind, olds ?? {}, args, {
          ...(typeof urn === "string" ? { urn } : {}),
        });
      return { inputs: urn === undefined ? inputs : { ...inputs, [URN_KEY]: urn }, failures };
    },
    async diff(_id, olds, news) {
      const urn = typeof news[URN_KEY] === "string" ? news[URN_KEY] : undefined;
      const { changes, replaces, deleteBeforeReplace } = await current()
        .get()
        .diff(kind, olds, news, { urn });
      return { changes, replaces, deleteBeforeReplace };
    },
    async create(inputs) {
      return current()
        .connecting()
        .create(kind, inputs)
        .catch((error: unknown) => {
          throw keepingProvider(error, inputs);
        });
    },
    async read(id, props) {
      const found = await current()
        .connecting()
        .read(kind, id, props ?? {});
      // An empty id tells the engine the resource is gone.
      return found ?? { id: "", props: {} };
    },
    async update(_id, olds, news) {
      return current()
        .connecting()
        .update(kind, olds, news)
        .catch((error: unknown) => {
          throw keepingProvider(error, news);
        });
    },
    async delete(_id, props) {
      await current().connecting().delete(kind, props);
    },
  };
}

export const implementations: Record<ResourceKind, pulumi.dynamic.ResourceProvider> = {
  gallery: implementation("gallery"),
  galleryImage: implementation("galleryImage"),
  galleryImageVersion: implementation("galleryImageVersion"),
  galleryRoleAssignment: implementation("galleryRoleAssignment"),
};
