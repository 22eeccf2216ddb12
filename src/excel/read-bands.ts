/**
 * Keeping the responses of the generated sheets' read under Excel on the web's 5 MB limit, as the writes are
 * (request-budget.ts). A sheet's used range comes back twice (values and formulas), so a 5,000-row plan's sheets
 * weigh about 5 MB. The layout the sheets were written from predicts each row's weight; when the whole read would go
 * over the budget, each large sheet is read in row bands, grouped into as few requests as the budget allows. Pure.
 */
import { parseCellAddress } from "../workbook/address";
import type { SheetSpec } from "../workbook/spec";
import type { CellScalar } from "./office-port";
import { partitionByBudget, rowBands, utf8Length } from "./request-budget";
import type { UsedRangeRead } from "./sheet-contents";

/** An empty cell in the response: `""` and a comma, in `values` and again in `formulas`. */
const EMPTY_CELL_BYTES = 6;

/**
 * Estimated response bytes of each row (0-based, from row 1) of a sheet's used range read with values and formulas.
 * It errs high (every row is counted across the sheet's full width): the recording fake measures 2.8 MB for the
 * 3.4 MB it predicts on a 1,700-row plan, 5.1 MB for 5.9 MB on a 5,000-row plan. What it cannot see, user text
 * far longer than the plan's or thousands of rows added in Excel, the 1 MB between the budget and the limit absorbs.
 */
export function layoutRowBytes(sheet: SheetSpec): number[] {
  const bytes: number[] = [];
  let width = 0;
  for (const block of sheet.blocks) {
    const anchor = parseCellAddress(block.anchor);
    block.rows.forEach((row, offset) => {
      width = Math.max(width, anchor.column + row.length);
      let rowBytes = 0;
      for (const cell of row) {
        if (!cell) continue;
        const shown = cell.formula !== undefined ? cell.result : cell.value;
        rowBytes += utf8Length(JSON.stringify(shown ?? "")) + utf8Length(JSON.stringify(cell.formula ?? shown ?? ""));
      }
      const at = anchor.row + offset;
      while (bytes.length <= at) bytes.push(0);
      bytes[at]! += rowBytes;
    });
  }
  return bytes.map((rowBytes) => rowBytes + width * EMPTY_CELL_BYTES);
}

/** Rows `start` to `end` (0-based, inclusive) of a sheet; no `end`: to the last row of the sheet. */
export interface ReadBand<K> {
  readonly key: K;
  readonly start: number;
  readonly end: number | undefined;
  readonly bytes: number;
}

/**
 * The reads of the sheets, grouped into requests of at most `budgetBytes` estimated bytes; `undefined` when
 * everything fits in one request (each sheet's used range is then read whole). A sheet's last band runs to the end
 * of the sheet, so rows the user added below the layout are read too.
 */
export function planReadRequests<K>(
  sheets: ReadonlyMap<K, readonly number[]>,
  budgetBytes: number,
): ReadBand<K>[][] | undefined {
  const total = [...sheets.values()].reduce((sum, rows) => sum + rows.reduce((a, b) => a + b, 0), 0);
  if (total <= budgetBytes) return undefined;
  const bands = [...sheets].flatMap(([key, rows]) => {
    const ranges = rowBands(rows, budgetBytes);
    if (ranges.length === 0) return [{ key, start: 0, end: undefined, bytes: 0 }];
    return ranges.map(([start, end], index) => ({
      key,
      start,
      end: index === ranges.length - 1 ? undefined : end - 1,
      bytes: rows.slice(start, end).reduce((a, b) => a + b, 0),
    }));
  });
  return partitionByBudget(bands, budgetBytes);
}

/**
 * One rectangle from the used ranges of a sheet's bands, in order from the top; cells between or beside them are
 * empty (`""`, as Excel returns them). A single band is returned as it is; `undefined` when no band holds anything.
 */
export function stitchBands(bands: readonly (UsedRangeRead | undefined)[]): UsedRangeRead | undefined {
  const present = bands.filter((band): band is UsedRangeRead => band !== undefined && band.values.length > 0);
  if (present.length <= 1) return present[0];
  const top = Math.min(...present.map((band) => band.rowIndex));
  const left = Math.min(...present.map((band) => band.columnIndex));
  const bottom = Math.max(...present.map((band) => band.rowIndex + band.values.length));
  const right = Math.max(...present.map((band) => band.columnIndex + (band.values[0]?.length ?? 0)));
  const grid = (): CellScalar[][] =>
    Array.from({ length: bottom - top }, () => new Array<CellScalar>(right - left).fill(""));
  const values = grid();
  const formulas = grid();
  for (const band of present) {
    band.values.forEach((row, r) =>
      row.forEach((value, c) => {
        values[band.rowIndex - top + r]![band.columnIndex - left + c] = value;
        formulas[band.rowIndex - top + r]![band.columnIndex - left + c] = band.formulas[r]?.[c] ?? value;
      }),
    );
  }
  return { rowIndex: top, columnIndex: left, values, formulas };
}
