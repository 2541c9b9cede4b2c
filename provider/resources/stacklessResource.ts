// The base of this package's resources: a dynamic resource that registers without promise stacks.
//
// Registering a resource makes Pulumi create four promises per property (its value, whether it is
// known, whether it is secret, its dependencies), and each records `new Error().stack` for Pulumi's
// leak report, which prints those stacks only when PULUMI_DEBUG_PROMISE_LEAKS is set. In a
// TypeScript program the source-map support ts-node installs maps every such stack frame by frame:
// constructing 1,000 image versions under mocks took 9.5 s with the stacks and 0.9 s without them
// (a version registers 16 properties). So the constructor registers with Error.stackTraceLimit at 0,
// unless the user asked Pulumi for leak details.
//
// Pulumi's source position of the resource (Resource.callsites) lifts the limit itself; an error
// thrown while registering gets its stack from here, where it is caught.
//
// That source position is the frame a fixed number of constructors above Pulumi's own, which for a
// class of a provider package is the program's line. A dynamic resource adds a constructor, and this
// package's classes two more (this one and the resource's), so Pulumi took the line of this file for
// every resource's declaration, and stored this package's frames in each resource's stack trace in
// the state (the benchmark's state per resource went from 4,520 to 4,114 bytes without them). While
// registering, stacks leave out this folder's frames: the position is the program's line, as it is
// for a resource of @pulumi/azure-native.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

const LEAK_DETAILS = "PULUMI_DEBUG_PROMISE_LEAKS";

/** This package's resource classes (generated/ included), compiled or run from source. */
const OWN_FOLDER = __dirname + path.sep;

/**
 * Stack formatting without this folder's frames, then as before: through the formatter installed (ts-node's
 * source maps), or as V8 writes stacks. Node's own source maps (--enable-source-maps) apply only while no
 * formatter is installed; with them on and none installed, the formatter stays as it is (none).
 */
function withoutOwnFrames(original: typeof Error.prepareStackTrace): typeof Error.prepareStackTrace {
  if (!original && (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled) return original;
  return (error, frames) => {
    const kept = frames.filter((frame) => !frame.getFileName()?.startsWith(OWN_FOLDER));
    // Without a formatter installed, V8 writes this: the error, then a line per frame.
    return original
      ? original(error, kept)
      : [String(error), ...kept.map((frame) => `    at ${frame}`)].join("\n");
  };
}

export abstract class StacklessResource extends pulumi.dynamic.Resource {
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions | undefined,
    module: string,
    type: string,
  ) {
    const limit = Error.stackTraceLimit;
    const format = Error.prepareStackTrace;
    const restore = () => {
      Error.stackTraceLimit = limit;
      Error.prepareStackTrace = format;
    };
    if (!process.env[LEAK_DETAILS]) Error.stackTraceLimit = 0;
    Error.prepareStackTrace = withoutOwnFrames(format);
    try {
      super(provider, name, props, opts, module, type);
    } catch (error) {
      restore();
      // It could not record a stack while the limit was 0: this constructor and the program's frames.
      if (error instanceof Error && limit > 0) Error.captureStackTrace(error, StacklessResource);
      throw error;
    } finally {
      restore();
    }
  }
}
