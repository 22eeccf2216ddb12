/**
 * What a generated sheet holds, as read from Excel: the snapshot handed to the read-back, and the checks that decide
 * whether a generated sheet must be copied to a backup before it is rewritten. Pure.
 */
import type { CellPosition, RangePosition } from "../workbook/address";
import { cellAddress } from "../workbook/address";
import type { SheetKey, SheetSnapshot, WorkbookSpec } from "../workbook/spec";
import type { CellScalar } from "./office-port";

/** A sheet's used range as loaded: its top-left position and its cells. */
export interface UsedRangeRead {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly CellScalar[])[];
  readonly formulas: readonly (readonly CellScalar[])[];
}

const isEmpty = (value: CellScalar | undefined): boolean => value === null || value === undefined || value === "";

/** The snapshot of a sheet: values from A1 to the end of the used range, empty cells as `null`. */
export function sheetSnapshot(
  key: SheetKey,
  name: string,
  used: UsedRangeRead | undefined,
  tableRanges: Readonly<Record<string, string>>,
): SheetSnapshot {
  if (!used) return { key, name, values: [], tableRanges };
  const width = used.columnIndex + (used.values[0]?.length ?? 0);
  const values: CellScalar[][] = [];
  for (let row = 0; row < used.rowIndex + used.values.length; row++) {
    const source = used.values[row - used.rowIndex];
    values.push(
      Array.from({ length: width }, (_, column) => {
        const value = source?.[column - used.columnIndex];
        return isEmpty(value) ? null : value!;
      }),
    );
  }
  return { key, name, values, tableRanges };
}

const inside = (cell: CellPosition, region: RangePosition): boolean =>
  cell.row >= region.start.row &&
  cell.row <= region.end.row &&
  cell.column >= region.start.column &&
  cell.column <= region.end.column;

/** The first non-empty cell (value or formula) outside every known region, as an A1 address, or undefined. */
export function contentOutsideRegions(
  used: UsedRangeRead | undefined,
  regions: readonly RangePosition[],
): string | undefined {
  if (!used) return undefined;
  for (let row = 0; row < used.formulas.length; row++) {
    const cells = used.formulas[row]!;
    for (let column = 0; column < cells.length; column++) {
      if (isEmpty(cells[column]) && isEmpty(used.values[row]?.[column])) continue;
      const position = { row: used.rowIndex + row, column: used.columnIndex + column };
      if (!regions.some((region) => inside(position, region))) return cellAddress(position);
    }
  }
  return undefined;
}

/**
 * The sheets whose bound cells or tables hold any of `fields` (plan paths such as `objectives.funnel[2].rate` or
 * `organization.roles`). A field no sheet binds is attributed to every sheet with bindings, so an edit is never
 * dropped for want of a match.
 */
export function sheetsHoldingFields(spec: WorkbookSpec, fields: readonly string[]): Set<SheetKey> {
  const related = (field: string, path: string): boolean =>
    field === path ||
    field.startsWith(`${path}.`) ||
    field.startsWith(`${path}[`) ||
    path.startsWith(`${field}.`) ||
    path.startsWith(`${field}[`);
  const bindings = spec.sheets.map((sheet) => ({
    key: sheet.key,
    paths: [
      ...sheet.blocks.flatMap((block) => block.rows.flatMap((row) => row.flatMap((cell) => cell?.bind?.path ?? []))),
      ...sheet.tables.flatMap((table) => table.binding?.list ?? []),
    ],
  }));
  const keys = new Set<SheetKey>();
  for (const field of fields) {
    const holders = bindings.filter((sheet) => sheet.paths.some((path) => related(field, path)));
    for (const sheet of holders.length > 0 ? holders : bindings.filter((candidate) => candidate.paths.length > 0)) {
      keys.add(sheet.key);
    }
  }
  return keys;
}

/** `'2 Objectives'!B5:F12` → `B5:F12` (table addresses come back qualified by their sheet). */
export function unqualifiedAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
}
