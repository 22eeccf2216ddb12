/**
 * The tracking sheet's conventions on small hand-made records: what "to date" counts, which currencies, zero
 * divisions, the elapsed share of a month, pace and the attainment distribution.
 */
import { examplePlan, parsePlan, type Plan } from "../../src/plan";
import type { ActivityRecord, DealRecord } from "../../src/plan/actuals";
import { calculatePlan } from "../../src/plan/calculate";
import { paceAttainment } from "../../src/plan/tracking";
import { recordDateSerial, trackingFigures } from "../../src/plan/tracking-figures";

const base = parsePlan(examplePlan("fr-reference")); // EUR, 2027-01 for 12 months, quota 15,000 a month for AEs

function plan(owners: Plan["measurement"]["tracking"]["owners"] = []): Plan {
  return parsePlan({
    ...base,
    measurement: { ...base.measurement, tracking: { ...base.measurement.tracking, owners } },
  });
}

const deal = (overrides: Partial<DealRecord>): DealRecord => ({
  crmId: null,
  title: "",
  owner: "Ana",
  value: 1000,
  currency: "EUR",
  status: "won",
  createdOn: null,
  closedOn: "2027-01-10",
  stage: null,
  pipeline: null,
  source: null,
  ...overrides,
});

const activity = (overrides: Partial<ActivityRecord>): ActivityRecord => ({
  crmId: null,
  type: "call",
  rawType: "Call",
  owner: "Ana",
  dueOn: "2027-01-10",
  done: true,
  doneAt: null,
  ...overrides,
});

function figuresOf(p: Plan, deals: DealRecord[], asOf: string, activities: ActivityRecord[] = []) {
  return trackingFigures(p, calculatePlan(p), { deals, activities }, asOf);
}

describe("tracking figures", () => {
  it("count deals closed from the plan's first day to the as-of date inclusive, its last hour too", () => {
    const f = figuresOf(
      plan(),
      [
        deal({ closedOn: "2026-12-31T23:00:00Z", value: 1 }),
        deal({ closedOn: "2027-01-01", value: 10 }),
        deal({ closedOn: "2027-02-15T23:59:00Z", value: 100 }),
        deal({ closedOn: "2027-02-16", value: 1000 }),
      ],
      "2027-02-15",
    );
    expect([f.toDate.wonRevenue, f.toDate.wonDeals]).toEqual([110, 2]);
    expect(f.months.slice(0, 3).map((month) => month.wonRevenue)).toEqual([10, 100, 0]);
  });

  it("sum deals in the plan's currency or none, never another currency", () => {
    const f = figuresOf(
      plan(),
      [deal({ currency: "EUR", value: 5 }), deal({ currency: null, value: 7 }), deal({ currency: "USD", value: 900 })],
      "2027-03-31",
    );
    expect(f.toDate.wonRevenue).toBe(12);
  });

  it("give a win rate of won ÷ closed and an average of revenue ÷ won, and 0 when nothing closed", () => {
    const f = figuresOf(
      plan(),
      [deal({ value: 300 }), deal({ value: 500 }), deal({ status: "lost" }), deal({ status: "open", closedOn: null })],
      "2027-03-31",
    );
    expect([f.toDate.winRate, f.toDate.averageDealValue]).toEqual([2 / 3, 400]);
    const empty = figuresOf(plan(), [], "2027-03-31");
    expect([empty.toDate.winRate, empty.toDate.averageDealValue, empty.toDate.attainment]).toEqual([0, 0, 0]);
  });

  it("count half of a 30-day month as elapsed on its 15th, in the plan to date and the working days", () => {
    const f = figuresOf(plan(), [], "2027-04-15");
    expect(f.months[3]!.elapsedShare).toBe(0.5);
    const planned = calculatePlan(plan()).revenueTargetByMonth;
    expect(f.toDate.planRevenue).toBeCloseTo(planned[0]! + planned[1]! + planned[2]! + planned[3]! / 2, 6);
    expect(f.workingDaysElapsed).toBeCloseTo(21 * 3.5, 9);
  });

  it("paces a quarter as PLAN.PACE does with the plan to date as the elapsed share, blank before it starts", () => {
    const f = figuresOf(plan(), [deal({ closedOn: "2027-04-20", value: 120_000 })], "2027-05-31");
    const q2 = f.quarters[1]!;
    expect(q2.pace).toBeCloseTo(paceAttainment(120_000, q2.planRevenue, q2.planToDate, q2.planRevenue), 12);
    expect(f.quarters[3]!.pace).toBe("");
  });

  it("counts done activities per working day elapsed, and meetings booked done or not", () => {
    const p = plan([{ owner: "Ana", roleId: "bizdev" }]);
    const f = figuresOf(p, [], "2027-01-31", [
      activity({ type: "meeting", done: false }),
      activity({ type: "meeting" }),
      activity({ done: false }),
      activity({}),
    ]);
    const bizdev = f.teams.find((team) => team.roleId === "bizdev")!;
    expect([bizdev.doneActivities, bizdev.meetingsBooked, bizdev.reps]).toEqual([2, 2, 1]);
  });

  it("shares the reps of quota roles by attainment of their quota to date", () => {
    const p = plan([
      { owner: "Ana", roleId: "account-executive" },
      { owner: "Bo", roleId: "account-executive" },
      { owner: "Cy", roleId: "account-executive" },
      { owner: "Dee", roleId: "bizdev" },
    ]);
    // One month elapsed: a quota to date of 15,000 each.
    const f = figuresOf(
      p,
      [
        deal({ owner: "Ana", value: 15_000 }),
        deal({ owner: "Bo", value: 12_000 }),
        deal({ owner: "Cy", value: 3_000 }),
      ],
      "2027-01-31",
    );
    expect(f.reps.map((rep) => rep.attainment)).toEqual([1, 0.8, 0.2, undefined]);
    expect(f.distribution).toEqual({ atOrAbove100: 1 / 3, atOrAbove80: 2 / 3, below50: 1 / 3 });
  });

  it("compares a rep with the per-rep KPIs of the role: won deals to date, average value and close rate as they are", () => {
    const withDeals = parsePlan({
      ...base,
      measurement: {
        ...base.measurement,
        repKpis: [
          ...base.measurement.repKpis,
          {
            id: "deals-per-quarter",
            name: "Won deals",
            roleId: "account-executive",
            target: { kind: "deals", period: "quarter" },
            unit: "count",
          },
        ],
        tracking: { ...base.measurement.tracking, owners: [{ owner: "Ana", roleId: "account-executive" }] },
      },
    });
    const figures = calculatePlan(withDeals);
    const perRep = (id: string) => figures.repKpis.find((kpi) => kpi.id === id)!.target;
    // Two months elapsed: two thirds of a quarter.
    const f = trackingFigures(withDeals, figures, { deals: [], activities: [] }, "2027-02-28");
    expect(f.reps[0]!.targets).toEqual({
      wonDeals: { kpiId: "deals-per-quarter", target: perRep("deals-per-quarter") * (2 / 3) },
      averageDealValue: { kpiId: "valeur-opportunites", target: perRep("valeur-opportunites") },
      winRate: { kpiId: withDeals.measurement.repKpis[1]!.id, target: perRep(withDeals.measurement.repKpis[1]!.id) },
    });
  });

  it("reads a record's time of day as the fraction of its serial", () => {
    expect(recordDateSerial("2027-01-01T12:00:00Z")).toBe(46388.5);
  });
});
