/**
 * What a change of an image version does to its storage and egress: the estimates before and after,
 * the regions it copies the version to over the network, and, with configured prices, the monthly
 * storage cost before and after and the one-time egress cost. The review report and the preview
 * (a note on the version) both read it, so they agree.
 *
 * Pure: no I/O.
 */
import type { Prices } from "./config";
import { egressCost, monthlyStorageCost } from "./cost";
import { BASIS_TEXT, gb, money, signed, signedMoney } from "./format";
import { egressOfChange, footprintOfVersion, storageEstimate, type StorageEstimate } from "./storage";
import type { JsonObject } from "../model/jsonObject";

export interface StorageChange {
  readonly before: StorageEstimate | undefined;
  readonly after: StorageEstimate | undefined;
  /** Regions the change copies the version to over the network, and how many GB that is. */
  readonly egress: { readonly regions: readonly string[]; readonly gb: number | undefined };
  /** Only with configured prices: storage per month before and after, and the one-time egress. */
  readonly cost?: {
    readonly monthlyBefore: number | undefined;
    readonly monthlyAfter: number | undefined;
    readonly egressOnce: number | undefined;
    readonly missing: readonly string[];
  };
}

/**
 * A version's estimate after a change. New inputs carry no provisioned sizes (Azure reports them
 * once the version exists), so they borrow the sizes of the version they change.
 */
export function estimateAfter(after: JsonObject, before?: JsonObject): StorageEstimate {
  const footprint = footprintOfVersion(after);
  const borrowed =
    before && footprint.provisionedDiskSizesInGB === undefined
      ? footprintOfVersion(before).provisionedDiskSizesInGB
      : undefined;
  return storageEstimate(borrowed ? { ...footprint, provisionedDiskSizesInGB: borrowed } : footprint);
}

/** `before` absent: a new version; `after` absent: a deleted one; `recreated`: a replacement. */
export function storageChange(
  before: JsonObject | undefined,
  after: JsonObject | undefined,
  recreated: boolean,
  prices?: Prices,
): StorageChange {
  const old = before && storageEstimate(footprintOfVersion(before));
  const next = after && estimateAfter(after, before);
  const egress = next ? egressOfChange(old, next, recreated) : { regions: [], gb: 0 };
  if (!prices) return { before: old, after: next, egress };
  const monthly = (estimate: StorageEstimate | undefined) =>
    estimate === undefined ? { amount: 0, missing: [] } : monthlyStorageCost(estimate, prices);
  const [costBefore, costAfter, costEgress] = [monthly(old), monthly(next), egressCost(egress.gb, prices)];
  return {
    before: old,
    after: next,
    egress,
    cost: {
      monthlyBefore: costBefore.amount,
      monthlyAfter: costAfter.amount,
      egressOnce: costEgress.amount,
      missing: [...new Set([...costBefore.missing, ...costAfter.missing, ...costEgress.missing])],
    },
  };
}

/** True when the change moves any billed quantity: snapshots, stored GB or egress. */
export function changesBilling(change: StorageChange): boolean {
  const snapshots = (e: StorageEstimate | undefined) => e?.snapshots ?? 0;
  const stored = (e: StorageEstimate | undefined) => e?.storedGB ?? 0;
  return (
    snapshots(change.before) !== snapshots(change.after) ||
    stored(change.before) !== stored(change.after) ||
    change.egress.regions.length > 0
  );
}

/** The figures of a change as the preview and the report print them. */
export interface StorageChangeFigures {
  readonly snapshots: readonly [number, number];
  readonly snapshotsDelta: string;
  /** GB stored before and after. */
  readonly stored: readonly [string, string];
  readonly storedDelta: string;
  readonly sizePerSnapshot: string;
  readonly basis: string;
  /** "none", or the GB copied over the network; `egressTo` names the regions. */
  readonly egress: string;
  readonly egressTo: string;
  /** With prices: the monthly storage cost before and after, its change, and the one-time egress. */
  readonly cost?: {
    readonly before: string;
    readonly after: string;
    readonly delta: string;
    readonly egressOnce: string;
  };
}

export function storageChangeFigures(change: StorageChange, prices?: Prices): StorageChangeFigures {
  const { before, after, egress } = change;
  const snapshots = (e: StorageEstimate | undefined) => e?.snapshots ?? 0;
  const stored = (e: StorageEstimate | undefined) => (e === undefined ? 0 : e.storedGB);
  const [storedBefore, storedAfter] = [stored(before), stored(after)];
  const figures = {
    snapshots: [snapshots(before), snapshots(after)] as const,
    snapshotsDelta: signed(snapshots(after) - snapshots(before)),
    stored: [gb(storedBefore), gb(storedAfter)] as const,
    storedDelta:
      storedBefore === undefined || storedAfter === undefined
        ? "unknown"
        : `${signed(storedAfter - storedBefore)} GB`,
    sizePerSnapshot: gb((after ?? before)?.sizePerSnapshotGB),
    basis: BASIS_TEXT[(after ?? before)?.basis ?? "unknown"],
    egress: egress.regions.length === 0 ? "none" : gb(egress.gb),
    egressTo: egress.regions.join(", "),
  };
  if (!change.cost || !prices) return figures;
  const { monthlyBefore, monthlyAfter, egressOnce } = change.cost;
  return {
    ...figures,
    cost: {
      before: money(monthlyBefore, prices),
      after: money(monthlyAfter, prices),
      delta:
        monthlyBefore === undefined || monthlyAfter === undefined
          ? "unknown"
          : signedMoney(monthlyAfter - monthlyBefore, prices),
      egressOnce: money(egressOnce, prices),
    },
  };
}

/**
 * One line for the preview, e.g. "storage 2 -> 6 snapshots (+4), 20 GB -> 60 GB (+40 GB), 10 GB per
 * snapshot, the used size given (usedSizeInGB); egress 20 GB once (to northeurope, eastus)", and the
 * cost with prices.
 */
export function storageChangeSummary(change: StorageChange, prices?: Prices): string {
  const f = storageChangeFigures(change, prices);
  const parts = [
    `storage ${f.snapshots[0]} -> ${f.snapshots[1]} snapshots (${f.snapshotsDelta}), ` +
      `${f.stored[0]} -> ${f.stored[1]} (${f.storedDelta}), ${f.sizePerSnapshot} per snapshot, ${f.basis}`,
    `egress ${f.egress === "none" ? "none" : `${f.egress} once (to ${f.egressTo})`}`,
  ];
  if (f.cost) parts.push(`cost ${f.cost.delta} per month, ${f.cost.egressOnce} egress once`);
  return parts.join("; ");
}
