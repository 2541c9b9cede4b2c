// The provider objects as Pulumi stores them in state (`__provider`): serialized the way
// @pulumi/pulumi's dynamic/index.js does it, they must stay small, hold no credential, and still
// work after the dynamic-provider host revives them with require-from-string.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { providers } from "../../provider/index";
import { useConnection } from "../../provider/runtime";
import { setEngineLog } from "../../provider/engineLog";
import { FakeGalleryApi } from "./fakeGalleryApi";
import {
  edited,
  exampleGalleryArgs,
  exampleImageArgs,
  exampleVersionArgs,
  exampleRoleAssignmentArgs,
} from "./fixtures";

type Kind = keyof typeof providers;
type Provider = Required<pulumi.dynamic.ResourceProvider>;
const KINDS = Object.keys(providers) as Kind[];

const CLIENT_SECRET = "unit-test-client-secret-7f3a9c";
const TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.unit-test-token";
const DEV_SECRET = "compute-gallery-emulator-dev-secret";
const FORBIDDEN = [CLIENT_SECRET, TOKEN, "Bearer", "clientSecret", DEV_SECRET, "eyJ"];

const SOURCE_RUNTIME = path.resolve(__dirname, "../../provider/runtime");
const SOURCE_ENGINE_LOG = path.resolve(__dirname, "../../provider/engineLog");

// The dynamic-provider host is plain node: the revived shim loads the runtime with node's own
// require. ts-node lets that require load this source tree (provider/runtime.ts) instead of
// whatever build happens to be in dist/.
// (Under jest, `require` and even module.createRequire are jest's own; the host's is node's, which
// is what require-from-string hands to the code it compiles.)
const nativeRequire: NodeJS.Require = require("require-from-string")(
  "module.exports = require;",
  path.join(__dirname, "native-require.js"),
);
const DIST_RUNTIME = path.resolve(__dirname, "../../dist/provider/runtime.js");

/** A connection that fails loudly: nothing may reach the compiled copy (or start an emulator). */
const tripwire = {
  api: new Proxy(
    {},
    {
      get: () => () => {
        throw new Error("the revived provider loaded the compiled runtime in dist/ instead of the source");
      },
    },
  ),
  subscriptionId: "tripwire",
  close: async () => {},
};
let tsNode: { enabled(on: boolean): void } | undefined;

const fake = new FakeGalleryApi();
const texts = {} as Record<Kind, string>;
const savedEnv = { secret: process.env.AZURE_CLIENT_SECRET, token: process.env.AZURE_ACCESS_TOKEN };

/** What @pulumi/pulumi's dynamic Resource stores as `__provider`. */
async function serialize(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}

/** What the dynamic-provider host does with `__provider`. */
function revive(text: string, opts?: { prependPaths?: string[] }): Provider {
  const requireFromString = nativeRequire("require-from-string");
  return requireFromString(text, opts ?? {}).handler();
}

beforeAll(async () => {
  process.env.AZURE_CLIENT_SECRET = CLIENT_SECRET;
  process.env.AZURE_ACCESS_TOKEN = `Bearer ${TOKEN}`;
  // Credentials in the runtime's module state: configure reads secret config, and every kind has
  // been used once (the runtime module is loaded and holds a connection) before serializing.
  const secretConfig = (key: string) =>
    ({
      "compute-gallery:backend": "emulator",
      "compute-gallery:emulatorEndpoint": "https://127.0.0.1:9",
      "compute-gallery:emulatorClientSecret": DEV_SECRET,
    })[key];
  await providers.gallery.configure!({ config: { get: secretConfig } } as any);
  useConnection(fake.connection());
  for (const kind of KINDS) await providers[kind].check!({}, {});
  for (const kind of KINDS) texts[kind] = await serialize(providers[kind]);

  if (fs.existsSync(DIST_RUNTIME)) nativeRequire(DIST_RUNTIME).useConnection(tripwire);
  tsNode = nativeRequire("ts-node").register({
    transpileOnly: true,
    compilerOptions: { module: "commonjs" },
  });
});

afterAll(() => {
  tsNode?.enabled(false);
  useConnection(undefined);
  setEngineLog(undefined);
  process.env.AZURE_CLIENT_SECRET = savedEnv.secret;
  process.env.AZURE_ACCESS_TOKEN = savedEnv.token;
  if (savedEnv.secret === undefined) delete process.env.AZURE_CLIENT_SECRET;
  if (savedEnv.token === undefined) delete process.env.AZURE_ACCESS_TOKEN;
});

describe.each(KINDS)("the serialized %s provider", (kind) => {
  test("is under 4 KB", () => {
    expect(Buffer.byteLength(texts[kind], "utf8")).toBeLessThan(4096);
  });

  test.each(FORBIDDEN)("contains no credential: %s", (forbidden) => {
    expect(texts[kind]).not.toContain(forbidden);
  });

  test("has a handler that returns a provider with every method", () => {
    const revived = revive(texts[kind]);
    for (const method of ["configure", "check", "diff", "create", "read", "update", "delete"]) {
      expect(typeof (revived as any)[method]).toBe("function");
    }
  });
});

describe("after a round trip through the serialized text", () => {
  const logged: string[] = [];
  const capture = { log: async (_severity: string, message: string) => void logged.push(message) };

  beforeAll(() => {
    // The revived objects run a second copy of the runtime, loaded by node's require: point it at
    // the same fake Azure and capture its engine log too.
    nativeRequire(SOURCE_RUNTIME).useConnection(fake.connection());
    nativeRequire(SOURCE_ENGINE_LOG).setEngineLog(capture);
    setEngineLog(capture);
  });

  afterAll(() => {
    nativeRequire(SOURCE_RUNTIME).useConnection(undefined);
    nativeRequire(SOURCE_ENGINE_LOG).setEngineLog(undefined);
  });

  const samples: Record<Kind, Record<string, any>> = {
    gallery: exampleGalleryArgs(),
    galleryImage: exampleImageArgs(),
    galleryImageVersion: exampleVersionArgs(),
    galleryRoleAssignment: exampleRoleAssignmentArgs(),
  };

  test.each(KINDS)("%s check gives the same inputs and failures as the original", async (kind) => {
    const revived = revive(texts[kind]);
    for (const news of [samples[kind], { ...samples[kind], location: "Atlantis" }]) {
      const original = await providers[kind].check!({}, news);
      expect(await revived.check({}, news)).toEqual(original);
    }
  });

  test("the revived provider runs this source tree's runtime, not a build in dist/", async () => {
    await revive(texts.gallery).check({}, samples.gallery);
    const loaded = Object.keys(nativeRequire.cache);
    expect(loaded).toContain(`${SOURCE_RUNTIME}.ts`);
    expect(loaded).not.toContain(path.resolve(__dirname, "../../dist/provider/shim.js"));
  });

  test.each(KINDS)("%s diff gives the same result and warnings as the original", async (kind) => {
    const revived = revive(texts[kind]);
    const olds = (await providers[kind].check!({}, samples[kind])).inputs!;
    const replaced = (await providers[kind].check!({}, { ...samples[kind], location: "eastus" })).inputs!;
    const updated = (await providers[kind].check!({}, { ...samples[kind], tags: { team: "new" } })).inputs!;
    for (const news of [olds, updated, replaced]) {
      logged.length = 0;
      const original = await providers[kind].diff!("id", olds, news);
      const originalWarnings = [...logged];
      logged.length = 0;
      expect(await revived.diff("id", olds, news)).toEqual(original);
      expect(logged).toEqual(originalWarnings);
    }
  });

  test("an image definition's replacement still looks up its versions in Azure", async () => {
    const revived = revive(texts.galleryImage);
    fake.seed(
      {
        resourceGroupName: "rg-images",
        galleryName: "corpImages",
        galleryImageName: "ubuntu-22",
        galleryImageVersionName: "2.0.0",
      },
      { location: "westeurope" },
    );
    const olds = (await providers.galleryImage.check!({}, samples.galleryImage)).inputs!;
    const news = edited(olds, (i) => (i.osType = "Windows"));
    logged.length = 0;
    const diff = await revived.diff("id", olds, news);
    expect(diff.replaces).toEqual(["osType"]);
    expect(logged.some((message) => message.includes("2.0.0"))).toBe(true);
  });
});

test("a revived provider works when the package is installed under node_modules", async () => {
  const programDir = fs.mkdtempSync(path.join(os.tmpdir(), "gallery-program-"));
  try {
    fs.mkdirSync(path.join(programDir, "node_modules"));
    fs.symlinkSync(
      path.resolve(__dirname, "../.."),
      path.join(programDir, "node_modules", "pulumi-azure-compute-gallery"),
      "dir",
    );
    // The host evaluates the text with its working directory in the program: node_modules there.
    const revived = revive(texts.gallery, { prependPaths: [path.join(programDir, "node_modules")] });
    const result = await revived.check({}, exampleGalleryArgs());
    expect(result.failures).toEqual([]);
  } finally {
    fs.rmSync(programDir, { recursive: true, force: true });
  }
});
