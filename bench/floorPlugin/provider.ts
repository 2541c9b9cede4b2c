// The floors of the provider plugin: provider plugins whose resources do nothing, served by Pulumi's
// own Node provider host (`pulumi.provider.main`). The YAML stack of the benchmark's shape through
// them is what the engine, the YAML language host and a Node plugin cost by themselves, as the no-op
// dynamic resources are for the dynamic provider.
// - pluginFloor: the same no-ops as the dynamic floor's: create returns an id and the inputs, diff
//   compares JSON, no read (the host hands the state back untouched).
// - pluginData (PLUGIN_ECHO_ENV set by its launcher): no-ops as large as ours, as the dynamic data
//   flavour's (echo/ours.ts), from ours' plugin stack of the same round.
//
// Started by the engine through the launcher install.ts writes next to it, with the package schema
// (one resource per kind, every property untyped) in schema.json beside it.
import * as fs from "fs";
import * as path from "path";
import * as provider from "@pulumi/pulumi/provider";
import { echoOfOurs, OURS_RESOURCES_ENV, PLUGIN_ECHO_ENV, type Json } from "../echo/ours";

const schema = fs.readFileSync(path.join(__dirname, "schema.json"), "utf8");
const version = (JSON.parse(schema) as { version: string }).version;

const noOp: provider.Provider = {
  version,
  schema,
  async create(urn, inputs) {
    return { id: urn.split("::").at(-1)!, outs: inputs };
  },
  async diff(_id, _urn, olds, news) {
    return { changes: JSON.stringify(olds) !== JSON.stringify(news) };
  },
  async update(_id, _urn, _olds, news) {
    return { outs: news };
  },
};

const echo = echoOfOurs(OURS_RESOURCES_ENV.plugin);

const data: provider.Provider = {
  version,
  schema,
  check: async (_urn, _olds, news: Json) => ({ inputs: echo.check(news), failures: [] }),
  create: async (_urn, inputs: Json) => echo.create(inputs),
  diff: async (_id, _urn, olds: Json, news: Json) => ({ changes: echo.changed(olds, news) }),
  update: async (_id, _urn, _olds, news: Json) => ({ outs: echo.update(news) }),
};

provider.main(process.env[PLUGIN_ECHO_ENV] ? data : noOp, process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench floor plugin: ${String(error)}\n`);
  process.exit(1);
});
