/**
 * The actuals sheets' layout (src/workbook/sheets/actuals.ts) against the tables' contract (actuals-columns.ts).
 */
import { examplePlan, parsePlan, type Plan } from "../../src/plan";
import type { ActivityRecord, DealRecord } from "../../src/plan/actuals";
import { toExcelSerial } from "../../src/plan/calendar";
import { blockContent } from "../../src/excel/block-content";
import { ACTIVITY_COLUMNS, ACTUALS_TABLE_NAMES, DEAL_COLUMNS } from "../../src/workbook/actuals-columns";
import { currencyFormat } from "../../src/workbook/formats";
import { layoutWorkbook } from "../../src/workbook/layout";
import { SHEET_KEYS, workbookSpecSchema } from "../../src/workbook/spec";
import { cellAt, cellsOf, sheetByKey, validationsAt } from "../helpers/spec-lookup";

const GENERATED_ON = "2026-12-15";

function withOwners(plan: Plan, owners: { owner: string; roleId: string }[]): Plan {
  return parsePlan({
    ...plan,
    measurement: { ...plan.measurement, tracking: { ...plan.measurement.tracking, owners } },
  });
}

const english = parsePlan(examplePlan("en-saas"));
const french = parsePlan(examplePlan("fr-reference"));
const firstRole = english.organization.roles[0]!;

const deal = (overrides: Partial<DealRecord> = {}): DealRecord => ({
  crmId: "D-1",
  title: "Renewal",
  owner: "Kalo Mira",
  value: 12500.5,
  currency: "USD",
  status: "won",
  createdOn: "2027-01-04",
  closedOn: "2027-02-10T14:30:00Z",
  stage: "Closed won",
  pipeline: "New business",
  source: "Inbound",
  ...overrides,
});

const activity = (overrides: Partial<ActivityRecord> = {}): ActivityRecord => ({
  crmId: "A-1",
  type: "demo",
  rawType: "Demo call",
  owner: "Kalo Mira",
  dueOn: "2027-01-05",
  done: true,
  doneAt: "2027-01-05T09:15:00Z",
  ...overrides,
});

describe("the actuals sheets", () => {
  it("come after the KPI sheet in both languages, named as the contract says", () => {
    const keys = layoutWorkbook(english, { generatedOn: GENERATED_ON }).sheets.map((sheet) => sheet.key);
    expect(keys.slice(keys.indexOf("kpis") + 1)).toEqual(
      SHEET_KEYS.slice(SHEET_KEYS.indexOf("kpis") + 1).filter((key) => keys.includes(key)),
    );
    expect(keys.indexOf("deals")).toBeGreaterThan(keys.indexOf("kpis"));
    expect(keys.indexOf("activities")).toBe(keys.indexOf("deals") + 1);
    const names = (plan: Plan) => {
      const spec = layoutWorkbook(plan, { generatedOn: GENERATED_ON });
      return [sheetByKey(spec, "deals").name, sheetByKey(spec, "activities").name];
    };
    expect(names(english)).toEqual(["CRM deals", "CRM activities"]);
    expect(names(french)).toEqual(["Affaires CRM", "Activités CRM"]);
  });

  it("hold empty tables with one blank row when there are no actuals, headers on row 4 from column A", () => {
    const spec = workbookSpecSchema.parse(layoutWorkbook(english, { generatedOn: GENERATED_ON }));
    const deals = sheetByKey(spec, "deals");
    const activities = sheetByKey(spec, "activities");
    expect(deals.tables).toEqual([expect.objectContaining({ name: ACTUALS_TABLE_NAMES.deals, range: "A4:L5" })]);
    expect(activities.tables).toEqual([
      expect.objectContaining({ name: ACTUALS_TABLE_NAMES.activities, range: "A4:H5" }),
    ]);
    expect(cellAt(deals, "A1")?.value).toBe("Deals recorded in the CRM");
    expect(typeof cellAt(deals, "A2")?.value).toBe("string");
    expect(DEAL_COLUMNS.map((_, column) => cellAt(deals, `${String.fromCharCode(65 + column)}4`)?.value)).toEqual([
      "CRM id",
      "Title",
      "Owner",
      "Team (role)",
      "Value",
      "Currency",
      "Status",
      "Created on",
      "Closed on",
      "Stage",
      "Pipeline",
      "Source",
    ]);
    expect(
      ACTIVITY_COLUMNS.map((_, column) => cellAt(activities, `${String.fromCharCode(65 + column)}4`)?.value),
    ).toEqual(["CRM id", "Type", "Type in the CRM", "Owner", "Team (role)", "Due on", "Done", "Done at"]);
    // The blank row has no value, only the formats a date or an amount typed by hand takes.
    expect(cellsOf(deals).filter(({ address }) => address.endsWith("5") && !address.startsWith("A1"))).toEqual([
      { address: "E5", cell: { format: currencyFormat(english.meta.currency, "en-US") } },
      { address: "H5", cell: { format: "mm/dd/yyyy" } },
      { address: "I5", cell: { format: "mm/dd/yyyy" } },
    ]);
  });

  it("write one row per record: values only, labels in the plan's language, dates as serials, the owner's role", () => {
    const plan = withOwners(english, [{ owner: "Kalo Mira", roleId: firstRole.id }]);
    const spec = workbookSpecSchema.parse(
      layoutWorkbook(plan, {
        generatedOn: GENERATED_ON,
        actuals: {
          deals: [deal(), deal({ crmId: null, owner: "Unmapped Rep", status: "open", closedOn: null })],
          activities: [activity()],
        },
      }),
    );
    const deals = sheetByKey(spec, "deals");
    expect(deals.tables[0]!.range).toBe("A4:L6");
    const row = (sheet: typeof deals, n: number, width: number) =>
      Array.from(
        { length: width },
        (_, column) => cellAt(sheet, `${String.fromCharCode(65 + column)}${n}`)?.value ?? null,
      );
    expect(row(deals, 5, 12)).toEqual([
      "D-1",
      "Renewal",
      "Kalo Mira",
      firstRole.title,
      12500.5,
      "USD",
      "Won",
      toExcelSerial("2027-01-04"),
      toExcelSerial("2027-02-10") + (14 * 60 + 30) / 1440,
      "Closed won",
      "New business",
      "Inbound",
    ]);
    expect(row(deals, 6, 12).slice(0, 9)).toEqual([
      null,
      "Renewal",
      "Unmapped Rep",
      null,
      12500.5,
      "USD",
      "Open",
      toExcelSerial("2027-01-04"),
      null,
    ]);
    expect(cellAt(deals, "E5")?.format).toBe(currencyFormat(plan.meta.currency, "en-US"));
    expect(cellAt(deals, "H5")?.format).toBe("mm/dd/yyyy");
    expect(cellAt(deals, "I5")?.format).toBe("mm/dd/yyyy hh:mm");
    const activities = sheetByKey(spec, "activities");
    expect(row(activities, 5, 8)).toEqual([
      "A-1",
      "Demo",
      "Demo call",
      "Kalo Mira",
      firstRole.title,
      toExcelSerial("2027-01-05"),
      true,
      toExcelSerial("2027-01-05") + (9 * 60 + 15) / 1440,
    ]);
    for (const sheet of [deals, activities]) expect(cellsOf(sheet).filter(({ cell }) => cell.formula)).toEqual([]);
  });

  it("show statuses and types in French in a French plan", () => {
    const spec = layoutWorkbook(french, {
      generatedOn: GENERATED_ON,
      actuals: {
        deals: [deal(), deal({ status: "lost" }), deal({ status: "open" })],
        activities: (["call", "email", "meeting", "demo", "task", "other"] as const).map((type) => activity({ type })),
      },
    });
    const deals = sheetByKey(spec, "deals");
    expect(["G5", "G6", "G7"].map((address) => cellAt(deals, address)?.value)).toEqual(["Gagnée", "Perdue", "Ouverte"]);
    expect(cellAt(deals, "H5")?.format).toBe("dd/mm/yyyy");
    const activities = sheetByKey(spec, "activities");
    expect([5, 6, 7, 8, 9, 10].map((row) => cellAt(activities, `B${row}`)?.value)).toEqual([
      "Appel",
      "E-mail",
      "Réunion",
      "Démo",
      "Tâche",
      "Autre",
    ]);
  });

  it("keep user text literal: a title that looks like a formula or a number is written as text", () => {
    const spec = layoutWorkbook(english, {
      generatedOn: GENERATED_ON,
      actuals: { deals: [deal({ title: '=HYPERLINK("http://x","y")', crmId: "007" })], activities: [] },
    });
    const block = sheetByKey(spec, "deals").blocks.find((candidate) => candidate.id === "records")!;
    expect(block.rows[1]![1]).toEqual({ value: '=HYPERLINK("http://x","y")' });
    const content = blockContent(block);
    expect(content.formulas).toBeUndefined();
    expect(content.values?.[1]?.slice(0, 2)).toEqual(["'007", '\'=HYPERLINK("http://x","y")']);
  });

  it("validate the status, type, role and date columns of the table's rows", () => {
    const plan = withOwners(english, [{ owner: "Kalo Mira", roleId: firstRole.id }]);
    const spec = layoutWorkbook(plan, {
      generatedOn: GENERATED_ON,
      actuals: { deals: [deal(), deal()], activities: [] },
    });
    const deals = sheetByKey(spec, "deals");
    expect(validationsAt(deals, "G6").map((v) => v.rule)).toEqual([{ kind: "list", values: ["Won", "Lost", "Open"] }]);
    expect(validationsAt(deals, "D5").map((v) => v.rule)).toEqual([
      { kind: "list", values: plan.organization.roles.map((role) => role.title) },
    ]);
    expect(validationsAt(deals, "H6").map((v) => v.rule.kind)).toEqual(["date"]);
    expect(validationsAt(deals, "I5").map((v) => v.rule.kind)).toEqual(["date"]);
    const activities = sheetByKey(spec, "activities");
    expect(validationsAt(activities, "B5").map((v) => v.rule)).toEqual([
      { kind: "list", values: ["Call", "Email", "Meeting", "Demo", "Task", "Other"] },
    ]);
    expect(validationsAt(activities, "F5").map((v) => v.rule.kind)).toEqual(["date"]);
    expect(validationsAt(activities, "H5").map((v) => v.rule.kind)).toEqual(["date"]);
  });

  it("offer no role list when the role names cannot be a literal list (a comma in a name)", () => {
    const plan = parsePlan({
      ...english,
      organization: {
        ...english.organization,
        roles: english.organization.roles.map((role, index) =>
          index === 0 ? { ...role, title: "Sales, EMEA" } : role,
        ),
      },
    });
    const deals = sheetByKey(layoutWorkbook(plan, { generatedOn: GENERATED_ON }), "deals");
    expect(validationsAt(deals, "D5")).toEqual([]);
  });
});
