/**
 * How storage quantities and money read in the preview and in the review report: one spelling for
 * both, so a figure a reviewer sees in the pull request matches the one `pulumi preview` printed.
 */
import type { Prices } from "./config";
import type { SizeBasis } from "./storage";

export const number = (value: number): string => String(Math.round(value * 100) / 100);
export const signed = (value: number): string => (value > 0 ? `+${number(value)}` : number(value));
export const gb = (value: number | undefined): string =>
  value === undefined ? "unknown" : `${number(value)} GB`;

export function money(value: number | undefined, prices: Prices): string {
  return value === undefined
    ? "unknown"
    : `${value.toFixed(2)}${prices.currency ? ` ${prices.currency}` : ""}`;
}

export function signedMoney(value: number, prices: Prices): string {
  return `${value > 0 ? "+" : ""}${money(value, prices)}`;
}

export const BASIS_TEXT: Readonly<Record<SizeBasis, string>> = {
  used: "the used size given (usedSizeInGB)",
  "provisioned (upper bound)": "an upper bound from provisioned disk sizes",
  unknown: "size unknown until Azure reports it (set usedSizeInGB)",
};
