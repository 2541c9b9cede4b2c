// Our resources register with Error.stackTraceLimit at 0 (provider/resources/stacklessResource.ts), so
// the promises Pulumi makes for each registered property record no stack for its leak report. These
// tests read those promises through Pulumi's leak-candidate list, which holds every unsettled one.
import * as pulumi from "@pulumi/pulumi";

pulumi.runtime.setMocks(
  { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
  "project",
  "stack",
  false,
);

import { Gallery } from "../../provider/resources/gallery";
import { GalleryImageVersion } from "../../provider/resources/galleryImageVersion";

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
