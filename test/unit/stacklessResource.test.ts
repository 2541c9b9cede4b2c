// Our resources register with Error.stackTraceLimit at 0 (provider/resources/stacklessResource.ts), so
// the promises Pulumi makes for each registered property record no stack for its leak report. These
// tests read those promises through Pulumi's leak-candidate list, which holds every unsettled one.
// Pulumi records where the program declared each resource: the line of the program, as for a class of
// @pulumi/azure-native, not a line of this package (read from what the engine is sent). On the plain
// path (provider/tuning.ts, 2) the same inputs are registered, with the stacks Pulumi makes.
import { pathToFileURL } from "node:url";
import * as pulumi from "@pulumi/pulumi";

pulumi.runtime.setMocks(
  { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
  "project",
  "stack",
  false,
);

import { Gallery } from "../../provider/resources/gallery";
import { GalleryImageVersion } from "../../provider/resources/galleryImageVersion";
import { registrationStacksHold } from "../../provider/resources/stacklessResource";

/** The source position and the stack trace of each registration the engine was sent, by name. */
const sentPositions = new Map<string, { position: string; frames: string[] }>();
/** What else each registration told the engine, by name: its type, inputs, options. */
const sentRegistrations = new Map<string, unknown>();
interface SentPosition {
  getUri(): string;
  getLine(): number;
}
interface RegisterRequest {
  toObject(): Record<string, unknown>;
  getName(): string;
  getSourceposition(): SentPosition | undefined;
  getStacktrace(): { getFramesList(): { getPc(): SentPosition | undefined }[] } | undefined;
}
const monitor = pulumi.runtime.getMonitor() as unknown as {
  registerResource(req: RegisterRequest, callback: unknown): unknown;
};
const registerResource = monitor.registerResource.bind(monitor);
monitor.registerResource = (req, callback) => {
  const at = (p: SentPosition | undefined) => (p ? `${p.getUri()}#${p.getLine()}` : "");
  sentPositions.set(req.getName(), {
    position: at(req.getSourceposition()),
    frames: (req.getStacktrace()?.getFramesList() ?? []).map((frame) => at(frame.getPc())),
  });
  const { sourceposition: _position, stacktrace: _stack, ...registration } = req.toObject();
  sentRegistrations.set(req.getName(), registration);
  return registerResource(req, callback);
};

type Tracked = Promise<unknown> & { _debugCtx: string; _debugStackTrace: string };
// Internal to Pulumi (left out of its type declarations): the unsettled promises, and a message.
const { leakedPromises } = require("@pulumi/pulumi/runtime/debuggable") as {
  leakedPromises(): [Set<Tracked>, string];
};

const versionArgs = {
  resourceGroupName: "rg-images",
  galleryName: "corpImages",
  galleryImageName: "ubuntu-22",
  location: "westeurope",
  storageProfile: {
    source: { id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/base" },
  },
  publishingProfile: { targetRegions: [{ name: "westeurope" }] },
};

/** The stacks Pulumi recorded for the property promises of the resource named `name`. */
function propertyPromiseStacks(name: string): string[] {
  const [candidates] = leakedPromises();
  return [...candidates]
    .filter((p) => p._debugCtx.startsWith("transfer") && p._debugCtx.includes(`${name}[`))
    .map((p) => p._debugStackTrace);
}

/** Waits for the registration, so that none of its work outlives the test. */
function registered(resource: pulumi.CustomResource): Promise<string> {
  return new Promise((resolve) => resource.urn.apply(resolve));
}

const hasFrames = (stack: string) => /\n\s+at /.test(stack);

afterEach(() => {
  delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
  delete process.env.COMPUTE_GALLERY_PLAIN_PATH;
});

test("the property promises of a registration record no stack, and the stack limit is put back", async () => {
  const limit = Error.stackTraceLimit;
  const version = new GalleryImageVersion("stackless-1.0.0", versionArgs);
  const stacks = propertyPromiseStacks("stackless-1.0.0");
  // Four per registered property: the arguments, the outputs only Azure sets, and __urn.
  expect(stacks.length).toBeGreaterThanOrEqual(4 * 16);
  expect(stacks.filter(hasFrames)).toEqual([]);
  expect(Error.stackTraceLimit).toBe(limit);
  await registered(version);
});

test("with PULUMI_DEBUG_PROMISE_LEAKS set, the promises keep their stacks for Pulumi's leak report", async () => {
  process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
  const version = new GalleryImageVersion("traced-1.0.0", versionArgs);
  const stacks = propertyPromiseStacks("traced-1.0.0");
  expect(stacks.length).toBeGreaterThanOrEqual(4 * 16);
  expect(stacks.every(hasFrames)).toBe(true);
  await registered(version);
});

test("an error thrown while registering has a stack that leads back to the program", () => {
  const limit = Error.stackTraceLimit;
  let thrown: unknown;
  try {
    // Pulumi refuses, before any asynchronous work, a dynamic resource that names its own provider.
    const args = { resourceGroupName: "rg-images", galleryName: "corpImages", location: "westeurope" };
    new Gallery("g", { ...args, __provider: "mine" } as typeof args);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Error);
  expect((thrown as Error).message).toContain("__provider");
  expect((thrown as Error).stack).toContain("stacklessResource.test.ts");
  expect(Error.stackTraceLimit).toBe(limit);
});

test("the engine is told the program's line as where a resource is declared, and none of this package's frames", async () => {
  const format = Error.prepareStackTrace;
  // The line as V8 numbers it (what Pulumi reads here), taken on the line of the declaration, which
  // must stay one line.
  // prettier-ignore
  const version = new GalleryImageVersion("positioned-1.0.0", versionArgs), declaredOnLine = lineOfThisCall();
  await registered(version);
  const sent = sentPositions.get("positioned-1.0.0")!;
  expect(sent.position).toBe(`${pathToFileURL(__filename).href}#${declaredOnLine}`);
  expect(sent.frames.length).toBeGreaterThan(0);
  expect(sent.frames.filter((frame) => frame.includes("/provider/resources/"))).toEqual([]);
  expect(Error.prepareStackTrace).toBe(format);
});

/** The line of the caller's call, unmapped, as V8 reports it. */
function lineOfThisCall(): number {
  const format = Error.prepareStackTrace;
  Error.prepareStackTrace = (_error, frames) => frames;
  try {
    return (new Error().stack as unknown as NodeJS.CallSite[])[1]!.getLineNumber()!;
  } finally {
    Error.prepareStackTrace = format;
  }
}

describe("the plain path", () => {
  /** The registration sent for `name`, with the name itself made neutral, to compare two resources. */
  const registration = (name: string) =>
    JSON.parse(JSON.stringify(sentRegistrations.get(name)).replaceAll(name, "NAME")) as unknown;

  test("COMPUTE_GALLERY_PLAIN_PATH=1: the same registration, with the stacks Pulumi makes", async () => {
    const tuned = new GalleryImageVersion("tuned-1.0.0", versionArgs);
    process.env.COMPUTE_GALLERY_PLAIN_PATH = "1";
    const plain = new GalleryImageVersion("plain-1.0.0", versionArgs);
    const stacks = propertyPromiseStacks("plain-1.0.0");
    expect(stacks.length).toBeGreaterThanOrEqual(4 * 16);
    expect(stacks.every(hasFrames)).toBe(true);
    await Promise.all([registered(tuned), registered(plain)]);
    expect(registration("plain-1.0.0")).toEqual(registration("tuned-1.0.0"));
    expect(JSON.stringify(registration("tuned-1.0.0"))).toContain("rg-images");
    // Pulumi's position is a fixed number of constructors up: on the plain path, one of this package's.
    expect(sentPositions.get("plain-1.0.0")!.position).toMatch(/\/provider\/resources\/\w+\.ts#\d+$/);
  });

  test("Pulumi's callsites under the registration's settings see positions, and none of ours", () => {
    expect(registrationStacksHold()).toBe(true);
  });

  test("a Pulumi that reads positions otherwise is found, and resources are then built plainly", async () => {
    // No callsites at all, one that does not lift the limit, one that sees past the formatter.
    expect(registrationStacksHold({})).toBe(false);
    const unlifted = () =>
      (new Error().stack ?? "")
        .split("\n")
        .slice(1)
        .map((line) => ({ file: /\((.+?):\d+:\d+\)/.exec(line)?.[1] }));
    expect(registrationStacksHold({ callsites: unlifted })).toBe(false);
    const unfiltered = () => [{ file: `${require.resolve("../../provider/resources/gallery")}`, line: 1 }];
    expect(registrationStacksHold({ callsites: unfiltered })).toBe(false);
    const throwing = () => {
      throw new Error("changed");
    };
    expect(registrationStacksHold({ callsites: throwing })).toBe(false);

    // A fresh process whose Pulumi does not lift the limit: its first resource is built plainly.
    await jest.isolateModulesAsync(async () => {
      const fresh = require("@pulumi/pulumi") as typeof pulumi;
      fresh.runtime.setMocks({
        newResource: (args) => ({ id: "id", state: args.inputs }),
        call: (a) => a.inputs,
      });
      const resource = fresh.Resource as unknown as { callsites?: unknown };
      const callsites = resource.callsites;
      resource.callsites = unlifted;
      const { leakedPromises: freshLeaks } = require("@pulumi/pulumi/runtime/debuggable") as {
        leakedPromises(): [Set<Tracked>, string];
      };
      try {
        const { GalleryImageVersion: FreshVersion } =
          require("../../provider/resources/galleryImageVersion") as typeof import("../../provider/resources/galleryImageVersion");
        const version = new FreshVersion("fallback-1.0.0", versionArgs);
        const stacks = [...freshLeaks()[0]]
          .filter((p) => p._debugCtx.startsWith("transfer") && p._debugCtx.includes("fallback-1.0.0["))
          .map((p) => p._debugStackTrace);
        expect(stacks.length).toBeGreaterThanOrEqual(4 * 16);
        expect(stacks.every(hasFrames)).toBe(true);
        await registered(version);
      } finally {
        resource.callsites = callsites;
      }
    });
  });
});
