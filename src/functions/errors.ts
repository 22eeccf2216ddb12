/**
 * The only way a PLAN.* function reports a problem: a `CustomFunctions.Error` whose message names the argument
 * and the accepted range. Excel shows #VALUE! (or #N/A) and the message in the cell's error tooltip.
 */
export function invalidValue(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** A scalar argument as Excel passes it: a number, text, a boolean, or null for an empty cell or omitted argument. */
export type CellValue = number | string | boolean | null | undefined;

/**
 * Reads a required number argument. Empty cells count as 0 (Excel's own convention for arithmetic);
 * text, booleans, NaN and infinities are refused with a message naming the argument.
 */
export function requireNumber(name: string, value: CellValue): number {
  if (value === null || value === undefined || value === "") return 0;
  if (typeof value !== "number") throw invalidValue(`${name} must be a number (got ${describe(value)})`);
  if (!Number.isFinite(value)) throw invalidValue(`${name} must be a finite number`);
  return value;
}

function describe(value: CellValue): string {
  if (typeof value === "string") return `the text "${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;
  return String(value);
}
