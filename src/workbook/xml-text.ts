/**
 * Text for the writers that emit XML themselves (the .xlsx package parts, the SVG charts). User text may hold
 * characters XML 1.0 forbids: a line break pasted from PowerPoint or Word is a vertical tab. Each writer decides what
 * such a character becomes (an Office Open XML `_xHHHH_` escape in a package part, a space in a picture); both find
 * it with the one pattern below and escape the rest with `xmlEscaped`.
 */

/** Characters XML 1.0 forbids (tab, line feed and carriage return are allowed), and unpaired surrogates. */
/* eslint-disable no-control-regex -- matching control characters is this pattern's purpose */
export const XML_FORBIDDEN_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** Text or an attribute value with XML's five special characters as character references. */
export function xmlEscaped(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
