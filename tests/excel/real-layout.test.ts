/**
 * The Office.js adapter with the real layout, read-back and known regions (as the task pane wires them), on the
 * recording fake of Excel: both examples and a large generated plan. A 5,000-row plan at Excel on the web's payload
 * limits is in real-layout.large.test.ts (`npm run test:large`, run by CI).
 */
import { createExcelGateway } from "../../src/excel";
import { EXCEL_WEB_PAYLOAD_LIMIT_BYTES } from "../../src/excel/request-budget";
import { examplePlan, parsePlan, type Plan } from "../../src/plan";
import { knownRegions } from "../../src/workbook/known-region";
import { layoutWorkbook } from "../../src/workbook/layout";
import { readPlanFromSnapshots } from "../../src/workbook/read-back";
import type { SheetSpec } from "../../src/workbook/spec";
import { cellAddress, parseCellAddress, parseRangeAddress } from "../../src/workbook/address";
import { generatePlan } from "../helpers/plan-generator";
import { LARGE_PLAN_ROWS } from "../helpers/test-scale";
import { boundCell } from "../helpers/spec-lookup";
import { FakeExcel } from "./fake-excel";

const NOW = new Date(2027, 0, 15, 9);

function setup(apiVersion = 12, excel = new FakeExcel({ apiVersion }), now = NOW, requestBudgetBytes?: number) {
  if (!excel.sheetNames().includes("Sheet1")) excel.addSheet("Sheet1");
  const gateway = createExcelGateway({
    layout: layoutWorkbook,
    readBack: readPlanFromSnapshots,
    knownRegions,
    now: () => now,
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => "en-US",
    requestBudgetBytes,
  });
  return { excel, gateway };
}

// Update = the reads of the sheets (one round trip per 4 MB of values) + a generation, whose writes split in two
// requests beyond the 4 MB request budget. The large plan at its CI size of 1,700 rows, with the tracking, scenario
// and pipeline blocks, passes 4 MB of values: two reads and two writes (the bench's update budget is 5 syncs too).
describe.each([
  ["the French example", () => parsePlan(examplePlan("fr-reference")), 3],
  ["the English example", () => parsePlan(examplePlan("en-saas")), 3],
  [`a large generated plan of ${LARGE_PLAN_ROWS} rows`, () => generatePlan(LARGE_PLAN_ROWS), 5],
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
    expect((await gateway.loadStoredPlan())?.plan).toEqual(plan);
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
    expect(report.backups).toEqual([]);
    expect((await gateway.loadStoredPlan())?.plan.objectives.annualRevenueTarget).toBe(2_500_000);
    expect(excel.cell(target.sheet.name, target.address)?.value).toBe(2_500_000);
  });
});

describe("work typed into a generated sheet's own cells", () => {
  const plan = parsePlan(examplePlan("en-saas"));
  const spec = layoutWorkbook(plan, { generatedOn: "2027-01-15" });
  const objectives = spec.sheets.find((sheet) => sheet.key === "objectives")!;
  const dealsNeeded = spec.names
    .find((name) => name.name === "DealsNeeded")!
    .refersTo.split("!")[1]!
    .replace(/\$/g, "");

  it.each(["update", "generate"] as const)(
    "is copied to a backup before %s rewrites the sheet: a note in an empty cell, a number over a formula",
    async (action) => {
      const { excel, gateway } = setup();
      await gateway.generate(plan);
      const formulaBefore = excel.cell(objectives.name, dealsNeeded)?.formula;
      expect(formulaBefore).toMatch(/^=/);
      const note = emptyCellInsideABlock(objectives);
      excel.setCells(objectives.name, note, [["Check with the CFO before Q2"]]);
      excel.setCells(objectives.name, dealsNeeded, [[40]]);
      const report = await gateway[action](plan);
      expect(report.backups).toEqual(["2 Objectives backup 2027-01-15"]);
      expect(excel.cell("2 Objectives backup 2027-01-15", note)?.value).toBe("Check with the CFO before Q2");
      expect(excel.cell("2 Objectives backup 2027-01-15", dealsNeeded)?.value).toBe(40);
      expect(excel.cell(objectives.name, dealsNeeded)?.formula).toBe(formulaBefore);
    },
  );

  it("is not mistaken for an edit when nothing was typed, even on a later day", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(plan);
    expect((await gateway.generate(plan)).backups).toEqual([]);
    expect((await gateway.update(plan)).backups).toEqual([]);
    const nextMonth = setup(12, excel, new Date(2027, 1, 20, 9)).gateway;
    expect((await nextMonth.update(plan)).backups).toEqual([]);
    expect((await nextMonth.generate(plan)).backups).toEqual([]);
  });
});

/** An empty cell inside the rectangle of one of the sheet's blocks (outside tables and merges). */
function emptyCellInsideABlock(sheet: SheetSpec): string {
  for (const block of sheet.blocks) {
    const anchor = parseCellAddress(block.anchor);
    const width = Math.max(...block.rows.map((row) => row.length));
    for (let row = 0; row < block.rows.length; row++) {
      for (let column = 0; column < width; column++) {
        const cells = block.rows[row]!;
        const covered = cells.some(
          (cell, start) => cell?.mergeAcross !== undefined && start < column && column <= start + cell.mergeAcross,
        );
        const position = { row: anchor.row + row, column: anchor.column + column };
        const inTable = sheet.tables.some((table) => {
          const range = parseRangeAddress(table.range);
          return (
            position.row >= range.start.row &&
            position.row <= range.end.row &&
            position.column >= range.start.column &&
            position.column <= range.end.column
          );
        });
        if (!cells[column] && !covered && !inTable) return cellAddress(position);
      }
    }
  }
  throw new Error(`no empty cell inside a block of ${sheet.name}`);
}

describe("a read split into many small requests", () => {
  const plan = parsePlan(examplePlan("fr-reference"));
  const spec = layoutWorkbook(plan, { generatedOn: "2027-01-15" });

  it("reads exactly what one request reads: the plan, and an edit in the last rows of a sheet", async () => {
    const { excel, gateway } = setup(12, undefined, NOW, 20_000);
    await gateway.generate(plan);
    const whole = setup(12, excel, NOW).gateway;
    expect((await gateway.readFromWorkbook(plan)).plan).toEqual((await whole.readFromWorkbook(plan)).plan);
    const initiatives = spec.sheets.find((sheet) => sheet.key === "execution")!.tables[0]!;
    const lastRow = parseRangeAddress(initiatives.range).end.row + 1;
    const nameColumn = String.fromCharCode(
      "A".charCodeAt(0) + initiatives.binding!.columns.find((column) => column.field === "name")!.column,
    );
    excel.setCells("6 Exécution", `${nameColumn}${lastRow}`, [["Revue annuelle"]]);
    const syncsBefore = excel.syncCount;
    const read = await gateway.readFromWorkbook(plan);
    expect(excel.syncCount - syncsBefore).toBeGreaterThan(2);
    expect(read.plan.execution.initiatives.at(-1)!.name).toBe("Revue annuelle");
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
    const stored = (await gateway.loadStoredPlan())?.plan;
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

describe("user text that looks like a value", () => {
  it("comes back from the sheets as the same text: a role id 007, a segment 1/2, a persona called TRUE", async () => {
    const input = structuredClone(parsePlan(examplePlan("en-saas")));
    const oldId = input.organization.roles[1]!.id;
    input.organization.roles[1]!.id = "007";
    for (const kpi of input.measurement.repKpis) if (kpi.roleId === oldId) kpi.roleId = "007";
    for (const role of input.organization.roles)
      if (role.overlay?.supportsRoleId === oldId) role.overlay.supportsRoleId = "007";
    input.audience.segments[0]!.name = "1/2";
    input.audience.personas[0]!.name = "TRUE";
    const plan = parsePlan(input);
    const { gateway } = setup();
    await gateway.generate(plan);
    const read = await gateway.readFromWorkbook(plan);
    expect(read.changedFields).toEqual([]);
    expect(read.plan).toEqual(plan);
  });
});
