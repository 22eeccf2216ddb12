/**
 * What a generated sheet holds, as read from Excel: the snapshot handed to the read-back, and the checks that decide
 * whether a generated sheet must be copied to a backup before it is rewritten. Pure.
 */
import type { CellPosition, RangePosition } from "../workbook/address";
import { cellAddress, parseCellAddress, parseRangeAddress } from "../workbook/address";
import type { SheetKey, SheetSnapshot, SheetSpec, WorkbookSpec } from "../workbook/spec";
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
 * A formula's shape: what it computes, without where it reads. Excel moves references when rows are inserted or a
 * table grows (`SUM(B10:B20)` becomes `SUM(B10:B21)`), and may write sheet names, `$` and spacing differently; none
 * of that is the user's work. A different function, operator or constant is.
 */
export function formulaShape(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\s+/g, "")
            .toUpperCase()
            .replace(/_XL(FN|WS)\./g, "")
            .replace(/[$@]/g, "")
            .replace(/('(?:[^']|'')*'|[A-Z_][A-Z0-9_.]*)!/g, "")
            .replace(/(?<![A-Z0-9_.])[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?(?![A-Z0-9_.(])/g, "R"),
    )
    .join("");
}

const isFormula = (content: CellScalar | undefined): content is string =>
  typeof content === "string" && content.startsWith("=");

/**
 * The first cell of a generated sheet's own blocks that the user changed in a way reading back cannot keep, as an
 * A1 address, or undefined: a note typed in an empty cell inside a block, a formula replaced by a number or by
 * another formula, a label retyped. Input cells (bound to the plan) are read back, and so are not reported; neither
 * are cells inside the sheet's tables (their rows are read back and may have moved), except a formula replaced by a
 * constant there. Constant numbers the layout writes (the generation date) are not compared: they change by design.
 *
 * @param layout the layout the sheet was generated from
 * @param tableRanges current address of each table by name; tables missing from it are taken at their generated address
 */
export function overwrittenLayoutCell(
  layout: SheetSpec,
  used: UsedRangeRead | undefined,
  tableRanges: Readonly<Record<string, string>> = {},
): string | undefined {
  if (!used) return undefined;
  const tables = layout.tables.map((table) => parseRangeAddress(tableRanges[table.name] ?? table.range));
  const contentAt = (position: CellPosition): { formula: CellScalar; value: CellScalar } | undefined => {
    const row = position.row - used.rowIndex;
    const column = position.column - used.columnIndex;
    if (row < 0 || column < 0) return undefined;
    const formula = used.formulas[row]?.[column];
    const value = used.values[row]?.[column];
    return isEmpty(formula) && isEmpty(value) ? undefined : { formula: formula ?? null, value: value ?? null };
  };
  for (const block of layout.blocks) {
    const anchor = parseCellAddress(block.anchor);
    const width = Math.max(0, ...block.rows.map((row) => row.length));
    for (let rowOffset = 0; rowOffset < block.rows.length; rowOffset++) {
      const row = block.rows[rowOffset]!;
      for (let columnOffset = 0; columnOffset < width; columnOffset++) {
        const position = { row: anchor.row + rowOffset, column: anchor.column + columnOffset };
        const content = contentAt(position);
        if (!content) continue;
        const spec = row[columnOffset] ?? undefined;
        const inTable = tables.some((table) => inside(position, table));
        if (spec?.bind) continue;
        if (spec?.formula !== undefined) {
          if (!isFormula(content.formula)) return cellAddress(position);
          if (!inTable && formulaShape(content.formula) !== formulaShape(spec.formula)) return cellAddress(position);
        } else if (inTable) {
          continue;
        } else if (spec === undefined) {
          // A cell that a merged title covers belongs to the title, though the layout leaves it empty.
          const covered = row.some(
            (cell, start) =>
              cell?.mergeAcross !== undefined && start < columnOffset && columnOffset <= start + cell.mergeAcross,
          );
          if (!covered) return cellAddress(position);
        } else if (typeof spec.value === "string" && String(content.value).trim() !== spec.value.trim()) {
          return cellAddress(position);
        }
      }
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
