/**
 * Where a chart's data and frame sit on its sheet: the ranges its categories and series point at (so the chart follows
 * the user's edits of those cells) and the cells its frame covers.
 */
import { rangeAddress, type CellPosition } from "../address";
import type { ChartSpec } from "../spec";

/** The cells of one column from `firstRow` to `lastRow` (0-based, inclusive): `E8:E17`. */
export function columnRange(column: number, firstRow: number, lastRow: number): string {
  return rangeAddress({ start: { row: firstRow, column }, end: { row: lastRow, column } });
}

/** The cells of one row from `firstColumn` to `lastColumn` (0-based, inclusive): `C40:F40`. */
export function rowRange(row: number, firstColumn: number, lastColumn: number): string {
  return rangeAddress({ start: { row, column: firstColumn }, end: { row, column: lastColumn } });
}

/** A chart frame covering `rows` × `columns` cells from `from` (its top-left cell). */
export function chartAnchor(from: CellPosition, rows: number, columns: number): ChartSpec["anchor"] {
  return {
    from: rangeAddress({ start: from, end: from }),
    to: rangeAddress({
      start: { row: from.row + rows - 1, column: from.column + columns - 1 },
      end: { row: from.row + rows - 1, column: from.column + columns - 1 },
    }),
  };
}

/** `value` kept within [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
