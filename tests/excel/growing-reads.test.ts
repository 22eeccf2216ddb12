/**
 * The bands reading the rest of a growing sheet (an actuals table) after its first rows (growingReads in
 * src/excel/workbook-reads.ts): every remaining row once, in order, each band within the budget at the weight the
 * first rows measured (with half again as margin).
 */
import { growingReads, GROWING_ROW_BYTES } from "../../src/excel/workbook-reads";
import type { UsedRangeRead } from "../../src/excel/sheet-contents";

function firstBand(rows: number, text: string): UsedRangeRead {
  const grid = Array.from({ length: rows }, () => [text, 12.5, "Won"]);
  return { rowIndex: 0, columnIndex: 0, values: grid, formulas: grid };
}

describe("reading the rest of a growing sheet", () => {
  it("needs no band when the first rows reached the sheet's end", () => {
    expect(growingReads("deals", firstBand(10, "x"), 500, 400, 1_000_000)).toEqual([]);
  });

  it("covers every remaining row once, in order, with bands that fit the budget at the measured weight", () => {
    const band = firstBand(500, "a deal title of some length");
    const bands = growingReads("deals", band, 500, 100_000, 1_000_000);
    expect(bands[0]!.start).toBe(500);
    expect(bands.at(-1)!.end).toBe(99_999);
    bands.slice(1).forEach((current, index) => expect(current.start).toBe(bands[index]!.end + 1));
    for (const current of bands) expect(current.bytes).toBeLessThanOrEqual(1_000_000);
    // Measured: each row's values and formulas, with half again as margin, decide how many rows a band holds.
    const measuredPerRow = (JSON.stringify(band.values[0]).length + 1) * 2;
    const rowsPerBand = bands[0]!.end - bands[0]!.start + 1;
    expect(rowsPerBand).toBe(Math.floor(1_000_000 / (measuredPerRow * 1.5)));
  });

  it("assumes the default weight when the first rows were empty", () => {
    const bands = growingReads("deals", undefined, 500, 10_500, 1_000_000);
    expect(bands[0]!.end - bands[0]!.start + 1).toBe(1_000_000 / GROWING_ROW_BYTES);
  });
});
