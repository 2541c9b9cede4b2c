/**
 * End-of-life dates: a date Azure can parse, and in the future whenever it is set or changed. An
 * unchanged date that has since passed is fine: the resource did nothing wrong by ageing.
 */
import type { CheckFailure } from "./schemaFailures";
import { formatPath, getPath, showValue, stringAt, type PathSegment } from "./values";

export function endOfLifeDateFailures(
  path: readonly PathSegment[],
  olds: unknown,
  news: unknown,
  now: Date,
): CheckFailure[] {
  const value = stringAt(news, path);
  if (value === undefined) return [];
  const property = formatPath(path);
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) {
    return [
      {
        property,
        reason: `${property} ${showValue(value)} is not a date: use ISO 8601, e.g. "2030-12-31T23:59:59Z"`,
      },
    ];
  }
  const previous = getPath(olds, path);
  const unchanged = typeof previous === "string" && Date.parse(previous) === instant;
  if (unchanged || instant > now.getTime()) return [];
  return [
    {
      property,
      reason: `${property} ${showValue(value)} is not in the future (now is ${now.toISOString()}): a new or changed end-of-life date must lie ahead`,
    },
  ];
}
