/**
 * A calculation refused its input. `field` names the input in the plan core's terms (camelCase); callers with
 * their own names for inputs (the PLAN.* functions' arguments, the sheets' cells) map it to theirs.
 */
export class PlanMathError extends RangeError {
  constructor(
    readonly field: string,
    /** The rule, without the field name: "must be greater than 0". */
    readonly rule: string,
  ) {
    super(`${field} ${rule}`);
    this.name = "PlanMathError";
  }
}

export function requireFinite(field: string, value: number): void {
  if (!Number.isFinite(value)) throw new PlanMathError(field, "must be a finite number");
}

export function requirePositive(field: string, value: number): void {
  requireFinite(field, value);
  if (!(value > 0)) throw new PlanMathError(field, "must be greater than 0");
}

export function requireNonNegative(field: string, value: number): void {
  requireFinite(field, value);
  if (!(value >= 0)) throw new PlanMathError(field, "must be 0 or more");
}

/** A rate in (0, 1]: conversion rates, utilization, attainment. */
export function requireRate(field: string, value: number): void {
  requireFinite(field, value);
  if (!(value > 0 && value <= 1)) throw new PlanMathError(field, "must be greater than 0 and at most 1");
}

/** An attrition rate in [0, 1): a rate of 1 would leave nobody. */
export function requireAttritionRate(field: string, value: number): void {
  requireFinite(field, value);
  if (!(value >= 0 && value < 1)) throw new PlanMathError(field, "must be 0 or more and less than 1");
}

export function requireWholeNonNegative(field: string, value: number): void {
  requireFinite(field, value);
  if (!(Number.isInteger(value) && value >= 0)) throw new PlanMathError(field, "must be a whole number, 0 or more");
}

/** A share in [0, 1] where both ends mean something (a new-business share, a ramp fraction). */
export function requireFraction(field: string, value: number): void {
  requireFinite(field, value);
  if (!(value >= 0 && value <= 1)) throw new PlanMathError(field, "must be from 0 to 1");
}
