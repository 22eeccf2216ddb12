/**
 * The leadership copy on workbooks as users have them: PLAN functions whose results spill, and how reads and writes
 * are planned under Excel on the web's 5 MB limit on one response and one request. Large sheets of the user's run
 * through the whole copy in leadership-copy.large.test.ts (`npm run test:large`, run by CI).
 */
import { createExcelGateway } from "../../src/excel/excel-gateway";
import {
  bandAddress,
  ESTIMATED_CELL_BYTES,
  gridWrites,
  guessedSpill,
  spillCandidates,
  splitRequest,
  usedRangeRequests,
  withSpills,
} from "../../src/excel/leadership-copy";
import { FakeExcel } from "./fake-excel";
import { syntheticKnownRegions, syntheticLayout, syntheticReadBack } from "./synthetic-workbook";

function setup(apiVersion = 12) {
  const excel = new FakeExcel({ apiVersion });
  const gateway = createExcelGateway({
    layout: syntheticLayout({ executionRows: 0 }),
    readBack: syntheticReadBack,
    knownRegions: syntheticKnownRegions,
    now: () => new Date(2027, 2, 14, 12),
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => "en-US",
  });
  return { excel, gateway };
}

describe("the leadership copy of spilled PLAN results", () => {
  function spillingWorkbook(apiVersion = 12) {
    const setupResult = setup(apiVersion);
    const { excel } = setupResult;
    excel.addSheet("Funnel");
    excel.setCells("Funnel", "A1", [["Stage"], ["Leads"], ["Qualified"], ["Won"]]);
    excel.setSpill("Funnel", "B2", "=PLAN.FUNNEL(400,0.5,0.25)", [[400], [200], [50]]);
    // A native spill that reads its own sheet keeps working in the copy and must not be blocked.
    excel.setSpill("Funnel", "D2", "=SORT(B2:B4)", [[50], [200], [400]]);
    excel.setSpill("Funnel", "A7", "=PLAN.SPLIT(900,3)", [[300, 300, 300]]);
    return setupResult;
  }

  it("freezes the whole spilled range, not only the anchor", async () => {
    const { excel, gateway } = spillingWorkbook();
    const report = await gateway.leadershipCopy();
    expect(report).toEqual({ sheets: ["Funnel leadership"], frozenFormulas: 2, degraded: [] });
    expect(["B2", "B3", "B4"].map((cell) => excel.cell("Funnel leadership", cell))).toEqual([
      { value: 400 },
      { value: 200 },
      { value: 50 },
    ]);
    expect(["A7", "B7", "C7"].map((cell) => excel.cell("Funnel leadership", cell)?.value)).toEqual([300, 300, 300]);
    expect(excel.cell("Funnel leadership", "D2")).toEqual({
      value: 50,
      formula: "=SORT(B2:B4)",
      spill: { rows: 3, columns: 1 },
    });
    expect(excel.cell("Funnel", "B2")?.formula).toBe("=PLAN.FUNNEL(400,0.5,0.25)");
  });

  it("below ExcelApi 1.12, keeps the cells next to a frozen formula as they showed and says which were guessed", async () => {
    const { excel, gateway } = spillingWorkbook(11);
    const report = await gateway.leadershipCopy();
    expect(["B2", "B3", "B4"].map((cell) => excel.cell("Funnel leadership", cell)?.value)).toEqual([400, 200, 50]);
    expect(["A7", "B7", "C7"].map((cell) => excel.cell("Funnel leadership", cell)?.value)).toEqual([300, 300, 300]);
    expect(excel.cell("Funnel leadership", "D2")?.value).toBe(50);
    expect(report.degraded).toEqual([
      "This version of Excel cannot tell which cells a formula's results spill into (that needs Excel API 1.12). Next to 2 frozen formulas, the cells showing a value were kept as shown; check them in the copy: 'Funnel leadership'!B2, 'Funnel leadership'!A7.",
    ]);
  });
});

describe("planning the leadership copy's reads and writes", () => {
  const used = {
    rowIndex: 1,
    columnIndex: 1,
    values: [
      [400, "x", ""],
      [200, "", ""],
      [50, "", 7],
    ],
    formulas: [
      ["=PLAN.FUNNEL(1)", "x", ""],
      [200, "", ""],
      [50, "", "=B2"],
    ],
  };

  it("reads small used ranges whole in one request", () => {
    const requests = usedRangeRequests(
      [{ rowIndex: 0, columnIndex: 0, rowCount: 10, columnCount: 3 }, undefined],
      2,
      1e6,
    );
    expect(requests).toEqual([[{ key: 0, start: 0, end: undefined, bytes: 0 }]]);
  });

  it("bands a used range whose estimated cells exceed the budget", () => {
    const size = { rowIndex: 4, columnIndex: 2, rowCount: 100, columnCount: 10 };
    const rowBytes = 10 * 2 * ESTIMATED_CELL_BYTES;
    const requests = usedRangeRequests([size], 2, rowBytes * 40);
    expect(requests.map((request) => request.map((band) => [band.start, band.end]))).toEqual([
      [[0, 39]],
      [[40, 79]],
      [[80, undefined]],
    ]);
    expect(bandAddress(size, requests[2]![0]!)).toBe("C85:L104");
  });

  it("splits a refused request into halves, down to a single row", () => {
    const sizes = [{ rowIndex: 0, columnIndex: 0, rowCount: 5, columnCount: 1 }];
    expect(splitRequest([{ key: 0, start: 0, end: undefined, bytes: 0 }], sizes)).toEqual([
      [{ key: 0, start: 0, end: 1, bytes: 0 }],
      [{ key: 0, start: 2, end: 4, bytes: 0 }],
    ]);
    expect(splitRequest([{ key: 0, start: 3, end: 3, bytes: 0 }], sizes)).toBeUndefined();
  });

  it("finds frozen formulas with a value-only neighbour, and guesses the rectangle they spill into", () => {
    const frozen = [
      [400, null, null],
      [null, null, null],
      [null, null, null],
    ];
    expect(spillCandidates(used, frozen)).toEqual([{ row: 0, column: 0 }]);
    expect(guessedSpill(used, { row: 0, column: 0 })).toEqual({
      start: { row: 0, column: 0 },
      end: { row: 2, column: 1 },
    });
  });

  it("writes the values of a spill's cells, leaving formulas of their own alone", () => {
    const frozen = [
      [400, null, null],
      [null, null, null],
      [null, null, null],
    ];
    const spill = { start: { row: 0, column: 0 }, end: { row: 2, column: 2 } };
    expect(withSpills(used, frozen, [spill])).toEqual([
      [400, "x", ""],
      [200, "", ""],
      [50, "", null],
    ]);
  });

  it("writes a grid in row bands trimmed to the columns that change", () => {
    const grid = [
      [null, null, null],
      [null, 5, null],
      [null, null, null],
      [null, null, null],
    ];
    expect(gridWrites(grid, { row: 9, column: 0 }, 20)).toEqual([
      { address: "B11", values: [[5]], bytes: expect.any(Number) as number },
    ]);
    expect(gridWrites(grid, { row: 0, column: 0 }, 1e6, true).map((write) => write.address)).toEqual(["A1:C4"]);
  });
});
