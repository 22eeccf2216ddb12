import { PlanMathError, requireAttritionRate, requireNonNegative, requirePositive, requireRate } from "./errors";
import { validateRamp, type Ramp } from "./ramp";

/**
 * Attrition in a capacity model.
 * - `rate`: every rep stays each period after its hire period with probability 1 − r; values are expected values at
 *   the end of each period, as in the hiring grid (`hiringPlan`): starting reps, in place before the first period, count
 *   (1 − r)^(t + 1) in period t; a rep hired in period h counts (1 − r)^(t − h) in period t ≥ h.
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
 *
 * Convention (the hiring grid's, so the two never disagree on a headcount): values are at the end of each period.
 * Starting reps are in place before the first period, so they go through its attrition: a starting rep counts
 * (1 − r)^(t + 1) in period t. A rep hired in period h counts ramp(t − h) × (1 − r)^(t − h) in period t ≥ h (fully, but
 * for the ramp, in the period they are hired). With no ramp, productive reps equal the hiring grid's expected headcount
 * HC(t) = HC(t − 1) × (1 − r) + hires(t), to the last bit; with a ramp they are below it.
 */
export function productiveRepsPerPeriod(input: CapacityInput): number[] {
  return productiveReps(check(input));
}

/** Periods after a hire that the ramp holds below 1 (the list's length up to its last value below 1). */
function rampingPeriods(ramp: Ramp): number {
  if (typeof ramp === "number") return Math.ceil(ramp);
  return ramp.findLastIndex((value) => value < 1) + 1;
}

/**
 * Σ over hires of the last `rampingPeriods` periods (k = t − h below it) of hires(h) × ramp(k) × stay^k, for every
 * period t: the reps still ramping. Linear in the periods for a linear ramp (see `linearRampingReps`); for a listed
 * ramp, periods × list length.
 */
function rampingReps(hires: readonly number[], ramp: Ramp, stay: number, length: number): Float64Array {
  const periods = hires.length;
  const result = new Float64Array(periods);
  if (length === 0) return result;
  if (typeof ramp === "number") return linearRampingReps(hires, ramp, stay, length);
  const weights = new Float64Array(length);
  for (let k = 0; k < length; k++) weights[k] = ramp[k]! * stay ** k;
  for (let t = 0; t < periods; t++) {
    let sum = 0;
    // Oldest hire first, as the cohort grid adds them.
    for (let k = Math.min(length - 1, t); k >= 0; k--) sum += hires[t - k]! * weights[k]!;
    result[t] = sum;
  }
  return result;
}

/**
 * The reps still ramping on a linear ramp of N periods (L = ⌈N⌉ periods below 1): Σ_{k<L} hires(t − k) × k/N × stay^k,
 * in one pass. The hires of the last L periods lie in two aligned blocks of L periods: the start of the current block
 * (running sums updated period by period) and the end of the previous one (suffix sums of that block, computed once).
 * Every term is 0 or more and nothing is subtracted, so no digit is lost to cancellation; the sums run in a different
 * order than term by term, so results differ from it by floating-point rounding only (see the tests' tolerance).
 */
function linearRampingReps(hires: readonly number[], months: number, stay: number, length: number): Float64Array {
  const periods = hires.length;
  const result = new Float64Array(periods);
  const powers = new Float64Array(length + 1);
  for (let k = 0; k <= length; k++) powers[k] = stay ** k;
  // For the previous block ending at e: suffixHires[i] = Σ_{h ≥ e−(L−1)+i} hires(h) × stay^(e−h), and suffixWeighted
  // the same with each term × (e − h).
  const suffixHires = new Float64Array(length + 1);
  const suffixWeighted = new Float64Array(length + 1);
  for (let blockStart = 0; blockStart < periods; blockStart += length) {
    const previousEnd = blockStart - 1;
    suffixHires[length] = 0;
    suffixWeighted[length] = 0;
    for (let i = length - 1; i >= 0; i--) {
      const h = previousEnd - (length - 1) + i;
      const age = previousEnd - h;
      const term = h >= 0 ? hires[h]! * powers[age]! : 0;
      suffixHires[i] = suffixHires[i + 1]! + term;
      suffixWeighted[i] = suffixWeighted[i + 1]! + age * term;
    }
    // Running sums over the current block: sumHires = Σ hires(h) × stay^(t−h), sumWeighted = Σ (t−h) × the same.
    let sumHires = 0;
    let sumWeighted = 0;
    const blockEnd = Math.min(blockStart + length, periods);
    for (let t = blockStart; t < blockEnd; t++) {
      sumWeighted = (sumWeighted + sumHires) * stay;
      sumHires = sumHires * stay + hires[t]!;
      // The previous block's hires from t − L + 1 on: index j + 1 of its suffix sums, j = t − blockStart.
      const j = t - blockStart;
      const ageOfEnd = j + 1;
      const previous =
        j + 1 < length ? powers[ageOfEnd]! * (ageOfEnd * suffixHires[j + 1]! + suffixWeighted[j + 1]!) : 0;
      result[t] = (sumWeighted + previous) / months;
    }
  }
  return result;
}

function productiveReps({ hires, ramp, starting, attrition }: CheckedInput): number[] {
  const periods = hires.length;
  const result = new Array<number>(periods);
  const length = rampingPeriods(ramp);
  const stay = attrition.kind === "rate" ? 1 - attrition.ratePerPeriod : 1;
  const ramping = rampingReps(hires, ramp, stay, length);
  if (attrition.kind === "rate") {
    // The fully ramped reps (starting reps and hires of L or more periods ago) follow the hiring grid's recurrence.
    const stayAfterRamp = stay ** length;
    let ramped = starting;
    // The reps present, computed as the hiring grid computes its headcount: productive reps are at most these, and
    // capping them here keeps rounding noise (a unit in the 16th digit) from ever putting them above it.
    let present = starting;
    for (let t = 0; t < periods; t++) {
      ramped = ramped * stay + (t >= length ? hires[t - length]! * stayAfterRamp : 0);
      present = present * stay + hires[t]!;
      result[t] = Math.min(ramped + ramping[t]!, present);
    }
    return result;
  }
  // Hires still ramping whose factor is already 1 (a listed ramp such as [0.5, 1, 0.8]) are fully ramped too.
  const fullWhileRamping = new Float64Array(periods);
  if (typeof ramp !== "number") {
    for (let k = 0; k < length; k++) {
      if (ramp[k]! < 1) continue;
      for (let t = k; t < periods; t++) fullWhileRamping[t] = fullWhileRamping[t]! + hires[t - k]!;
    }
  }
  let departedBefore = 0;
  let rampedHires = 0;
  for (let t = 0; t < periods; t++) {
    if (t >= length) rampedHires += hires[t - length]!;
    const fullyRamped = starting + rampedHires + fullWhileRamping[t]!;
    const departedThrough = departedBefore + attrition.departures[t]!;
    if (departedThrough > fullyRamped) {
      throw new PlanMathError(
        "attrition",
        `departures through period ${t + 1} (${departedThrough}) exceed the fully ramped reps available (${fullyRamped})`,
      );
    }
    result[t] = starting - departedBefore + rampedHires + ramping[t]!;
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
      // Starting reps go through the first period's attrition, as in the hiring grid.
      present = present * (1 - attrition.ratePerPeriod) + hires[t]!;
      result.push(present);
    } else {
      present += hires[t]!;
      result.push(present);
      present -= attrition.departures[t]!;
    }
  }
  return result;
}
