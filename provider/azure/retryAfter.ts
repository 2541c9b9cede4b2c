// How long an Azure answer asks the client to wait before asking again.

export type Headers = { get(name: string): string | undefined };

/**
 * How long a response asks the client to wait, in ms; 0 when it does not say. The millisecond
 * headers come first, in the order the Azure SDK guidelines give them (`retry-after-ms`,
 * `x-ms-retry-after-ms`), then Retry-After in seconds or as an HTTP date.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const value = headers.get(name);
    if (value && Number.isFinite(Number(value))) return Math.max(0, Number(value));
  }
  const value = headers.get("retry-after");
  if (!value) return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : Math.max(0, at - now);
}
