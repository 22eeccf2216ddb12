import { toExcelPrecision } from "./excel-precision";
import { PlanMathError, requireFinite, requireNonNegative, requirePositive } from "./errors";

/**
 * Attainment of a team: actuals against quotas, one pair of cells per rep.
 *
 * Without `threshold`: Σ actuals ÷ Σ quotas (the team's attainment, 1 is 100 %). With `threshold`: the share of reps
 * whose actual ÷ quota is at or above it (with 1, the share of reps at quota). Ratios are compared at Excel's 15
 * significant digits, as a sheet's `actual/quota>=threshold` compares them.
 *
 * Pairs counted: a pair with a blank cell (`null`) is skipped, and so is a pair of two zeros, which is what two blank
 * cells are on Excel desktop (it passes a blank cell as 0; Excel on the web passes null): the same sheet then gives
 * the same result on both. A blank actual beside a quota is skipped on the web but counts as 0 on desktop, where
 * Excel does not tell it from a 0; type 0 for a rep who sold nothing.
 * A rep with a quota of 0 and an actual above 0 has no attainment (actual ÷ 0): refused with `threshold`; without it
 * the pair only adds its actual to the sum. No pair with a quota above 0 at all is refused: there is nothing to
 * measure against.
 * Example (ours): actuals 90, 120, 50 against quotas 100, 100, 100 give 260 ÷ 300 = 0.8667; with threshold 1, one rep
 * in three (0.3333).
 *
 * @param actuals each rep's actual (bookings), 0 or more, or null for a blank cell
 * @param quotas each rep's quota in the same currency, 0 or more, or null; as many as actuals
 * @param threshold attainment a rep must reach to count, 0 or more (1 is 100 %); omitted: the team's attainment
 */
export function attainmentOf(
  actuals: readonly (number | null)[],
  quotas: readonly (number | null)[],
  threshold?: number,
): number {
  if (quotas.length !== actuals.length) {
    throw new PlanMathError("quotas", `must hold one quota per actual (${actuals.length})`);
  }
  if (threshold !== undefined) requireNonNegative("threshold", threshold);
  let actualSum = 0;
  let quotaSum = 0;
  let pairs = 0;
  let atThreshold = 0;
  for (let index = 0; index < actuals.length; index++) {
    const actual = actuals[index]!;
    const quota = quotas[index]!;
    if (actual !== null) requireNonNegative(`actuals[${index}]`, actual);
    if (quota !== null) requireNonNegative(`quotas[${index}]`, quota);
    if (actual === null || quota === null || (actual === 0 && quota === 0)) continue;
    if (threshold !== undefined) {
      if (quota === 0) throw new PlanMathError(`quotas[${index}]`, "must be greater than 0 beside an actual");
      pairs++;
      if (toExcelPrecision(actual / quota) >= threshold) atThreshold++;
    }
    actualSum += actual;
    quotaSum += quota;
  }
  if (!(quotaSum > 0)) throw new PlanMathError("quotas", "must hold a quota greater than 0 in at least one pair");
  if (threshold !== undefined) return atThreshold / pairs;
  return actualSum / quotaSum;
}

/**
 * Projected attainment at the end of a period, at the pace so far: (actualToDate ÷ elapsed share) ÷ target.
 *
 * The elapsed share is elapsed ÷ total (days, weeks or any unit) without weights; with weights, one per sub-period
 * (the months of a quarter, weighted as the plan expects bookings to fall), it is the sum of the first `elapsed`
 * weights ÷ the sum of all, so a back-loaded quarter is not read as behind after its quiet first month.
 * Nothing elapsed is refused rather than answered 0: no pace can be read yet, and 0 would read as "on pace for
 * nothing". Example (ours): 300,000 booked after 30 of 90 days against a 1,000,000 target projects 0.9; with monthly
 * weights 1, 1, 2 after one month it projects 1.2.
 *
 * @param actualToDate bookings so far, 0 or more
 * @param target the period's target in the same currency, greater than 0
 * @param elapsed without weights: the part of the period elapsed, greater than 0 and at most `total`; with weights:
 *   the whole number of sub-periods elapsed, from 1 to the number of weights
 * @param total without weights: the period's length in the unit of `elapsed`, greater than 0; with weights: the
 *   number of weights
 * @param weights relative weight of each sub-period, 0 or more, not all 0
 */
export function paceAttainment(
  actualToDate: number,
  target: number,
  elapsed: number,
  total: number,
  weights?: readonly number[],
): number {
  requireNonNegative("actualToDate", actualToDate);
  requirePositive("target", target);
  requireFinite("elapsed", elapsed);
  requireFinite("total", total);
  let share: number;
  if (weights === undefined) {
    requirePositive("total", total);
    if (!(elapsed > 0 && elapsed <= total)) {
      throw new PlanMathError("elapsed", `must be greater than 0 and at most total (${total})`);
    }
    share = elapsed / total;
  } else {
    const count = weights.length;
    if (count === 0) throw new PlanMathError("weights", "must hold at least one weight");
    weights.forEach((weight, index) => requireNonNegative(`weights[${index}]`, weight));
    if (total !== count) throw new PlanMathError("total", `must be the number of weights (${count})`);
    if (!(Number.isInteger(elapsed) && elapsed >= 1 && elapsed <= count)) {
      throw new PlanMathError("elapsed", `must be a whole number from 1 to the number of weights (${count})`);
    }
    let elapsedWeight = 0;
    let totalWeight = 0;
    for (let index = 0; index < count; index++) {
      if (index < elapsed) elapsedWeight += weights[index]!;
      totalWeight += weights[index]!;
    }
    if (!(elapsedWeight > 0)) {
      throw new PlanMathError("weights", `must not all be 0 in the first ${elapsed} sub-periods`);
    }
    requireFinite("weights", totalWeight);
    share = elapsedWeight / totalWeight;
  }
  return actualToDate / share / target;
}
