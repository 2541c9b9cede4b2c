// Test helpers: the real @azure/arm-compute client pointed at an in-process emulator, trusting its
// self-signed certificate and authenticating through its token endpoint; plus a raw HTTPS helper.
import * as https from "node:https";
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { ComputeManagementClient } from "@azure/arm-compute";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";

/** What reaching an emulator takes: one in this process, or one running as a process of its own. */
export type ReachableEmulator = Pick<
  RunningEmulator,
  "endpoint" | "certificatePem" | "tenantId" | "clientId" | "clientSecret"
>;

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  text: string;
}

/** One HTTPS request to the emulator, trusting its certificate. `token: null` sends no Authorization. */
export function request(
  emu: ReachableEmulator,
  method: string,
  path: string,
  options: { body?: unknown; form?: Record<string, string>; token?: string | null } = {},
): Promise<RawResponse> {
  const url = new URL(path, emu.endpoint);
  const headers: Record<string, string> = {};
  let payload: string | undefined;
  if (options.form) {
    payload = new URLSearchParams(options.form).toString();
    headers["Content-Type"] = "application/x-www-form-urlencoded";
  } else if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers["Content-Type"] = "application/json";
  }
  if (options.token) headers["Authorization"] = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, ca: emu.certificatePem }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") h[k.toLowerCase()] = v;
        let body: unknown = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          body = text;
        }
        resolve({ status: res.statusCode ?? 0, headers: h, body, text });
      });
    });
    req.on("error", reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** A client of the emulator's tenant: the primary identity unless told otherwise. */
export interface ClientLogin {
  clientId: string;
  clientSecret: string;
}

export async function fetchToken(
  emu: ReachableEmulator,
  secret = emu.clientSecret,
  clientId = emu.clientId,
): Promise<AccessToken> {
  const res = await request(emu, "POST", `/${emu.tenantId}/oauth2/v2.0/token`, {
    form: {
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: secret,
      scope: "https://management.azure.com/.default",
    },
  });
  const body = res.body as { access_token?: string; expires_in?: number };
  if (res.status !== 200 || !body.access_token)
    throw new Error(`token request failed: ${res.status} ${res.text}`);
  return { token: body.access_token, expiresOnTimestamp: Date.now() + (body.expires_in ?? 0) * 1000 };
}

/** A TokenCredential backed by the emulator's OAuth2 token endpoint. */
export function emulatorCredential(emu: RunningEmulator, login?: ClientLogin): TokenCredential {
  return { getToken: () => fetchToken(emu, login?.clientSecret, login?.clientId) };
}

/** core-rest-pipeline honours PipelineRequest.agent: trust the emulator's certificate for every call. */
export function trustPolicy(certificatePem: string): PipelinePolicy {
  const agent = new https.Agent({ ca: certificatePem, keepAlive: true });
  return {
    name: "trustEmulatorCertificate",
    sendRequest: (req, next) => {
      req.agent = agent;
      return next(req);
    },
  };
}

const clientOptions = (emu: RunningEmulator) => ({
  endpoint: emu.endpoint,
  additionalPolicies: [{ policy: trustPolicy(emu.certificatePem), position: "perCall" as const }],
  retryOptions: { maxRetries: 0 },
});

/** The arm-compute client, signed in as the primary identity or as `login`. */
export function computeClient(emu: RunningEmulator, login?: ClientLogin): ComputeManagementClient {
  return new ComputeManagementClient(emulatorCredential(emu, login), emu.subscriptionId, clientOptions(emu));
}

/** The arm-authorization client (role assignments and definitions), signed in like computeClient. */
export function authorizationClient(
  emu: RunningEmulator,
  login?: ClientLogin,
): AuthorizationManagementClient {
  return new AuthorizationManagementClient(
    emulatorCredential(emu, login),
    emu.subscriptionId,
    clientOptions(emu),
  );
}

/** Fast defaults for tests: replication in milliseconds, no Retry-After, quick deletes. */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    inMemory: true,
    replicationSpeedGBps: 2000,
    retryAfterSeconds: 0,
    versionDeleteMs: 30,
    ...options,
  });
}

/** Poller options for the arm-compute long-running operations. */
export const FAST = { updateIntervalInMs: 10 } as const;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
