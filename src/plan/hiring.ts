import { roundUp, toExcelPrecision } from "./excel-precision";
import { PlanMathError, requireAttritionRate, requireNonNegative } from "./errors";

export interface HiringPlan {
  /** Whole hires in each period. */
  readonly hires: readonly number[];
  /** Expected headcount at the end of each period, after attrition and hires (may be fractional). */
  readonly headcount: readonly number[];
}

/**
 * Hires per period to reach a target headcount, with attrition.
 *
 * Convention, period by period from HC(−1) = startingHeadcount:
 *   hires(t) = max(0, ROUNDUP(target(t) − HC(t−1) × (1 − r), 0)), both terms at Excel's 15 significant digits
 *   HC(t)    = HC(t−1) × (1 − r) + hires(t)
 * where r is the attrition rate per period (convert an annual rate with `annualToPeriodicAttrition`). Headcount is an
 * expected value; hires are whole people. Nobody is fired: a target below the headcount gives 0 hires.
 */
export function hiringPlan(input: {
  targetHeadcount: readonly number[];
  startingHeadcount?: number;
  attritionRate?: number;
}): HiringPlan {
  const starting = input.startingHeadcount ?? 0;
  const rate = input.attritionRate ?? 0;
  requireNonNegative("startingHeadcount", starting);
  requireAttritionRate("attritionRate", rate);
  input.targetHeadcount.forEach((target, index) => requireNonNegative(`targetHeadcount[${index}]`, target));
  const hires: number[] = [];
  const headcount: number[] = [];
  let previous = starting;
  for (const target of input.targetHeadcount) {
    const afterAttrition = previous * (1 - rate);
    // Both sides at Excel's 15 digits first, as the sheet's cells hold them: 0.1 × 3 − 0.3 is 5.6E-17 in JavaScript,
    // which would hire a whole person for floating-point noise.
    const hired = Math.max(0, roundUp(toExcelPrecision(target) - toExcelPrecision(afterAttrition)));
    previous = afterAttrition + hired;
    hires.push(hired);
    headcount.push(previous);
  }
  return { hires, headcount };
}

export interface RequisitionSchedule {
  /** Requisitions to open in each period so that hires start on time: requisitions(t) = hires(t + leadTime). */
  readonly byPeriod: readonly number[];
  /** Requisitions that should already have been opened before the first period (hires in the first leadTime periods). */
  readonly overdueAtStart: number;
}

/** Hiring lead time shifts requisition dates earlier by `leadTimePeriods` periods. */
export function requisitionSchedule(hires: readonly number[], leadTimePeriods: number): RequisitionSchedule {
  if (!Number.isInteger(leadTimePeriods) || leadTimePeriods < 0) {
    throw new PlanMathError("leadTimePeriods", "must be a whole number, 0 or more");
  }
  const byPeriod = hires.map((_, t) => hires[t + leadTimePeriods] ?? 0);
  const overdueAtStart = hires.slice(0, leadTimePeriods).reduce((sum, value) => sum + value, 0);
  return { byPeriod, overdueAtStart };
}
