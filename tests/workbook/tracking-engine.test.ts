/**
 * The tracking sheet evaluated by a real formula engine (HyperFormula) over actuals imported from the seeded CRM
 * fixtures through src/crm: every formula gives the plan core's prediction, no formula ends in an error, and the
 * headline, month and rep figures equal a computation written here with plain loops over the records (dates compared
 * as text, not through the plan core's serials).
 */
import type { HyperFormula } from "hyperformula";
import { generateCrmFixture, type FixtureCrm } from "../../scripts/crm-fixtures";
import { detectPreset, normaliseActivities, normaliseDeals, parseCsv } from "../../src/crm";
import { examplePlan, parsePlan, type Plan } from "../../src/plan";
import { NO_ACTUALS, type Actuals, type DealRecord } from "../../src/plan/actuals";
import { layoutWorkbook } from "../../src/workbook/layout";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { loadWithActuals } from "../helpers/actuals-sheets";
import { engineValue, formulaCells, matchesPrediction } from "../helpers/formula-engine";
import { tableCell } from "../helpers/spec-lookup";

const GENERATED_ON = "2027-12-20";

function importFixture(crm: FixtureCrm, currency: string): Actuals {
  const fixture = generateCrmFixture({ crm, deals: 300, activities: 900, badRows: 0, seed: 5 });
  const dealTable = parseCsv(fixture.dealsCsv);
  const activityTable = parseCsv(fixture.activitiesCsv);
  const dealPreset = detectPreset(dealTable.headers, "deals")!;
  const activityPreset = detectPreset(activityTable.headers, "activities")!;
  const deals = normaliseDeals(dealTable, dealPreset.mapping, { planCurrency: currency });
  const activities = normaliseActivities(activityTable, activityPreset.mapping, {});
  expect([deals.bad, activities.bad, deals.questions, activities.questions]).toEqual([[], [], [], []]);
  return { deals: deals.good.map((row) => row.record), activities: activities.good.map((row) => row.record) };
}

/** The example with every CRM owner but one mapped to a role in turn, activity types linked, an as-of date. */
function withTracking(
  plan: Plan,
  actuals: Actuals,
  asOf: string,
  links: Plan["measurement"]["tracking"]["activityTypes"],
): Plan {
  const owners = [...new Set(actuals.deals.map((deal) => deal.owner))].sort();
  const roles = plan.organization.roles.map((role) => role.id);
  return parsePlan({
    ...plan,
    measurement: {
      ...plan.measurement,
      tracking: {
        ...plan.measurement.tracking,
        asOf,
        owners: owners.slice(0, -1).map((owner, index) => ({ owner, roleId: roles[index % roles.length]! })),
        activityTypes: links,
      },
    },
  });
}

interface Case {
  readonly name: string;
  readonly plan: Plan;
  readonly actuals: Actuals;
}

function cases(): Case[] {
  const french = parsePlan(examplePlan("fr-reference"));
  const frenchActuals = importFixture("pipedrive-en", french.meta.currency);
  const english = parsePlan(examplePlan("en-saas"));
  const englishActuals = importFixture("pipedrive-fr", english.meta.currency);
  return [
    {
      name: "the French example (EUR, some deals in USD)",
      plan: withTracking(french, frenchActuals, "2027-06-15", [
        { activityId: "emails-prospection", type: "email" },
        { activityId: "appels-prospection", type: "call" },
        { activityId: "demonstrations", type: "demo" },
        { activityId: "rendez-vous", type: "meeting" },
      ]),
      actuals: frenchActuals,
    },
    {
      name: "the English example (USD, fiscal year from February, export without currency)",
      plan: withTracking(english, englishActuals, "2027-10-31", [
        { activityId: "outbound-calls", type: "call" },
        { activityId: "prospecting-emails", type: "email" },
        { activityId: "demos", type: "demo" },
        { activityId: "meetings", type: "meeting" },
        { activityId: "meetings", type: "task" },
      ]),
      actuals: englishActuals,
    },
  ];
}

// An independent computation: plain loops over the records, dates compared as YYYY-MM-DD text.
const day = (date: string | null) => date?.slice(0, 10) ?? null;
function countedDeals(plan: Plan, deals: readonly DealRecord[], from: string, through: string): DealRecord[] {
  const counted: DealRecord[] = [];
  for (const deal of deals) {
    const closed = day(deal.closedOn);
    if (deal.currency !== null && deal.currency !== plan.meta.currency) continue;
    if (closed === null || closed < from || closed > through) continue;
    counted.push(deal);
  }
  return counted;
}
function wonTotals(deals: readonly DealRecord[]): { revenue: number; won: number; lost: number } {
  let revenue = 0;
  let won = 0;
  let lost = 0;
  for (const deal of deals) {
    if (deal.status === "won") {
      revenue += deal.value;
      won += 1;
    }
    if (deal.status === "lost") lost += 1;
  }
  return { revenue, won, lost };
}

describe.each(cases())("the tracking sheet of $name", ({ plan, actuals }) => {
  let spec: WorkbookSpec;
  let engine: HyperFormula;
  let sheetName: string;
  beforeAll(() => {
    spec = layoutWorkbook(plan, { generatedOn: GENERATED_ON, actuals });
    engine = loadWithActuals(spec, plan, actuals);
    sheetName = spec.sheets.find((sheet) => sheet.key === "tracking")!.name;
  });
  afterAll(() => engine.destroy());
  const name = (defined: string) => engine.getNamedExpressionValue(defined) as number;

  it("evaluates every formula of the workbook to its prediction, without any error", () => {
    const cells = formulaCells(spec);
    const tracking = cells.filter((cell) => cell.sheet === sheetName);
    expect(tracking.length).toBeGreaterThan(200);
    const wrong = cells.flatMap(({ sheet, address, cell }) => {
      const actual = engineValue(engine, sheet, address);
      return matchesPrediction(actual, cell.result!)
        ? []
        : [`${sheet}!${address} ${cell.formula} gives ${JSON.stringify(actual)}, predicted ${String(cell.result)}`];
    });
    expect(wrong.slice(0, 10)).toEqual([]);
    for (const defined of spec.names) {
      expect([defined.name, matchesPrediction(engine.getNamedExpressionValue(defined.name), defined.result)]).toEqual([
        defined.name,
        true,
      ]);
    }
  });

  it("sums the won deals to date, in the plan's currency or none, as a plain loop over the records does", () => {
    const asOf = plan.measurement.tracking.asOf!;
    const deals = countedDeals(plan, actuals.deals, `${plan.meta.startMonth}-01`, asOf);
    const { revenue, won, lost } = wonTotals(deals);
    expect(won).toBeGreaterThan(20);
    expect(name("ActualRevenueToDate")).toBeCloseTo(revenue, 6);
    expect(name("ActualWonDealsToDate")).toBe(won);
    expect(name("ActualWinRateToDate")).toBeCloseTo(won / (won + lost), 12);
    expect(name("ActualAverageDealValueToDate")).toBeCloseTo(revenue / won, 6);
    // Deals in another currency exist in the French fixture and are left out.
    const foreign = actuals.deals.filter((deal) => deal.currency !== null && deal.currency !== plan.meta.currency);
    if (plan.meta.currency === "EUR") expect(foreign.length).toBeGreaterThan(0);
  });

  it("compares with the plan to date: whole months before the as-of month, and its elapsed days", () => {
    const asOf = plan.measurement.tracking.asOf!;
    const [year, month, dayOfMonth] = asOf.split("-").map(Number) as [number, number, number];
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const monthLabels: string[] = [];
    for (let m = 0; m < plan.meta.horizonMonths; m++) {
      const [y0, m0] = plan.meta.startMonth.split("-").map(Number) as [number, number];
      const index = y0 * 12 + (m0 - 1) + m;
      monthLabels.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
    }
    const asOfLabel = asOf.slice(0, 7);
    let planToDate = 0;
    for (const label of monthLabels) {
      const target = engineValue(
        engine,
        sheetName,
        tableCell(spec, "TrackingMonths", header(plan, "plan"), label).address,
      );
      if (label < asOfLabel) planToDate += target as number;
      if (label === asOfLabel) planToDate += ((target as number) * dayOfMonth) / daysInMonth;
    }
    expect(name("PlanRevenueToDate")).toBeCloseTo(planToDate, 6);
    expect(name("RevenueAttainmentToDate")).toBeCloseTo(name("ActualRevenueToDate") / planToDate, 12);
  });

  it("gives each month the deals won in it up to the as-of date", () => {
    const asOf = plan.measurement.tracking.asOf!;
    for (const label of [`${plan.meta.startMonth}`, asOf.slice(0, 7)]) {
      const deals = countedDeals(plan, actuals.deals, `${label}-01`, `${label}-31` < asOf ? `${label}-31` : asOf);
      const { revenue, won } = wonTotals(deals);
      const at = (column: string) =>
        engineValue(engine, sheetName, tableCell(spec, "TrackingMonths", header(plan, column), label).address);
      expect(at("won")).toBeCloseTo(revenue, 6);
      expect(at("wonDeals")).toBe(won);
    }
  });

  it("gives each rep the revenue and deals they won to date and their activities done", () => {
    const asOf = plan.measurement.tracking.asOf!;
    const from = `${plan.meta.startMonth}-01`;
    const reps = plan.measurement.tracking.owners.slice(0, 3);
    for (const { owner } of reps) {
      const { revenue, won } = wonTotals(
        countedDeals(plan, actuals.deals, from, asOf).filter((deal) => deal.owner === owner),
      );
      let done = 0;
      for (const activity of actuals.activities) {
        const due = day(activity.dueOn);
        if (activity.owner === owner && activity.done && due !== null && due >= from && due <= asOf) done += 1;
      }
      const at = (column: string) =>
        engineValue(engine, sheetName, tableCell(spec, "TrackingReps", header(plan, column), owner).address);
      expect([owner, at("won")]).toEqual([owner, expect.closeTo(revenue, 6)]);
      expect([owner, at("wonDeals"), at("activities")]).toEqual([owner, won, done]);
    }
  });
});

/** The header of a tracking table column in the plan's language. */
function header(plan: Plan, column: string): string {
  const words: Record<string, Record<string, string>> = {
    "en-US": { plan: "Plan revenue", won: "Revenue won", wonDeals: "Won deals", activities: "Activities done" },
    "fr-FR": { plan: "CA prévu", won: "CA gagné", wonDeals: "Affaires gagnées", activities: "Activités réalisées" },
  };
  return words[plan.meta.locale]![column]!;
}

describe("the tracking sheet with empty actuals tables", () => {
  it.each(["fr-reference", "en-saas"] as const)("shows zeros and no error value (%s)", (id) => {
    const plan = parsePlan(examplePlan(id));
    const spec = layoutWorkbook(plan, { generatedOn: "2027-03-10" });
    const engine = loadWithActuals(spec, plan, NO_ACTUALS);
    const sheet = spec.sheets.find((candidate) => candidate.key === "tracking")!;
    const cells = formulaCells(spec).filter((cell) => cell.sheet === sheet.name);
    const values = cells.map(({ address }) => engineValue(engine, sheet.name, address));
    expect(values.filter((value) => typeof value === "object" && value !== null)).toEqual([]);
    for (const defined of ["ActualRevenueToDate", "ActualWonDealsToDate", "ActualWinRateToDate"]) {
      expect([defined, engine.getNamedExpressionValue(defined)]).toEqual([defined, 0]);
    }
    expect(engine.getNamedExpressionValue("PlanRevenueToDate")).toBeGreaterThan(0);
    engine.destroy();
  });
});
