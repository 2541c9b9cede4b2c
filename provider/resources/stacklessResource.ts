// The base of this package's resources: a dynamic resource that registers without promise stacks, and
// whose declared position is the program's line (why, what it assumes of Pulumi and when it is left
// out: provider/tuning.ts, 2). The constructor registers with Error.stackTraceLimit at 0, unless the
// user asked Pulumi for leak details, and with a stack formatter that leaves out this folder's frames.
// An error thrown while registering gets its stack from here, where it is caught.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { plainPath } from "../tuning";

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

/** Sets the stack settings of a registration; returns what puts the previous ones back. */
function registrationStacks(): () => void {
  const limit = Error.stackTraceLimit;
  const format = Error.prepareStackTrace;
  if (!process.env[LEAK_DETAILS]) Error.stackTraceLimit = 0;
  Error.prepareStackTrace = withoutOwnFrames(format);
  return () => {
    Error.stackTraceLimit = limit;
    Error.prepareStackTrace = format;
  };
}

/** Where Pulumi reads a resource's source position from (a private static of its Resource class). */
type Callsites = () => { file?: string; line?: number }[];

/**
 * Whether Pulumi still sees the stack as the registration's settings intend: its Resource.callsites,
 * asked under them, returns positions (it lifts the limit itself) and, when the formatter leaves this
 * folder out, none in this folder. Asked once per process, at the first construction.
 */
export function registrationStacksHold(resource: object = pulumi.Resource): boolean {
  const callsites = (resource as { callsites?: unknown }).callsites;
  if (typeof callsites !== "function") return false;
  const filtering = withoutOwnFrames(Error.prepareStackTrace) !== Error.prepareStackTrace;
  const restore = registrationStacks();
  try {
    const files = (callsites as Callsites)
      .call(resource)
      .map((site) => site.file)
      .filter((file): file is string => typeof file === "string");
    return files.length > 0 && !(filtering && files.some((file) => file.startsWith(OWN_FOLDER)));
  } catch {
    return false;
  } finally {
    restore();
  }
}

let tuned: boolean | undefined;

export abstract class StacklessResource extends pulumi.dynamic.Resource {
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions | undefined,
    module: string,
    type: string,
  ) {
    // Read at each construction: the switch is the process's environment, which a program may set.
    if (plainPath() || !(tuned ??= registrationStacksHold())) {
      super(provider, name, props, opts, module, type);
      return;
    }
    const limit = Error.stackTraceLimit;
    const restore = registrationStacks();
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
