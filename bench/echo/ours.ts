// What both data flavours' no-op providers return (echo/provider.ts for the dynamic stack,
// floorPlugin/provider.ts for the YAML one): ours' resource of the same kind, as ours stored it in
// the same round, with this resource's inputs laid over it. Ours' resources come from the
// environment (stacks.ts sets them after ours' `up`), not from code.
import { mergePatch } from "../../emulator/arm/json";
import type { JsonObject } from "../../emulator/model";
import type { Flavour, OursResource, OursResources } from "../programs";

export type Json = Record<string, unknown>;

/**
 * `base` with `top` laid over it, objects merged key by key, anything else replaced: the emulator's
 * merge for PATCH, which the bundle of each provider takes with it (compileProvider.ts).
 */
const over = (base: Json, top: Json): Json => mergePatch(base as JsonObject, top as JsonObject);

/** Whether every input, at every depth, is in the outputs with the same value. */
function holds(output: unknown, input: unknown): boolean {
  if (input === null || typeof input !== "object") return output === input;
  if (output === null || typeof output !== "object") return false;
  return Object.entries(input).every(([key, value]) => holds((output as Json)[key], value));
}

/**
 * The environment variables with ours' resources, one of each kind, as JSON, by the stack they come
 * from: the dynamic provider's (for data) and the plugin's (for pluginData).
 */
export const OURS_RESOURCES_ENV = {
  ours: "BENCH_OURS_RESOURCES",
  plugin: "BENCH_OURS_PLUGIN_RESOURCES",
} as const satisfies Partial<Record<Flavour, string>>;

/** Set by the pluginData flavour's launcher (floorPlugin/install.ts): its plugin echoes ours. */
export const PLUGIN_ECHO_ENV = "BENCH_PLUGIN_ECHO";

/** Ours' resources as parsed, by the variable's text: parsed once per process, not once per call. */
const parsed = new Map<string, OursResources>();

/** Ours' resource of the same kind as `inputs` (from `env`), and the ARM name of this one. */
function oursLike(inputs: Json, env: string): { ours: OursResource; armName: string } {
  const [kind, armName]: [keyof OursResources, unknown] =
    inputs.galleryImageVersionName !== undefined
      ? ["version", inputs.galleryImageVersionName]
      : inputs.galleryImageName !== undefined
        ? ["image", inputs.galleryImageName]
        : ["gallery", inputs.galleryName];
  const all = process.env[env];
  // Without ours' resources this would be the floor again, and the split in report.ts wrong.
  if (all === undefined) throw new Error(`${env} is not set: ours' up must run first`);
  if (!parsed.has(all)) parsed.set(all, JSON.parse(all) as OursResources);
  return { ours: parsed.get(all)![kind], armName: String(armName) };
}

/**
 * The no-ops of a data flavour, whichever host calls them: check adds to the inputs what ours'
 * check adds (Azure's defaults), create returns ours' ARM id and outputs of the same kind with this
 * resource's inputs laid over them, diff asks only whether the outputs still hold every input.
 */
export function echoOfOurs(env: string) {
  return {
    check: (news: Json): Json => over(oursLike(news, env).ours.inputs, news),
    create(inputs: Json): { id: string; outs: Json } {
      const { ours, armName } = oursLike(inputs, env);
      return { id: ours.id.replace(/[^/]+$/, armName), outs: over(ours.outputs, inputs) };
    },
    changed: (olds: Json, news: Json): boolean => !holds(olds, news),
    update: (news: Json): Json => over(oursLike(news, env).ours.outputs, news),
  };
}
