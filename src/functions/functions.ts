/**
 * The PLAN.* custom functions. Each is a thin wrapper: read and check the arguments as Excel passes them, call
 * the pure plan core, and report bad input as a CustomFunctions.Error naming the argument and its range.
 * The JSDoc tags are the metadata: custom-functions-metadata-plugin turns them into functions.json and appends
 * the CustomFunctions.associate calls at build time, so this module stays pure and callable from Node.
 */
import { workloadHeadcount } from "../plan/headcount";
import { invalidValue, requireNumber } from "./errors";

/**
 * Whole people needed to carry a workload: ROUNDUP(workload ÷ capacity_per_person, 0). 200 emails a day at 20 per person gives 10.
 * @customfunction HEADCOUNT
 * @helpurl https://localhost:3000/help.html#plan-headcount
 * @param workload Activity needed per period, in the activity's unit (for example 200 emails a day); 0 or more.
 * @param capacity_per_person What one person does per period, in the same unit (for example 20 emails a day); greater than 0.
 * @returns Whole people, rounded up.
 */
export function headcount(workload: number, capacity_per_person: number): number {
  const work = requireNumber("workload", workload);
  const capacity = requireNumber("capacity_per_person", capacity_per_person);
  if (work < 0) throw invalidValue("workload must be 0 or more");
  if (capacity <= 0) throw invalidValue("capacity_per_person must be greater than 0");
  return workloadHeadcount(work, capacity);
}
