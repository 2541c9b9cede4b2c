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
// Pulumi's source position of the resource (Resource.callsites) lifts the limit itself, so it is
// unaffected; an error thrown while registering gets its stack from here, where it is caught.
import * as pulumi from "@pulumi/pulumi";

const LEAK_DETAILS = "PULUMI_DEBUG_PROMISE_LEAKS";

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
    if (!process.env[LEAK_DETAILS]) Error.stackTraceLimit = 0;
    try {
      super(provider, name, props, opts, module, type);
    } catch (error) {
      Error.stackTraceLimit = limit;
      // It could not record a stack while the limit was 0: this constructor and the program's frames.
      if (error instanceof Error && limit > 0) Error.captureStackTrace(error, StacklessResource);
      throw error;
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}
