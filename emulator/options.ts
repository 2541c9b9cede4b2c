// Emulator options and their documented defaults, resolved once at start.
import type { ApiVersionPolicy } from "./apiVersions";
import type { ClientIdentity } from "./auth";
import type { FaultRule } from "./faults";
import { checkFaultRules } from "./faultSyntax";
import { DEFAULT_LIMITS, type Limits } from "./rules/limits";

export type ResourceGroupMode = "implicit" | "explicit";

export interface EmulatorOptions {
  /** 0 = ephemeral (default for startEmulator; the CLI defaults to 8443). */
  port?: number;
  /** Interface to bind; loopback by default. */
  host?: string;
  /** SQLite database and TLS certificate/key live here; required unless inMemory. */
  stateDir?: string;
  inMemory?: boolean;
  /** GB of replica data written per second per target region (default 20: 30 GB x 2 replicas = 3 s). */
  replicationSpeedGBps?: number;
  /** Retry-After on running image-version operations (default 1; Azure sends 60), with retry-after-ms for the work left. 0 omits both. */
  retryAfterSeconds?: number;
  /** How long deleting an image version takes, in ms (default 1000). */
  versionDeleteMs?: number;
  /** How long the gallery's share action takes (default 1 s). */
  sharingUpdateMs?: number;
  /** How long a soft-deleted image version stays restorable (default: Azure's 7 days). */
  softDeleteRetentionMs?: number;
  apiVersionPolicy?: ApiVersionPolicy;
  /**
   * "implicit" (default): a write into a resource group that does not exist creates it, so the embedded
   * backend needs no group resource. "explicit": as Azure, the group must be created first
   * (`PUT /subscriptions/{id}/resourcegroups/{name}`), else ResourceGroupNotFound. The standalone
   * `compute-gallery emulator` defaults to explicit.
   */
  resourceGroups?: ResourceGroupMode;
  /** Regions that need an access request and are allowed anyway, e.g. ["australiacentral"]. */
  allowedAccessRegions?: string[];
  limits?: Partial<Limits>;
  /** Items per list page before a nextLink (default 100). */
  pageSize?: number;
  subscriptionId?: string;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /**
   * Further clients of the tenant (service principals), each with its own secret, object id and groups.
   * Unlike the primary identity, which owns everything, they reach only what role assignments grant them.
   */
  identities?: EmulatorIdentity[];
  /** JSON file with sources to register: `{ "sources": [ { id, location, osDiskSizeGB, dataDisks?, kind? } ] }`. */
  seedFile?: string;
  /**
   * Injected faults, in order (first match wins): rule objects or one-line rules (docs/emulator.md, "Injecting
   * faults"). Given, they replace the rules kept in the state directory; absent, those stay.
   */
  faults?: (FaultRule | string)[];
  /** Seed of the draws of rules with a probability (default 0): the same seed, the same faults. */
  faultSeed?: number;
  /**
   * Listening on anything but loopback exposes the emulator's development identity to the network:
   * refused unless this is true.
   */
  allowRemote?: boolean;
  /** Request log lines (method, path, status, duration); never tokens or secrets. */
  log?: (line: string) => void;
}

export interface EmulatorIdentity {
  clientId: string;
  clientSecret: string;
  /** The object id role assignments name; the client id when not given. */
  objectId?: string;
  /** Groups the identity is a member of. */
  groupIds?: string[];
}

/** GB per second per region when not configured: 30 GB x 2 replicas take 3 s. */
export const DEFAULT_REPLICATION_SPEED_GBPS = 20;
/** How long deleting an image version takes when not configured. */
export const DEFAULT_VERSION_DELETE_MS = 1000;

/** How long the gallery's share action runs (the gallery reports Updating and sharing InProgress meanwhile). */
export const DEFAULT_SHARING_UPDATE_MS = 1000;
/**
 * How long a soft-deleted image version stays restorable: Azure documents a fixed retention of 7 days
 * ("Soft Delete in Azure Compute Gallery", learn.microsoft.com), which cannot be changed.
 */
export const DEFAULT_SOFT_DELETE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** The emulator's own development identity. These are not anybody's secrets. */
export const DEFAULT_IDENTITY = {
  subscriptionId: "00000000-0000-0000-0000-000000000001",
  tenantId: "00000000-0000-0000-0000-0000000000aa",
  clientId: "00000000-0000-0000-0000-0000000000cc",
  clientSecret: "compute-gallery-emulator-dev-secret",
} as const;

export interface ResolvedOptions {
  port: number;
  host: string;
  stateDir: string | undefined;
  replicationSpeedGBps: number;
  retryAfterSeconds: number;
  versionDeleteMs: number;
  sharingUpdateMs: number;
  softDeleteRetentionMs: number;
  apiVersionPolicy: ApiVersionPolicy;
  resourceGroups: ResourceGroupMode;
  allowedAccessRegions: Set<string>;
  limits: Limits;
  pageSize: number;
  subscriptionId: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  identities: ClientIdentity[];
  seedFile: string | undefined;
  faults: FaultRule[] | undefined;
  faultSeed: number | undefined;
  log: (line: string) => void;
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return (
    h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h)
  );
}

export function resolveOptions(o: EmulatorOptions = {}): ResolvedOptions {
  const host = o.host ?? "127.0.0.1";
  if (!isLoopback(host) && o.allowRemote !== true) {
    throw new Error(
      `refusing to listen on '${host}': it is not a loopback address, and anyone who reaches the emulator ` +
        "can get a token with its development credentials. Listen on 127.0.0.1 (the default), or pass " +
        "--allow-remote (allowRemote: true) to listen there anyway.",
    );
  }
  if (!o.inMemory && !o.stateDir) {
    throw new Error(
      "startEmulator: pass stateDir (where the database and TLS certificate live) or inMemory: true",
    );
  }
  return {
    port: o.port ?? 0,
    host,
    stateDir: o.inMemory ? undefined : o.stateDir,
    replicationSpeedGBps: o.replicationSpeedGBps ?? DEFAULT_REPLICATION_SPEED_GBPS,
    retryAfterSeconds: o.retryAfterSeconds ?? 1,
    versionDeleteMs: o.versionDeleteMs ?? DEFAULT_VERSION_DELETE_MS,
    sharingUpdateMs: o.sharingUpdateMs ?? DEFAULT_SHARING_UPDATE_MS,
    softDeleteRetentionMs: o.softDeleteRetentionMs ?? DEFAULT_SOFT_DELETE_RETENTION_MS,
    apiVersionPolicy: o.apiVersionPolicy ?? "strict",
    resourceGroups: o.resourceGroups ?? "implicit",
    allowedAccessRegions: new Set(
      (o.allowedAccessRegions ?? []).map((r) => r.toLowerCase().replace(/\s/g, "")),
    ),
    limits: { ...DEFAULT_LIMITS, ...o.limits },
    pageSize: Math.max(1, o.pageSize ?? 100),
    subscriptionId: o.subscriptionId ?? DEFAULT_IDENTITY.subscriptionId,
    tenantId: o.tenantId ?? DEFAULT_IDENTITY.tenantId,
    clientId: o.clientId ?? DEFAULT_IDENTITY.clientId,
    clientSecret: o.clientSecret ?? DEFAULT_IDENTITY.clientSecret,
    identities: resolveIdentities(o),
    seedFile: o.seedFile,
    faults: o.faults && checkFaultRules(o.faults),
    faultSeed: o.faultSeed,
    log: o.log ?? (() => undefined),
  };
}

function resolveIdentities(o: EmulatorOptions): ClientIdentity[] {
  const primary = (o.clientId ?? DEFAULT_IDENTITY.clientId).toLowerCase();
  const seen = new Set([primary]);
  return (o.identities ?? []).map((i, n) => {
    if (!i.clientId || !i.clientSecret) {
      throw new Error(`identities[${n}]: clientId and clientSecret are required`);
    }
    if (seen.has(i.clientId.toLowerCase())) {
      throw new Error(`identities[${n}]: client id '${i.clientId}' is already taken by another identity`);
    }
    seen.add(i.clientId.toLowerCase());
    return {
      clientId: i.clientId,
      clientSecret: i.clientSecret,
      objectId: i.objectId ?? i.clientId,
      groupIds: i.groupIds ?? [],
    };
  });
}
