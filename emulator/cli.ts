#!/usr/bin/env node
// `compute-gallery emulator [flags]`: runs the emulator alone and prints what a client needs to reach it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { parseFaultRules } from "./faultSyntax";
import { startEmulator, type EmulatorIdentity, type EmulatorOptions } from "./index";

const USAGE = `Usage: compute-gallery emulator [flags]

Local Azure Resource Manager emulator for Azure Compute Gallery (HTTPS, loopback only by default).

Flags (environment variable in brackets):
  --port <n>                 listen port, 0 = ephemeral            [COMPUTE_GALLERY_EMULATOR_PORT] (8443)
  --host <addr>              interface to bind                     [COMPUTE_GALLERY_EMULATOR_HOST] (127.0.0.1)
  --state-dir <dir>          SQLite database + TLS certificate     [COMPUTE_GALLERY_EMULATOR_STATE_DIR] (~/.compute-gallery/emulator)
  --in-memory                keep nothing on disk                  [COMPUTE_GALLERY_EMULATOR_IN_MEMORY=1]
  --replication-speed <gb/s> GB written per second per region      [COMPUTE_GALLERY_EMULATOR_REPLICATION_SPEED] (20)
  --retry-after <s>          Retry-After on version operations     [COMPUTE_GALLERY_EMULATOR_RETRY_AFTER] (1; Azure sends 60)
  --version-delete-ms <ms>   how long deleting a version takes     [COMPUTE_GALLERY_EMULATOR_VERSION_DELETE_MS] (1000)
  --sharing-update-ms <ms>   how long the share action takes       [COMPUTE_GALLERY_EMULATOR_SHARING_UPDATE_MS] (1000)
  --soft-delete-retention-ms <ms>  soft-deleted versions restorable [COMPUTE_GALLERY_EMULATOR_SOFT_DELETE_RETENTION_MS] (7 days)
  --api-version-policy <p>   strict | relaxed                      [COMPUTE_GALLERY_EMULATOR_API_VERSION_POLICY] (strict)
  --resource-groups <mode>   explicit (as Azure: create the group first) | implicit (created on first write)
                                                                   [COMPUTE_GALLERY_EMULATOR_RESOURCE_GROUPS] (explicit)
  --allow-access-region <r>  allow a region that needs an access request (repeatable, comma-separated)
                                                                   [COMPUTE_GALLERY_EMULATOR_ALLOWED_ACCESS_REGIONS]
  --page-size <n>            items per list page                   [COMPUTE_GALLERY_EMULATOR_PAGE_SIZE] (100)
  --seed <file>              JSON file of image sources to register [COMPUTE_GALLERY_EMULATOR_SEED]
  --fault <rule>             inject a fault (repeatable; first match wins), e.g. "PUT version count=2 -> 429"
                                                                   [COMPUTE_GALLERY_EMULATOR_FAULTS] (rules separated by ';', or a JSON array)
  --fault-seed <n>           seed of the draws of rules with p=    [COMPUTE_GALLERY_EMULATOR_FAULT_SEED] (0)
  --allow-remote             allow --host to be a non-loopback address [COMPUTE_GALLERY_EMULATOR_ALLOW_REMOTE=1]
  --subscription-id, --tenant-id, --client-id, --client-secret   the emulator's own dev identity
                                                                   [COMPUTE_GALLERY_EMULATOR_SUBSCRIPTION_ID, ..._TENANT_ID, ..._CLIENT_ID, ..._CLIENT_SECRET]
  --identities <file>        JSON file of further clients whose access role assignments decide:
                             { "identities": [ { clientId, clientSecret, objectId, groupIds? } ] }
                                                                   [COMPUTE_GALLERY_EMULATOR_IDENTITIES]
  --quiet                    no request log
  -h, --help                 this text
`;

const ENV = "COMPUTE_GALLERY_EMULATOR_";

function num(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got '${value}'`);
  return n;
}

export function optionsFromArgs(
  argv: string[],
  env: NodeJS.ProcessEnv,
): EmulatorOptions & { quiet: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "state-dir": { type: "string" },
      "in-memory": { type: "boolean" },
      "replication-speed": { type: "string" },
      "retry-after": { type: "string" },
      "version-delete-ms": { type: "string" },
      "sharing-update-ms": { type: "string" },
      "soft-delete-retention-ms": { type: "string" },
      "api-version-policy": { type: "string" },
      "resource-groups": { type: "string" },
      "allow-access-region": { type: "string", multiple: true },
      "page-size": { type: "string" },
      seed: { type: "string" },
      fault: { type: "string", multiple: true },
      "fault-seed": { type: "string" },
      "allow-remote": { type: "boolean" },
      "subscription-id": { type: "string" },
      "tenant-id": { type: "string" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      identities: { type: "string" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (positionals[0] !== "emulator" || positionals.length > 1)
    throw new Error(`unknown command '${positionals.join(" ")}'\n\n${USAGE}`);
  const e = (k: string): string | undefined => env[ENV + k] || undefined;
  const policy = values["api-version-policy"] ?? e("API_VERSION_POLICY") ?? "strict";
  if (policy !== "strict" && policy !== "relaxed")
    throw new Error(`--api-version-policy must be strict or relaxed`);
  const groups = values["resource-groups"] ?? e("RESOURCE_GROUPS") ?? "explicit";
  if (groups !== "explicit" && groups !== "implicit")
    throw new Error(`--resource-groups must be explicit or implicit, got '${groups}'`);
  const regions = [
    ...(values["allow-access-region"] ?? []),
    ...(e("ALLOWED_ACCESS_REGIONS") ? [e("ALLOWED_ACCESS_REGIONS") as string] : []),
  ]
    .flatMap((r) => r.split(","))
    .map((r) => r.trim())
    .filter(Boolean);
  const flag = (v: string | undefined): boolean => ["1", "true"].includes((v ?? "").toLowerCase());
  const inMemory = values["in-memory"] ?? flag(e("IN_MEMORY"));
  const envFaults = e("FAULTS");
  const faults = [
    ...(envFaults === undefined ? [] : envFaults.trim().startsWith("[") ? [envFaults] : envFaults.split(";")),
    ...(values.fault ?? []),
  ].filter((r) => r.trim() !== "");
  const faultSeed = num(values["fault-seed"] ?? e("FAULT_SEED"), "--fault-seed");
  return {
    port: num(values.port ?? e("PORT"), "--port") ?? 8443,
    host: values.host ?? e("HOST"),
    inMemory,
    stateDir: inMemory
      ? undefined
      : (values["state-dir"] ?? e("STATE_DIR") ?? path.join(os.homedir(), ".compute-gallery", "emulator")),
    replicationSpeedGBps: num(values["replication-speed"] ?? e("REPLICATION_SPEED"), "--replication-speed"),
    retryAfterSeconds: num(values["retry-after"] ?? e("RETRY_AFTER"), "--retry-after"),
    versionDeleteMs: num(values["version-delete-ms"] ?? e("VERSION_DELETE_MS"), "--version-delete-ms"),
    sharingUpdateMs: num(values["sharing-update-ms"] ?? e("SHARING_UPDATE_MS"), "--sharing-update-ms"),
    softDeleteRetentionMs: num(
      values["soft-delete-retention-ms"] ?? e("SOFT_DELETE_RETENTION_MS"),
      "--soft-delete-retention-ms",
    ),
    apiVersionPolicy: policy,
    resourceGroups: groups,
    allowedAccessRegions: regions,
    pageSize: num(values["page-size"] ?? e("PAGE_SIZE"), "--page-size"),
    seedFile: values.seed ?? e("SEED"),
    // Checked here, so a typo in a rule stops the start with what is allowed.
    ...(faults.length ? { faults: faults.flatMap((rule) => parseFaultRules(rule)) } : {}),
    ...(faultSeed === undefined ? {} : { faultSeed }),
    allowRemote: values["allow-remote"] ?? flag(e("ALLOW_REMOTE")),
    subscriptionId: values["subscription-id"] ?? e("SUBSCRIPTION_ID"),
    tenantId: values["tenant-id"] ?? e("TENANT_ID"),
    clientId: values["client-id"] ?? e("CLIENT_ID"),
    clientSecret: values["client-secret"] ?? e("CLIENT_SECRET"),
    ...identitiesFrom(values.identities ?? e("IDENTITIES")),
    quiet: values.quiet ?? false,
  };
}

/** The further identities a `--identities` file lists (their secrets stay out of the banner and the log). */
function identitiesFrom(file: string | undefined): { identities?: EmulatorIdentity[] } {
  if (!file) return {};
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { identities?: unknown };
  if (!Array.isArray(parsed.identities)) throw new Error(`${file}: expected { "identities": [ ... ] }`);
  return { identities: parsed.identities as EmulatorIdentity[] };
}

/** Runs the emulator command; the package's bin (provider/cli.ts) hands every non-review command here. */
export async function runEmulatorCli(argv: string[] = process.argv.slice(2)): Promise<void> {
  const { quiet, ...options } = optionsFromArgs(argv, process.env);
  const emulator = await startEmulator({
    ...options,
    log: quiet ? undefined : (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
  });
  // The built-in development secret is public (it is in the source) and printed so that the block can
  // be pasted; a secret the operator chose is theirs, and banners end up in CI logs and scrollback.
  const secret =
    options.clientSecret === undefined
      ? emulator.clientSecret
      : "<the secret given with --client-secret or COMPUTE_GALLERY_EMULATOR_CLIENT_SECRET>";
  const out = [
    `Azure Compute Gallery emulator listening on ${emulator.endpoint}`,
    `  state: ${emulator.stateDir ?? "in memory"}`,
    `  certificate: ${emulator.certificatePath ?? "(in memory; printed below)"}`,
    "",
    "Environment for clients (the emulator's own development credentials, not anybody's secrets):",
    `  export AZURE_SUBSCRIPTION_ID=${emulator.subscriptionId}`,
    `  export AZURE_TENANT_ID=${emulator.tenantId}`,
    `  export AZURE_CLIENT_ID=${emulator.clientId}`,
    `  export AZURE_CLIENT_SECRET=${secret}`,
    `  export AZURE_AUTHORITY_HOST=${emulator.endpoint}`,
    `  export AZURE_RESOURCE_MANAGER_ENDPOINT=${emulator.endpoint}`,
    `  export EMULATOR=${emulator.endpoint}   # read by the Azure CLI, Python and JavaScript scripts of docs/emulator.md`,
    ...(emulator.certificatePath
      ? [
          `  export NODE_EXTRA_CA_CERTS=${emulator.certificatePath}`,
          `  export REQUESTS_CA_BUNDLE=${emulator.certificatePath}`,
        ]
      : ["", emulator.certificatePem.trim()]),
    "",
    "Python (azure-identity) and the Azure CLI trust the certificate through REQUESTS_CA_BUNDLE (SSL_CERT_FILE",
    "alone is not enough), and ask login.microsoftonline.com for instance discovery unless told not to:",
    "  Python: ClientSecretCredential(..., authority=<endpoint>, disable_instance_discovery=True)",
    "  Azure CLI: az config set core.instance_discovery=false   (before az login)",
    `Resource groups: ${options.resourceGroups ?? "explicit"} (explicit: create one first, as in Azure)`,
    "",
    `Cloud metadata: ${emulator.endpoint}/metadata/endpoints?api-version=2022-09-01`,
    `Token endpoint: ${emulator.endpoint}/${emulator.tenantId}/oauth2/v2.0/token`,
    `Further identities (access by role assignment): ${(options.identities ?? []).map((i) => i.clientId).join(", ") || "none"}`,
    "Press Ctrl+C to stop.",
  ];
  process.stdout.write(out.join("\n") + "\n");
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: stopping\n`);
    emulator.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`error while stopping: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

if (require.main === module) {
  runEmulatorCli().catch((e: unknown) => {
    process.stderr.write(`compute-gallery: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
