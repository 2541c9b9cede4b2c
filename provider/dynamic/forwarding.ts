// The provider objects that Pulumi serializes into state (`__provider`) for every resource. They
// must stay tiny and free of credentials, so each method only loads the real implementation
// (provider/runtime) at call time, inside the dynamic-provider process, and forwards the call.
//
// Each kind's object is the whole export of a module of its own (dynamic/<kind>.ts, exported by
// package.json as `<package>/dynamic/<kind>`; test/unit/packageExports.test.ts checks that the
// modules, the exports and the kinds agree). When the package is installed under node_modules, Pulumi's closure
// serializer recognises a module's export and stores `require("<package>/dynamic/<kind>")` instead
// of the code: a few hundred bytes instead of about three thousand, in the inputs and the outputs
// of every resource, and state that follows package upgrades. Run from this repository (tests,
// examples), the objects are serialized by value, which this file keeps working.
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../model/mutability";

export type { ResourceKind };

// Where the implementation lives: under the package's name when it is installed, else this copy by
// absolute path (programs that run from inside the package's own folder: its root program, examples
// and tests). Loaded from source by a TypeScript runner, this file puts the source runtime first, so
// tests exercise the code they see rather than an older build; the plain-node plugin, which cannot
// load the source, takes this checkout's compiled copy in dist/ next, before a copy installed by name
// (in a shared node_modules that may be an older build of another checkout).
const thisCopy = path.join(__dirname, "..", "runtime");
const byName = "pulumi-azure-compute-gallery/runtime";
const runtimeCandidates = __filename.endsWith(".ts")
  ? [thisCopy, path.resolve(__dirname, "..", "..", "dist", "provider", "runtime"), byName]
  : [byName, thisCopy];
// Not finding a candidate is expected; anything else is a real error.
// (An array, not a Set: Pulumi's closure serializer does not carry Sets.)
const NOT_THERE = ["MODULE_NOT_FOUND", "ERR_PACKAGE_PATH_NOT_EXPORTED"];

export function forwardingProvider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  const candidates = runtimeCandidates;
  const notThere = NOT_THERE;
  const implementation = (): Required<pulumi.dynamic.ResourceProvider> => {
    let lastError: unknown;
    for (const candidate of candidates) {
      try {
        return require(candidate).implementations[kind];
      } catch (error) {
        if (!notThere.includes((error as { code?: string }).code ?? "")) throw error;
        lastError = error;
      }
    }
    throw lastError;
  };
  return {
    configure: (req) => implementation().configure(req),
    check: (olds, news) => implementation().check(olds, news),
    diff: (id, olds, news) => implementation().diff(id, olds, news),
    create: (inputs) => implementation().create(inputs),
    read: (id, props) => implementation().read(id, props),
    update: (id, olds, news) => implementation().update(id, olds, news),
    delete: (id, props) => implementation().delete(id, props),
  };
}
