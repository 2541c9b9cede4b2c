/**
 * Quantities into money, only with the prices the user configured (`compute-gallery:prices`):
 * a missing price is reported as missing, never filled in.
 */
import type { Prices } from "./config";
import type { StorageEstimate } from "./storage";

export interface Cost {
  /** undefined when a price or a size is missing; `missing` says which. */
  readonly amount: number | undefined;
  readonly missing: readonly string[];
}

export function storagePricePerGBMonth(
  prices: Prices,
  storageType: string,
  region: string,
): number | undefined {
  const entry = prices.storagePerGBMonth?.[storageType];
  if (entry === undefined || typeof entry === "number") return entry;
  return entry[region] ?? entry.default;
}

/** The estimate's snapshots stored for a month. */
export function monthlyStorageCost(estimate: StorageEstimate, prices: Prices): Cost {
  const missing: string[] = [];
  let amount = 0;
  for (const region of estimate.regions) {
    const price = storagePricePerGBMonth(prices, region.storageAccountType, region.region);
    if (price === undefined)
      missing.push(`storage price of ${region.storageAccountType} in ${region.region}`);
    else if (region.storedGB !== undefined) amount += price * region.storedGB;
  }
  if (estimate.storedGB === undefined) missing.push("the version's size (set usedSizeInGB)");
  return { amount: missing.length === 0 ? amount : undefined, missing };
}

/** A one-time copy of `gb` over the network, not a monthly charge. */
export function egressCost(gb: number | undefined, prices: Prices): Cost {
  const missing = [
    ...(prices.egressPerGB === undefined ? ["egress price (egressPerGB)"] : []),
    ...(gb === undefined ? ["the version's size (set usedSizeInGB)"] : []),
  ];
  return { amount: missing.length === 0 ? gb! * prices.egressPerGB! : undefined, missing };
}
