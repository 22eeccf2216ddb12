import { fitToWidthZoom, MIN_ROWS_PER_PAGE } from "../../src/excel/print-zoom";

describe("the zoom that prints one page wide", () => {
  it("sets one page wide and only documented page counts (never 0)", () => {
    expect(fitToWidthZoom("A1:H5")).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
  });

  it("allows enough pages tall that the width decides the scale", () => {
    const rows = 5001;
    const zoom = fitToWidthZoom(`A1:H${rows}`);
    expect(zoom.verticalFitToPages).toBe(Math.ceil(rows / MIN_ROWS_PER_PAGE));
    expect(zoom.verticalFitToPages * MIN_ROWS_PER_PAGE).toBeGreaterThanOrEqual(rows);
  });

  it("counts the rows of the print area, wherever it starts", () => {
    expect(fitToWidthZoom("B10:C26").verticalFitToPages).toBe(3);
  });
});
