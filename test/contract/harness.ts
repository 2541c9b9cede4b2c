// Runs one fact through both sides: the provider's check/diff (pure) and the emulator through the real
// @azure/arm-compute client. The emulator never imports provider code; only this test harness sees both.
import type { ComputeManagementClient } from "@azure/arm-compute";
import type { RunningEmulator } from "../../emulator";
import { computeClient, FAST, fetchToken, request, startTestEmulator } from "../emulator/client";

export type Verdict = "accepted" | "refused";

export const RG = "rg-contract";
/** The provider's check context: no access request granted, as the emulator is started. */
export const CHECK_CONTEXT = { now: new Date("2026-01-01T00:00:00Z"), accessGrantedRegions: [] as string[] };
export const HOME = "eastus";
export const SOURCE = `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-src/providers/Microsoft.Compute/images/golden`;

export interface Backend {
  readonly emu: RunningEmulator;
  readonly client: ComputeManagementClient;
  stop(): Promise<void>;
}

/** An in-process emulator with a managed image registered in HOME. */
export async function startBackend(): Promise<Backend> {
  const emu = await startTestEmulator();
  const { token } = await fetchToken(emu);
  const registered = await request(emu, "PUT", "/admin/sources", {
    token,
    body: { id: SOURCE, location: HOME, osDiskSizeGB: 1 },
  });
  if (registered.status >= 300) throw new Error(`registering the source failed: ${registered.text}`);
  return { emu, client: computeClient(emu), stop: () => emu.stop() };
}

export interface Refusal {
  readonly status?: number;
  readonly code?: string;
  readonly message: string;
}

/** Runs an ARM call; undefined when Azure (the emulator) accepts it, else what it answered. */
export async function refusalOf(call: () => PromiseLike<unknown>): Promise<Refusal | undefined> {
  try {
    await call();
    return undefined;
  } catch (e) {
    const error = e as { statusCode?: number; code?: string; message?: string };
    return { status: error.statusCode, code: error.code, message: error.message ?? String(e) };
  }
}

export const verdictOf = (refusal: Refusal | undefined): Verdict => (refusal ? "refused" : "accepted");

/** A Linux image definition's required properties, in HOME. */
export const LINUX_IMAGE = { location: HOME, osType: "Linux", osState: "Generalized" } as const;

/** startBackend plus the gallery `home` and its definition `img`, both in HOME, for versions. */
export async function startBackendWithImage(): Promise<Backend> {
  const backend = await startBackend();
  await backend.client.galleries.createOrUpdate(RG, "home", { location: HOME }, FAST);
  const identifier = { publisher: "Contoso", offer: "Contract", sku: "Home" };
  await backend.client.galleryImages.createOrUpdate(RG, "home", "img", { ...LINUX_IMAGE, identifier }, FAST);
  return backend;
}
