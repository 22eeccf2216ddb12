import { roundUp } from "./excel-precision";
import { requireFraction, requireNonNegative, requirePositive, requireRate, requireWholeNonNegative } from "./errors";

/**
 * Pipeline to create in each period so that the bookings planned `lagPeriods` later can close.
 *
 * Convention: pipeline[t] = bookings[t + lagPeriods] × newBusinessShare × coverage, in the bookings' currency, not
 * rounded (an amount); a period whose close period lies beyond the last booking gets 0, since the plan says nothing
 * about what closes after it. Only new business needs pipeline: renewals and expansions (1 − newBusinessShare) close
 * without a new opportunity. Example (ours): bookings 100, 200, 300 a month, 3× coverage, a one-month lag and 50 %
 * new business give pipeline 300, 450, 0.
 *
 * @param bookings bookings planned per period, each 0 or more
 * @param coverage pipeline needed per unit of new bookings (see `pipelineCoverage`), 0 or more
 * @param lagPeriods whole periods from the pipeline's creation to its close, 0 or more (default 0)
 * @param newBusinessShare share of bookings that needs new pipeline, from 0 to 1 (default 1)
 * @returns one amount per period, the same length as `bookings`
 */
export function pipelineToCreate(
  bookings: readonly number[],
  coverage: number,
  lagPeriods = 0,
  newBusinessShare = 1,
): number[] {
  bookings.forEach((value, index) => requireNonNegative(`bookings[${index}]`, value));
  requireNonNegative("coverage", coverage);
  requireWholeNonNegative("lagPeriods", lagPeriods);
  requireFraction("newBusinessShare", newBusinessShare);
  const periods = bookings.length;
  const result = new Array<number>(periods);
  for (let t = 0; t < periods; t++) {
    const close = t + lagPeriods;
    result[t] = close < periods ? bookings[close]! * newBusinessShare * coverage : 0;
  }
  return result;
}

/**
 * Target pipeline coverage: pipeline needed per unit of bookings, (1 − createAndCloseShare) ÷ winRate.
 *
 * A deal won at a rate w needs 1 ÷ w of pipeline; deals created and closed within the period ("create and close")
 * are not in the pipeline measured at its start, so only the other share needs coverage. Published rule: "At a 33%
 * win rate, you need roughly 3× coverage to hit quota. At 25%, you need 4×. At 50%, you need 2×."
 * (getfairview.com/blog/pipeline-coverage-ratio); 1 ÷ (1/3) is exactly 3.
 *
 * @param winRate share of pipeline won, greater than 0 and at most 1
 * @param createAndCloseShare share of bookings created and closed within the period, from 0 to 1 (default 0)
 */
export function pipelineCoverage(winRate: number, createAndCloseShare = 0): number {
  requireRate("winRate", winRate);
  requireFraction("createAndCloseShare", createAndCloseShare);
  return (1 - createAndCloseShare) / winRate;
}

/**
 * Quota to assign for a capacity: capacity × (1 + overAssignment), in the capacity's currency, not rounded.
 *
 * Over-assignment is the cushion between the sum of the reps' quotas and the plan: "Most enterprise software
 * companies run in the 20% range" (ashleylowndes.com, Coffee Thoughts 09: Overassign); PlanGrid ran 40 %
 * (tigereye.com/blog/over-assignment-drives-sales-culture). Example (ours): a 1,000,000 plan at 20 % gives
 * 1,200,000 of quota to assign. A negative over-assignment (under-assignment) is refused: the reps' quotas would add
 * up to less than the plan, which is then missed even if every rep reaches quota; a leader who keeps part of the
 * number on purpose plans it as capacity, not as a negative cushion.
 *
 * @param capacity revenue capacity (the plan to cover), 0 or more
 * @param overAssignment cushion above capacity, 0 or more (20 % is 0.2)
 */
export function quotaToAssign(capacity: number, overAssignment: number): number {
  requireNonNegative("capacity", capacity);
  requireNonNegative("overAssignment", overAssignment);
  return capacity * (1 + overAssignment);
}

/**
 * Overlay (specialist) headcount for the people it supports: ROUNDUP(supportedHeadcount ÷ peoplePerOverlay, 0),
 * rounded through the 15-significant-digit helper so it matches the sheet's ROUNDUP. One sales engineer per 4 reps
 * for 10 reps is 3 (ours).
 *
 * @param supportedHeadcount people the overlay role supports (reps, for example), 0 or more
 * @param peoplePerOverlay people one overlay supports, greater than 0
 */
export function overlayHeadcount(supportedHeadcount: number, peoplePerOverlay: number): number {
  requireNonNegative("supportedHeadcount", supportedHeadcount);
  requirePositive("peoplePerOverlay", peoplePerOverlay);
  return roundUp(supportedHeadcount / peoplePerOverlay);
}
