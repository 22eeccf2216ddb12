/**
 * What a parser hands to the rest of the import: the header row and the data rows, cells still raw. Row numbers are
 * the spreadsheet rows the user sees when opening the file in Excel (the header is row 1; a quoted CSV field holding
 * line breaks stays one row), so every message can send the user to the right row.
 */

/** A cell as the file holds it: text from CSV; text, number, boolean or date (UTC) from .xlsx; null when empty. */
export type RawCell = string | number | boolean | Date | null;

export interface RawRow {
  /** 1-based row in the file as Excel shows it; the header row is 1. */
  readonly rowNumber: number;
  /** One cell per header, in header order (missing trailing cells are null). */
  readonly cells: readonly RawCell[];
}

export interface RawTable {
  readonly headers: readonly string[];
  readonly rows: readonly RawRow[];
}

/** True when the cell holds nothing worth reading (null, or text made only of spaces). */
export function isBlankCell(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}
