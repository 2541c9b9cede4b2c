// How both ARM clients (compute in galleryApi.ts, authorization in accessApi.ts) are built from a
// connection: its endpoint, its policies on every call, and a pipeline without the form-data policy.
import type { Pipeline, PipelinePolicy } from "@azure/core-rest-pipeline";
import type { ArmConnection } from "./galleryApi";

/**
 * The SDK's policy for multipart and URL-encoded bodies. It asks every request whether its body is a
 * `FormData`, and the first time a process asks, Node loads its fetch implementation (undici) to
 * answer: about 15 ms before the first request of every provider process. ARM's management
 * operations take JSON only, so nothing this policy handles is ever sent.
 */
const FORM_DATA_POLICY = "formDataPolicy";

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

/** The client with its pipeline cut to what ARM's JSON operations use (see FORM_DATA_POLICY). */
export function withArmPipeline<Client extends { pipeline: Pipeline }>(client: Client): Client {
  client.pipeline.removePolicy({ name: FORM_DATA_POLICY });
  return client;
}
