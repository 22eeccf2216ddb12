import { blockBands, blockContent } from "../../src/excel/block-content";
import type { CellBlock } from "../../src/workbook/spec";

const block: CellBlock = {
  id: "inputs",
  anchor: "B2",
  rows: [
    [
      { value: "Revenue", style: "label" },
      { value: 1200000, format: "#,##0", style: "input" },
    ],
    [
      { value: '=HYPERLINK("http://x","y")', style: "text" },
      { formula: "=C2/2", result: 600000, style: "formula" },
    ],
    [{ value: "Title", mergeAcross: 2, link: { url: "https://example.com" } }],
  ],
};

describe("a block as arrays and runs", () => {
  it("puts constants, escaped, and formulas in separate arrays of the block's full shape", () => {
    const content = blockContent(block);
    expect([content.top, content.left, content.rowCount, content.columnCount]).toEqual([1, 1, 3, 2]);
    expect(content.values).toEqual([
      ["Revenue", 1200000],
      ['\'=HYPERLINK("http://x","y")', null],
      ["Title", null],
    ]);
    expect(content.formulas).toEqual([
      [null, null],
      [null, "=C2/2"],
      [null, null],
    ]);
    expect(content.numberFormats).toEqual([
      [null, "#,##0"],
      [null, null],
      [null, null],
    ]);
  });

  it("omits an array the block does not need", () => {
    expect(blockContent({ id: "x", anchor: "A1", rows: [[{ value: 1 }]] }).formulas).toBeUndefined();
  });

  it("lists merges and links at their sheet positions, and style runs relative to the block", () => {
    const content = blockContent(block);
    expect(content.merges).toEqual([{ row: 3, column: 1, columnCount: 3 }]);
    expect(content.links).toEqual([{ row: 3, column: 1, link: { url: "https://example.com" } }]);
    expect(content.styles.map((run) => [run.row, run.column, run.rowCount, run.columnCount, run.value])).toEqual([
      [0, 0, 1, 1, "label"],
      [0, 1, 1, 1, "input"],
      [1, 0, 1, 1, "text"],
      [1, 1, 1, 1, "formula"],
    ]);
  });

  it("writes a small block as one band and a large one as row bands under the limit", () => {
    expect(blockBands(blockContent(block), 1_000_000).map((band) => band.address)).toEqual(["B2:C4"]);
    const rows = Array.from({ length: 100 }, (_, i) => [{ value: `row ${i} with some text` }, { value: i }]);
    const bands = blockBands(blockContent({ id: "big", anchor: "A1", rows }), 500);
    expect(bands.length).toBeGreaterThan(1);
    expect(bands[0]!.address).toBe(`A1:B${bands[0]!.values!.length}`);
    expect(bands.flatMap((band) => band.values!)).toEqual(rows.map(([text, number]) => [text!.value, number!.value]));
    for (const band of bands) expect(JSON.stringify(band.values).length).toBeLessThanOrEqual(500);
  });
});
