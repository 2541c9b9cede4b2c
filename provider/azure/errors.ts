// Turns the Azure SDK's RestError into a message a platform engineer can act
// on: Azure's error code, its target, its message, and the request that failed.

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  details?: unknown;
  request?: { method?: string; url?: string };
}

function cloudError(details: unknown): { code?: string; message?: string; target?: string } | undefined {
  if (details && typeof details === "object") {
    const error = (details as { error?: unknown }).error ?? details;
    if (error && typeof error === "object")
      return error as { code?: string; message?: string; target?: string };
  }
  return undefined;
}

/** True when Azure answered 404 for the resource or one of its parents. */
export function isNotFound(error: unknown): boolean {
  const e = error as RestErrorLike | undefined;
  if (e?.statusCode !== 404) return false;
  // A wrong subscription is a 404 too, but says nothing about the resource.
  return (cloudError(e.details)?.code ?? e.code) !== "SubscriptionNotFound";
}

/** A readable Error for anything an SDK call threw; tokens never appear in it. */
export function describeAzureError(error: unknown, action: string): Error {
  const e = error as RestErrorLike;
  const inner = cloudError(e?.details);
  const code = inner?.code ?? e?.code;
  const target = inner?.target ? ` (target: ${inner.target})` : "";
  const status = e?.statusCode ? ` [HTTP ${e.statusCode}]` : "";
  const message = inner?.message ?? e?.message ?? String(error);
  return new Error(`${action} failed: ${code ? `${code}: ` : ""}${message}${target}${status}`);
}
