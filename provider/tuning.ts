// The tuned layer: the places where this package does something its dependencies do not document, or
// defers what a plain program loads at once, to make provider processes start and answer faster. The
// rules of that layer are here and nowhere else; the modules named below point back to this header.
//
// One switch: COMPUTE_GALLERY_PLAIN_PATH=1 takes the plain path everywhere (plainPath() below). The
// engine passes its environment to the processes it starts, so the variable set for `pulumi` reaches
// the program, the dynamic-provider host and the plugin. The plain path answers every call as the
// tuned one does; only time, bytes of state and the source position Pulumi records differ.
//
// Each tuned path either works across the supported @pulumi/pulumi range (package.json peer range;
// checked at 3.248.0 and 3.276.0: scripts/test.sh runs the unit suite on the project's copy and on
// the lowest the range allows) or checks its assumption in the running process and takes the plain
// path when the assumption does not hold.
//
// 1. The plugin's Struct codec (plugin/structWire.ts, plugin/wireService.ts, used by plugin/server.ts).
//    Every call of the engine carries the resource's properties as google.protobuf.Struct fields;
//    google-protobuf builds a message object per value and a sorted map per object, about 1.7 ms for
//    one read of a version in a fresh plugin process. The codec reads and writes those fields' bytes
//    itself, and leaves every other field to the SDK's generated classes.
//    Assumes: the numbers of the Struct fields of each request and response of the generated classes
//    (@pulumi/pulumi/proto/provider_pb). They are the same at 3.248.0 and 3.276.0 (3.276.0 adds
//    CheckRequest.old_outputs, field 9, which the codec leaves to the generated class).
//    Checked when the server starts (wireService.ts structCodecDisagreement, about 3 ms): each class
//    writes each of those fields, into a recording writer, under the codec's number and as a Struct.
//    A disagreement, or a missing method, accessor or serializer: the plain path.
//    Plain: the SDK's generated service as it ships, with google-protobuf's codecs; the handlers get
//    the same JSON (its keys sorted rather than in the wire's order: nothing may depend on key order).
//    Tests: test/unit/wireService.test.ts (the table, the check, the fallback),
//    test/unit/pluginServer.test.ts (the same answers over gRPC on both paths).
//
// 2. Stackless resources (resources/stacklessResource.ts). Registering a resource makes Pulumi create
//    four promises per property, and each records `new Error().stack` for its leak report (printed
//    only with PULUMI_DEBUG_PROMISE_LEAKS set); under ts-node's source maps, constructing 1,000 image
//    versions costs 9.5 s with those stacks and 0.9 s without. So registering runs with
//    Error.stackTraceLimit at 0 (unless PULUMI_DEBUG_PROMISE_LEAKS is set), and with a stack formatter
//    that leaves out the frames of provider/resources/: Pulumi takes the source position a fixed
//    number of constructors above its own, and without our two constructors that is the program's
//    line, as for a resource of @pulumi/azure-native; state then stores none of our frames (4,520 ->
//    4,114 bytes per resource at N = 100).
//    Assumes: Pulumi takes positions through its (private) Resource.callsites, which lifts the limit
//    itself and parses `new Error().stack`, so the formatter applies. The same at 3.248.0 and 3.276.0
//    (resource.js, dynamic/index.js and the promises' stacks in runtime/debuggable.js alike).
//    Checked at the first construction in a process (registrationStacksHold): Resource.callsites,
//    asked under the registration's settings, must return positions and none of our frames.
//    Otherwise: the plain path.
//    Plain: pulumi.dynamic.Resource's constructor as is. The same registration reaches the engine,
//    with the promise stacks Pulumi makes and a line of provider/resources/ as the declared position.
//    Tests: test/unit/stacklessResource.test.ts.
//
// 3. Loading on first use. What a call does not need is not loaded for it:
//    - a preview (check and diff, both front doors) never loads the Azure SDK or the emulator, and
//      never connects: runtime.ts and plugin/handlers.ts load azure/connect when a call first needs
//      Azure, connect.ts loads the SDK clients (azure/galleryApi.ts) on first use, accessApi.ts the
//      authorization SDK on the first role-assignment call;
//    - a refresh or a destroy (read, delete) never loads zod or the model's schemas (about 80 ms):
//      model/zod.ts is the one module that imports zod, operations/kinds.ts loads check on its first
//      call, outputs.ts loads the output shapes only when a read finds drift, azure/settings.ts loads
//      the advice parsers only for a stack that sets their keys;
//    - the lifecycle (operations/onDemand.ts, about 0.1 s) loads at a resource's first call, after a
//      call that reaches Azure has started connecting, so the embedded emulator's thread boots
//      meanwhile;
//    - the process the YAML host starts only for the schema never loads the model:
//      plugin/schemaFile.ts reads the schema the build wrote.
//    Assumes nothing of a dependency. Tests: test/unit/connectFirst.test.ts (what loads for which
//    call), test/unit/tuning.test.ts (the plain path).
//    Plain: every module deferred this way loads with the module that defers it (onFirstUse below),
//    so a front door loads everything when its process starts. Which backend's code loads (the
//    emulator, @azure/identity) still follows the configured backend: that is a choice, not a deferral.
//
// 4. The ARM pipeline without the form-data policy (azure/armClientOptions.ts). That policy asks each
//    request whether its body is a FormData, and the first time a process asks, Node loads its fetch
//    implementation (undici), about 15 ms, before the first request of every provider process. ARM's
//    management operations send JSON only.
//    Assumes: the policy's name, which @azure/core-rest-pipeline exports (formDataPolicyName) and the
//    SDK's clients use. A pipeline without a policy of that name is left as it is (removePolicy
//    removes nothing).
//    Plain: the policy stays.
//    Tests: test/unit/armClientOptions.test.ts, test/e2e/compiledClients.test.ts (undici not loaded).
//
// 5. The failure message of @azure/core-lro (azure/errors.ts FAILED_OPERATION). An operation that ended
//    Failed reaches us as a plain Error, "The long-running operation has failed. <code>. <message>"
//    (core-lro 3.4.2), and Azure's code and message are read out of it, so the user reads them as for
//    any other Azure error. A message in another form is shown whole, without a code: the same facts,
//    worded by core-lro. Both paths parse it: the message is all core-lro gives. Tests:
//    test/unit/azureErrors.test.ts (both forms), test/emulator/providerFaults.test.ts (core-lro's own).
//
// Outside the switch, because there is no plain way to do them, and each degrades by itself:
// - The engine logger (operations/engineLogger.ts) talks to the engine's gRPC service with the SDK's
//   generated stubs, as the SDK's own `pulumi.log` does; the dynamic-provider host gives providers no
//   logger, and `pulumi.log` attaches messages to a resource object, not to a URN. Stubs that do not
//   load or lack a setter: messages go to standard error. A message never fails its operation.
// - engineLog.ts finds the engine's address in the dynamic-provider host's arguments (its script path
//   holds `dynamic-provider`, the address comes first; the same at 3.248.0 and 3.276.0). Not found:
//   standard error.
// - plugin/protocol.ts loads the generated stubs, grpc-js and google-protobuf from where
//   @pulumi/pulumi finds them, so the plugin speaks that SDK's protocol; the plugin cannot start
//   without them, on either path.
// - runtime.ts relies on the dynamic-provider host packing a thrown error's `id`, `properties` and
//   `reasons` into ErrorResourceInitFailed (the same at 3.248.0 and 3.276.0).
// - dynamic/forwarding.ts relies on Pulumi's closure serializer storing a module's export under
//   node_modules as a require of it; a serializer that does not stores the provider by value.

/** The environment variable that forces the plain path. */
export const PLAIN_PATH_VARIABLE = "COMPUTE_GALLERY_PLAIN_PATH";

/** Whether this process takes the plain path everywhere (COMPUTE_GALLERY_PLAIN_PATH=1). */
export function plainPath(): boolean {
  return process.env[PLAIN_PATH_VARIABLE] === "1";
}

/**
 * `load` run once, when the returned function is first called; on the plain path at once, while the
 * module that defers it loads (3 above).
 */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  const get = (): T => (loaded ??= { value: load() }).value;
  if (plainPath()) get();
  return get;
}
