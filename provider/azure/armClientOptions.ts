// How both ARM clients (compute in galleryApi.ts, authorization in accessApi.ts) are built from a
// connection: its endpoint, its policies on every call, and a pipeline without the SDK's form-data
// policy (why, and when it stays: provider/tuning.ts, 4).
import { formDataPolicyName, type Pipeline, type PipelinePolicy } from "@azure/core-rest-pipeline";
import type { ArmConnection } from "./galleryApi";
import { plainPath } from "../tuning";

/** The client options for a connection; `extra` are policies of the client's own, after the connection's. */
export function armClientOptions(connection: ArmConnection, extra: PipelinePolicy[] = []) {
  return {
    ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
    additionalPolicies: [...(connection.policies ?? []), ...extra].map((policy) => ({
      policy,
      position: "perCall" as const,
    })),
  };
}

/**
 * The client with its pipeline cut to what ARM's JSON operations use: without the form-data policy,
 * found by the name @azure/core-rest-pipeline exports for it. A pipeline without it is left as it is.
 */
export function withArmPipeline<Client extends { pipeline: Pipeline }>(client: Client): Client {
  if (!plainPath()) client.pipeline.removePolicy({ name: formDataPolicyName });
  return client;
}
