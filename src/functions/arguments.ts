/**
 * The one place where PLAN.* arguments are read and checked, exactly as Excel passes them, from a declarative
 * description of each function's parameters (see signatures.ts), in the manner of HyperFormula's function metadata.
 *
 * What Excel passes, and how it is read:
 * - an omitted optional argument arrives as `null`: it takes its default;
 * - an empty cell arrives as `0` (desktop) or `null` (web), and an empty range cell as `0`, `null` or `""`: it counts as
 *   0, as in Excel arithmetic (so a referenced empty cell for an optional argument counts as 0 on desktop and as
 *   omitted on the web; Excel does not let a function tell them apart), except in a `cells` argument, which keeps
 *   its blanks for the function to skip;
 * - a cell may hold text or a boolean: refused in a number argument (numbers stored as text are a classic model bug),
 *   with the value received in the message; a `YYYY-MM-DD` text is accepted as a date;
 * - a range argument is a 2-D array: a single row or column (1×N or N×1), possibly with blanks; a single value is
 *   read as a 1×1 range;
 * - NaN and infinities are refused; `undefined` (only a JavaScript caller can pass it) means a missing argument.
 * Bounds are the plan core's accepted ranges; the core still checks everything it is given.
 */
import { toExcelSerial } from "../plan/calendar";
import { PlanMathError } from "../plan/errors";
import type { FunctionMessageKey } from "./messages";
import { ArgumentProblem, describeReceived, type Subject } from "./errors";

/** An accepted range of numbers, stated as HyperFormula states its argument bounds. */
export interface NumericBound {
  readonly min?: number;
  readonly max?: number;
  readonly greaterThan?: number;
  readonly lessThan?: number;
  readonly integer?: boolean;
  /** The catalog message that states the range. */
  readonly message: FunctionMessageKey;
}

/** The accepted ranges the PLAN.* arguments use; each matches a rule of the plan core (src/plan/errors.ts). */
export const BOUNDS = {
  positive: { greaterThan: 0, message: "positive" },
  nonNegative: { min: 0, message: "nonNegative" },
  rate: { greaterThan: 0, max: 1, message: "rate" },
  attritionRate: { min: 0, lessThan: 1, message: "attritionRate" },
  fraction: { min: 0, max: 1, message: "fraction" },
  wholePeriods: { integer: true, message: "wholePeriods" },
  wholeNonNegative: { integer: true, min: 0, message: "wholeNonNegative" },
  rampPeriods: { min: 0, message: "rampPeriods" },
  month: { integer: true, min: 1, max: 12, message: "month" },
  // 9999-12-31 (2958465) at any time of day: the time is ignored.
  date: { min: 61, lessThan: 2_958_466, message: "date" },
} as const satisfies Record<string, NumericBound>;

export type BoundName = keyof typeof BOUNDS;

export function isWithin(bound: NumericBound, value: number): boolean {
  return (
    (bound.min === undefined || value >= bound.min) &&
    (bound.max === undefined || value <= bound.max) &&
    (bound.greaterThan === undefined || value > bound.greaterThan) &&
    (bound.lessThan === undefined || value < bound.lessThan) &&
    (!bound.integer || Number.isInteger(value))
  );
}

interface BaseParameter {
  /** The argument's name as Excel shows it (snake_case, as in the JSDoc). */
  readonly name: string;
  readonly optional?: boolean;
}

/**
 * A single number. Required: an empty cell counts as 0. Optional: omitted (null) takes `default`, or stays undefined
 * without one (an optional mode, such as PLAN.ATTAINMENT's threshold).
 */
export interface NumberParameter extends BaseParameter {
  readonly kind: "number";
  readonly bound?: BoundName;
  readonly default?: number;
}

/** TRUE or FALSE (a number counts as FALSE when 0 and TRUE otherwise, as in Excel's logical arguments). */
export interface BooleanParameter extends BaseParameter {
  readonly kind: "boolean";
  readonly optional: true;
  readonly default: boolean;
}

/** A date: an Excel date serial (its time of day ignored) or a `YYYY-MM-DD` text. */
export interface DateParameter extends BaseParameter {
  readonly kind: "date";
}

/** A single row or column of numbers (Excel range); its orientation is kept to shape the result like it. */
export interface VectorParameter extends BaseParameter {
  readonly kind: "vector";
  /** Most cells accepted (default MAX_RANGE_CELLS). */
  readonly maxCells?: number;
  readonly itemBound?: BoundName;
  /** Refuse a range whose values are all 0 (weights). */
  readonly notAllZero?: boolean;
  /** Optional: omitted (null, or an empty text) is undefined. */
  readonly optional?: boolean;
}

/**
 * One number (a single cell) or a row or column of numbers: a ramp (N periods, or fractions per period) or attrition
 * (a rate, or departure counts per period). A single cell is always the number.
 */
export interface NumberOrVectorParameter extends BaseParameter {
  readonly kind: "numberOrVector";
  /** Most cells accepted (default MAX_RANGE_CELLS). */
  readonly maxCells?: number;
  readonly numberBound: BoundName;
  readonly itemBound: BoundName;
  /** When a vector, it must have as many values as this vector argument (one per period). */
  readonly sameLengthAs?: string;
}

/**
 * A single row or column whose blank cells are kept (as `null`), for values read in pairs with another range where a
 * blank means "no value" rather than 0 (a rep without an actual yet). Excel desktop passes a blank cell as 0, the web
 * as null: the function using it states how it treats both.
 */
export interface CellsParameter extends BaseParameter {
  readonly kind: "cells";
  /** Most cells accepted (default MAX_RANGE_CELLS). */
  readonly maxCells?: number;
  readonly itemBound?: BoundName;
  /** Must have the same rows and columns as this earlier `cells` argument (pairs of cells). */
  readonly sameShapeAs?: string;
}

export type Parameter =
  NumberParameter | BooleanParameter | DateParameter | VectorParameter | NumberOrVectorParameter | CellsParameter;

/**
 * Most cells a range argument may hold: a whole column (1,048,576 cells) is refused with a message rather than
 * computed for seconds in the runtime the task pane shares. 100,000 periods is over 8,000 years of months; every
 * PLAN.* function answers on that many cells well within a second (see `npm run bench`, "Full-column ranges").
 */
export const MAX_RANGE_CELLS = 100_000;

/** Refuses a range argument larger than the parameter accepts, before any of its cells is read. */
function checkRangeSize(parameter: Parameter, value: unknown): void {
  if (dimensionalityOf(parameter) !== "matrix") return;
  if (!Array.isArray(value) || value.length === 0) return;
  const first: unknown = value[0];
  const cells = value.length * (Array.isArray(first) && first.length > 0 ? first.length : 1);
  const limit = ("maxCells" in parameter ? parameter.maxCells : undefined) ?? MAX_RANGE_CELLS;
  if (cells > limit) throw new ArgumentProblem("tooManyCells", { argument: parameter.name }, { limit, count: cells });
}

/** Excel's view of a parameter: a single value or a range (`number[][]` in the JSDoc). */
export function dimensionalityOf(parameter: Parameter): "scalar" | "matrix" {
  return parameter.kind === "vector" || parameter.kind === "numberOrVector" || parameter.kind === "cells"
    ? "matrix"
    : "scalar";
}

export interface Vector {
  readonly values: readonly number[];
  /** How the range was laid out; a single cell counts as a column. */
  readonly orientation: "row" | "column";
}

/** A row or column of numbers and blanks (`null`), with its layout, for pairs of cells. */
export interface Cells {
  readonly values: readonly (number | null)[];
  readonly rows: number;
  readonly columns: number;
}

export type NumberOrVector =
  { readonly kind: "number"; readonly value: number } | { readonly kind: "vector"; readonly vector: Vector };

type ValueOf<P extends Parameter> = P extends NumberParameter
  ? P extends { readonly optional: true; readonly default: number }
    ? number
    : P extends { readonly optional: true }
      ? number | undefined
      : number
  : P extends BooleanParameter
    ? boolean
    : P extends DateParameter
      ? number
      : P extends VectorParameter
        ? P extends { readonly optional: true }
          ? Vector | undefined
          : Vector
        : P extends NumberOrVectorParameter
          ? P extends { readonly optional: true }
            ? NumberOrVector | undefined
            : NumberOrVector
          : P extends CellsParameter
            ? Cells
            : never;

/** The checked arguments of a parameter list, by name. */
export type ArgumentsOf<Parameters extends readonly Parameter[]> = {
  [P in Parameters[number] as P["name"]]: ValueOf<P>;
};

/** A result shaped like a vector argument: a row stays a row, a column a column. */
export function shapedLike(vector: Vector, values: readonly number[]): number[][] {
  return vector.orientation === "row" ? [[...values]] : values.map((value) => [value]);
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

function checkBound(subject: Subject, value: number, boundName: BoundName | undefined): number {
  if (!Number.isFinite(value)) throw new ArgumentProblem("finite", subject);
  if (boundName === undefined) return value;
  const bound: NumericBound = BOUNDS[boundName];
  if (!isWithin(bound, value)) throw new ArgumentProblem(bound.message, subject);
  return value;
}

/** A cell's value as a number: blank is 0; text, booleans and anything else are refused. */
function cellNumber(subject: Subject, value: unknown, boundName: BoundName | undefined): number {
  if (isBlank(value)) return checkBound(subject, 0, boundName);
  if (typeof value !== "number") throw new ArgumentProblem("number", subject, {}, describeReceived(value));
  return checkBound(subject, value, boundName);
}

function readNumber(parameter: NumberParameter, value: unknown): number | undefined {
  const subject = { argument: parameter.name };
  if (Array.isArray(value)) throw new ArgumentProblem("singleValue", subject);
  if (value === undefined && !parameter.optional) throw new ArgumentProblem("required", subject);
  if (isBlank(value) && parameter.optional) return parameter.default;
  return cellNumber(subject, value, parameter.bound);
}

function readBoolean(parameter: BooleanParameter, value: unknown): boolean {
  const subject = { argument: parameter.name };
  if (Array.isArray(value)) throw new ArgumentProblem("singleValue", subject);
  if (isBlank(value)) return parameter.default;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value !== 0;
  throw new ArgumentProblem("boolean", subject, {}, describeReceived(value));
}

function readDate(parameter: DateParameter, value: unknown): number {
  const subject = { argument: parameter.name };
  if (Array.isArray(value)) throw new ArgumentProblem("singleValue", subject);
  if (value === undefined) throw new ArgumentProblem("required", subject);
  if (typeof value === "string" && value !== "") {
    try {
      return toExcelSerial(value.trim());
    } catch (error) {
      if (error instanceof PlanMathError) throw new ArgumentProblem("dateGot", subject, {}, describeReceived(value));
      throw error;
    }
  }
  if (typeof value === "boolean") throw new ArgumentProblem("dateGot", subject, {}, describeReceived(value));
  return cellNumber(subject, value, "date");
}

/** A range as Excel passes it: a non-empty rectangular 2-D array (a single value counts as a 1×1 range). */
function readGrid(name: string, value: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(value)) return [[value]];
  const rows = value as unknown[];
  if (rows.length === 0) throw new ArgumentProblem("emptyRange", { argument: name });
  if (!rows.every((row): row is unknown[] => Array.isArray(row)))
    throw new ArgumentProblem("range", { argument: name });
  const width = rows[0]!.length;
  if (width === 0) throw new ArgumentProblem("emptyRange", { argument: name });
  if (rows.some((row) => row.length !== width)) throw new ArgumentProblem("range", { argument: name });
  return rows;
}

function readVectorGrid(name: string, grid: readonly (readonly unknown[])[], itemBound: BoundName | undefined): Vector {
  const rows = grid.length;
  const columns = grid[0]!.length;
  if (rows > 1 && columns > 1) throw new ArgumentProblem("vector", { argument: name }, { rows, columns });
  const cells = rows === 1 ? grid[0]! : grid.map((row) => row[0]);
  const values = cells.map((cell, index) => cellNumber({ argument: name, index: index + 1 }, cell, itemBound));
  return { values, orientation: rows === 1 && columns > 1 ? "row" : "column" };
}

function readVector(parameter: VectorParameter, value: unknown): Vector | undefined {
  if (parameter.optional && isBlank(value)) return undefined;
  if (value === undefined) throw new ArgumentProblem("required", { argument: parameter.name });
  const vector = readVectorGrid(parameter.name, readGrid(parameter.name, value), parameter.itemBound);
  if (parameter.notAllZero && vector.values.every((v) => v === 0)) {
    throw new ArgumentProblem("weightsAllZero", { argument: parameter.name });
  }
  return vector;
}

function readNumberOrVector(
  parameter: NumberOrVectorParameter,
  value: unknown,
  vectors: ReadonlyMap<string, Vector>,
): NumberOrVector | undefined {
  const subject = { argument: parameter.name };
  if (value === undefined && !parameter.optional) throw new ArgumentProblem("required", subject);
  if (isBlank(value) && parameter.optional) return undefined;
  const grid = readGrid(parameter.name, value);
  if (grid.length === 1 && grid[0]!.length === 1) {
    return { kind: "number", value: cellNumber(subject, grid[0]![0], parameter.numberBound) };
  }
  const vector = readVectorGrid(parameter.name, grid, parameter.itemBound);
  const periods = parameter.sameLengthAs === undefined ? undefined : vectors.get(parameter.sameLengthAs);
  if (periods && periods.values.length !== vector.values.length) {
    throw new ArgumentProblem("periodsMismatch", subject, { count: periods.values.length });
  }
  return { kind: "vector", vector };
}

function readCells(parameter: CellsParameter, value: unknown, cellsRead: ReadonlyMap<string, Cells>): Cells {
  const subject = { argument: parameter.name };
  if (value === undefined) throw new ArgumentProblem("required", subject);
  const grid = readGrid(parameter.name, value);
  const rows = grid.length;
  const columns = grid[0]!.length;
  if (rows > 1 && columns > 1) throw new ArgumentProblem("vector", subject, { rows, columns });
  const cells = rows === 1 ? grid[0]! : grid.map((row) => row[0]);
  const values = cells.map((cell, index) =>
    isBlank(cell) ? null : cellNumber({ argument: parameter.name, index: index + 1 }, cell, parameter.itemBound),
  );
  const pair = parameter.sameShapeAs === undefined ? undefined : cellsRead.get(parameter.sameShapeAs);
  if (pair && (pair.rows !== rows || pair.columns !== columns)) {
    throw new ArgumentProblem("sameShape", subject, {
      other: parameter.sameShapeAs!,
      rows: pair.rows,
      columns: pair.columns,
    });
  }
  return { values, rows, columns };
}

// ---------------------------------------------------------------------------------------------------------------
// The common path: arguments that are plain numbers (or 2-D arrays of plain numbers) within their bounds are read
// as themselves, which is what the readers above return for them. Anything else (a blank, text, a boolean, a value
// out of range, a ragged range…) goes to those readers, which produce the result or the exact error.
// ---------------------------------------------------------------------------------------------------------------

/** A bound with every limit present, so checking a number is a few comparisons on one object shape. */
interface CompiledBound {
  readonly min: number;
  readonly max: number;
  readonly greaterThan: number;
  readonly lessThan: number;
  readonly integer: boolean;
}

function compileBound(boundName: BoundName | undefined): CompiledBound {
  const bound: Partial<NumericBound> = boundName === undefined ? {} : BOUNDS[boundName];
  return {
    min: bound.min ?? -Infinity,
    max: bound.max ?? Infinity,
    greaterThan: bound.greaterThan ?? -Infinity,
    lessThan: bound.lessThan ?? Infinity,
    integer: bound.integer ?? false,
  };
}

/** True for a finite number within the bound (NaN and infinities fail one of the comparisons). */
function inBound(bound: CompiledBound, value: number): boolean {
  return (
    value >= bound.min &&
    value <= bound.max &&
    value > bound.greaterThan &&
    value < bound.lessThan &&
    (!bound.integer || Number.isInteger(value))
  );
}

interface CompiledParameter {
  readonly parameter: Parameter;
  /** `number`, `date`: the value's bound; `vector`: each item's; `numberOrVector`: the single number's. */
  readonly bound: CompiledBound;
}

const compiledLists = new WeakMap<readonly Parameter[], readonly CompiledParameter[]>();

function compiledParameters(parameters: readonly Parameter[]): readonly CompiledParameter[] {
  let compiled = compiledLists.get(parameters);
  if (!compiled) {
    compiled = parameters.map((parameter) => {
      switch (parameter.kind) {
        case "number":
          return { parameter, bound: compileBound(parameter.bound) };
        case "date":
          return { parameter, bound: compileBound("date") };
        case "vector":
          return { parameter, bound: compileBound(parameter.itemBound) };
        case "numberOrVector":
          return { parameter, bound: compileBound(parameter.numberBound) };
        case "boolean":
          return { parameter, bound: compileBound(undefined) };
        case "cells":
          return { parameter, bound: compileBound(parameter.itemBound) };
      }
    });
    compiledLists.set(parameters, compiled);
  }
  return compiled;
}

/**
 * A single row or column of plain numbers within the bound, read as readVector reads it; undefined for anything
 * else (blanks, text, a rectangle, a ragged or empty array, a value out of range, all zeros where refused).
 */
function plainVector(parameter: VectorParameter, bound: CompiledBound, value: unknown): Vector | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const rows = value as unknown[];
  const first: unknown = rows[0];
  if (!Array.isArray(first) || first.length === 0) return undefined;
  const cells = first as unknown[];
  let values: number[];
  let orientation: Vector["orientation"] = "column";
  let anyNonZero = false;
  if (rows.length === 1) {
    values = new Array<number>(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (typeof cell !== "number" || !inBound(bound, cell)) return undefined;
      if (cell !== 0) anyNonZero = true;
      values[i] = cell;
    }
    if (cells.length > 1) orientation = "row";
  } else {
    if (cells.length !== 1) return undefined;
    values = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row: unknown = rows[i];
      if (!Array.isArray(row) || row.length !== 1) return undefined;
      const cell: unknown = row[0];
      if (typeof cell !== "number" || !inBound(bound, cell)) return undefined;
      if (cell !== 0) anyNonZero = true;
      values[i] = cell;
    }
  }
  if (parameter.notAllZero && !anyNonZero) return undefined;
  return { values, orientation };
}

/** A single number given as itself or as a 1×1 range, if it is a plain number; undefined otherwise. */
function singleNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (!Array.isArray(value) || value.length !== 1) return undefined;
  const row: unknown = value[0];
  if (!Array.isArray(row) || row.length !== 1) return undefined;
  const cell: unknown = row[0];
  return typeof cell === "number" ? cell : undefined;
}

const NO_VECTORS: ReadonlyMap<string, Vector> = new Map();

/**
 * Reads every argument through the full checks, without the common path: the reference `readArguments` must agree
 * with (tests compare them on any input).
 */
export function readArgumentsInFull<Parameters extends readonly Parameter[]>(
  parameters: Parameters,
  values: readonly unknown[],
): ArgumentsOf<Parameters> {
  const result: Record<string, unknown> = {};
  const vectors = new Map<string, Vector>();
  const cellsRead = new Map<string, Cells>();
  parameters.forEach((parameter, position) => {
    const value = values[position];
    checkRangeSize(parameter, value);
    switch (parameter.kind) {
      case "number":
        result[parameter.name] = readNumber(parameter, value);
        break;
      case "boolean":
        result[parameter.name] = readBoolean(parameter, value);
        break;
      case "date":
        result[parameter.name] = readDate(parameter, value);
        break;
      case "vector": {
        const vector = readVector(parameter, value);
        if (vector) vectors.set(parameter.name, vector);
        result[parameter.name] = vector;
        break;
      }
      case "numberOrVector":
        result[parameter.name] = readNumberOrVector(parameter, value, vectors);
        break;
      case "cells": {
        const cells = readCells(parameter, value, cellsRead);
        cellsRead.set(parameter.name, cells);
        result[parameter.name] = cells;
        break;
      }
    }
  });
  return result as ArgumentsOf<Parameters>;
}

/**
 * Reads and checks every argument of a call, in parameter order, and returns them by name. Throws an
 * ArgumentProblem for the first argument that is missing, of the wrong type or shape, or out of range.
 * Plain numbers within range take the common path; everything else the full checks (`readArgumentsInFull`).
 */
export function readArguments<Parameters extends readonly Parameter[]>(
  parameters: Parameters,
  values: readonly unknown[],
): ArgumentsOf<Parameters> {
  const compiled = compiledParameters(parameters);
  const result: Record<string, unknown> = {};
  let vectors: Map<string, Vector> | undefined;
  let cellsRead: Map<string, Cells> | undefined;
  for (let position = 0; position < compiled.length; position++) {
    const { parameter, bound } = compiled[position]!;
    const value = values[position];
    checkRangeSize(parameter, value);
    switch (parameter.kind) {
      case "number":
        result[parameter.name] =
          typeof value === "number" && inBound(bound, value) ? value : readNumber(parameter, value);
        break;
      case "boolean":
        result[parameter.name] = typeof value === "boolean" ? value : readBoolean(parameter, value);
        break;
      case "date":
        result[parameter.name] =
          typeof value === "number" && inBound(bound, value) ? value : readDate(parameter, value);
        break;
      case "vector": {
        const vector = plainVector(parameter, bound, value) ?? readVector(parameter, value);
        if (vector) (vectors ??= new Map()).set(parameter.name, vector);
        result[parameter.name] = vector;
        break;
      }
      case "numberOrVector": {
        const single = singleNumber(value);
        result[parameter.name] =
          single !== undefined && inBound(bound, single)
            ? { kind: "number", value: single }
            : readNumberOrVector(parameter, value, vectors ?? NO_VECTORS);
        break;
      }
      case "cells": {
        // Blanks are kept and shapes compared: no common path, the full reader is linear already.
        const cells = readCells(parameter, value, (cellsRead ??= new Map()));
        cellsRead.set(parameter.name, cells);
        result[parameter.name] = cells;
        break;
      }
    }
  }
  // The switch above fills exactly one entry per parameter, with the type ValueOf gives it.
  return result as ArgumentsOf<Parameters>;
}
