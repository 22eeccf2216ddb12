/**
 * Where each plan field sits in the generated sheets: the cell bound to it, or its table's column on the item's row.
 * Sheets laid out after the step sheets (the Scenarios sheet) refer to the plan's inputs through this index, so they
 * follow the step sheets' layout without each step sheet exporting its cells one by one.
 */
import { offset, parseCellAddress, parseRangeAddress, type CellPosition } from "./address";
import { external } from "./sheets/context";
import type { SheetSpec } from "./spec";

export interface BoundCells {
  /** `'2 Objectives'!$C$6` for `objectives.averageDealValue`; throws when no cell holds the field. */
  reference(path: string): string;
  has(path: string): boolean;
}

export function boundCells(sheets: readonly SheetSpec[]): BoundCells {
  const cells = new Map<string, { sheet: string; position: CellPosition }>();
  for (const sheet of sheets) {
    for (const block of sheet.blocks) {
      const anchor = parseCellAddress(block.anchor);
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell?.bind) cells.set(cell.bind.path, { sheet: sheet.name, position: offset(anchor, r, c) });
        }),
      );
    }
    for (const table of sheet.tables) {
      if (!table.binding) continue;
      const range = parseRangeAddress(table.range);
      // A list table's data rows hold the list's items in order, from the row below the header.
      for (let row = range.start.row + 1; row <= range.end.row; row++) {
        for (const column of table.binding.columns) {
          const path = `${table.binding.list}[${row - range.start.row - 1}].${column.field}`;
          cells.set(path, { sheet: sheet.name, position: { row, column: range.start.column + column.column } });
        }
      }
    }
  }
  return {
    has: (path) => cells.has(path),
    reference(path) {
      const cell = cells.get(path);
      if (cell === undefined) throw new Error(`no generated cell holds ${path}`);
      return external(cell.sheet, cell.position);
    },
  };
}
