import { toExcelPrecision } from "./excel-precision";
import { PlanMathError, requireFinite, requireNonNegative } from "./errors";

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
 * Splits a total by relative weights: part i = total × weights[i] ÷ Σ weights (weights 0 or more, not all zero).
 *
 * With `whole`, parts are whole numbers that sum exactly to the total (which must be whole): each part gets the whole
 * part of its exact share, and the units left over go one each to the largest remainders, ties to the earliest
 * period (the largest remainder method). Shares are compared at Excel's 15 significant digits. A total so large that
 * its parts cannot add up to it exactly in floating point (far beyond 1E+12) is refused rather than split inexactly.
 * Example: 10 deals by weights 1, 1, 1 gives 4, 3, 3.
 */
export function splitByWeights(total: number, weights: readonly number[], whole = false): number[] {
  requireFinite("total", total);
  const shares = normalizedShares(weights);
  if (!whole) return shares.map((share) => total * share);
  if (!Number.isInteger(total) || total < 0) {
    throw new PlanMathError("total", "must be a whole number, 0 or more, to be split into whole parts");
  }
  const exact = shares.map((share) => toExcelPrecision(total * share));
  const parts = exact.map((value) => Math.floor(value));
  const remainders = exact.map((value, index) => toExcelPrecision(value - parts[index]!));
  let leftover = total - parts.reduce((sum, part) => sum + part, 0);
  const order = remainders.map((_, index) => index).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  for (const index of order) {
    if (leftover <= 0) break;
    parts[index]! += 1;
    leftover--;
  }
  if (parts.reduce((sum, part) => sum + part, 0) !== total) {
    throw new PlanMathError("total", "is too large to be split into whole parts that add up to it exactly");
  }
  return parts;
}
