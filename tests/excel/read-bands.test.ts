import { layoutRowBytes, planReadRequests, stitchBands } from "../../src/excel/read-bands";
import { examplePlan, parsePlan } from "../../src/plan";
import { layoutWorkbook } from "../../src/workbook/layout";

describe("the estimate of a generated sheet's read", () => {
  const spec = layoutWorkbook(parsePlan(examplePlan("en-saas")), { generatedOn: "2027-01-15" });

  it("weighs every row of the layout, longer rows more", () => {
    const execution = spec.sheets.find((sheet) => sheet.key === "execution")!;
    const rows = layoutRowBytes(execution);
    const lastRow = Math.max(
      ...execution.blocks.map((block) => Number(/\d+/.exec(block.anchor)![0]) - 1 + block.rows.length),
    );
    expect(rows).toHaveLength(lastRow);
    expect(rows.every((bytes) => bytes > 0)).toBe(true);
    expect(Math.max(...rows)).toBeGreaterThan(Math.min(...rows));
  });
});

describe("the requests of a read", () => {
  it("is one request, sheets read whole, when everything fits the budget", () => {
    expect(planReadRequests(new Map([["a", [10, 10]]]), 100)).toBeUndefined();
  });

  it("reads large sheets in row bands grouped under the budget, the last band of each sheet open-ended", () => {
    const requests = planReadRequests(
      new Map([
        ["big", [40, 40, 40, 40, 40]],
        ["small", [10]],
      ]),
      100,
    )!;
    const bands = requests.flat();
    expect(bands.filter((band) => band.key === "big").map(({ start, end }) => [start, end])).toEqual([
      [0, 1],
      [2, 3],
      [4, undefined],
    ]);
    expect(bands.filter((band) => band.key === "small").map(({ start, end }) => [start, end])).toEqual([
      [0, undefined],
    ]);
    for (const request of requests) expect(request.reduce((sum, band) => sum + band.bytes, 0)).toBeLessThanOrEqual(100);
  });
});

describe("stitching the bands of a sheet", () => {
  it("rebuilds one rectangle, empty where no band reached", () => {
    const stitched = stitchBands([
      { rowIndex: 0, columnIndex: 1, values: [["a", 1]], formulas: [["a", 1]] },
      undefined,
      { rowIndex: 2, columnIndex: 0, values: [[2]], formulas: [["=1+1"]] },
    ]);
    expect(stitched).toEqual({
      rowIndex: 0,
      columnIndex: 0,
      values: [
        ["", "a", 1],
        ["", "", ""],
        [2, "", ""],
      ],
      formulas: [
        ["", "a", 1],
        ["", "", ""],
        ["=1+1", "", ""],
      ],
    });
  });

  it("is nothing when no band holds a cell", () => {
    expect(stitchBands([undefined, undefined])).toBeUndefined();
  });
});
