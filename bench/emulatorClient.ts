// What the emulator benchmarks share: a raw HTTPS client with one token and a keep-alive agent (the
// SDK's pipeline would measure itself), latency percentiles, a bounded pool of jobs.
import * as https from "https";
import * as path from "path";
import { SUPPORTED_API_VERSIONS, type RunningEmulator } from "../emulator";
import { EmulatorCredential } from "../provider/azure/emulatorCredential";
import type { ReachableEmulator } from "../test/emulator/client";
import { startEmulatorProcess, type EmulatorProcess } from "../test/emulator/emulatorProcess";
import { round2 } from "./ratios";

export const API = SUPPORTED_API_VERSIONS[SUPPORTED_API_VERSIONS.length - 1];

/** What a client needs to reach an emulator (in another process, as the benchmarks run it). */
export type EmulatorAddress = ReachableEmulator & Pick<RunningEmulator, "subscriptionId">;

/**
 * The emulator the load benchmarks drive: a process of its own, compiled as users run it, so that its
 * clients neither share its event loop nor count in its memory; near-instant replication, implicit
 * resource groups.
 */
export function startLoadedEmulator(stateDir: string, args: string[] = []): Promise<EmulatorProcess> {
  const seed = path.join(__dirname, "seed.json");
  const flags = ["--replication-speed", "1000000", "--seed", seed, "--resource-groups", "implicit", ...args];
  return startEmulatorProcess(stateDir, flags, { compiled: true });
}

export interface Percentiles {
  p50: number;
  p99: number;
  count: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: round2(at(0.5)), p99: round2(at(0.99)), count: sorted.length };
}

export interface Reply {
  status: number;
  ms: number;
  body: any;
}

export interface Client {
  send(method: string, pathAndQuery: string, body?: unknown): Promise<Reply>;
}

export async function client(emulator: EmulatorAddress): Promise<Client> {
  const agent = new https.Agent({ ca: emulator.certificatePem, keepAlive: true, maxSockets: 64 });
  const credential = new EmulatorCredential({
    authorityHost: emulator.endpoint,
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    agent,
  });
  const token = (await credential.getToken("https://management.azure.com/.default")).token;
  return {
    send: (method, pathAndQuery, body) =>
      new Promise((resolve, reject) => {
        const text = body === undefined ? undefined : JSON.stringify(body);
        const started = process.hrtime.bigint();
        const req = https.request(
          `${emulator.endpoint}${pathAndQuery}`,
          {
            method,
            agent,
            headers: {
              authorization: `Bearer ${token}`,
              ...(text
                ? { "content-type": "application/json", "content-length": Buffer.byteLength(text) }
                : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => {
              const ms = Number(process.hrtime.bigint() - started) / 1e6;
              const raw = Buffer.concat(chunks).toString("utf8");
              resolve({ status: res.statusCode ?? 0, ms, body: raw ? JSON.parse(raw) : undefined });
            });
          },
        );
        req.on("error", reject);
        req.end(text);
      }),
  };
}

export function expectOk(what: string, reply: { status: number; body: any }): void {
  if (reply.status >= 300) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
}

/**
 * A gallery `name` in resource group `rg-<name>` with `count` Linux definitions `def-0`...; returns
 * the definitions' paths by index.
 */
export async function putGalleryWithDefinitions(
  http: Client,
  emulator: EmulatorAddress,
  name: string,
  count: number,
): Promise<(index: number) => string> {
  const q = `?api-version=${API}`;
  const gallery = `/subscriptions/${emulator.subscriptionId}/resourceGroups/rg-${name}/providers/Microsoft.Compute/galleries/${name}`;
  expectOk("gallery", await http.send("PUT", `${gallery}${q}`, { location: "westeurope" }));
  const image = (d: number) => `${gallery}/images/def-${d}`;
  for (let d = 0; d < count; d++) {
    expectOk(
      "definition",
      await http.send("PUT", `${image(d)}${q}`, {
        location: "westeurope",
        properties: {
          osType: "Linux",
          osState: "Generalized",
          hyperVGeneration: "V2",
          identifier: { publisher: "Contoso", offer: name, sku: `def-${d}` },
        },
      }),
    );
  }
  return image;
}
