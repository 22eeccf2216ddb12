import { requireAttritionRate } from "./errors";

/**
 * Attrition rates are compounded, not divided: an annual rate a becomes a per-period rate 1 − (1 − a)^(1/n) for n
 * periods a year (12 for months, 4 for quarters), so that surviving n periods gives back exactly 1 − a.
 * 20 % a year is 1.842 % a month, not 1.667 %.
 */
export function annualToPeriodicAttrition(annualRate: number, periodsPerYear: number): number {
  requireAttritionRate("annualRate", annualRate);
  return 1 - (1 - annualRate) ** (1 / periodsPerYear);
}

/** The inverse: a per-period rate r over n periods a year is an annual rate 1 − (1 − r)^n. */
export function periodicToAnnualAttrition(periodicRate: number, periodsPerYear: number): number {
  requireAttritionRate("periodicRate", periodicRate);
  return 1 - (1 - periodicRate) ** periodsPerYear;
}

/**
 * Probability that a person is still there `periods` whole periods later, at a per-period attrition rate r:
 * (1 − r)^periods. 1 for 0 periods. The capacity model weights every rep by it.
 */
export function survivalProbability(ratePerPeriod: number, periods: number): number {
  requireAttritionRate("ratePerPeriod", ratePerPeriod);
  return (1 - ratePerPeriod) ** periods;
}
