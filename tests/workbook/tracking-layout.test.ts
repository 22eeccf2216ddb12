/**
 * The tracking sheet's layout: where it sits, what its formulas refer to, its inputs (as-of date, thresholds, the
 * owner → role mapping, the activity-type links) and how they read back into the plan.
 */
import { examplePlan, parsePlan, toExcelSerial, type Plan } from "../../src/plan";
import { parseRangeAddress } from "../../src/workbook/address";
import { layoutWorkbook } from "../../src/workbook/layout";
import { readPlanFromSnapshots } from "../../src/workbook/read-back";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { setCell, snapshotsFromSpec, type MutableSnapshot } from "../helpers/snapshots";
import { boundCell, cellAt, cellsOf, sheetByKey, tableCell, validationsAt } from "../helpers/spec-lookup";

const GENERATED_ON = "2027-05-20";

function withTracking(plan: Plan): Plan {
  return parsePlan({
    ...plan,
    measurement: {
      ...plan.measurement,
      tracking: {
        asOf: "2027-04-30",
        greenAt: 1.05,
        amberAt: 0.75,
        owners: [
          { owner: "Rep Alpha", roleId: "account-executive" },
          { owner: "Rep Beta", roleId: "bizdev" },
        ],
        activityTypes: [
          { activityId: "emails-prospection", type: "email" },
          { activityId: "demonstrations", type: "demo" },
        ],
        mappings: [
          { kind: "deals", headers: ["montant", "proprietaire"], columns: { value: "montant", owner: "proprietaire" } },
        ],
      },
    },
  });
}

const french = withTracking(parsePlan(examplePlan("fr-reference")));
const english = parsePlan(examplePlan("en-saas"));
const frenchSpec = layoutWorkbook(french, { generatedOn: GENERATED_ON });
const englishSpec = layoutWorkbook(english, { generatedOn: GENERATED_ON });

function formulasOf(spec: WorkbookSpec): string[] {
  return cellsOf(sheetByKey(spec, "tracking")).flatMap(({ cell }) =>
    cell.formula === undefined ? [] : [cell.formula],
  );
}

describe("the tracking sheet's layout", () => {
  it("comes after the KPIs, named in the plan's language", () => {
    const keys = frenchSpec.sheets.map((sheet) => sheet.key);
    expect(keys.slice(keys.indexOf("kpis"))).toEqual(["kpis", "tracking", "scenarios", "deals", "activities"]);
    expect([sheetByKey(frenchSpec, "tracking").name, sheetByKey(englishSpec, "tracking").name]).toEqual([
      "8 Suivi",
      "8 Tracking",
    ]);
  });

  it("reads the actuals sheets over whole columns, by their localized names and labels", () => {
    const french = formulasOf(frenchSpec).join("\n");
    expect(french).toContain("SUMIFS('Affaires CRM'!$E:$E,'Affaires CRM'!$G:$G,\"Gagnée\"");
    expect(french).toContain("'Activités CRM'!$G:$G,TRUE()");
    expect(french).toContain("'Activités CRM'!$B:$B,\"Démo\"");
    const english = formulasOf(englishSpec).join("\n");
    expect(english).toContain("'CRM deals'!$I:$I,\">=\"&");
    expect(english).not.toContain("Affaires");
  });

  it("counts deals in the plan's currency or none: one SUMIFS per case, the currency read from its cell", () => {
    const currency = cellsOf(sheetByKey(frenchSpec, "tracking")).find(({ cell }) => cell.value === "EUR")!;
    const revenue = frenchSpec.names.find((name) => name.name === "ActualRevenueToDate")!;
    const formula = cellAt(
      sheetByKey(frenchSpec, "tracking"),
      revenue.refersTo.split("!")[1]!.replace(/\$/g, ""),
    )!.formula!;
    expect(formula).toContain(`'Affaires CRM'!$F:$F,$${currency.address.replace(/(\d)/, "$$$1")}`);
    expect(formula).toContain(`'Affaires CRM'!$F:$F,""`);
  });

  it("defines the headline names on the tracking sheet", () => {
    const names = frenchSpec.names.filter((name) => name.refersTo.startsWith("='8 Suivi'!"));
    expect(names.map((name) => name.name)).toEqual([
      "ActualRevenueToDate",
      "ActualWonDealsToDate",
      "PlanRevenueToDate",
      "RevenueAttainmentToDate",
      "ActualWinRateToDate",
      "ActualAverageDealValueToDate",
    ]);
  });

  it("colours attainment and pace red, amber and green from the threshold cells", () => {
    const sheet = sheetByKey(frenchSpec, "tracking");
    const green = boundCell(frenchSpec, "measurement.tracking.greenAt").address;
    const amber = boundCell(frenchSpec, "measurement.tracking.amberAt").address;
    const absolute = (address: string) => address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    const attainment = frenchSpec.names.find((name) => name.name === "RevenueAttainmentToDate")!;
    const at = attainment.refersTo.split("!")[1]!.replace(/\$/g, "");
    const rules = sheet.conditionalFormats.filter((format) => format.range === at).map((format) => format.formula);
    expect(rules).toEqual([
      `=AND(ISNUMBER(${at}),${at}>=${absolute(green)})`,
      `=AND(ISNUMBER(${at}),${at}<${absolute(green)},${at}>=${absolute(amber)})`,
      `=AND(ISNUMBER(${at}),${at}<${absolute(amber)})`,
    ]);
  });

  it("offers the roles by name for each owner, and the activity targets and CRM types for each link", () => {
    const role = tableCell(frenchSpec, "TrackingReps", "Rôle", "Rep Alpha");
    expect(cellAt(role.sheet, role.address)!.value).toBe("Account executive");
    const list = validationsAt(role.sheet, role.address).find((validation) => validation.rule.kind === "list");
    expect(list?.rule).toEqual({
      kind: "list",
      values: french.organization.roles.map((r) => r.title),
    });
    const type = tableCell(frenchSpec, "TrackingActivityTypes", "Type d'activité du CRM", "Démonstrations réalisées");
    expect(cellAt(type.sheet, type.address)!.value).toBe("Démo");
  });

  it("draws the cumulative revenue, the activities against target and the reps' attainment", () => {
    const charts = sheetByKey(frenchSpec, "tracking").charts;
    expect(charts.map((chart) => [chart.id, chart.kind])).toEqual([
      ["cumulativeRevenue", "line"],
      ["activitiesPerDay", "column"],
      ["attainmentByRep", "bar"],
    ]);
    // Only the account executive carries a quota: the bar chart lists that rep alone.
    expect(charts[2]!.categories.labels).toEqual(["Rep Alpha"]);
    // Without owners or links, only the cumulative chart remains.
    expect(sheetByKey(englishSpec, "tracking").charts.map((chart) => chart.id)).toEqual(["cumulativeRevenue"]);
  });

  it("keeps an empty owner table with one blank row to type into", () => {
    const table = sheetByKey(englishSpec, "tracking").tables.find((candidate) => candidate.name === "TrackingReps")!;
    const range = parseRangeAddress(table.range);
    expect(range.end.row - range.start.row).toBe(1);
  });
});

describe("reading the tracking inputs back", () => {
  const snapshotOf = (snapshots: MutableSnapshot[], name: string) => snapshots.find((s) => s.name === name)!;
  const edit = (snapshots: MutableSnapshot[], where: { sheet: { name: string }; address: string }, value: unknown) =>
    setCell(snapshotOf(snapshots, where.sheet.name), where.address, value as string | number | boolean | null);

  it("gives the plan back unchanged, the remembered column mappings included", () => {
    const result = readPlanFromSnapshots(frenchSpec, snapshotsFromSpec(frenchSpec), french);
    expect(result.ok && result.plan).toEqual(french);
    expect(result.ok && result.changedFields).toEqual([]);
  });

  it("reads an edited as-of date, thresholds, owner role and activity link", () => {
    const snapshots = snapshotsFromSpec(frenchSpec);
    edit(snapshots, boundCell(frenchSpec, "measurement.tracking.asOf"), toExcelSerial("2027-05-31"));
    edit(snapshots, boundCell(frenchSpec, "measurement.tracking.greenAt"), 1.2);
    edit(snapshots, boundCell(frenchSpec, "measurement.tracking.amberAt"), 0.9);
    edit(snapshots, tableCell(frenchSpec, "TrackingReps", "Rôle", "Rep Beta"), "Account executive");
    edit(
      snapshots,
      tableCell(frenchSpec, "TrackingActivityTypes", "Type d'activité du CRM", "Démonstrations réalisées"),
      "Réunion",
    );
    const result = readPlanFromSnapshots(frenchSpec, snapshots, french);
    if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("\n"));
    expect(result.plan.measurement.tracking).toEqual({
      ...french.measurement.tracking,
      asOf: "2027-05-31",
      greenAt: 1.2,
      amberAt: 0.9,
      owners: [
        { owner: "Rep Alpha", roleId: "account-executive" },
        { owner: "Rep Beta", roleId: "account-executive" },
      ],
      activityTypes: [
        { activityId: "emails-prospection", type: "email" },
        { activityId: "demonstrations", type: "meeting" },
      ],
    });
  });

  it("reads a blank as-of date as absent (the generation date is used), and refuses amber above green at its cell", () => {
    const snapshots = snapshotsFromSpec(frenchSpec);
    edit(snapshots, boundCell(frenchSpec, "measurement.tracking.asOf"), null);
    const blank = readPlanFromSnapshots(frenchSpec, snapshots, french);
    expect(blank.ok && "asOf" in blank.plan.measurement.tracking).toBe(false);
    const amber = boundCell(frenchSpec, "measurement.tracking.amberAt");
    edit(snapshots, amber, 1.5);
    const refused = readPlanFromSnapshots(frenchSpec, snapshots, french);
    expect(refused.ok ? [] : refused.issues.map((issue) => issue.cell)).toEqual([amber.address]);
  });
});
