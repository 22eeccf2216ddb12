/**
 * What a number field shows and what it stores. The plan stores rates as fractions (0.25) and the pane shows them
 * as percentages (25); people type either decimal separator, with spaces or thin spaces between thousands.
 */
import { toExcelPrecision } from "../../plan/excel-precision";

/** How a field's text maps to the stored number: `percent` shows value × 100. */
export type NumberScale = "plain" | "percent";

/**
 * Removes the binary noise of × 100 and ÷ 100 (0.07 × 100 = 7.000000000000001) without losing real decimals: the
 * plan core's 15-significant-digit rounding, the precision Excel keeps, so a rate typed as 33.3333333333333 % is
 * stored as Excel would store it.
 */
const clean = toExcelPrecision;

/** The text a field shows for a stored value; empty for a missing value, the raw text of the locale otherwise. */
export function numberToText(value: unknown, scale: NumberScale, decimalSeparator: string): string {
  // A stored value is finite (the schema refuses others); never show "Infinity" in place of what was typed.
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  const shown = scale === "percent" ? clean(value * 100) : value;
  return String(shown).replace(".", decimalSeparator);
}

/**
 * The stored value of a field's text: `undefined` when empty (the field is left out of the plan), NaN when the text
 * is not a number (validation then says "must be a number"), otherwise the number (÷ 100 for percentages): an
 * infinity for a number too large for a double (1e400), which validation refuses as too large.
 * Accepts "1 200 000", "1,200,000", "0,5", "0.5", "12 %"; `decimalSeparator` is the one of the pane's language.
 */
export function textToNumber(text: string, scale: NumberScale, decimalSeparator = "."): number | undefined {
  let cleaned = text.replace(/[\s\u00a0\u202f%]/g, "");
  if (cleaned === "") return undefined;
  const hasComma = cleaned.includes(",");
  const hasDot = cleaned.includes(".");
  if (hasComma && hasDot) {
    // The last separator is the decimal one; the other groups thousands.
    const decimal = cleaned.lastIndexOf(",") > cleaned.lastIndexOf(".") ? "," : ".";
    const grouping = decimal === "," ? "." : ",";
    cleaned = cleaned.split(grouping).join("").replace(decimal, ".");
  } else if (hasComma) {
    // With a "." decimal separator, commas in 1,200 or 1,200,000 group thousands; otherwise a comma is the decimal.
    // A leading 0 never groups thousands: 0,125 is a decimal.
    const grouped = decimalSeparator === "." && /^-?[1-9]\d{0,2}(,\d{3})+$/.test(cleaned);
    cleaned = grouped ? cleaned.replace(/,/g, "") : cleaned.replace(",", ".");
  }
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return Number.NaN;
  const parsed = Number(cleaned);
  return scale === "percent" ? clean(parsed / 100) : parsed;
}
