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

/** Excel's ROUNDUP(x, digits): away from zero, after reducing to 15 significant digits. */
export function roundUp(x: number, digits = 0): number {
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
