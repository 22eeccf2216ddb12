import { roundUp } from "./excel-precision";
import { PlanMathError, requireNonNegative, requirePositive, requireRate } from "./errors";

/**
 * `up`: every volume is rounded up to a whole number, each stage computed from the rounded stage below it (leads,
 * meetings and deals are whole); this is what a chain of ROUNDUP formulas gives. `none`: exact values.
 */
export type FunnelRounding = "up" | "none";

/** One funnel step as the chosen rounding finishes it: ROUNDUP to a whole number in `up` mode, exact in `none`. */
export function finishFunnelVolume(value: number, rounding: FunnelRounding): number {
  return rounding === "up" ? roundUp(value) : value;
}

/**
 * Won deals needed to reach a revenue target: revenueTarget ÷ averageDealValue, rounded up in `up` mode.
 * 1,400,000 at an average deal of 100,000 needs 14 deals.
 */
export function dealsNeeded(revenueTarget: number, averageDealValue: number, rounding: FunnelRounding = "up"): number {
  requireNonNegative("revenueTarget", revenueTarget);
  requirePositive("averageDealValue", averageDealValue);
  return finishFunnelVolume(revenueTarget / averageDealValue, rounding);
}

function requireRates(conversionRates: readonly number[]): void {
  if (conversionRates.length === 0) throw new PlanMathError("conversionRates", "must hold at least one rate");
  conversionRates.forEach((rate, index) => requireRate(`conversionRates[${index}]`, rate));
}

/**
 * The reverse funnel: the volume each stage needs so that `deals` deals are won.
 *
 * `conversionRates[i]` is the share of stage i's volume that reaches stage i + 1, from the top of the funnel down to
 * the last stage before a won deal (which converts to won deals). Working up from the bottom,
 * stage i = stage i + 1 ÷ conversionRates[i] (rounded up in `up` mode, from the already rounded stage below).
 * Published example: 14 deals at 10 %, 35 %, 50 % and 40 % (calls → first meetings → second meetings → proposals
 * → deals) need 2,000 calls, 200 first meetings, 70 second meetings and 35 proposals.
 *
 * @returns the volume at each stage, top of the funnel first (same order as `conversionRates`)
 */
export function reverseFunnel(
  deals: number,
  conversionRates: readonly number[],
  rounding: FunnelRounding = "up",
): number[] {
  requireNonNegative("deals", deals);
  requireRates(conversionRates);
  const volumes = new Array<number>(conversionRates.length);
  let below = finishFunnelVolume(deals, rounding);
  for (let index = conversionRates.length - 1; index >= 0; index--) {
    below = finishFunnelVolume(below / conversionRates[index]!, rounding);
    volumes[index] = below;
  }
  return volumes;
}

export interface FunnelFromRevenue {
  /** Won deals needed. */
  readonly deals: number;
  /** Volume needed at each stage, top of the funnel first. */
  readonly stageVolumes: readonly number[];
}

/** Revenue target → deals → the volume every stage needs (see `dealsNeeded` and `reverseFunnel`). */
export function backCalculateFunnel(input: {
  revenueTarget: number;
  averageDealValue: number;
  conversionRates: readonly number[];
  rounding?: FunnelRounding;
}): FunnelFromRevenue {
  const rounding = input.rounding ?? "up";
  const deals = dealsNeeded(input.revenueTarget, input.averageDealValue, rounding);
  return { deals, stageVolumes: reverseFunnel(deals, input.conversionRates, rounding) };
}

/**
 * The forward funnel, exact: what a top-of-funnel volume yields at each later stage and in won deals
 * (volume × the product of the rates on the way). Used to check the reverse funnel: forward(reverse(d)) ≥ d.
 *
 * @returns `stageVolumes` (top first, the top itself included) and `deals`
 */
export function forwardFunnel(topVolume: number, conversionRates: readonly number[]): FunnelFromRevenue {
  requireNonNegative("topVolume", topVolume);
  requireRates(conversionRates);
  const stageVolumes: number[] = [topVolume];
  let volume = topVolume;
  for (const rate of conversionRates) {
    volume *= rate;
    stageVolumes.push(volume);
  }
  return { deals: stageVolumes.pop()!, stageVolumes };
}
