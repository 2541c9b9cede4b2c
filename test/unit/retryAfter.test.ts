// The wait an Azure answer asks for. The Azure SDK guidelines have clients honour the millisecond
// headers first (retry-after-ms, then x-ms-retry-after-ms), then Retry-After in seconds or as an
// HTTP date; a missing or unreadable header asks for no wait.
import { retryAfterMs } from "../../provider/azure/retryAfter";

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] });

test.each([
  ["Retry-After in seconds", { "retry-after": "2" }, 2000],
  ["retry-after-ms before Retry-After", { "retry-after": "1", "retry-after-ms": "40" }, 40],
  ["x-ms-retry-after-ms before Retry-After", { "retry-after": "1", "x-ms-retry-after-ms": "75" }, 75],
  ["retry-after-ms before x-ms-retry-after-ms", { "retry-after-ms": "10", "x-ms-retry-after-ms": "75" }, 10],
  ["retry-after-ms of zero: poll now", { "retry-after": "1", "retry-after-ms": "0" }, 0],
  [
    "an unreadable retry-after-ms falls back to Retry-After",
    { "retry-after": "3", "retry-after-ms": "soon" },
    3000,
  ],
  ["no header", {}, 0],
  ["an unreadable Retry-After", { "retry-after": "later" }, 0],
])("%s", (_name, h, expected) => {
  expect(retryAfterMs(headers(h))).toBe(expected);
});

test("Retry-After as an HTTP date waits until that moment", () => {
  const now = Date.parse("2026-11-30T12:00:00Z");
  expect(retryAfterMs(headers({ "retry-after": "Mon, 30 Nov 2026 12:00:05 GMT" }), now)).toBe(5000);
  expect(retryAfterMs(headers({ "retry-after": "Mon, 30 Nov 2026 11:59:00 GMT" }), now)).toBe(0);
});
