import { createExcelGateway } from "../../src/excel";
import { examplePlan, parsePlan } from "../../src/plan";
import { knownRegions } from "../../src/workbook/known-region";
import { layoutWorkbook } from "../../src/workbook/layout";
import { readPlanFromSnapshots } from "../../src/workbook/read-back";
import { writeRowByRow } from "../../bench/naive-writer";
import { FakeExcel } from "../excel/fake-excel";

const NOW = new Date(2027, 0, 15, 9);

describe("the benchmark's naive row-by-row writer", () => {
  const plan = parsePlan(examplePlan("en-saas"));
  const spec = layoutWorkbook(plan, { generatedOn: "2027-01-15" });

  it("syncs once per block row, once per sheet added and per sheet's settings, then for the names and the plan", async () => {
    const excel = new FakeExcel();
    await writeRowByRow(excel.run, spec);
    const rows = spec.sheets.reduce(
      (sum, sheet) => sum + sheet.blocks.reduce((n, block) => n + block.rows.length, 0),
      0,
    );
    expect(excel.syncCount).toBe(rows + 2 * spec.sheets.length + 2);
    expect(excel.sheetNames()).toEqual(spec.sheets.map((sheet) => sheet.name));
    expect(excel.parts).toHaveLength(1);
    expect(excel.names.map((name) => name.name)).toEqual(spec.names.map((name) => name.name));
  });

  it("leaves the same cells as the adapter: values, formulas, text markers and number formats", async () => {
    const naive = new FakeExcel();
    await writeRowByRow(naive.run, spec);
    const product = new FakeExcel();
    await createExcelGateway({
      layout: layoutWorkbook,
      readBack: readPlanFromSnapshots,
      knownRegions,
      now: () => NOW,
      run: product.run,
      isSetSupported: product.isSetSupported,
      displayLanguage: () => "en-US",
    }).generate(plan);
    for (const sheet of spec.sheets) {
      const written = [...naive.sheet(sheet.name).cells].sort();
      expect(written.length).toBeGreaterThan(0);
      expect(written).toEqual([...product.sheet(sheet.name).cells].sort());
    }
  });
});
