import { chartFrameSize, columnPixels } from "../../src/chart-svg/frame-size";
import type { ChartSpec, SheetSpec } from "../../src/workbook/spec";

const chart = (from: string, to: string) => ({ anchor: { from, to } }) as ChartSpec;

describe("a chart frame's size on its sheet", () => {
  it("converts column widths as Excel does: 7 px per character and 5 px of padding", () => {
    expect(columnPixels(8.43)).toBe(64);
    expect(columnPixels(13)).toBe(96);
  });

  it("adds the widths of the columns it covers, default ones at 64 px, and 20 px per row", () => {
    const sheet = { columnWidths: [{ column: 1, width: 34 }] } as SheetSpec;
    expect(chartFrameSize(sheet, chart("A4", "C13"))).toEqual({ width: 64 + 243 + 64, height: 200 });
    expect(chartFrameSize(sheet, chart("D1", "D1"))).toEqual({ width: 64, height: 20 });
  });
});
