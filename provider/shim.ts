// The provider objects that Pulumi serializes into state (`__provider`) for
// every resource. They must stay tiny and free of credentials, so each method
// only loads the real implementation (provider/runtime) at call time, inside
// the dynamic-provider process, and forwards the call.
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";

export type ResourceKind = "gallery" | "galleryImage" | "galleryImageVersion";

// Where the implementation lives when this package is installed under its
// name, and the absolute path of this copy for programs that run from inside
// the package's own folder (its root program and its tests).
const runtimeModule = "pulumi-azure-compute-gallery/dist/provider/runtime";
const runtimeFallbackPath = path.join(__dirname, "runtime");

function makeProvider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  const byName = runtimeModule;
  const byPath = runtimeFallbackPath;
  const implementation = (): pulumi.dynamic.ResourceProvider & Required<Pick<pulumi.dynamic.ResourceProvider, "configure">> => {
    let runtime: any;
    try {
      runtime = require(byName);
    } catch {
      runtime = require(byPath);
    }
    return runtime.implementations[kind];
  };
  return {
    configure: (req) => implementation().configure(req),
    check: (olds, news) => implementation().check!(olds, news),
    diff: (id, olds, news) => implementation().diff!(id, olds, news),
    create: (inputs) => implementation().create(inputs),
    read: (id, props) => implementation().read!(id, props),
    update: (id, olds, news) => implementation().update!(id, olds, news),
    delete: (id, props) => implementation().delete!(id, props),
  };
}

/** The serializable provider objects of the three resources. */
export const providers = {
  gallery: makeProvider("gallery"),
  galleryImage: makeProvider("galleryImage"),
  galleryImageVersion: makeProvider("galleryImageVersion"),
};
