/**
 * Finding `PLAN.*` formulas and deciding what the leadership copy freezes. Pure.
 *
 * The leadership copy (see excel-gateway.ts) copies each sheet that calls a `PLAN.*` function, and each sheet whose
 * formulas read such a sheet (directly or through other such sheets), and replaces, in the copy, every formula that
 * would stop working without the add-in by its current value:
 * - formulas that call `PLAN.*` (or `_xldudf_PLAN_*`, the form Excel gives them once the add-in is missing);
 * - formulas that reference another sheet holding `PLAN.*` formulas: the copy's references still point at the
 *   original sheets, which show #NAME? without the add-in.
 * Formulas that only read cells of their own sheet keep working: in the copy they read the frozen values.
 */
import { quoteSheetName } from "../workbook/address";
import { literalText } from "../workbook/text";
import type { CellScalar } from "./office-port";
import type { UsedRangeRead } from "./sheet-contents";

/** A formula's text without its string literals, so `="PLAN.X"` is not a call. */
function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

const PLAN_CALL = /(?:^|[^A-Za-z0-9_.\\])(?:PLAN\.|_xldudf_PLAN_)[A-Za-z_][A-Za-z0-9_.]*\s*\(/i;

export function isFormula(cell: CellScalar | undefined): cell is string {
  return typeof cell === "string" && cell.startsWith("=");
}

export function callsPlanFunction(formula: string): boolean {
  return PLAN_CALL.test(withoutStrings(formula));
}

/** True when the formula refers to a cell of `sheetName` (`'2 Objectives'!C5` or `Plan!C5`). */
export function referencesSheet(formula: string, sheetName: string): boolean {
  const text = withoutStrings(formula).toLocaleUpperCase();
  const quoted = `'${sheetName.replace(/'/g, "''")}'!`.toLocaleUpperCase();
  if (text.includes(quoted)) return true;
  const bare = `${quoteSheetName(sheetName)}!`.toLocaleUpperCase();
  if (bare.startsWith("'")) return false;
  let at = text.indexOf(bare);
  while (at >= 0) {
    if (at === 0 || !/[A-Z0-9_.]/.test(text[at - 1]!)) return true;
    at = text.indexOf(bare, at + 1);
  }
  return false;
}

/** How many cells of a used range call `PLAN.*`. */
export function countPlanFormulas(used: UsedRangeRead | undefined): number {
  if (!used) return 0;
  return used.formulas.reduce(
    (count, row) => count + row.filter((cell) => isFormula(cell) && callsPlanFunction(cell)).length,
    0,
  );
}

export interface FrozenCells {
  /** Same shape as the used range: the value to write where a formula is frozen, `null` elsewhere. */
  readonly values: CellScalar[][];
  /** Formulas calling `PLAN.*` replaced by their values. */
  readonly planFormulas: number;
  /** Formulas referencing another sheet with `PLAN.*` formulas replaced by their values. */
  readonly dependentFormulas: number;
}

/**
 * The values that replace, in a copy of a sheet, its `PLAN.*` formulas and its formulas referencing
 * `planSheets` (the other sheets that hold `PLAN.*` formulas). Text values are escaped with `literalText`.
 */
export function frozenCells(used: UsedRangeRead, planSheets: readonly string[]): FrozenCells {
  let planFormulas = 0;
  let dependentFormulas = 0;
  const values = used.formulas.map((row, rowIndex) =>
    row.map((cell, columnIndex): CellScalar => {
      if (!isFormula(cell)) return null;
      const callsPlan = callsPlanFunction(cell);
      const dependent = !callsPlan && planSheets.some((sheet) => referencesSheet(cell, sheet));
      if (!callsPlan && !dependent) return null;
      if (callsPlan) planFormulas++;
      else dependentFormulas++;
      const value = used.values[rowIndex]?.[columnIndex] ?? "";
      return typeof value === "string" ? literalText(value) : value;
    }),
  );
  return { values, planFormulas, dependentFormulas };
}

/**
 * The sheets to copy for leadership, in workbook order: those calling `PLAN.*`, then, until nothing changes, those
 * with a formula that references one of them.
 */
export function sheetsToFreeze(
  sheets: readonly { readonly name: string; readonly used: UsedRangeRead | undefined }[],
): string[] {
  const chosen = new Set(sheets.filter((sheet) => countPlanFormulas(sheet.used) > 0).map((sheet) => sheet.name));
  let grew = chosen.size > 0;
  while (grew) {
    grew = false;
    for (const sheet of sheets) {
      if (chosen.has(sheet.name) || !sheet.used) continue;
      const reads = sheet.used.formulas.some((row) =>
        row.some((cell) => isFormula(cell) && [...chosen].some((name) => referencesSheet(cell, name))),
      );
      if (reads) {
        chosen.add(sheet.name);
        grew = true;
      }
    }
  }
  return sheets.filter((sheet) => chosen.has(sheet.name)).map((sheet) => sheet.name);
}
