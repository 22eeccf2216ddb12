/**
 * Importing CRM records into Excel (ExcelGateway.importActuals) on the Office.js fake with the real layout: the
 * records land in the `CRM deals` and `CRM activities` tables, a re-import merges by CRM id and backs the tables up,
 * rows typed by hand survive Update and every re-import, a table cell that cannot be read refuses the action before
 * anything is written, and large tables are read and written in bands within Excel on the web's request limit.
 */
import { createExcelGateway } from "../../src/excel";
import { examplePlan, parsePlan, type Plan } from "../../src/plan";
import type { ActivityRecord, Actuals, DealRecord } from "../../src/plan/actuals";
import { toExcelSerial } from "../../src/plan/calendar";
import { WorkbookActionError, type WorkbookGateway } from "../../src/workbook/gateway";
import { knownRegions } from "../../src/workbook/known-region";
import { layoutWorkbook } from "../../src/workbook/layout";
import { readPlanFromSnapshots } from "../../src/workbook/read-back";
import { FakeExcel } from "./fake-excel";
import { failCommand, restoreState, snapshotState, visibleCells } from "./fault-injection";

const NOW = new Date(2027, 0, 15, 9);

function gatewayFor(excel: FakeExcel, requestBudgetBytes?: number): WorkbookGateway {
  return createExcelGateway({
    layout: layoutWorkbook,
    readBack: readPlanFromSnapshots,
    knownRegions,
    now: () => NOW,
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => "en-US",
    ...(requestBudgetBytes ? { requestBudgetBytes } : {}),
  });
}

const role = (plan: Plan) => plan.organization.roles[0]!;

function planWithOwners(): Plan {
  const plan = parsePlan(examplePlan("en-saas"));
  return parsePlan({
    ...plan,
    measurement: {
      ...plan.measurement,
      tracking: { ...plan.measurement.tracking, owners: [{ owner: "Kalo Mira", roleId: role(plan).id }] },
    },
  });
}

const deal = (id: number, overrides: Partial<DealRecord> = {}): DealRecord => ({
  crmId: `D-${id}`,
  title: `Deal ${id}`,
  owner: id % 2 === 0 ? "Kalo Mira" : "Tibo Ren",
  value: 1000 + id,
  currency: "USD",
  status: id % 3 === 0 ? "won" : id % 3 === 1 ? "lost" : "open",
  createdOn: "2027-01-04",
  closedOn: id % 3 === 2 ? null : "2027-02-10T14:30:00Z",
  stage: "Proposal",
  pipeline: null,
  source: null,
  ...overrides,
});

const activity = (id: number, overrides: Partial<ActivityRecord> = {}): ActivityRecord => ({
  crmId: `A-${id}`,
  type: (["call", "email", "meeting", "demo", "task", "other"] as const)[id % 6]!,
  rawType: "call",
  owner: "Kalo Mira",
  dueOn: "2027-01-05",
  done: id % 2 === 0,
  doneAt: id % 2 === 0 ? "2027-01-05T09:15:00Z" : null,
  ...overrides,
});

const actualsOf = (deals: number, activities: number, first = 1): Actuals => ({
  deals: Array.from({ length: deals }, (_, index) => deal(first + index)),
  activities: Array.from({ length: activities }, (_, index) => activity(first + index)),
});

/** The values of one row of a sheet, columns A to `last`. */
function rowValues(excel: FakeExcel, sheet: string, row: number, columns: number) {
  return Array.from(
    { length: columns },
    (_, column) => excel.cell(sheet, `${String.fromCharCode(65 + column)}${row}`)?.value ?? null,
  );
}

/** The largest request or response the fake saw (a sync that failed has no response). */
const largestPayload = (excel: FakeExcel) =>
  Math.max(...[...excel.requestBytes, ...excel.responseBytes].filter((bytes) => typeof bytes === "number"));

const tableAddress = (excel: FakeExcel, name: string) => excel.tables.find((table) => table.name === name)?.address;

describe("importing actuals into Excel", () => {
  it("writes the records into the CRM tables, with the owner's role, and reports what it merged", async () => {
    const excel = new FakeExcel({ apiVersion: 12 });
    const plan = planWithOwners();
    const gateway = gatewayFor(excel);
    await gateway.generate(plan);
    expect(tableAddress(excel, "CrmDeals")).toBe("A4:L5");
    const report = await gateway.importActuals(plan, actualsOf(3, 2));
    expect(report).toMatchObject({
      deals: { added: 3, updated: 0, kept: 0 },
      activities: { added: 2, updated: 0, kept: 0 },
      actualsBackups: [],
    });
    expect(tableAddress(excel, "CrmDeals")).toBe("A4:L7");
    expect(tableAddress(excel, "CrmActivities")).toBe("A4:H6");
    expect(rowValues(excel, "CRM deals", 6, 9)).toEqual([
      "D-2",
      "Deal 2",
      "Kalo Mira",
      role(plan).title,
      1002,
      "USD",
      "Open",
      toExcelSerial("2027-01-04"),
      null,
    ]);
    expect(excel.cell("CRM deals", "I5")).toMatchObject({
      value: toExcelSerial("2027-02-10") + (14 * 60 + 30) / 1440,
      numberFormat: "mm/dd/yyyy hh:mm",
    });
    expect(rowValues(excel, "CRM activities", 6, 8)).toEqual([
      "A-2",
      "Meeting",
      "call",
      "Kalo Mira",
      role(plan).title,
      toExcelSerial("2027-01-05"),
      true,
      toExcelSerial("2027-01-05") + (9 * 60 + 15) / 1440,
    ]);
  });

  it("imports into a workbook without generated sheets by generating them with the records", async () => {
    const excel = new FakeExcel({ apiVersion: 12 });
    const report = await gatewayFor(excel).importActuals(planWithOwners(), actualsOf(2, 1));
    expect(report.created).toEqual(expect.arrayContaining(["CRM deals", "CRM activities"]));
    expect(report.deals).toEqual({ added: 2, updated: 0, kept: 0 });
    expect(excel.cell("CRM deals", "A6")?.value).toBe("D-2");
  });

  it("keeps rows typed by hand through Update and re-imports, updates by CRM id and backs the tables up", async () => {
    const excel = new FakeExcel({ apiVersion: 12 });
    const plan = planWithOwners();
    const gateway = gatewayFor(excel);
    await gateway.generate(plan);
    // Typed by hand into the empty table's blank row: no CRM id, a role chosen from the list.
    excel.setCells("CRM deals", "B5", [
      ["Side deal", "Ana Roe", "Partner team", 500, "USD", "Won", toExcelSerial("2027-01-20")],
    ]);
    excel.setCells("CRM activities", "B5", [["Call", "", "Ana Roe", "", toExcelSerial("2027-01-21"), true]]);

    await gateway.update(plan);
    expect(rowValues(excel, "CRM deals", 5, 7)).toEqual([
      null,
      "Side deal",
      "Ana Roe",
      "Partner team",
      500,
      "USD",
      "Won",
    ]);

    const first = await gateway.importActuals(plan, actualsOf(2, 2));
    expect(first.deals).toEqual({ added: 2, updated: 0, kept: 1 });
    expect(first.actualsBackups).toEqual(["CRM deals backup 2027-01-15", "CRM activitie backup 2027-01-15"]);
    expect(rowValues(excel, "CRM deals", 5, 4)).toEqual([null, "Side deal", "Ana Roe", "Partner team"]);
    expect(excel.cell("CRM deals backup 2027-01-15", "B5")?.value).toBe("Side deal");

    // Next month: D-2 changed (won now), D-3 new; the hand-typed row and D-1 stay.
    const second = await gateway.importActuals(plan, {
      deals: [deal(2, { status: "won", value: 9000 }), deal(3)],
      activities: [],
    });
    expect(second.deals).toEqual({ added: 1, updated: 1, kept: 2 });
    expect(second.activities).toEqual({ added: 0, updated: 0, kept: 3 });
    expect(second.actualsBackups).toHaveLength(2);
    expect([5, 6, 7, 8].map((row) => rowValues(excel, "CRM deals", row, 7))).toEqual([
      [null, "Side deal", "Ana Roe", "Partner team", 500, "USD", "Won"],
      ["D-1", "Deal 1", "Tibo Ren", null, 1001, "USD", "Lost"],
      ["D-2", "Deal 2", "Kalo Mira", role(plan).title, 9000, "USD", "Won"],
      ["D-3", "Deal 3", "Tibo Ren", null, 1003, "USD", "Won"],
    ]);
    expect(rowValues(excel, "CRM activities", 5, 4)).toEqual([null, "Call", null, "Ana Roe"]);
    await gateway.update(plan);
    expect(tableAddress(excel, "CrmDeals")).toBe("A4:L8");
    expect(rowValues(excel, "CRM deals", 5, 2)).toEqual([null, "Side deal"]);
  });

  it("refuses Update and the import when a table cell cannot be read, naming it, and writes nothing", async () => {
    const excel = new FakeExcel({ apiVersion: 12 });
    const plan = planWithOwners();
    const gateway = gatewayFor(excel);
    await gateway.importActuals(plan, actualsOf(3, 0));
    excel.setCells("CRM deals", "G6", [["Signed"]]);
    const before = snapshotState(excel);
    for (const action of [() => gateway.update(plan), () => gateway.importActuals(plan, actualsOf(1, 0, 10))]) {
      const error = await action().then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
      expect(error).toBeInstanceOf(WorkbookActionError);
      expect((error as Error).message).toContain('CRM deals!G6: Status must be Won, Lost or Open (got "Signed")');
      expect(excel.sheetNames()).toEqual(before.sheets.map((sheet) => sheet.name));
      expect(visibleCells(excel.sheet("CRM deals"))).toEqual(
        visibleCells(before.sheets.find((sheet) => sheet.name === "CRM deals")!),
      );
    }
  });

  it("reads and writes large tables in bands, every request and response within the limit", async () => {
    // A small limit stands for Excel on the web's 5 MB, so a few thousand rows need several requests each way.
    const excel = new FakeExcel({ apiVersion: 12, payloadLimitBytes: 600_000 });
    const plan = planWithOwners();
    const gateway = gatewayFor(excel, 400_000);
    await gateway.importActuals(plan, actualsOf(3000, 6000));
    excel.setCells("CRM deals", "B3005", [["Typed below", "Ana Roe", "", 10, "USD", "Open"]]);
    const syncsBefore = excel.syncCount;
    const report = await gateway.importActuals(plan, actualsOf(10, 0, 5000));
    expect(report.deals).toEqual({ added: 10, updated: 0, kept: 3001 });
    expect(excel.cell("CRM deals", "B3005")?.value).toBe("Typed below");
    expect(excel.cell("CRM deals", "A3006")?.value).toBe("D-5000");
    expect(excel.cell("CRM activities", "A6004")?.value).toBe("A-6000");
    expect(tableAddress(excel, "CrmDeals")).toBe("A4:L3015");
    expect(largestPayload(excel)).toBeLessThanOrEqual(600_000);
    // Few syncs: the bands, not a sync per row or per table.
    expect(excel.syncCount - syncsBefore).toBeLessThan(40);
  });

  it("puts large tables back as they were, in bands within the limit, when the import's last write fails", async () => {
    const limited = () => new FakeExcel({ apiVersion: 12, payloadLimitBytes: 600_000 });
    const plan = planWithOwners();
    const prepared = limited();
    await gatewayFor(prepared, 400_000).importActuals(plan, actualsOf(2000, 3000));
    prepared.setCells("CRM deals", "B2005", [["Typed below", "Ana Roe", "", 10, "USD", "Open"]]);
    const state = snapshotState(prepared);
    const incoming = actualsOf(500, 500, 1900);

    // The number of the command storing the plan: the last critical write, in the last write request.
    const probe = limited();
    restoreState(probe, state);
    const start = probe.ops.length;
    await gatewayFor(probe, 400_000).importActuals(plan, incoming);
    const k = probe.ops.slice(start).findIndex((op) => op.kind === "CustomXmlPartCollection.add") + 1;
    expect(k).toBeGreaterThan(0);

    const excel = limited();
    restoreState(excel, state);
    failCommand(excel, k);
    await expect(gatewayFor(excel, 400_000).importActuals(plan, incoming)).rejects.toThrow(/Nothing was changed\./);
    expect(excel.sheetNames()).toEqual(state.sheets.map((sheet) => sheet.name));
    for (const name of ["CRM deals", "CRM activities"]) {
      expect(visibleCells(excel.sheet(name))).toEqual(visibleCells(state.sheets.find((sheet) => sheet.name === name)!));
    }
    expect(excel.tables.map((table) => `${table.name} ${table.address}`).sort()).toEqual(
      state.tables.map((table) => `${table.name} ${table.address}`).sort(),
    );
    expect(largestPayload(excel)).toBeLessThanOrEqual(600_000);
  });

  it("refuses records holding a number a workbook cannot, far down a large table, naming the cell", async () => {
    const excel = new FakeExcel({ apiVersion: 12 });
    const plan = planWithOwners();
    const gateway = gatewayFor(excel);
    await gateway.generate(plan);
    const before = snapshotState(excel);
    const records = actualsOf(300, 0);
    const deals = records.deals.map((record, index) => (index === 249 ? { ...record, value: Infinity } : record));
    await expect(gateway.importActuals(plan, { deals, activities: [] })).rejects.toThrow(
      /'CRM deals'!E254 value is Infinity, not a finite number/,
    );
    expect(visibleCells(excel.sheet("CRM deals"))).toEqual(
      visibleCells(before.sheets.find((sheet) => sheet.name === "CRM deals")!),
    );
  });

  it("keeps the records and rows typed by hand when the plan is generated again", async () => {
    const excel = new FakeExcel({ apiVersion: 12 });
    const plan = planWithOwners();
    const gateway = gatewayFor(excel);
    await gateway.importActuals(plan, actualsOf(2, 1));
    excel.setCells("CRM deals", "B7", [["Typed by hand", "Ana Roe", "", 42, "USD", "Lost"]]);
    await gateway.generate(plan);
    expect([5, 6, 7].map((row) => rowValues(excel, "CRM deals", row, 7))).toEqual([
      ["D-1", "Deal 1", "Tibo Ren", null, 1001, "USD", "Lost"],
      ["D-2", "Deal 2", "Kalo Mira", role(plan).title, 1002, "USD", "Open"],
      [null, "Typed by hand", "Ana Roe", null, 42, "USD", "Lost"],
    ]);
    expect(tableAddress(excel, "CrmDeals")).toBe("A4:L7");
    expect(excel.cell("CRM activities", "A5")?.value).toBe("A-1");
  });
});
