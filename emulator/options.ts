// Emulator options and their documented defaults, resolved once at start.
import type { ApiVersionPolicy } from "./apiVersions";
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
  /** JSON file with sources to register: `{ "sources": [ { id, location, osDiskSizeGB, dataDisks?, kind? } ] }`. */
  seedFile?: string;
  /** Request log lines (method, path, status, duration); never tokens or secrets. */
  log?: (line: string) => void;
}

/** GB per second per region when not configured: 30 GB x 2 replicas take 3 s. */
export const DEFAULT_REPLICATION_SPEED_GBPS = 20;
/** How long deleting an image version takes when not configured. */
export const DEFAULT_VERSION_DELETE_MS = 1000;

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
  apiVersionPolicy: ApiVersionPolicy;
  resourceGroups: ResourceGroupMode;
  allowedAccessRegions: Set<string>;
  limits: Limits;
  pageSize: number;
  subscriptionId: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  seedFile: string | undefined;
  log: (line: string) => void;
}

export function resolveOptions(o: EmulatorOptions = {}): ResolvedOptions {
  if (!o.inMemory && !o.stateDir) {
    throw new Error(
      "startEmulator: pass stateDir (where the database and TLS certificate live) or inMemory: true",
    );
  }
  return {
    port: o.port ?? 0,
    host: o.host ?? "127.0.0.1",
    stateDir: o.inMemory ? undefined : o.stateDir,
    replicationSpeedGBps: o.replicationSpeedGBps ?? DEFAULT_REPLICATION_SPEED_GBPS,
    retryAfterSeconds: o.retryAfterSeconds ?? 1,
    versionDeleteMs: o.versionDeleteMs ?? DEFAULT_VERSION_DELETE_MS,
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
    seedFile: o.seedFile,
    log: o.log ?? (() => undefined),
  };
}
