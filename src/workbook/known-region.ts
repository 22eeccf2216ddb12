/**
 * The cells a generated sheet legitimately holds: its blocks, its tables where they are now (with the rows the user
 * added) and its charts. Anything else the user typed on the sheet lies outside them, so a writer that finds content
 * there copies the sheet to a backup before rewriting it.
 */
import { parseCellAddress, parseRangeAddress, type RangePosition } from "./address";
import type { SheetSpec } from "./spec";

/**
 * @param tableRanges current address of each table by name (as `SheetSnapshot.tableRanges`); tables missing from it
 * are taken at their generated address
 */
export function knownRegions(sheet: SheetSpec, tableRanges: Readonly<Record<string, string>> = {}): RangePosition[] {
  const blocks = sheet.blocks
    .filter((block) => block.rows.length > 0)
    .map((block): RangePosition => {
      const start = parseCellAddress(block.anchor);
      const width = Math.max(1, ...block.rows.map((row) => row.length));
      const mergedWidth = Math.max(
        width,
        ...block.rows.flatMap((row) =>
          row.map((cell, column) => (cell?.mergeAcross ? column + 1 + cell.mergeAcross : 0)),
        ),
      );
      return {
        start,
        end: { row: start.row + block.rows.length - 1, column: start.column + mergedWidth - 1 },
      };
    });
  const tables = sheet.tables.map((table) => parseRangeAddress(tableRanges[table.name] ?? table.range));
  const charts = sheet.charts.map((chart) => parseRangeAddress(`${chart.anchor.from}:${chart.anchor.to}`));
  return [...blocks, ...tables, ...charts];
}
