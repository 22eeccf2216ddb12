/**
 * The reads and writes of the leadership copy (excel-gateway.ts `leadershipCopy`), sized for Excel on the web's 5 MB
 * limit on one request and one response (office-js-docs-pr, docs/concepts/resource-limits-and-performance-optimization.md).
 *
 * - Reads: every sheet's used range is needed (values and formulas, to find `PLAN.*` calls and freeze them), the
 *   user's own large sheets included. One small request first gets each used range's size; the cells are then read in
 *   row bands grouped into requests of at most the budget's estimated bytes (read-bands.ts), and a request Excel still
 *   refuses as too large (`ResponsePayloadSizeLimitExceeded`: text far longer than the estimate) is split in two and
 *   read again.
 * - Spills: a frozen formula that spills (`PLAN.FUNNEL`, `CAPACITY`, `HIRES`, `SPLIT`…) loses its spill once its
 *   formula is replaced by a value, so the whole spilled range is frozen: found with
 *   `Range.getSpillingToRangeOrNullObject` (ExcelApi 1.12; docs/excel/excel-add-ins-ranges-dynamic-arrays.md). Below
 *   1.12 nothing in Office.js tells a spilled cell from a typed one, so the cells next to a frozen formula that show
 *   a value and hold no formula of their own (a run to the right, a run below: the rectangle they span) are rewritten
 *   with the values they showed, which leaves typed values as they were, and the copy reports the cells it guessed.
 * - Writes: the frozen values in row bands, each trimmed to the columns it changes, so a large sheet is several
 *   requests under the budget rather than one over the limit.
 */
import { cellAddress, rangeAddress, type CellPosition, type RangePosition } from "../workbook/address";
import { literalText } from "../workbook/text";
import type { CellScalar, RangeApi, WorksheetApi } from "./office-port";
import { isFormula } from "./plan-formulas";
import { planReadRequests, type ReadBand } from "./read-bands";
import { OPERATION_OVERHEAD_BYTES, partitionByBudget, rowBands, rowBytes } from "./request-budget";
import type { UsedRangeRead } from "./sheet-contents";

/**
 * Estimated response bytes of one cell for one loaded property (`values`, `formulas`, `numberFormat`): a number or a
 * short label with its quotes and comma. User sheets are not laid out by the add-in, so nothing better is known
 * before reading them; longer text is caught by the split-and-retry.
 */
export const ESTIMATED_CELL_BYTES = 24;

/** Estimated request bytes of one spill lookup: `getRange`, `getSpillingToRangeOrNullObject` and its `load`. */
const SPILL_LOOKUP_BYTES = 3 * OPERATION_OVERHEAD_BYTES;

/** A used range's position and size, as read in the first request. */
export interface UsedRangeSize {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** The used range's reads: one request per group of bands, each band a block of whole rows of the used range. */
export function usedRangeRequests(
  sizes: readonly (UsedRangeSize | undefined)[],
  properties: number,
  budgetBytes: number,
): ReadBand<number>[][] {
  const rowsBytes = new Map<number, number[]>();
  sizes.forEach((size, index) => {
    if (size)
      rowsBytes.set(index, new Array<number>(size.rowCount).fill(size.columnCount * properties * ESTIMATED_CELL_BYTES));
  });
  const bands = planReadRequests(rowsBytes, budgetBytes);
  if (bands) return bands;
  const whole = [...rowsBytes.keys()].map((key) => ({ key, start: 0, end: undefined, bytes: 0 }));
  return whole.length > 0 ? [whole] : [];
}

/** The address (without sheet) of a band's rows of a used range; a band without `end` runs to the last row. */
export function bandAddress(size: UsedRangeSize, band: Pick<ReadBand<number>, "start" | "end">): string {
  const end = band.end ?? size.rowCount - 1;
  return rangeAddress({
    start: { row: size.rowIndex + band.start, column: size.columnIndex },
    end: { row: size.rowIndex + end, column: size.columnIndex + size.columnCount - 1 },
  });
}

/** A request to retry as two: its bands in two halves, or its single band's rows in two; none when one row. */
export function splitRequest(
  request: readonly ReadBand<number>[],
  sizes: readonly (UsedRangeSize | undefined)[],
): ReadBand<number>[][] | undefined {
  if (request.length > 1) {
    const half = Math.ceil(request.length / 2);
    return [request.slice(0, half), request.slice(half)];
  }
  const band = request[0];
  if (!band) return undefined;
  const end = band.end ?? sizes[band.key]!.rowCount - 1;
  if (end <= band.start) return undefined;
  const middle = band.start + Math.floor((end - band.start + 1) / 2);
  return [[{ ...band, end: middle - 1 }], [{ ...band, start: middle, end }]];
}

/**
 * True for the error Excel on the web gives when a response is over 5 MB (office-js-docs-pr,
 * docs/testing/application-specific-api-error-handling.md), also when wrapped as the `cause` of a read failure.
 */
export function isResponseTooLarge(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  return code === "ResponsePayloadSizeLimitExceeded" || (cause !== undefined && isResponseTooLarge(cause));
}

export interface SheetCells {
  readonly used: UsedRangeRead | undefined;
  /** Only when read (the values-only copy needs them). */
  readonly numberFormat: CellScalar[][] | undefined;
}

/**
 * Reads every sheet's used range (values, formulas and, when asked, number formats) in bounded requests.
 * `sync` is a read sync; the requests are `usedRangeRequests`, each split again when Excel finds its response too
 * large.
 */
export async function readUsedRanges(
  sheets: readonly WorksheetApi[],
  options: { readonly numberFormats: boolean; readonly budgetBytes: number; readonly sync: () => Promise<void> },
): Promise<SheetCells[]> {
  const sizeReads = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return range;
  });
  await options.sync();
  const sizes = sizeReads.map((range): UsedRangeSize | undefined =>
    range.isNullObject
      ? undefined
      : {
          rowIndex: range.rowIndex,
          columnIndex: range.columnIndex,
          rowCount: range.rowCount,
          columnCount: range.columnCount,
        },
  );
  const properties = options.numberFormats ? "values,formulas,numberFormat" : "values,formulas";
  const pending = usedRangeRequests(sizes, properties.split(",").length, options.budgetBytes);
  const read: { band: ReadBand<number>; range: RangeApi }[] = [];
  // Bounded: one request per budget's worth of estimated cells, plus a split for each response Excel refuses.
  while (pending.length > 0) {
    const request = pending.shift()!;
    const ranges = request.map((band) => {
      const range = sheets[band.key]!.getRange(bandAddress(sizes[band.key]!, band));
      // The rule sees only literal property lists; `properties` is one (two or three named properties).
      // eslint-disable-next-line office-addins/no-empty-load
      range.load(properties);
      return { band, range };
    });
    try {
      await options.sync();
      read.push(...ranges);
    } catch (error) {
      const halves = isResponseTooLarge(error) ? splitRequest(request, sizes) : undefined;
      if (!halves) throw error;
      pending.unshift(...halves);
    }
  }
  return sizes.map((size, index) => {
    if (!size) return { used: undefined, numberFormat: undefined };
    const bands = read.filter(({ band }) => band.key === index).sort((a, b) => a.band.start - b.band.start);
    return {
      used: {
        rowIndex: size.rowIndex,
        columnIndex: size.columnIndex,
        values: bands.flatMap(({ range }) => range.values),
        formulas: bands.flatMap(({ range }) => range.formulas),
      },
      numberFormat: options.numberFormats ? bands.flatMap(({ range }) => range.numberFormat) : undefined,
    };
  });
}

const shows = (used: UsedRangeRead, row: number, column: number): boolean => {
  const formula = used.formulas[row]?.[column];
  const value = used.values[row]?.[column];
  return !isFormula(formula) && value !== undefined && value !== null && value !== "";
};

/**
 * Frozen formulas (positions within the used range) with a neighbour right or below that shows a value only: the
 * formulas that may spill (a spill starts at its anchor's top-left, so it covers one of those two neighbours). Only
 * they are looked up. A spill whose two first neighbours are both empty text is missed; its other cells then read
 * blank in the copy.
 */
export function spillCandidates(used: UsedRangeRead, frozen: readonly (readonly CellScalar[])[]): CellPosition[] {
  const candidates: CellPosition[] = [];
  frozen.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || !isFormula(used.formulas[r]?.[c])) return;
      if (shows(used, r, c + 1) || shows(used, r + 1, c)) candidates.push({ row: r, column: c });
    }),
  );
  return candidates;
}

/**
 * Below ExcelApi 1.12: the rectangle a spill from `anchor` would cover, guessed from the run of cells that show a
 * value without a formula to its right and below it (positions within the used range).
 */
export function guessedSpill(used: UsedRangeRead, anchor: CellPosition): RangePosition {
  let right = anchor.column;
  while (shows(used, anchor.row, right + 1)) right++;
  let bottom = anchor.row;
  while (shows(used, bottom + 1, anchor.column)) bottom++;
  return { start: anchor, end: { row: bottom, column: right } };
}

/**
 * `frozen` with the cells of each spill (positions within the used range) set to the values they showed; a cell
 * holding a formula of its own is left alone.
 */
export function withSpills(
  used: UsedRangeRead,
  frozen: readonly (readonly CellScalar[])[],
  spills: readonly RangePosition[],
): CellScalar[][] {
  const values = frozen.map((row) => [...row]);
  for (const spill of spills) {
    for (let r = Math.max(0, spill.start.row); r <= spill.end.row && r < values.length; r++) {
      for (let c = Math.max(0, spill.start.column); c <= spill.end.column && c < values[r]!.length; c++) {
        if (isFormula(used.formulas[r]?.[c]) || values[r]![c] !== null) continue;
        const value = used.values[r]?.[c] ?? "";
        values[r]![c] = typeof value === "string" ? literalText(value) : value;
      }
    }
  }
  return values;
}

/**
 * Looks up the spill range of each candidate of each sheet (ExcelApi 1.12), in requests of at most `budgetBytes`;
 * returns each sheet's spills as positions within its used range.
 */
export async function findSpills(
  sheets: readonly {
    readonly sheet: WorksheetApi;
    readonly used: UsedRangeRead;
    readonly candidates: readonly CellPosition[];
  }[],
  options: { readonly budgetBytes: number; readonly sync: () => Promise<void> },
): Promise<RangePosition[][]> {
  const spills: RangePosition[][] = sheets.map(() => []);
  const lookups = sheets.flatMap(({ candidates }, index) =>
    candidates.map((cell) => ({ index, cell, bytes: SPILL_LOOKUP_BYTES })),
  );
  // Bounded: one request per budget's worth of lookups (thousands of formulas each); none without candidates.
  for (const request of partitionByBudget(lookups, options.budgetBytes)) {
    const ranges = request.map(({ index, cell }) => {
      const { sheet, used } = sheets[index]!;
      const address = cellAddress({ row: used.rowIndex + cell.row, column: used.columnIndex + cell.column });
      const range = sheet.getRange(address).getSpillingToRangeOrNullObject();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      return { index, range };
    });
    await options.sync();
    for (const { index, range } of ranges) {
      if (range.isNullObject) continue;
      const { used } = sheets[index]!;
      const start = { row: range.rowIndex - used.rowIndex, column: range.columnIndex - used.columnIndex };
      spills[index]!.push({
        start,
        end: { row: start.row + range.rowCount - 1, column: start.column + range.columnCount - 1 },
      });
    }
  }
  return spills;
}

/** A rectangle of a 2-D array to write, at `address` (without sheet). */
export interface GridWrite {
  readonly address: string;
  readonly values: CellScalar[][];
  readonly bytes: number;
}

/**
 * Splits `grid` (anchored at `origin` on the sheet) into row bands of at most `bandBytes`, each trimmed to the
 * columns holding something other than `null` (a `null` leaves a cell unchanged); bands with nothing to write are
 * dropped. With `keepEmpty`, every band is written across the full width.
 */
export function gridWrites(
  grid: readonly (readonly CellScalar[])[],
  origin: CellPosition,
  bandBytes: number,
  keepEmpty = false,
): GridWrite[] {
  const writes: GridWrite[] = [];
  for (const [start, end] of rowBands(rowBytes(grid), bandBytes)) {
    const rows = grid.slice(start, end);
    let left = Infinity;
    let right = -1;
    for (const row of rows) {
      row.forEach((value, column) => {
        if (value === null && !keepEmpty) return;
        left = Math.min(left, column);
        right = Math.max(right, column);
      });
    }
    if (right < 0) continue;
    const values = rows.map((row) => row.slice(left, right + 1));
    writes.push({
      address: rangeAddress({
        start: { row: origin.row + start, column: origin.column + left },
        end: { row: origin.row + end - 1, column: origin.column + right },
      }),
      values,
      bytes: OPERATION_OVERHEAD_BYTES + rowBytes(values).reduce((a, b) => a + b, 0),
    });
  }
  return writes;
}
