/**
 * User text is always text. Excel (Office.js `Range.values`, typing, CSV import) reads a string the way it reads what
 * a user types: `=`, `+`, `-` or `@` at the start makes a formula (a leading tab or carriage return is a classic
 * injection vector), and text that looks like a number, a percentage, an amount, a date, a time, a boolean or an
 * error becomes that value: a role id `007` would come back as the number 7, a segment called `1/2` as a date.
 * Every writer passes literal strings through `literalText` before writing them as cell values.
 *
 * The leading apostrophe is Excel's quote prefix: it is not part of the cell's value, it only marks the cell as
 * text, so the cell shows and returns the user's exact text.
 *
 * The test is deliberately broader than Excel's parser (which depends on the user's regional settings): a prefix on
 * text Excel would have kept anyway costs nothing, a missing one changes the user's data.
 */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** After optional spaces: a digit, a decimal separator, a sign, a bracket or a currency symbol (`(5)`, `$5`, `€5`). */
const NUMBER_START = /^\s*[\d.,(\-+$€£¥%]/;
/** TRUE/FALSE in English and French (VRAI/FAUX), and Excel's error literals such as `#N/A` or `#DIV/0!`. */
const OTHER_VALUES = /^\s*(true|false|vrai|faux|#[a-z0-9/]+[!?]?)\s*$/i;
/** A month name or its abbreviation (English or French) followed by a day or year: `Jan 2027`, `mars-27`, `déc. 5`. */
const MONTH_DATE =
  /^\s*(jan|feb|fév|fev|mar|apr|avr|may|mai|jun|jui|jul|aug|aoû|aou|sep|oct|nov|dec|déc)[a-zéû]*\.?[\s\-/]*\d/i;

export function needsQuotePrefix(text: string): boolean {
  if (text.length === 0) return false;
  return FORMULA_TRIGGERS.has(text[0]!) || NUMBER_START.test(text) || OTHER_VALUES.test(text) || MONTH_DATE.test(text);
}

/** The value to write for a literal string in Office.js `Range.values`. */
export function literalText(text: string): string {
  return needsQuotePrefix(text) ? `'${text}` : text;
}
