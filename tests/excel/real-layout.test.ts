/**
 * The Office.js adapter with the real layout, read-back and known regions (as the task pane wires them), on the
 * recording fake of Excel: both examples and a large generated plan.
 */
import { createExcelGateway } from "../../src/excel";
import { EXCEL_WEB_PAYLOAD_LIMIT_BYTES } from "../../src/excel/request-budget";
import { examplePlan, parsePlan, type Plan } from "../../src/plan";
import { knownRegions } from "../../src/workbook/known-region";
import { layoutWorkbook } from "../../src/workbook/layout";
import { readPlanFromSnapshots } from "../../src/workbook/read-back";
import { generatePlan } from "../helpers/plan-generator";
import { boundCell } from "../helpers/spec-lookup";
import { FakeExcel } from "./fake-excel";

const NOW = new Date(2027, 0, 15, 9);

function setup(apiVersion = 12) {
  const excel = new FakeExcel({ apiVersion });
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

// Update = one read of the sheets + a generation, whose writes split in two requests beyond the 4 MB request budget.
describe.each([
  ["the French example", () => parsePlan(examplePlan("fr-reference")), 3],
  ["the English example", () => parsePlan(examplePlan("en-saas")), 3],
  ["a large generated plan", () => generatePlan(1700), 4],
])("%s written into Excel", (_, makePlan, maxUpdateSyncs) => {
  const plan: Plan = makePlan();
  const spec = layoutWorkbook(plan, { generatedOn: "2027-01-15" });

  it("is generated in at most 3 syncs with no request over 5 MB, next to the user's sheet", async () => {
    const { excel, gateway } = setup();
    const report = await gateway.generate(plan);
    expect(report.syncs).toBeLessThanOrEqual(3);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
    expect(report.created).toEqual(spec.sheets.map((sheet) => sheet.name));
    expect(excel.sheetNames()).toEqual(["Sheet1", ...spec.sheets.map((sheet) => sheet.name)]);
  });

  it("reads back exactly the plan it wrote, and restores it from the stored part", async () => {
    const { gateway } = setup();
    await gateway.generate(plan);
    const read = await gateway.readFromWorkbook(plan);
    expect(read.changedFields).toEqual([]);
    expect(read.plan).toEqual(plan);
    expect(await gateway.loadStoredPlan()).toEqual(plan);
  });

  it("keeps an edit made in the sheets when the workbook is updated (one more round trip to read them)", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(plan);
    const target = boundCell(spec, "objectives.annualRevenueTarget");
    excel.setCells(target.sheet.name, target.address, [[2_500_000]]);
    const read = await gateway.readFromWorkbook(plan);
    expect(read.changedFields).toEqual(["objectives.annualRevenueTarget"]);
    expect(read.plan.objectives.annualRevenueTarget).toBe(2_500_000);
    const report = await gateway.update(plan);
    expect(report.syncs).toBeLessThanOrEqual(maxUpdateSyncs);
    expect((await gateway.loadStoredPlan())?.objectives.annualRevenueTarget).toBe(2_500_000);
    expect(excel.cell(target.sheet.name, target.address)?.value).toBe(2_500_000);
  });
});

describe("a 5,000-row plan written into Excel", () => {
  it("still takes at most 3 syncs, and no request exceeds Excel on the web's 5 MB limit", async () => {
    const plan = generatePlan(5000);
    const { excel, gateway } = setup();
    const report = await gateway.generate(plan);
    expect(report.syncs).toBeLessThanOrEqual(3);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
  });
});

describe("updating after edits in both the sheets and the pane", () => {
  const plan = parsePlan(examplePlan("en-saas"));
  const spec = layoutWorkbook(plan, { generatedOn: "2027-01-15" });
  const target = boundCell(spec, "objectives.annualRevenueTarget");

  it("keeps the sheets' edit and the pane's new role: the sheets are read against the plan they came from", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(plan);
    excel.setCells(target.sheet.name, target.address, [[9_000_000]]);
    const pane = structuredClone(plan);
    pane.organization.roles.unshift({ ...structuredClone(plan.organization.roles[3]!), id: "cro", title: "CRO" });
    await gateway.update(pane);
    const stored = await gateway.loadStoredPlan();
    expect(stored?.objectives.annualRevenueTarget).toBe(9_000_000);
    expect(stored?.organization.roles.map((role) => role.id)).toEqual(["cro", "sdr", "ae", "se", "sales-manager"]);
  });

  it("refuses to write when both changed the same field, naming it, and changes nothing", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(plan);
    excel.setCells(target.sheet.name, target.address, [[9_000_000]]);
    const pane = structuredClone(plan);
    pane.objectives.annualRevenueTarget = 8_000_000;
    const writesBefore = excel.ops.filter((op) => op.mutates).length;
    await expect(gateway.update(pane)).rejects.toThrow(
      /both changed these fields since the workbook was generated: objectives\.annualRevenueTarget\. Nothing was written\./,
    );
    expect(excel.ops.filter((op) => op.mutates).length).toBe(writesBefore);
    expect(excel.cell(target.sheet.name, target.address)?.value).toBe(9_000_000);
  });

  it("reads the sheets' edits into the pane without losing the pane's other edits", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(plan);
    excel.setCells(target.sheet.name, target.address, [[9_000_000]]);
    const pane = structuredClone(plan);
    pane.meta.planName = "Renamed in the pane";
    const read = await gateway.readFromWorkbook(pane);
    expect(read.changedFields).toEqual(["objectives.annualRevenueTarget"]);
    expect(read.plan.meta.planName).toBe("Renamed in the pane");
    expect(read.plan.objectives.annualRevenueTarget).toBe(9_000_000);
  });
});
