/**
 * A real spreadsheet engine (HyperFormula, GPL-3.0, tests only) with the PLAN.* functions registered as a function
 * plugin, so tests type formulas into cells as a user does and compare PLAN.* results with chains of native formulas.
 *
 * The plugin passes arguments the way Excel passes them to a custom function, derived from the same signature table
 * the functions use: a single-value argument gets the cell's raw value (number, text, boolean), an omitted optional
 * argument `null`, an empty cell `null` (Excel on the web) or `0` (Excel desktop) as chosen per engine; a range
 * argument gets a 2-D array (a single cell as a 1×1 array), its empty cells likewise. Errors in the inputs propagate
 * without calling the function, as Excel does. A thrown CustomFunctions.Error becomes a cell error with its message.
 *
 * One difference from Excel matters here: HyperFormula's ROUNDUP works on the full binary double, while Excel first
 * reduces every value to 15 significant digits (see src/plan/excel-precision.ts). ROUNDUP(0.1*3/0.1, 0) is 4 in
 * HyperFormula and 3 in Excel. Native chains that must match Excel on arbitrary inputs therefore state that step
 * with `excelRoundUp` below; chains on ordinary inputs use plain ROUNDUP.
 */
import {
  ArraySize,
  CellError,
  CellType,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type CellValue,
  type FunctionMetadata,
  type ImplementedFunctions,
  type RawCellContent,
} from "hyperformula";
import { dimensionalityOf, type Parameter } from "../../src/functions/arguments";
import type { MessageLocale } from "../../src/functions/messages";
import { planFunctionsIn, type PlanFunctions } from "../../src/functions/plan-functions";
import { SIGNATURES, type PlanFunctionName } from "../../src/functions/signatures";

export interface EngineOptions {
  /** How an empty cell reaches a function: `null` as in Excel on the web (default), `0` as in Excel desktop. */
  readonly emptyCellsAs?: null | 0;
  /** The message language of the functions (default English). */
  readonly locale?: MessageLocale;
}

let current: Required<EngineOptions> = { emptyCellsAs: null, locale: "en-US" };

/**
 * Which argument shapes each spilled result: HyperFormula needs the size before evaluation. A new ArraySize each
 * time: the size of a range reference is flagged as a reference, which HyperFormula would not spill.
 */
const sameSize = (size: ArraySize) => new ArraySize(size.width, size.height);
const SPILL_SHAPE: Partial<Record<PlanFunctionName, (size: ArraySize) => ArraySize>> = {
  funnel: (rates) => new ArraySize(1, rates.width * rates.height + 1),
  capacity: sameSize,
  hires: sameSize,
  split: sameSize,
  pipeline: sameSize,
  quota: sameSize,
  overlay: sameSize,
};
const SPILL_ARGUMENT: Partial<Record<PlanFunctionName, number>> = {
  funnel: 2,
  capacity: 0,
  hires: 0,
  split: 1,
  pipeline: 0,
  quota: 0,
  overlay: 0,
};

function excelValue(value: unknown): unknown {
  if (value === EmptyValue) return current.emptyCellsAs;
  // Percentages, dates and currencies are numbers carrying a format; Excel passes the number.
  if (typeof value === "object" && value !== null && "val" in value) return value.val;
  return value;
}

function firstError(value: unknown): CellError | undefined {
  if (value instanceof CellError) return value;
  if (value instanceof SimpleRangeValue) {
    for (const row of value.data) for (const cell of row) if (cell instanceof CellError) return cell;
  }
  return undefined;
}

function toExcelArgument(value: unknown): unknown {
  if (value === undefined) return null; // an omitted optional argument
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(excelValue));
  return excelValue(value);
}

const ERROR_TYPES: Readonly<Record<string, ErrorType>> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
};

function call(name: PlanFunctionName, hfArguments: unknown[]): unknown {
  const error = hfArguments.map(firstError).find((e) => e !== undefined);
  if (error) return error;
  const fn = planFunctionsIn(current.locale)[name] as (...args: unknown[]) => unknown;
  try {
    const result = fn(...hfArguments.map(toExcelArgument));
    return Array.isArray(result) ? SimpleRangeValue.onlyValues(result as number[][]) : result;
  } catch (thrown) {
    if (thrown instanceof CustomFunctions.Error) {
      return new CellError(ERROR_TYPES[thrown.code] ?? ErrorType.ERROR, thrown.message);
    }
    throw thrown;
  }
}

type Run = (args: unknown, state: unknown, metadata: FunctionMetadata, fn: (...args: unknown[]) => unknown) => unknown;
type SizeOf = (ast: unknown, state: unknown) => ArraySize;

class PlanFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    (Object.keys(SIGNATURES) as PlanFunctionName[]).map((name) => [
      SIGNATURES[name].formula,
      {
        method: name,
        parameters: (SIGNATURES[name].parameters as readonly Parameter[]).map((parameter) => ({
          // NOERROR: an error in a single-value argument propagates, as Excel does before calling a function.
          argumentType:
            dimensionalityOf(parameter) === "matrix" ? FunctionArgumentType.RANGE : FunctionArgumentType.NOERROR,
          optionalArg: parameter.optional === true,
        })),
        vectorizationForbidden: true,
        ...(SPILL_SHAPE[name] ? { sizeOfResultArrayMethod: `${name}Size` } : {}),
      },
    ]),
  );
}

for (const name of Object.keys(SIGNATURES) as PlanFunctionName[]) {
  const prototype = PlanFunctionsPlugin.prototype as unknown as Record<string, unknown>;
  prototype[name] = function (this: PlanFunctionsPlugin, ast: { args: unknown[] }, state: unknown): unknown {
    // runFunction and metadata are protected members of the plugin base class; this method is one of its methods.
    const self = this as unknown as { runFunction: Run; metadata(name: string): FunctionMetadata };
    return self.runFunction(ast.args, state, self.metadata(SIGNATURES[name].formula), (...args) => call(name, args));
  };
  const shape = SPILL_SHAPE[name];
  const argument = SPILL_ARGUMENT[name];
  if (shape && argument !== undefined) {
    prototype[`${name}Size`] = function (this: PlanFunctionsPlugin, ast: { args: unknown[] }, state: unknown) {
      if (ast.args.length <= argument) return ArraySize.scalar();
      const sizeOf = (this as unknown as { arraySizeForAst: SizeOf }).arraySizeForAst.bind(this);
      return shape(sizeOf(ast.args[argument], state));
    };
  }
}

HyperFormula.registerFunctionPlugin(PlanFunctionsPlugin, {
  enGB: Object.fromEntries(Object.values(SIGNATURES).map((s) => [s.formula, s.formula])),
});

/** A computed sheet: read values by A1 address, and whole spilled results. */
export interface Sheet {
  /** The value of one cell (a number, text, boolean, null for empty, or a DetailedCellError). */
  value(a1: string): CellValue;
  /** The values of the array a formula at `a1` spilled (1×1 for a single value). */
  spill(a1: string): CellValue[][];
  /** The error at `a1`, or a failure if the cell holds none. */
  error(a1: string): DetailedCellError;
  readonly engine: HyperFormula;
}

/**
 * Builds a sheet from rows of raw cell contents (numbers, text, "80%", "=formulas"), evaluates it with the PLAN.*
 * functions, and returns it. The options apply to PLAN.* calls until the next sheet is built.
 */
export function buildSheet(rows: RawCellContent[][], options: EngineOptions = {}): Sheet {
  current = {
    emptyCellsAs: options.emptyCellsAs === undefined ? null : options.emptyCellsAs,
    locale: options.locale ?? "en-US",
  };
  const engine = HyperFormula.buildFromArray(rows, {
    licenseKey: "gpl-v3",
    dateFormats: ["YYYY-MM-DD", "DD/MM/YYYY"],
    // Values as computed, not rounded to 10 digits for display: comparisons must see every digit.
    smartRounding: false,
  });
  const address = (a1: string) => {
    const parsed = engine.simpleCellAddressFromString(a1, 0);
    if (!parsed) throw new Error(`not an A1 address: ${a1}`);
    return parsed;
  };
  return {
    engine,
    value: (a1) => engine.getCellValue(address(a1)),
    spill: (a1) => {
      const anchor = address(a1);
      const type = (row: number, col: number) => engine.getCellType({ sheet: anchor.sheet, row, col });
      if (type(anchor.row, anchor.col) !== CellType.ARRAYFORMULA) return [[engine.getCellValue(anchor)]];
      // Spilled cells are ARRAY; the next array's anchor (ARRAYFORMULA) ends this one.
      let height = 1;
      while (type(anchor.row + height, anchor.col) === CellType.ARRAY) height++;
      let width = 1;
      while (type(anchor.row, anchor.col + width) === CellType.ARRAY) width++;
      return Array.from({ length: height }, (_, r) =>
        Array.from({ length: width }, (_, c) =>
          engine.getCellValue({ sheet: anchor.sheet, row: anchor.row + r, col: anchor.col + c }),
        ),
      );
    },
    error: (a1) => {
      const value = engine.getCellValue(address(a1));
      if (!(value instanceof DetailedCellError)) throw new Error(`${a1} holds ${String(value)}, not an error`);
      return value;
    },
  };
}

/**
 * Excel's ROUNDUP(x, 0) written as native formulas HyperFormula evaluates like Excel: x is first rounded to 15
 * significant digits (Excel's precision), then rounded up. `x` is a formula expression (a reference or a calculation).
 */
export function excelRoundUp(x: string): string {
  return `ROUNDUP(${excelPrecision(x)},0)`;
}

/** `x` rounded to Excel's 15 significant digits, as native formulas (0 stays 0). */
export function excelPrecision(x: string): string {
  return `IF((${x})=0,0,ROUND(${x},14-INT(LOG10(ABS(${x})))))`;
}

/** The PLAN.* functions called directly, in English, for comparisons outside the engine. */
export const plan: PlanFunctions = planFunctionsIn("en-US");

/**
 * Values as Excel holds them: numbers at 15 significant digits. Native chains that restate Excel's precision
 * (`excelRoundUp`) compute beyond it with binary noise of their own, so comparisons look at what Excel would show.
 */
export function atExcelPrecision<T>(value: T): T {
  if (typeof value === "number") return (value === 0 ? 0 : Number(value.toPrecision(15))) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => atExcelPrecision(item)) as T;
  return value;
}
