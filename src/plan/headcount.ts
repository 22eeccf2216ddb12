import { roundUp } from "./excel-precision";

/**
 * People needed to carry a daily workload.
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
  assertFinite("workload", workload);
  assertFinite("capacityPerPerson", capacityPerPerson);
  assertFinite("utilization", utilization);
  if (workload < 0) throw new RangeError("workload must be 0 or more");
  if (capacityPerPerson <= 0) throw new RangeError("capacityPerPerson must be greater than 0");
  if (utilization <= 0 || utilization > 1) throw new RangeError("utilization must be greater than 0 and at most 1");
  return roundUp(workload / (capacityPerPerson * utilization));
}

function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number`);
}
