/**
 * Loads a WorkbookSpec into HyperFormula (a real spreadsheet formula engine, GPL-3.0, dev-only) the way a writer
 * writes it: formulas as formulas, text through `literalText` (so `=HYPERLINK(…)` stays text), numbers and booleans
 * as they are, and the workbook's defined names.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { parseCellAddress } from "../../src/workbook/address";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../src/workbook/spec";
import { layoutText } from "../../src/workbook/i18n";
import { literalText } from "../../src/workbook/text";

/**
 * HyperFormula's settings closest to Excel: no "smart" rounding of results (Excel keeps full doubles), exact
 * comparisons, Excel's 1899-12-30 date origin.
 */
export const EXCEL_LIKE_CONFIG = {
  licenseKey: "gpl-v3",
  smartRounding: false,
  precisionEpsilon: 0,
  nullDate: { year: 1899, month: 12, day: 30 },
  leapYear1900: false,
  evaluateNullToZero: true,
  functionArgSeparator: ",",
  decimalSeparator: ".",
  thousandSeparator: "",
  maxRows: 1_048_576,
  maxColumns: 16_384,
} as const;

export interface FormulaCellLocation {
  readonly sheet: string;
  readonly address: string;
  readonly cell: CellSpec;
}

/** What a writer puts in the cell: a formula, literal text, a number or a boolean. */
function content(cell: CellSpec | null): RawCellContent {
  if (cell === null) return null;
  if (cell.formula !== undefined) return cell.formula;
  if (typeof cell.value === "string") {
    // HyperFormula, like Excel's typing, would turn "2027-01" into a date and "=…" into a formula; Excel's quote
    // prefix keeps it text, exactly as a writer's literalText and text number format do.
    const literal = literalText(cell.value);
    return literal.startsWith("'") ? literal : `'${cell.value}`;
  }
  return cell.value ?? null;
}

export function sheetContents(sheet: SheetSpec): RawCellContent[][] {
  const grid: RawCellContent[][] = [];
  for (const block of sheet.blocks) {
    const anchor = parseCellAddress(block.anchor);
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null) return;
        const target = (grid[anchor.row + r] ??= []);
        target[anchor.column + c] = content(cell);
      }),
    );
  }
  return Array.from(grid, (row) => Array.from(row ?? [], (value) => value ?? null));
}

export function loadIntoEngine(spec: WorkbookSpec): HyperFormula {
  const sheets: Record<string, RawCellContent[][]> = Object.fromEntries(
    spec.sheets.map((sheet) => [sheet.name, sheetContents(sheet)]),
  );
  // The tracking sheet reads the actuals tables' sheets; a spec without them (no actuals layout yet) gets them empty,
  // as a workbook whose tables hold no rows. tests/helpers/actuals-sheets.ts fills them with records.
  const { deals, activities } = layoutText(spec.locale).sheetNames;
  for (const name of [deals, activities]) sheets[name] ??= [];
  return HyperFormula.buildFromSheets(
    sheets,
    EXCEL_LIKE_CONFIG,
    spec.names.map((name) => ({ name: name.name, expression: name.refersTo })),
  );
}

/** Every formula cell of the spec with its sheet and address. */
export function formulaCells(spec: WorkbookSpec): FormulaCellLocation[] {
  return spec.sheets.flatMap((sheet) =>
    sheet.blocks.flatMap((block) => {
      const anchor = parseCellAddress(block.anchor);
      return block.rows.flatMap((row, r) =>
        row.flatMap((cell, c) =>
          cell?.formula === undefined
            ? []
            : [
                {
                  sheet: sheet.name,
                  address: cellName(anchor.row + r, anchor.column + c),
                  cell,
                },
              ],
        ),
      );
    }),
  );
}

function cellName(row: number, column: number): string {
  let letters = "";
  let n = column + 1;
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

/** The engine's value of a cell, by sheet name and A1 address. */
export function engineValue(engine: HyperFormula, sheet: string, address: string): unknown {
  const sheetId = engine.getSheetId(sheet);
  if (sheetId === undefined) throw new Error(`no sheet ${sheet}`);
  const { row, column } = parseCellAddress(address);
  return engine.getCellValue({ sheet: sheetId, row, col: column });
}

/** Whether an engine value matches a predicted result: exact for whole numbers and text, relative 1e-9 otherwise. */
export function matchesPrediction(actual: unknown, expected: number | string | boolean): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Number.isInteger(expected)) return actual === expected;
    return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), Math.abs(actual));
  }
  return actual === expected;
}
