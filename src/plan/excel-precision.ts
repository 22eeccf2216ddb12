/**
 * Excel keeps 15 significant digits of every result. JavaScript keeps ~17, so a value Excel shows as exactly 3
 * may be 3.0000000000000004 in JavaScript, and rounding it up would give 4 where Excel gives 3.
 * Every rounding in the plan core goes through these helpers, which first reduce a value to 15 significant
 * digits exactly as Excel does, then round. The sheets use ROUNDUP and ROUND, and these helpers predict them.
 */

const EXCEL_SIGNIFICANT_DIGITS = 15;

/** The value Excel would hold: `x` rounded to 15 significant digits. Non-finite values pass through. */
export function toExcelPrecision(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(EXCEL_SIGNIFICANT_DIGITS));
}

function scaleFor(digits: number): number {
  if (!Number.isInteger(digits) || digits < -15 || digits > 15) {
    throw new RangeError(`digits must be a whole number from -15 to 15 (got ${digits})`);
  }
  return 10 ** digits;
}

/**
 * Below this magnitude every whole number has at most 15 significant digits, so reducing it to Excel's precision
 * leaves it unchanged.
 */
const EXACT_WHOLE_LIMIT = 1e15;

/** Excel's ROUNDUP(x, digits): away from zero, after reducing to 15 significant digits. */
export function roundUp(x: number, digits = 0): number {
  if (digits === 0) {
    // The common case without formatting a number as text (what toPrecision costs): for |x| under 1E+15, reducing
    // to 15 significant digits moves x by at most half a unit of its 15th digit, which is at most 0.5E-14 × |x|.
    // A whole |x| is unchanged; a fraction larger than 1E-14 × |x| stays strictly between the two whole numbers
    // around |x|, so rounding up gives the next one, as the full computation below does. Only a value within
    // 1E-14 × |x| above a whole number (0.1 × 3 ÷ 0.1) needs the full computation. NaN and infinities fail the test.
    const magnitude = Math.abs(x);
    if (magnitude < EXACT_WHOLE_LIMIT) {
      const whole = Math.floor(magnitude);
      const fraction = magnitude - whole;
      if (fraction === 0) return x + 0;
      if (fraction > magnitude * 1e-14) return x < 0 ? -(whole + 1) : whole + 1;
    }
  }
  const scale = scaleFor(digits);
  const magnitude = Math.ceil(toExcelPrecision(Math.abs(toExcelPrecision(x)) * scale));
  return toExcelPrecision((Math.sign(x) * magnitude) / scale) + 0;
}

/** Excel's ROUNDDOWN(x, digits): toward zero, after reducing to 15 significant digits. */
export function roundDown(x: number, digits = 0): number {
  const scale = scaleFor(digits);
  const magnitude = Math.floor(toExcelPrecision(Math.abs(toExcelPrecision(x)) * scale));
  return toExcelPrecision((Math.sign(x) * magnitude) / scale) + 0;
}

/** Excel's ROUND(x, digits): half away from zero, after reducing to 15 significant digits. */
export function roundHalfUp(x: number, digits = 0): number {
  const scale = scaleFor(digits);
  const scaled = toExcelPrecision(Math.abs(toExcelPrecision(x)) * scale);
  const magnitude = Math.floor(scaled + 0.5);
  return toExcelPrecision((Math.sign(x) * magnitude) / scale) + 0;
}
