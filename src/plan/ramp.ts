import { PlanMathError, requireFinite } from "./errors";

/**
 * A new hire's productivity ramp.
 * - A number N ≥ 0: linear. The hire period counts 0 and period k after the hire counts min(k ÷ N, 1); N = 0 means
 *   fully productive from the hire period. A 3-month ramp gives 0, 1/3, 2/3, 1, 1, …
 * - A list v of fractions in [0, 1]: period k after the hire counts v[k], and 1 once the list ends.
 *   [0.25, 0.5, 0.75] gives 0.25, 0.5, 0.75, 1, 1, …
 */
export type Ramp = number | readonly number[];

export function validateRamp(ramp: Ramp): void {
  if (typeof ramp === "number") {
    requireFinite("ramp", ramp);
    if (ramp < 0) throw new PlanMathError("ramp", "must be 0 or more months, or a list of fractions from 0 to 1");
    return;
  }
  if (ramp.length === 0) throw new PlanMathError("ramp", "must hold at least one fraction");
  ramp.forEach((value, index) => {
    requireFinite(`ramp[${index}]`, value);
    if (value < 0 || value > 1) throw new PlanMathError(`ramp[${index}]`, "must be from 0 to 1");
  });
}

/**
 * Productivity fraction `periodsSinceHire` whole periods after the hire period (0 = the hire period itself).
 * Before the hire (negative periods) the fraction is 0.
 */
export function rampFactor(periodsSinceHire: number, ramp: Ramp): number {
  validateRamp(ramp);
  return rampFactorUnchecked(periodsSinceHire, ramp);
}

/** `rampFactor` without re-validating the ramp, for loops over a ramp validated once. */
export function rampFactorUnchecked(periodsSinceHire: number, ramp: Ramp): number {
  if (!Number.isInteger(periodsSinceHire)) {
    throw new PlanMathError("periodsSinceHire", "must be a whole number of periods");
  }
  if (periodsSinceHire < 0) return 0;
  if (typeof ramp === "number") return ramp === 0 ? 1 : Math.min(periodsSinceHire / ramp, 1);
  return periodsSinceHire < ramp.length ? ramp[periodsSinceHire]! : 1;
}

/** The productivity fractions of the first `count` periods after a hire (period 0 = the hire period). */
export function rampFactors(ramp: Ramp, count: number): number[] {
  validateRamp(ramp);
  return Array.from({ length: count }, (_, periodsSinceHire) => rampFactorUnchecked(periodsSinceHire, ramp));
}

/** Periods until a hire is fully productive (the first k with factor 1). */
export function rampLength(ramp: Ramp): number {
  validateRamp(ramp);
  if (typeof ramp === "number") return Math.ceil(ramp);
  const lastBelowOne = ramp.findLastIndex((value) => value < 1);
  return lastBelowOne + 1;
}
