/** Finding cells of a spec by meaning (a table's column for an item, a bound field) rather than by address. */
import { cellAddress, parseCellAddress, parseRangeAddress, type RangePosition } from "../../src/workbook/address";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../src/workbook/spec";

export function sheetByKey(spec: WorkbookSpec, key: SheetSpec["key"]): SheetSpec {
  const sheet = spec.sheets.find((candidate) => candidate.key === key);
  if (!sheet) throw new Error(`no sheet ${key}`);
  return sheet;
}

/** Every non-empty cell of a sheet with its address. */
export function cellsOf(sheet: SheetSpec): { address: string; cell: CellSpec }[] {
  return sheet.blocks.flatMap((block) => {
    const anchor = parseCellAddress(block.anchor);
    return block.rows.flatMap((row, r) =>
      row.flatMap((cell, c) =>
        cell === null ? [] : [{ address: cellAddress({ row: anchor.row + r, column: anchor.column + c }), cell }],
      ),
    );
  });
}

const indexes = new WeakMap<SheetSpec, Map<string, CellSpec>>();

/** The cell at an address (null when empty); indexed once per sheet. */
export function cellAt(sheet: SheetSpec, address: string): CellSpec | null {
  let index = indexes.get(sheet);
  if (!index) {
    index = new Map(cellsOf(sheet).map((entry) => [entry.address, entry.cell]));
    indexes.set(sheet, index);
  }
  return index.get(address) ?? null;
}

const validationRanges = new WeakMap<
  SheetSpec,
  { range: RangePosition; validation: SheetSpec["validations"][number] }[]
>();

/** The data validations whose range holds a cell. */
export function validationsAt(sheet: SheetSpec, address: string): SheetSpec["validations"] {
  let ranges = validationRanges.get(sheet);
  if (!ranges) {
    ranges = sheet.validations.map((validation) => ({ range: parseRangeAddress(validation.range), validation }));
    validationRanges.set(sheet, ranges);
  }
  const { row, column } = parseCellAddress(address);
  return ranges
    .filter(
      ({ range }) =>
        row >= range.start.row && row <= range.end.row && column >= range.start.column && column <= range.end.column,
    )
    .map(({ validation }) => validation);
}

/** The address of the cell bound to a plan path (`objectives.annualRevenueTarget`). */
export function boundCell(spec: WorkbookSpec, path: string): { sheet: SheetSpec; address: string } {
  for (const sheet of spec.sheets) {
    const found = cellsOf(sheet).find((entry) => entry.cell.bind?.path === path);
    if (found) return { sheet, address: found.address };
  }
  throw new Error(`no cell bound to ${path}`);
}

/** The address of a table's cell: the row whose `keyHeader` column (default: the first) shows `key`, in column `header`. */
export function tableCell(
  spec: WorkbookSpec,
  tableName: string,
  header: string,
  key: string | number,
  keyHeader?: string,
): { sheet: SheetSpec; address: string } {
  for (const sheet of spec.sheets) {
    const table = sheet.tables.find((candidate) => candidate.name === tableName);
    if (!table) continue;
    const range = parseRangeAddress(table.range);
    const headerAt = (text: string) => {
      for (let column = range.start.column; column <= range.end.column; column++) {
        if (cellAt(sheet, cellAddress({ row: range.start.row, column }))?.value === text) return column;
      }
      throw new Error(`table ${tableName} has no column "${text}"`);
    };
    const column = headerAt(header);
    const keyColumn = keyHeader === undefined ? range.start.column : headerAt(keyHeader);
    for (let row = range.start.row + 1; row <= range.end.row; row++) {
      if (cellAt(sheet, cellAddress({ row, column: keyColumn }))?.value === key) {
        return { sheet, address: cellAddress({ row, column }) };
      }
    }
    throw new Error(`table ${tableName} has no row "${key}"`);
  }
  throw new Error(`no table ${tableName}`);
}
