// How the benchmark turns rounds into one figure: each round's ratio of two flavours measured side by
// side, then the median of those ratios, so a round slowed by the machine slows both sides of its ratio.
// Figures are kept to two places, as the report prints them.
import type { Flavour } from "./programs";
import type { StackRun } from "./stacks";

export const round2 = (value: number) => Math.round(value * 100) / 100;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median over rounds of one flavour's figure over another's, round by round. */
export function medianRatio(
  perRound: Partial<Record<Flavour, number[]>>,
  over: Flavour,
  under: Flavour,
): number {
  const a = perRound[over]!;
  const b = perRound[under]!;
  return median(a.map((value, round) => value / b[round]!));
}

/** One flavour's state per resource over another's (one figure per run: the state after the first `up`). */
export function stateRatio(run: StackRun, over: Flavour, under: Flavour): number {
  return run.stateBytesPerResource[over]! / run.stateBytesPerResource[under]!;
}
