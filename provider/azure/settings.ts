// Which backend the provider talks to, read from stack config (in the provider's configure) and the
// standard Azure environment variables. The keys, and what each means, are settingKeys.ts
// (SETTING_KEYS); test/unit/settings.test.ts checks that readSettings reads exactly those.

import * as fs from "fs";
import * as path from "path";
import type { ExpectedLoadByRegion, Prices } from "../advice/config";
import type { Intent } from "../advice/intent";
import { onFirstUse } from "../tuning";

/**
 * The advice's parsers, with zod and the model: loaded only for a stack that sets one of their keys
 * (tuning.ts, 3); the settings are read before the embedded emulator starts.
 */
const adviceConfig = onFirstUse(() => require("../advice/config") as typeof import("../advice/config"));
const intentConfig = onFirstUse(
  () => require("../advice/intentConfig") as typeof import("../advice/intentConfig"),
);

export type BackendKind = "local" | "emulator" | "azure";

export interface BackendSettings {
  kind: BackendKind;
  subscriptionId?: string;
  stateDir: string;
  emulatorEndpoint?: string;
  emulatorCertificatePath?: string;
  emulatorTenantId?: string;
  emulatorClientId?: string;
  emulatorClientSecret?: string;
  accessGrantedRegions: string[];
  /** Local emulator only: GB of replica data per second per region. */
  replicationSpeed?: number;
  /** Local emulator only: image sources to register. */
  seedFile?: string;
  /** Deployments per region reading a version at the same time, for the replica advice. */
  expectedLoad?: ExpectedLoadByRegion;
  /** What the subscription pays; without it, only quantities are shown. */
  prices?: Prices;
  /** Which galleries hold production and test images; without it, no advice that depends on it. */
  intent?: Intent;
}

export interface ConfigSource {
  get(key: string): string | undefined;
}

const NAMESPACE = "compute-gallery";

function parseList(value: string | undefined): string[] {
  if (!value) return [];
  const trimmed = value.trim();
  if (trimmed.startsWith("[")) {
    try {
      return (JSON.parse(trimmed) as unknown[]).map(String);
    } catch (error) {
      throw new Error(
        `${NAMESPACE}:accessGrantedRegions is not valid JSON (${(error as Error).message}); use ["region", ...] or a comma-separated list`,
      );
    }
  }
  return trimmed
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The folder holding Pulumi.yaml: relative paths in config are relative to it.
 * The dynamic-provider process may run in the program's `main` folder below it.
 */
export function projectRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml")) || fs.existsSync(path.join(dir, "Pulumi.yml")))
      return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

export function readSettings(config: ConfigSource, env: NodeJS.ProcessEnv, cwd: string): BackendSettings {
  const root = projectRoot(cwd);
  const get = (key: string) => config.get(`${NAMESPACE}:${key}`) || undefined;
  const explicit = get("backend");
  if (explicit && !["local", "emulator", "azure"].includes(explicit)) {
    throw new Error(`${NAMESPACE}:backend is "${explicit}"; allowed: local, emulator, azure`);
  }
  const kind = (explicit ?? (get("subscriptionId") ? "azure" : "local")) as BackendKind;
  // The environment's subscription is Azure's: sent to an emulator it would make every
  // resource look absent (SubscriptionNotFound is a 404).
  const subscriptionId = get("subscriptionId") ?? (kind === "azure" ? env.AZURE_SUBSCRIPTION_ID : undefined);
  if (kind === "azure" && !subscriptionId) {
    throw new Error(
      `${NAMESPACE}:backend is azure but no subscription is set: set ${NAMESPACE}:subscriptionId or AZURE_SUBSCRIPTION_ID`,
    );
  }
  if (kind === "emulator" && !get("emulatorEndpoint")) {
    throw new Error(`${NAMESPACE}:backend is emulator but ${NAMESPACE}:emulatorEndpoint is not set`);
  }
  const speed = get("replicationSpeed") ?? env.COMPUTE_GALLERY_REPLICATION_SPEED;
  if (speed !== undefined && !(Number(speed) > 0 && Number.isFinite(Number(speed)))) {
    throw new Error(
      `${NAMESPACE}:replicationSpeed (or COMPUTE_GALLERY_REPLICATION_SPEED) must be a positive number of GB/s, got "${speed}"`,
    );
  }
  const expectedLoad = get("expectedLoad");
  const prices = get("prices");
  const intent = get("intent");
  const stateDir = get("stateDir") ?? ".compute-gallery";
  const seedFile = get("emulatorSeedFile");
  return {
    kind,
    ...(subscriptionId ? { subscriptionId } : {}),
    stateDir: path.resolve(root, stateDir),
    ...optional("emulatorEndpoint", get("emulatorEndpoint")),
    ...optional("emulatorCertificatePath", get("emulatorCertificatePath")),
    ...optional("emulatorTenantId", get("emulatorTenantId")),
    ...optional("emulatorClientId", get("emulatorClientId")),
    ...optional("emulatorClientSecret", get("emulatorClientSecret")),
    accessGrantedRegions: parseList(get("accessGrantedRegions")),
    ...(speed ? { replicationSpeed: Number(speed) } : {}),
    ...optional("seedFile", seedFile && path.resolve(root, seedFile)),
    ...(expectedLoad ? { expectedLoad: adviceConfig().parseExpectedLoad(expectedLoad) } : {}),
    ...(prices ? { prices: adviceConfig().parsePrices(prices) } : {}),
    ...(intent ? { intent: intentConfig().parseIntent(intent) } : {}),
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
