import { PlanMathError, requireAttritionRate, requireNonNegative, requirePositive, requireRate } from "./errors";
import { rampFactorUnchecked, validateRamp, type Ramp } from "./ramp";

/**
 * Attrition in a capacity model.
 * - `rate`: every rep, starting reps included, stays each period after its hire period with probability 1 − r;
 *   values are expected values (a starting rep counts (1 − r)^t in period t; a rep hired in period h counts
 *   (1 − r)^(t − h) in period t ≥ h).
 * - `departures`: counts of reps who leave in each period. A leaver is taken from the fully ramped pool at the end of
 *   the period they leave, so they still count in that period and count 0 from the next one.
 */
export type Attrition =
  | { readonly kind: "rate"; readonly ratePerPeriod: number }
  | { readonly kind: "departures"; readonly departures: readonly number[] };

export interface CapacityInput {
  /** Hires per period (whole or fractional, 0 or more); the result has one value per period. */
  readonly hires: readonly number[];
  /** Quota of one fully ramped rep per period, greater than 0. */
  readonly quotaPerPeriod: number;
  readonly ramp: Ramp;
  /** Fully ramped reps in place before the first period, 0 or more (default 0). */
  readonly startingReps?: number;
  /** Default: no attrition. */
  readonly attrition?: Attrition;
  /** Share of quota a fully ramped rep attains, in (0, 1] (default 1). */
  readonly attainment?: number;
}

interface CheckedInput {
  readonly hires: readonly number[];
  readonly quota: number;
  readonly ramp: Ramp;
  readonly starting: number;
  readonly attrition: Attrition;
  readonly attainment: number;
}

function check(input: CapacityInput): CheckedInput {
  input.hires.forEach((hires, index) => requireNonNegative(`hires[${index}]`, hires));
  requirePositive("quotaPerPeriod", input.quotaPerPeriod);
  validateRamp(input.ramp);
  const starting = input.startingReps ?? 0;
  requireNonNegative("startingReps", starting);
  const attainment = input.attainment ?? 1;
  requireRate("attainment", attainment);
  const attrition = input.attrition ?? { kind: "rate", ratePerPeriod: 0 };
  if (attrition.kind === "rate") {
    requireAttritionRate("attrition", attrition.ratePerPeriod);
  } else {
    if (attrition.departures.length !== input.hires.length) {
      throw new PlanMathError("attrition", `must hold one departure count per period (${input.hires.length})`);
    }
    attrition.departures.forEach((count, index) => requireNonNegative(`attrition[${index}]`, count));
  }
  return { hires: input.hires, quota: input.quotaPerPeriod, ramp: input.ramp, starting, attrition, attainment };
}

/**
 * Productive rep-equivalents per period: each rep weighted by its ramp (and, with an attrition rate, by its chance of
 * still being there). Capacity is this times quota × attainment.
 */
export function productiveRepsPerPeriod(input: CapacityInput): number[] {
  return productiveReps(check(input));
}

function productiveReps({ hires, ramp, starting, attrition }: CheckedInput): number[] {
  const periods = hires.length;
  const result = new Array<number>(periods);
  // The ramp factor and survival of k periods after a hire, computed once per k rather than once per (t, h) pair:
  // the same values, multiplied in the same order, so the results are unchanged to the last bit.
  const rampAfter = new Array<number>(periods);
  for (let k = 0; k < periods; k++) rampAfter[k] = rampFactorUnchecked(k, ramp);
  if (attrition.kind === "rate") {
    const stay = 1 - attrition.ratePerPeriod;
    const survivalAfter = new Array<number>(periods);
    for (let k = 0; k < periods; k++) survivalAfter[k] = stay ** k;
    for (let t = 0; t < periods; t++) {
      let reps = starting * survivalAfter[t]!;
      for (let h = 0; h <= t; h++) reps += hires[h]! * rampAfter[t - h]! * survivalAfter[t - h]!;
      result[t] = reps;
    }
    return result;
  }
  let departedBefore = 0;
  for (let t = 0; t < periods; t++) {
    let reps = starting - departedBefore;
    let fullyRamped = starting;
    for (let h = 0; h <= t; h++) {
      const factor = rampAfter[t - h]!;
      reps += hires[h]! * factor;
      if (factor >= 1) fullyRamped += hires[h]!;
    }
    const departedThrough = departedBefore + attrition.departures[t]!;
    if (departedThrough > fullyRamped) {
      throw new PlanMathError(
        "attrition",
        `departures through period ${t + 1} (${departedThrough}) exceed the fully ramped reps available (${fullyRamped})`,
      );
    }
    result[t] = reps;
    departedBefore = departedThrough;
  }
  return result;
}

/**
 * Revenue capacity per period: productive reps × quota per period × attainment.
 * Example: 2 starting reps and 1 hire in period 0 with a 2-period linear ramp, quota 10,000: 20,000, 25,000, 30,000.
 */
export function capacityPerPeriod(input: CapacityInput): number[] {
  const checked = check(input);
  return productiveReps(checked).map((reps) => reps * checked.quota * checked.attainment);
}

/** Reps present per period (ramped or not; expected values with an attrition rate). */
export function repsPerPeriod(input: CapacityInput): number[] {
  const { hires, starting, attrition } = check(input);
  const result: number[] = [];
  let present = starting;
  for (let t = 0; t < hires.length; t++) {
    if (attrition.kind === "rate") {
      present = (t === 0 ? starting : present * (1 - attrition.ratePerPeriod)) + hires[t]!;
      result.push(present);
    } else {
      present += hires[t]!;
      result.push(present);
      present -= attrition.departures[t]!;
    }
  }
  return result;
}
