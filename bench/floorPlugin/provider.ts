// The floor of the provider plugin: a provider plugin whose resources do nothing, served by Pulumi's
// own Node provider host (`pulumi.provider.main`). The YAML stack of the benchmark's shape through it
// is what the engine, the YAML language host and a Node plugin cost by themselves, as the no-op
// dynamic resources are for the dynamic provider. The same no-ops as theirs: create returns an id and
// the inputs, diff compares JSON, no read (the host hands the state back untouched).
//
// Started by the engine through the launcher install.ts writes next to it, with the package schema
// (one resource per kind, every property untyped) in schema.json beside it.
import * as fs from "fs";
import * as path from "path";
import * as provider from "@pulumi/pulumi/provider";

const schema = fs.readFileSync(path.join(__dirname, "schema.json"), "utf8");

const floor: provider.Provider = {
  version: (JSON.parse(schema) as { version: string }).version,
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

provider.main(floor, process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench floor plugin: ${String(error)}\n`);
  process.exit(1);
});
