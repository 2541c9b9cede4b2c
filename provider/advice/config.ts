/**
 * The optional stack configuration behind the advice, parsed and validated:
 *
 *   compute-gallery:expectedLoad  per region, deployments reading a version at the same time:
 *                                 {"westeurope": {"concurrentVms": 120, "concurrentScaleSets": 2}}
 *   compute-gallery:prices        what the subscription pays (never guessed; without it, quantities only):
 *                                 {"currency": "EUR",
 *                                  "storagePerGBMonth": {"Standard_LRS": 0.05,
 *                                                        "Premium_LRS": {"default": 0.12, "westeurope": 0.13}},
 *                                  "egressPerGB": 0.02}
 *
 * Each parser throws an error naming the key, the offending property and value, and what is allowed.
 * compute-gallery:intent (which galleries hold production images) is parsed in intent.ts.
 */
import { z } from "../model/zod";
import { STORAGE_ACCOUNT_TYPES } from "../model/enums";
import { findRegion, normaliseRegionName } from "../model/regions";
import type { ExpectedLoad } from "./replicas";

export type ExpectedLoadByRegion = Readonly<Record<string, ExpectedLoad>>;

/** A price that may differ by region: one number, or a default and per-region exceptions. */
export type RegionalPrice =
  number | { readonly default?: number; readonly [region: string]: number | undefined };

export interface Prices {
  readonly currency?: string;
  /** Per storage type: price of one GB stored for a month. */
  readonly storagePerGBMonth?: Readonly<Partial<Record<string, RegionalPrice>>>;
  /** Price of one GB copied out of the source region. */
  readonly egressPerGB?: number;
}

const count = z.number().int().min(0);
const loadSchema = z.record(
  z.string(),
  z.strictObject({ concurrentVms: count.optional(), concurrentScaleSets: count.optional() }),
);

const price = z.number().min(0);
const pricesSchema = z.strictObject({
  currency: z.string().min(1).optional(),
  storagePerGBMonth: z
    .partialRecord(z.enum(STORAGE_ACCOUNT_TYPES), z.union([price, z.record(z.string(), price)]))
    .optional(),
  egressPerGB: price.optional(),
});

const KEY = "compute-gallery";

function parseJson(key: string, text: string, example: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${KEY}:${key} is not valid JSON (${(error as Error).message}); expected e.g. ${example}`,
    );
  }
}

function schemaError(key: string, raw: unknown, error: z.ZodError, allowed: string): Error {
  const issue = error.issues[0]!;
  const where = issue.path.length === 0 ? "" : `.${issue.path.join(".")}`;
  const value = issue.path.reduce<unknown>(
    (at, segment) =>
      at !== null && typeof at === "object" ? (at as Record<PropertyKey, unknown>)[segment] : undefined,
    raw,
  );
  return new Error(`${KEY}:${key}${where} is ${JSON.stringify(value)}: ${issue.message}; ${allowed}`);
}

function regionKey(key: string, name: string): string {
  if (!findRegion(name)) {
    throw new Error(
      `${KEY}:${key} names region "${name}", which is no Azure region; use a name such as westeurope`,
    );
  }
  return normaliseRegionName(name);
}

/** JSON text of config `key`, checked against `schema`; errors name the key, path, value and `allowed`. */
export function parseConfig<T>(
  key: string,
  text: string,
  schema: z.ZodType<T>,
  example: string,
  allowed: string,
): T {
  const raw = parseJson(key, text, example);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw schemaError(key, raw, parsed.error, allowed);
  return parsed.data;
}

/** Its regions normalised: "West Europe" is westeurope. */
export function parseExpectedLoad(text: string): ExpectedLoadByRegion {
  const loads = parseConfig(
    "expectedLoad",
    text,
    loadSchema,
    '{"westeurope": {"concurrentVms": 120, "concurrentScaleSets": 2}}',
    "allowed per region: concurrentVms and concurrentScaleSets, whole numbers of 0 or more",
  );
  return Object.fromEntries(
    Object.entries(loads).map(([region, load]) => [regionKey("expectedLoad", region), load]),
  );
}

export function parsePrices(text: string): Prices {
  const prices = parseConfig(
    "prices",
    text,
    pricesSchema,
    '{"currency": "EUR", "storagePerGBMonth": {"Standard_LRS": 0.05}, "egressPerGB": 0.02}',
    `allowed: currency (text), egressPerGB (a number of 0 or more), storagePerGBMonth keyed by ${STORAGE_ACCOUNT_TYPES.join(", ")} ` +
      "with a number or {default, <region>: number}",
  );
  for (const [type, value] of Object.entries(prices.storagePerGBMonth ?? {})) {
    if (typeof value === "object") {
      for (const region of Object.keys(value)) {
        if (region !== "default") regionKey(`prices.storagePerGBMonth.${type}`, region);
      }
    }
  }
  return prices;
}
