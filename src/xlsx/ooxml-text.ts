/**
 * Text as an .xlsx part may hold it. XML 1.0 forbids most control characters, yet user text carries them: a vertical
 * tab is what a line break (Shift+Enter) becomes in text pasted from PowerPoint or Word. A part holding one is not
 * well-formed, so Excel offers to repair the file and drops what it cannot read; ExcelJS silently deletes them, so
 * the cell would no longer match the plan.
 *
 * A carriage return is allowed but does not survive: every XML parser turns `\r\n` and a lone `\r` into `\n` before
 * the application sees the text (XML 1.0, §2.11 End-of-Line Handling), so text pasted from Windows would read back
 * changed. Excel itself writes it as `_x000D_`.
 *
 * Office Open XML's string type (ST_Xstring) escapes any character as `_xHHHH_`, which Excel, LibreOffice and ExcelJS
 * decode when they read the file; a literal `_xHHHH_` in the text is protected by escaping its underscore
 * (`_x005F_`), so it is read back as typed.
 */
import { XML_FORBIDDEN_CHARACTERS } from "../workbook/xml-text";

const ESCAPE_LOOKALIKE = /_(x[0-9A-Fa-f]{4}_)/g;
const CARRIAGE_RETURN = /\r/g;

export function ooxmlText(text: string): string {
  return text
    .replace(ESCAPE_LOOKALIKE, "_x005F_$1")
    .replace(XML_FORBIDDEN_CHARACTERS, (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(CARRIAGE_RETURN, "_x000D_");
}
