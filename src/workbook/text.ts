/**
 * User text is always text. Excel (Office.js `Range.values`, typing, CSV import) turns a string that starts with
 * `=`, `+`, `-` or `@` into a formula, and a leading tab or carriage return is a classic injection vector. Every
 * writer passes literal strings through `literalText` before writing them as cell values.
 *
 * The leading apostrophe is Excel's quote prefix: it is not part of the cell's value, it only marks the cell as
 * text, so the cell shows and returns the user's exact text.
 */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function needsQuotePrefix(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!);
}

/** The value to write for a literal string in Office.js `Range.values`. */
export function literalText(text: string): string {
  return needsQuotePrefix(text) ? `'${text}` : text;
}
