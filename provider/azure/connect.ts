// Builds the GalleryApi for the configured backend. Azure and the emulator go
// through the same arm-compute client; only the endpoint, the credential and
// the certificate the TLS connection trusts differ.
import * as fs from "fs";
import * as https from "https";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import type { BackendSettings } from "./settings";
import type { ArmConnection, GalleryApi } from "./galleryApi";
import { EmulatorCredential } from "./emulatorCredential";
import { onFirstUse } from "../tuning";

/**
 * The Azure SDK clients (a few hundred milliseconds to load), loaded on first use (tuning.ts, 3): the
 * embedded backend starts its emulator thread first, so that the thread boots while this one loads them.
 */
const galleryApiModule = onFirstUse(() => require("./galleryApi") as typeof import("./galleryApi"));

function armGalleryApi(connection: ArmConnection): GalleryApi {
  return galleryApiModule().armGalleryApi(connection);
}

export interface Connection {
  api: GalleryApi;
  subscriptionId: string;
  /** Stops the embedded emulator, if this connection started one. */
  close(): Promise<void>;
}

/** Makes every request of the SDK pipeline trust exactly the given agent's CA. */
function trustPolicy(agent: https.Agent): PipelinePolicy {
  return {
    name: "trustEmulatorCertificate",
    sendRequest: (request, next) => {
      request.agent = agent;
      return next(request);
    },
  };
}

interface EmulatorAccess {
  endpoint: string;
  certificatePem: string;
  subscriptionId: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

function emulatorApi(access: EmulatorAccess): GalleryApi {
  const agent = new https.Agent({ ca: access.certificatePem, keepAlive: true });
  const credential = new EmulatorCredential({
    authorityHost: access.endpoint,
    tenantId: access.tenantId,
    clientId: access.clientId,
    clientSecret: access.clientSecret,
    agent,
  });
  return armGalleryApi({
    credential,
    subscriptionId: access.subscriptionId,
    endpoint: access.endpoint,
    policies: [trustPolicy(agent)],
  });
}

async function startEmbedded(settings: BackendSettings): Promise<Connection> {
  // Loaded only here so that talking to Azure never loads the emulator. It runs on a thread of its
  // own (emulator/thread.ts), so serving the provider's requests does not take turns with sending them.
  const emulatorPackage = require("../../emulator/options") as typeof import("../../emulator/options");
  const { startEmulatorThread } = require("../../emulator/thread") as typeof import("../../emulator/thread");
  const speed = settings.replicationSpeed;
  const starting = startEmulatorThread({
    port: 0,
    stateDir: settings.stateDir,
    allowedAccessRegions: settings.accessGrantedRegions,
    retryAfterSeconds: 1,
    // Deleting a version's replicas is paced like writing them: a faster configured speed shortens
    // both, in the proportion the emulator's defaults have.
    ...(speed
      ? {
          replicationSpeedGBps: speed,
          versionDeleteMs: Math.ceil(
            (emulatorPackage.DEFAULT_VERSION_DELETE_MS * emulatorPackage.DEFAULT_REPLICATION_SPEED_GBPS) /
              speed,
          ),
        }
      : {}),
    ...(settings.seedFile ? { seedFile: settings.seedFile } : {}),
  });
  // The thread boots while this thread loads the SDK. (A failed start is reported by the await below,
  // not as an unhandled rejection meanwhile.)
  starting.catch(() => undefined);
  galleryApiModule();
  const emulator = await starting;
  return {
    api: emulatorApi(emulator),
    subscriptionId: emulator.subscriptionId,
    close: () => emulator.stop(),
  };
}

function connectExternalEmulator(settings: BackendSettings): Connection {
  const { DEFAULT_IDENTITY } = require("../../emulator/options") as typeof import("../../emulator/options");
  const certificatePath = settings.emulatorCertificatePath;
  if (!certificatePath) {
    throw new Error("compute-gallery:emulatorCertificatePath must name the emulator's certificate (PEM)");
  }
  const subscriptionId = settings.subscriptionId ?? DEFAULT_IDENTITY.subscriptionId;
  return {
    api: emulatorApi({
      endpoint: settings.emulatorEndpoint!,
      certificatePem: fs.readFileSync(certificatePath, "utf8"),
      subscriptionId,
      tenantId: settings.emulatorTenantId ?? DEFAULT_IDENTITY.tenantId,
      clientId: settings.emulatorClientId ?? DEFAULT_IDENTITY.clientId,
      clientSecret: settings.emulatorClientSecret ?? DEFAULT_IDENTITY.clientSecret,
    }),
    subscriptionId,
    close: async () => {},
  };
}

function connectAzure(settings: BackendSettings): Connection {
  // Created here, at run time inside the provider process, so no credential
  // is ever captured into the serialized provider or the state.
  const { DefaultAzureCredential } = require("@azure/identity") as typeof import("@azure/identity");
  return {
    api: armGalleryApi({
      credential: new DefaultAzureCredential(),
      subscriptionId: settings.subscriptionId!,
    }),
    subscriptionId: settings.subscriptionId!,
    close: async () => {},
  };
}

export async function connect(settings: BackendSettings): Promise<Connection> {
  switch (settings.kind) {
    case "local":
      return startEmbedded(settings);
    case "emulator":
      return connectExternalEmulator(settings);
    case "azure":
      return connectAzure(settings);
  }
}
