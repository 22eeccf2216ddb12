import { roundHalfUp } from "./excel-precision";
import { PlanMathError, requireFinite, requireNonNegative } from "./errors";

/**
 * Decimals to which the largest-remainder method rounds each exact share and each remainder before comparing them.
 * Comparing raw doubles would let float noise decide ties (27.275 − 27 is 0.27499999999999858, 13.275 − 13 is
 * 0.27500000000000036), and spreadsheet engines compare with different tolerances (Excel ~15 digits, LibreOffice
 * 2^-48, HyperFormula exactly). Rounding to 6 decimals first, with the same ROUND the sheet uses, makes every engine
 * and the plan core rank the remainders identically, and ties really are ties.
 */
export const WHOLE_SPLIT_DECIMALS = 6;

function normalizedShares(weights: readonly number[]): number[] {
  if (weights.length === 0) throw new PlanMathError("weights", "must hold at least one weight");
  weights.forEach((weight, index) => requireNonNegative(`weights[${index}]`, weight));
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (sum === 0) throw new PlanMathError("weights", "must not all be zero");
  // Beyond Excel's largest number every share would silently become 0.
  if (!Number.isFinite(sum)) throw new PlanMathError("weights", "must add up to a finite number");
  return weights.map((weight) => weight / sum);
}

/**
 * Rank of each value, 1 for the largest, equal values ranked in order of position: 1 + the number of values larger, or
 * equal and earlier (the sheet's rank formula). By sorting positions once (O(n log n)) rather than counting for each.
 */
function rankLargestFirst(values: readonly number[]): number[] {
  const order = Array.from(values.keys()).sort((a, b) => values[b]! - values[a]! || a - b);
  const ranks = new Array<number>(values.length);
  order.forEach((position, index) => {
    ranks[position] = index + 1;
  });
  return ranks;
}

/** Every intermediate value of a largest-remainder split, one entry per weight (the sheets show them as columns). */
export interface WholeSplit {
  /** weight ÷ Σ weights. */
  readonly shares: readonly number[];
  /** ROUND(total × share, 6). */
  readonly exact: readonly number[];
  /** INT(exact): the whole part every period gets first. */
  readonly wholeParts: readonly number[];
  /** ROUND(exact − whole part, 6). */
  readonly remainders: readonly number[];
  /** 1 = the largest remainder; equal remainders rank the earlier period first. */
  readonly ranks: readonly number[];
  /** total − Σ whole parts: how many periods get one more unit (those ranked 1 to leftover). */
  readonly leftover: number;
  /** Whole parts summing exactly to the total. */
  readonly parts: readonly number[];
}

/**
 * The largest remainder method: splits a whole total into whole parts proportional to the weights that sum exactly to
 * the total. Each part gets the whole part of its exact share (rounded to `WHOLE_SPLIT_DECIMALS` decimals), and the
 * units left over go one each to the largest remainders, ties to the earliest period. A total so large that its parts
 * cannot add up to it exactly in floating point (far beyond 1E+12) is refused rather than split inexactly.
 * Example: 10 deals by weights 1, 1, 1 gives 4, 3, 3.
 *
 * @param total a whole number, 0 or more
 * @param weights relative weights, 0 or more, not all zero
 */
export function largestRemainderSplit(total: number, weights: readonly number[]): WholeSplit {
  requireFinite("total", total);
  const shares = normalizedShares(weights);
  if (!Number.isInteger(total) || total < 0) {
    throw new PlanMathError("total", "must be a whole number, 0 or more, to be split into whole parts");
  }
  const exact = shares.map((share) => roundHalfUp(total * share, WHOLE_SPLIT_DECIMALS));
  const wholeParts = exact.map((value) => Math.floor(value));
  const remainders = exact.map((value, index) => roundHalfUp(value - wholeParts[index]!, WHOLE_SPLIT_DECIMALS));
  const ranks = rankLargestFirst(remainders);
  const leftover = total - wholeParts.reduce((sum, part) => sum + part, 0);
  const parts = wholeParts.map((part, index) => part + (ranks[index]! <= leftover ? 1 : 0));
  if (parts.reduce((sum, part) => sum + part, 0) !== total) {
    throw new PlanMathError("total", "is too large to be split into whole parts that add up to it exactly");
  }
  return { shares, exact, wholeParts, remainders, ranks, leftover, parts };
}

/**
 * Splits a total by relative weights: part i = total × weights[i] ÷ Σ weights (weights 0 or more, not all zero).
 *
 * With `whole`, parts are whole numbers that sum exactly to the total (which must be whole), by the largest remainder
 * method (see `largestRemainderSplit`).
 */
export function splitByWeights(total: number, weights: readonly number[], whole = false): number[] {
  requireFinite("total", total);
  if (whole) return [...largestRemainderSplit(total, weights).parts];
  return normalizedShares(weights).map((share) => total * share);
}
