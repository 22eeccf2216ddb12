/**
 * A1 addresses: 0-based row and column indices ↔ `B5`, ranges, and sheet-qualified references for formulas.
 */

export interface CellPosition {
  /** 0-based row index (row 1 is 0). */
  readonly row: number;
  /** 0-based column index (column A is 0). */
  readonly column: number;
}

export interface RangePosition {
  readonly start: CellPosition;
  readonly end: CellPosition;
}

/** Letters already computed, by column index: layouts write the same few hundred columns tens of thousands of times. */
const lettersCache: string[] = [];

export function columnLetters(column: number): string {
  const cached = lettersCache[column];
  if (cached !== undefined) return cached;
  if (!Number.isInteger(column) || column < 0 || column > 16383)
    throw new RangeError(`column index ${column} is outside A-XFD`);
  let letters = "";
  let n = column + 1;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  lettersCache[column] = letters;
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n - 1;
}

/** `{ row: 4, column: 1 }` → `B5`; with `absolute`, `$B$5`. */
export function cellAddress(position: CellPosition, absolute = false): string {
  const dollar = absolute ? "$" : "";
  return `${dollar}${columnLetters(position.column)}${dollar}${position.row + 1}`;
}

export function parseCellAddress(address: string): CellPosition {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) throw new RangeError(`"${address}" is not an A1 cell address`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]!) };
}

export function parseRangeAddress(address: string): RangePosition {
  const [first, second] = address.split(":");
  const start = parseCellAddress(first!);
  const end = second === undefined ? start : parseCellAddress(second);
  return {
    start: { row: Math.min(start.row, end.row), column: Math.min(start.column, end.column) },
    end: { row: Math.max(start.row, end.row), column: Math.max(start.column, end.column) },
  };
}

export function rangeAddress(range: RangePosition, absolute = false): string {
  const start = cellAddress(range.start, absolute);
  const end = cellAddress(range.end, absolute);
  return start === end ? start : `${start}:${end}`;
}

/** `2 Objectives` → `'2 Objectives'`; names that need no quotes stay bare. Inner quotes are doubled. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A reference to a cell or range of another sheet, for formulas: `'2 Objectives'!$C$5`. */
export function sheetReference(sheetName: string, address: string): string {
  return `${quoteSheetName(sheetName)}!${address}`;
}

/** Offsets a cell position. */
export function offset(position: CellPosition, rows: number, columns: number): CellPosition {
  return { row: position.row + rows, column: position.column + columns };
}
