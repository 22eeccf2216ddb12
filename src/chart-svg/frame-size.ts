/**
 * The size in pixels of a chart's frame on its sheet, from the cells it covers: the columns' widths (Excel's unit,
 * characters of the default font, become 7 px per character plus 5 px of padding, as Excel converts them) and rows of
 * Excel's default height (15 pt, 20 px). Rows that Excel makes taller (wrapped text) are not known here, so the
 * size is the smallest the frame can be.
 */
import { parseCellAddress } from "../workbook/address";
import type { ChartSpec, SheetSpec } from "../workbook/spec";

/** Excel's default column width (8.43 characters) in pixels. */
export const DEFAULT_COLUMN_PIXELS = 64;
/** Excel's default row height (15 pt) in pixels. */
export const DEFAULT_ROW_PIXELS = 20;

/** A column width in characters → pixels. */
export function columnPixels(characters: number): number {
  return Math.trunc(characters * 7 + 0.5) + 5;
}

/** Width and height in pixels of the cells `chart.anchor` covers on `sheet`. */
export function chartFrameSize(
  sheet: SheetSpec,
  chart: ChartSpec,
): { readonly width: number; readonly height: number } {
  const from = parseCellAddress(chart.anchor.from);
  const to = parseCellAddress(chart.anchor.to);
  const widths = new Map(sheet.columnWidths.map((entry) => [entry.column, entry.width]));
  let width = 0;
  for (let column = from.column; column <= to.column; column++) {
    const characters = widths.get(column);
    width += characters === undefined ? DEFAULT_COLUMN_PIXELS : columnPixels(characters);
  }
  return { width, height: (to.row - from.row + 1) * DEFAULT_ROW_PIXELS };
}
