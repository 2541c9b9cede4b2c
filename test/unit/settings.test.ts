// Backend selection from stack config and environment: readSettings(config, env, cwd) and projectRoot(cwd).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { projectRoot, readSettings, type BackendSettings } from "../../provider/azure/settings";
import { SETTING_KEYS, SETTINGS_NAMESPACE } from "../../provider/azure/settingKeys";

type Config = Record<string, string>;

/** A Pulumi project: `root` holds Pulumi.yaml, the provider process runs in `program/` below it. */
let root: string;
let program: string;
/** A folder with no Pulumi.yaml anywhere above it. */
let bare: string;

beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cg-settings-")));
  fs.writeFileSync(path.join(root, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
  program = path.join(root, "program");
  fs.mkdirSync(path.join(program, "deeper"), { recursive: true });
  bare = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cg-bare-")));
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(bare, { recursive: true, force: true });
});

/** Stack config as Pulumi gives it: keys in the `compute-gallery:` namespace. */
function source(config: Config): { get(key: string): string | undefined } {
  const namespaced = new Map(Object.entries(config).map(([k, v]) => [`compute-gallery:${k}`, v]));
  return { get: (key) => namespaced.get(key) };
}

const read = (config: Config, env: NodeJS.ProcessEnv = {}, cwd = program): BackendSettings =>
  readSettings(source(config), env, cwd);

/** The message of the error `fn` throws; fails the test if it returns. */
function thrownBy(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error, but the call returned");
}

describe("projectRoot", () => {
  test.each<[string, () => string, () => string]>([
    ["the program folder below Pulumi.yaml resolves to the project folder", () => program, () => root],
    [
      "a folder two levels below resolves to the project folder",
      () => path.join(program, "deeper"),
      () => root,
    ],
    ["the project folder itself is the root", () => root, () => root],
    ["a relative cwd is resolved first", () => path.relative(process.cwd(), program), () => root],
    ["without Pulumi.yaml above, the cwd itself is the root", () => bare, () => bare],
  ])("%s", (_name, cwd, expected) => {
    expect(projectRoot(cwd())).toBe(expected());
  });

  test("Pulumi.yml counts as a project file too", () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cg-yml-")));
    try {
      fs.writeFileSync(path.join(dir, "Pulumi.yml"), "name: p\n");
      fs.mkdirSync(path.join(dir, "src"));
      expect(projectRoot(path.join(dir, "src"))).toBe(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("readSettings selects the backend", () => {
  // Each row: config, environment, and the settings expected (paths relative to the project root).
  test.each<[string, Config, NodeJS.ProcessEnv, (root: string) => BackendSettings]>([
    [
      "nothing set: local, state in .compute-gallery next to Pulumi.yaml",
      {},
      {},
      (r) => ({ kind: "local", stateDir: path.join(r, ".compute-gallery"), accessGrantedRegions: [] }),
    ],
    [
      "empty config values count as unset",
      { backend: "", subscriptionId: "", stateDir: "", replicationSpeed: "" },
      {},
      (r) => ({ kind: "local", stateDir: path.join(r, ".compute-gallery"), accessGrantedRegions: [] }),
    ],
    [
      "a relative stateDir resolves against the project root, not the cwd",
      { stateDir: "state/gallery" },
      {},
      (r) => ({ kind: "local", stateDir: path.join(r, "state", "gallery"), accessGrantedRegions: [] }),
    ],
    [
      "an absolute stateDir is kept",
      { stateDir: path.join(os.tmpdir(), "elsewhere") },
      {},
      () => ({ kind: "local", stateDir: path.join(os.tmpdir(), "elsewhere"), accessGrantedRegions: [] }),
    ],
    [
      "a relative emulatorSeedFile resolves against the project root",
      { emulatorSeedFile: "seeds/sources.json" },
      {},
      (r) => ({
        kind: "local",
        stateDir: path.join(r, ".compute-gallery"),
        accessGrantedRegions: [],
        seedFile: path.join(r, "seeds", "sources.json"),
      }),
    ],
    [
      "compute-gallery:subscriptionId without a backend selects azure",
      { subscriptionId: "sub-config" },
      {},
      (r) => ({
        kind: "azure",
        subscriptionId: "sub-config",
        stateDir: path.join(r, ".compute-gallery"),
        accessGrantedRegions: [],
      }),
    ],
    [
      "AZURE_SUBSCRIPTION_ID alone keeps the local backend and is not sent to it",
      {},
      { AZURE_SUBSCRIPTION_ID: "sub-env" },
      (r) => ({
        kind: "local",
        stateDir: path.join(r, ".compute-gallery"),
        accessGrantedRegions: [],
      }),
    ],
    [
      "backend azure takes the subscription from AZURE_SUBSCRIPTION_ID",
      { backend: "azure" },
      { AZURE_SUBSCRIPTION_ID: "sub-env" },
      (r) => ({
        kind: "azure",
        subscriptionId: "sub-env",
        stateDir: path.join(r, ".compute-gallery"),
        accessGrantedRegions: [],
      }),
    ],
    [
      "compute-gallery:subscriptionId wins over AZURE_SUBSCRIPTION_ID",
      { backend: "azure", subscriptionId: "sub-config" },
      { AZURE_SUBSCRIPTION_ID: "sub-env" },
      (r) => ({
        kind: "azure",
        subscriptionId: "sub-config",
        stateDir: path.join(r, ".compute-gallery"),
        accessGrantedRegions: [],
      }),
    ],
    [
      "an explicit local backend wins over compute-gallery:subscriptionId",
      { backend: "local", subscriptionId: "sub-config" },
      {},
      (r) => ({
        kind: "local",
        subscriptionId: "sub-config",
        stateDir: path.join(r, ".compute-gallery"),
        accessGrantedRegions: [],
      }),
    ],
    [
      "emulatorEndpoint alone does not select the emulator backend",
      { emulatorEndpoint: "https://127.0.0.1:8443" },
      {},
      (r) => ({
        kind: "local",
        stateDir: path.join(r, ".compute-gallery"),
        emulatorEndpoint: "https://127.0.0.1:8443",
        accessGrantedRegions: [],
      }),
    ],
    [
      "backend emulator carries its endpoint, certificate and client credentials",
      {
        backend: "emulator",
        emulatorEndpoint: "https://127.0.0.1:8443",
        emulatorCertificatePath: "/certs/emulator.pem",
        emulatorTenantId: "tenant",
        emulatorClientId: "client",
        emulatorClientSecret: "secret",
      },
      {},
      (r) => ({
        kind: "emulator",
        stateDir: path.join(r, ".compute-gallery"),
        emulatorEndpoint: "https://127.0.0.1:8443",
        emulatorCertificatePath: "/certs/emulator.pem",
        emulatorTenantId: "tenant",
        emulatorClientId: "client",
        emulatorClientSecret: "secret",
        accessGrantedRegions: [],
      }),
    ],
  ])("%s", (_name, config, env, expected) => {
    expect(read(config, env)).toEqual(expected(root));
  });

  test("the same config read from the project folder or the program folder gives the same paths", () => {
    const config = { stateDir: "s", emulatorSeedFile: "seed.json" };
    const expected = { stateDir: path.join(root, "s"), seedFile: path.join(root, "seed.json") };
    expect(read(config, {}, root)).toMatchObject(expected);
    expect(read(config, {}, program)).toMatchObject(expected);
  });
});

describe("readSettings rejects incomplete or unknown backends", () => {
  test.each<[string, Config, NodeJS.ProcessEnv, string[]]>([
    [
      "backend azure without any subscription names both places to set one",
      { backend: "azure" },
      {},
      ["compute-gallery:subscriptionId", "AZURE_SUBSCRIPTION_ID"],
    ],
    [
      "backend azure with an empty AZURE_SUBSCRIPTION_ID is still without a subscription",
      { backend: "azure" },
      { AZURE_SUBSCRIPTION_ID: "" },
      ["compute-gallery:subscriptionId", "AZURE_SUBSCRIPTION_ID"],
    ],
    [
      "backend emulator without an endpoint names compute-gallery:emulatorEndpoint",
      { backend: "emulator", emulatorCertificatePath: "/certs/emulator.pem" },
      {},
      ["compute-gallery:emulatorEndpoint"],
    ],
    [
      "an unknown backend names the value and the allowed ones",
      { backend: "aws" },
      {},
      ['"aws"', "local", "emulator", "azure"],
    ],
    [
      "backend names are case-sensitive",
      { backend: "Azure", subscriptionId: "sub" },
      {},
      ['"Azure"', "local", "emulator", "azure"],
    ],
  ])("%s", (_name, config, env, fragments) => {
    const message = thrownBy(() => read(config, env));
    for (const fragment of fragments) expect(message).toContain(fragment);
  });

  test("accessGrantedRegions that starts like JSON but is not valid JSON is rejected", () => {
    expect(() => read({ accessGrantedRegions: '["australiacentral"' })).toThrow(
      /compute-gallery:accessGrantedRegions is not valid JSON/,
    );
  });

  test.each(["fast", "0", "-5"])(
    "replicationSpeed %p is rejected naming the setting and the value",
    (speed) => {
      expect(() => read({ replicationSpeed: speed })).toThrow(
        new RegExp(`compute-gallery:replicationSpeed .*positive number.*"${speed}"`),
      );
    },
  );
});

describe("readSettings parses values", () => {
  test.each<[string, Config, string[]]>([
    [
      "a JSON list",
      { accessGrantedRegions: '["australiacentral", "brazilsoutheast"]' },
      ["australiacentral", "brazilsoutheast"],
    ],
    [
      "a JSON list with surrounding blanks",
      { accessGrantedRegions: '  ["australiacentral"]  ' },
      ["australiacentral"],
    ],
    [
      "a comma-separated string",
      { accessGrantedRegions: "australiacentral, brazilsoutheast" },
      ["australiacentral", "brazilsoutheast"],
    ],
    ["a single name", { accessGrantedRegions: "australiacentral" }, ["australiacentral"]],
    [
      "empty items are dropped",
      { accessGrantedRegions: "australiacentral,, ,brazilsoutheast," },
      ["australiacentral", "brazilsoutheast"],
    ],
    ["unset", {}, []],
  ])("accessGrantedRegions given as %s", (_name, config, regions) => {
    expect(read(config).accessGrantedRegions).toEqual(regions);
  });

  test.each<[string, Config, NodeJS.ProcessEnv, number | undefined]>([
    ["config", { replicationSpeed: "2.5" }, {}, 2.5],
    ["COMPUTE_GALLERY_REPLICATION_SPEED", {}, { COMPUTE_GALLERY_REPLICATION_SPEED: "40" }, 40],
    [
      "config over the environment",
      { replicationSpeed: "5" },
      { COMPUTE_GALLERY_REPLICATION_SPEED: "40" },
      5,
    ],
    ["neither (the emulator's default applies)", {}, {}, undefined],
  ])("replicationSpeed from %s", (_name, config, env, speed) => {
    const settings = read(config, env);
    expect(settings.replicationSpeed).toBe(speed);
    expect("replicationSpeed" in settings).toBe(speed !== undefined);
  });
});

test("readSettings reads exactly the keys SETTING_KEYS describes (the schema, CheckConfig and README list those)", () => {
  const asked = new Set<string>();
  readSettings({ get: (key) => void asked.add(key) }, {}, bare);
  expect([...asked].sort()).toEqual(SETTING_KEYS.map(({ key }) => `${SETTINGS_NAMESPACE}:${key}`).sort());
});
