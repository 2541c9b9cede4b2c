// The data flavour's dynamic provider (see programs.ts): a no-op like the floor's whose resources are
// as large as ours'. Its check adds to the inputs what ours' check adds (Azure's defaults), its
// create returns ours' ARM id and outputs of the same kind with this resource's inputs laid over
// them, and its diff asks only whether the outputs still hold every input.
//
// Installed in node_modules for the run (install.ts), as ours is: Pulumi then stores a `require` of
// this module as each resource's provider, the size of ours', instead of its code. Ours' resources
// come from the environment (stacks.ts sets them after ours' `up`), not from its code.
import type * as pulumi from "@pulumi/pulumi";
import type { OursResources } from "../programs";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** `base` with `top` laid over it, objects merged key by key, anything else replaced. */
function over(base: Json, top: Json): Json {
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(top)) {
    const below = base[key];
    merged[key] = isObject(value) && isObject(below) ? over(below, value) : value;
  }
  return merged;
}

/** Whether every input, at every depth, is in the outputs with the same value. */
function holds(output: unknown, input: unknown): boolean {
  if (input === null || typeof input !== "object") return output === input;
  if (output === null || typeof output !== "object") return false;
  return Object.entries(input).every(([key, value]) => holds((output as Json)[key], value));
}

/** The environment variable with ours' resources, one of each kind, as JSON. */
const OURS_RESOURCES_ENV = "BENCH_OURS_RESOURCES";

/** Ours' resource of the same kind as `inputs`, and the ARM name of this one. */
function oursLike(inputs: Json): { ours: OursResources[keyof OursResources]; armName: string } {
  const [kind, armName]: [keyof OursResources, unknown] =
    inputs.galleryImageVersionName !== undefined
      ? ["version", inputs.galleryImageVersionName]
      : inputs.galleryImageName !== undefined
        ? ["image", inputs.galleryImageName]
        : ["gallery", inputs.galleryName];
  const all = process.env[OURS_RESOURCES_ENV];
  // Without ours' resources this would be the floor again, and the split in report.ts wrong.
  if (all === undefined) throw new Error(`${OURS_RESOURCES_ENV} is not set: ours' up must run first`);
  return { ours: (JSON.parse(all) as OursResources)[kind], armName: String(armName) };
}

const echoOfOurs: pulumi.dynamic.ResourceProvider & { OURS_RESOURCES_ENV: string } = {
  OURS_RESOURCES_ENV,
  // Ours' check adds Azure's defaults to the inputs; these inputs get the same.
  async check(_olds: Json, news: Json) {
    return { inputs: over(oursLike(news).ours.inputs, news) };
  },
  async create(inputs: Json) {
    const { ours, armName } = oursLike(inputs);
    return { id: ours.id.replace(/[^/]+$/, armName), outs: over(ours.outputs, inputs) };
  },
  async diff(_id: string, olds: Json, news: Json) {
    return { changes: !holds(olds, news) };
  },
  async update(_id: string, _olds: Json, news: Json) {
    return { outs: over(oursLike(news).ours.outputs, news) };
  },
};

export = echoOfOurs;
