/**
 * Sheet snapshots built from a spec's own cells, as a reader would find them in a freshly generated workbook: values
 * as written, formula cells holding their predicted results, tables where the spec put them. Tests then edit them the
 * way a user edits the workbook.
 */
import { parseCellAddress, parseRangeAddress, rangeAddress } from "../../src/workbook/address";
import type { SheetSnapshot, WorkbookSpec } from "../../src/workbook/spec";

export type MutableSnapshot = Omit<SheetSnapshot, "values" | "tableRanges"> & {
  values: (string | number | boolean | null)[][];
  tableRanges: Record<string, string>;
};

export function snapshotsFromSpec(spec: WorkbookSpec): MutableSnapshot[] {
  return spec.sheets.map((sheet) => {
    const values: (string | number | boolean | null)[][] = [];
    for (const block of sheet.blocks) {
      const anchor = parseCellAddress(block.anchor);
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell === null) return;
          const target = (values[anchor.row + r] ??= []);
          target[anchor.column + c] = cell.formula !== undefined ? cell.result! : (cell.value ?? null);
        }),
      );
    }
    return {
      key: sheet.key,
      name: sheet.name,
      values: Array.from(values, (row) => Array.from(row ?? [], (value) => value ?? null)),
      tableRanges: Object.fromEntries(sheet.tables.map((table) => [table.name, table.range])),
    };
  });
}

/** Sets a cell of a snapshot by A1 address (growing the grid as needed). */
export function setCell(snapshot: MutableSnapshot, address: string, value: string | number | boolean | null): void {
  const { row, column } = parseCellAddress(address);
  while (snapshot.values.length <= row) snapshot.values.push([]);
  const cells = snapshot.values[row]!;
  while (cells.length <= column) cells.push(null);
  cells[column] = value;
}

export function getCell(snapshot: MutableSnapshot, address: string): string | number | boolean | null {
  const { row, column } = parseCellAddress(address);
  return snapshot.values[row]?.[column] ?? null;
}

/** Moves a table's rows down by `rows` (as when rows are inserted above it), keeping its address in step. */
export function moveTable(snapshot: MutableSnapshot, tableName: string, rows: number): void {
  const range = parseRangeAddress(snapshot.tableRanges[tableName]!);
  const copied = snapshot.values.slice(range.start.row, range.end.row + 1).map((row) => row.slice());
  for (let row = range.start.row; row <= range.end.row; row++) {
    for (let column = range.start.column; column <= range.end.column; column++) {
      if (snapshot.values[row]) snapshot.values[row]![column] = null;
    }
  }
  copied.forEach((row, offset) =>
    row.forEach((value, column) => {
      if (column >= range.start.column && column <= range.end.column) {
        const address = rangeAddress({
          start: { row: range.start.row + rows + offset, column },
          end: { row: range.start.row + rows + offset, column },
        });
        setCell(snapshot, address, value);
      }
    }),
  );
  snapshot.tableRanges[tableName] = rangeAddress({
    start: { row: range.start.row + rows, column: range.start.column },
    end: { row: range.end.row + rows, column: range.end.column },
  });
}
