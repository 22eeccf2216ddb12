/**
 * A 5,000-row plan through the Office.js adapter with the real layout, read-back and known regions, on the recording
 * fake of Excel: its requests and responses stay under Excel on the web's 5 MB limit. A `*.large.test.ts` file: run by
 * `npm run test:large` and by CI, not by `npm test` (docs/testing.md). The examples and a large generated plan are
 * in real-layout.test.ts.
 */
import { createExcelGateway } from "../../src/excel";
import { DEFAULT_REQUEST_BUDGET_BYTES, EXCEL_WEB_PAYLOAD_LIMIT_BYTES } from "../../src/excel/request-budget";
import { knownRegions } from "../../src/workbook/known-region";
import { layoutWorkbook } from "../../src/workbook/layout";
import { readPlanFromSnapshots } from "../../src/workbook/read-back";
import { generatePlan } from "../helpers/plan-generator";
import { boundCell } from "../helpers/spec-lookup";
import { FakeExcel } from "./fake-excel";

const NOW = new Date(2027, 0, 15, 9);

/** The gateway as the task pane wires it (as in real-layout.test.ts), on a fake holding the user's Sheet1. */
function setup() {
  const excel = new FakeExcel({ apiVersion: 12 });
  excel.addSheet("Sheet1");
  const gateway = createExcelGateway({
    layout: layoutWorkbook,
    readBack: readPlanFromSnapshots,
    knownRegions,
    now: () => NOW,
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => "en-US",
  });
  return { excel, gateway };
}

/**
 * The sync counts this plan reaches today, as a guard against further growth. The product's budget is 3 syncs to
 * generate and 5 to update at every size (docs/performance.md; `npm run bench` reports OVER): the tracking, scenario
 * and pipeline sheets added on 2026-12-08 took the 5,000-row plan's writes past two 4 MB requests, one sync more each
 * way. Packing the writes closer is open work; until then these limits only stop it getting worse.
 */
const LARGE_PLAN_GENERATE_SYNCS = 4;
const LARGE_PLAN_UPDATE_SYNCS = 6;

describe("a 5,000-row plan written into Excel", () => {
  const plan = generatePlan(5000);

  it(`still takes at most ${LARGE_PLAN_GENERATE_SYNCS} syncs, and no request exceeds Excel on the web's 5 MB limit`, async () => {
    const { excel, gateway } = setup();
    const report = await gateway.generate(plan);
    expect(report.syncs).toBeLessThanOrEqual(LARGE_PLAN_GENERATE_SYNCS);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
  });

  it("is read back in bands whose responses stay under the 4 MB budget, and keeps an edit", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(plan);
    const spec = layoutWorkbook(plan, { generatedOn: "2027-01-15" });
    const target = boundCell(spec, "objectives.annualRevenueTarget");
    excel.setCells(target.sheet.name, target.address, [[7_000_000]]);
    const first = excel.responseBytes.length;
    const report = await gateway.update(plan);
    const responses = excel.responseBytes.slice(first);
    expect(Math.max(...responses)).toBeLessThanOrEqual(DEFAULT_REQUEST_BUDGET_BYTES);
    expect(responses.filter((bytes) => bytes > 1_000_000).length).toBeGreaterThanOrEqual(2);
    expect(report.syncs).toBeLessThanOrEqual(LARGE_PLAN_UPDATE_SYNCS);
    expect((await gateway.loadStoredPlan())?.plan.objectives.annualRevenueTarget).toBe(7_000_000);
  });
});
