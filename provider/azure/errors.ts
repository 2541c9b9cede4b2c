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

/**
 * An Azure call that failed, said for people: the action and resource, Azure's code, message and
 * target, and the HTTP status. Its stack is its message: the engine shows a provider error's stack
 * when there is one, and a trace through the SDK tells the user nothing.
 */
export class AzureError extends Error {
  constructor(
    message: string,
    /** Azure's HTTP status; undefined when no answer came (a lost connection, a failed operation). */
    readonly statusCode: number | undefined,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "AzureError";
    this.stack = message;
  }

  /** Azure refused the request itself (4xx): nothing was written. */
  get refused(): boolean {
    return this.statusCode !== undefined && this.statusCode >= 400 && this.statusCode < 500;
  }
}

/**
 * How @azure/core-lro reports an operation that ended Failed, with Azure's code and message in it;
 * a message in another form is shown whole (provider/tuning.ts, 5).
 */
const FAILED_OPERATION = /^The long-running operation has failed\. ([A-Za-z][\w.]*)\. ([\s\S]*)$/;

/** A readable Error for anything an SDK call threw; tokens never appear in it. */
export function describeAzureError(error: unknown, action: string): AzureError {
  const e = error as RestErrorLike;
  const inner = cloudError(e?.details);
  const failed = !e?.statusCode && typeof e?.message === "string" ? FAILED_OPERATION.exec(e.message) : null;
  const code = inner?.code ?? failed?.[1] ?? e?.code;
  const target = inner?.target ? ` (target: ${inner.target})` : "";
  const status = e?.statusCode ? ` [HTTP ${e.statusCode}]` : "";
  const message = inner?.message ?? failed?.[2] ?? e?.message ?? String(error);
  return new AzureError(
    `${action} failed: ${code ? `${code}: ` : ""}${message}${target}${status}`,
    e?.statusCode,
    code,
  );
}

/** Runs an SDK call; what it throws becomes describeAzureError's message for `action`. */
export async function explained<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw describeAzureError(error, action);
  }
}

/** An SDK read: undefined when Azure says the resource does not exist. */
export async function unlessNotFound<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
