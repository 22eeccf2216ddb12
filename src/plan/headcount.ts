import { roundUp } from "./excel-precision";
import { requireNonNegative, requirePositive, requireRate } from "./errors";

/**
 * People needed to carry a workload.
 *
 * Convention: headcount = ROUNDUP(workload ÷ (capacityPerPerson × utilization), 0), rounded through the
 * 15-significant-digit helper, so it matches the sheet's ROUNDUP formula. People are whole, so any fraction of a
 * person rounds up. Example from the reference plan: 200 prospecting emails a day at 20 per business developer
 * and full utilization give 10 business developers.
 *
 * @param workload activity needed per period (e.g. emails per day), 0 or more
 * @param capacityPerPerson what one person does per period in the same unit, greater than 0
 * @param utilization share of a person's time spent on this activity, greater than 0 and at most 1 (default 1)
 */
export function workloadHeadcount(workload: number, capacityPerPerson: number, utilization = 1): number {
  requireNonNegative("workload", workload);
  requirePositive("capacityPerPerson", capacityPerPerson);
  requireRate("utilization", utilization);
  return roundUp(workload / (capacityPerPerson * utilization));
}

/**
 * Quota-carrying people needed to reach a revenue target.
 *
 * Convention: reps = ROUNDUP(revenueTarget ÷ (quotaPerRep × attainment), 0). Target and quota cover the same
 * period (both annual, or both monthly). Example: 1,200,000 a year at a 100,000 yearly quota and 80 % attainment
 * needs ROUNDUP(15) = 15 reps.
 *
 * @param revenueTarget revenue to reach in the period, 0 or more
 * @param quotaPerRep quota of one fully ramped rep for the same period, greater than 0
 * @param attainment expected share of quota a rep attains, greater than 0 and at most 1 (default 1)
 */
export function revenueHeadcount(revenueTarget: number, quotaPerRep: number, attainment = 1): number {
  requireNonNegative("revenueTarget", revenueTarget);
  requirePositive("quotaPerRep", quotaPerRep);
  requireRate("attainment", attainment);
  return roundUp(revenueTarget / (quotaPerRep * attainment));
}
