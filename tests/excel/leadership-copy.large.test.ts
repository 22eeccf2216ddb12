/**
 * The leadership copy of workbooks with large sheets of the user's (200,000 cells, 6 MB of notes): read under Excel
 * on the web's 5 MB limit on one response and one request, and written in bands. A `*.large.test.ts` file: run by
 * `npm run test:large` and by CI, not by `npm test` (docs/testing.md). Spilled results and the read and write
 * planning are in leadership-copy.test.ts.
 */
import { createExcelGateway } from "../../src/excel/excel-gateway";
import { DEFAULT_REQUEST_BUDGET_BYTES } from "../../src/excel/request-budget";
import { FakeExcel, WEB_PAYLOAD_LIMIT_BYTES } from "./fake-excel";
import { syntheticKnownRegions, syntheticLayout, syntheticReadBack } from "./synthetic-workbook";

/** The gateway on a synthetic workbook, as in leadership-copy.test.ts. */
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

/** A user's sheet of `rows` × 10 cells: labels, amounts and dates, the kind of export a sales team keeps. */
function userRows(rows: number, first = 0): (string | number)[][] {
  return Array.from({ length: rows }, (_, i) => {
    const n = first + i;
    return [
      `Account ${n} - ${["North", "South", "East", "West"][n % 4]} region`,
      `Owner ${n % 37}`,
      1000 + ((n * 7919) % 90000),
      0.05 + (n % 20) / 100,
      46023 + (n % 365),
      `Stage ${n % 6}`,
      n % 3 === 0 ? "Won" : "Open",
      (n * 13) % 1000,
      `Note for deal ${n}: call back after the demo`,
      n,
    ];
  });
}

const BIG_SHEET_ROWS = 20_000; // 200,000 cells

describe("the leadership copy of a workbook with a large sheet of the user's", () => {
  it("reads every sheet in bounded requests, each response and request under 5 MB", async () => {
    const { excel, gateway } = setup();
    excel.addSheet("Deals");
    excel.setCells("Deals", "A1", userRows(BIG_SHEET_ROWS));
    excel.addSheet("Budget");
    excel.setCells("Budget", "A1", [["Business developers", { formula: "=PLAN.HEADCOUNT(200,20)", value: 10 }]]);

    const report = await gateway.leadershipCopy();

    expect(report).toEqual({ sheets: ["Budget leadership"], frozenFormulas: 1, degraded: [] });
    expect(excel.cell("Budget leadership", "B1")).toEqual({ value: 10 });
    expect(Math.max(...excel.responseBytes)).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
    // The sheet's cells weigh about 6.5 MB as values and formulas: more than one request, but a handful.
    expect(excel.responseBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(WEB_PAYLOAD_LIMIT_BYTES);
    expect(excel.syncCount).toBeLessThanOrEqual(7);
    console.info(
      `leadership copy, ${BIG_SHEET_ROWS * 10} user cells: ${excel.syncCount} syncs, largest response ` +
        `${Math.max(...excel.responseBytes)} B, largest request ${Math.max(...excel.requestBytes)} B`,
    );
  });

  it("copies and freezes a large sheet that calls PLAN functions, writing it in requests under the limit", async () => {
    const { excel, gateway } = setup();
    excel.addSheet("Deals");
    excel.setCells("Deals", "A1", userRows(BIG_SHEET_ROWS));
    // A PLAN formula at the end of every 10th row: frozen values spread over the whole sheet.
    const formulas = Array.from({ length: BIG_SHEET_ROWS / 10 }, (_, i) => [
      { formula: `=PLAN.HEADCOUNT(J${i * 10 + 1},20)`, value: i },
    ]);
    formulas.forEach((row, i) => excel.setCells("Deals", `K${i * 10 + 1}`, [row]));

    const report = await gateway.leadershipCopy();

    expect(report.sheets).toEqual(["Deals leadership"]);
    expect(report.frozenFormulas).toBe(BIG_SHEET_ROWS / 10);
    expect(excel.cell("Deals leadership", "K19991")).toEqual({ value: 1999 });
    expect(excel.cell("Deals leadership", "A20000")?.value).toBe(`Account 19999 - West region`);
    expect(excel.cell("Deals", "K19991")?.formula).toBe("=PLAN.HEADCOUNT(J19991,20)");
    expect(Math.max(...excel.responseBytes)).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(DEFAULT_REQUEST_BUDGET_BYTES);
    console.info(
      `leadership copy of a ${BIG_SHEET_ROWS * 11}-cell PLAN sheet: ${excel.syncCount} syncs, largest response ` +
        `${Math.max(...excel.responseBytes)} B, largest request ${Math.max(...excel.requestBytes)} B`,
    );
  });

  it("splits a request again when text far longer than estimated makes a response too large", async () => {
    const { excel, gateway } = setup();
    excel.addSheet("Notes");
    // 3,000 notes of 1,000 characters: 6 MB as values and formulas, where the estimate sees 144 KB.
    excel.setCells(
      "Notes",
      "A1",
      Array.from({ length: 3000 }, (_, i) => [`${i} ${"long meeting note ".repeat(55)}`.slice(0, 1000)]),
    );
    excel.addSheet("Budget");
    excel.setCells("Budget", "A1", [[{ formula: "=PLAN.HEADCOUNT(200,20)", value: 10 }]]);

    const report = await gateway.leadershipCopy();

    expect(report.sheets).toEqual(["Budget leadership"]);
    // Refused twice (the record keeps the sizes): both sheets, then the notes alone; the notes' halves fit.
    const refused = excel.responseBytes.filter((bytes) => bytes > WEB_PAYLOAD_LIMIT_BYTES);
    expect(refused).toHaveLength(2);
    // Inventory, sizes, 2 refused, the budget sheet, 2 halves of the notes, the write.
    expect(excel.syncCount).toBe(8);
  });

  it("builds a values-only copy of a large sheet in bands where sheets cannot be copied", async () => {
    const { excel, gateway } = setup(6);
    excel.addSheet("Deals");
    excel.setCells("Deals", "A1", userRows(BIG_SHEET_ROWS));
    excel.setCells("Deals", "K1", [[{ formula: "=PLAN.HEADCOUNT(200,20)", value: 10 }]]);

    const report = await gateway.leadershipCopy();

    expect(report.sheets).toEqual(["Deals leadership"]);
    expect(excel.cell("Deals leadership", "K1")).toEqual({ value: 10, numberFormat: "General" });
    expect(excel.cell("Deals leadership", "J20000")).toEqual({ value: 19999, numberFormat: "General" });
    expect(Math.max(...excel.responseBytes)).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
  });
});
