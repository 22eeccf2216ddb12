/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment --
   these tests write deliberately ill-typed values into arbitrary fields of a plan, which is what `any` is for. */
import { EXAMPLE_PLANS, examplePlan, validatePlan, parsePlan, PlanValidationError } from "../../src/plan";

/** Validates a copy of the English example after `change`, and returns the messages. */
function messagesAfter(change: (plan: any) => void, locale: "en-US" | "fr-FR" = "en-US"): string[] {
  const plan: unknown = examplePlan("en-saas");
  change(plan);
  const result = validatePlan(plan, locale);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

describe("the plan schema", () => {
  it.each(Object.keys(EXAMPLE_PLANS))("accepts the %s example", (name) => {
    const result = validatePlan(EXAMPLE_PLANS[name as keyof typeof EXAMPLE_PLANS]);
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([]);
  });

  it("names the path of a conversion rate outside (0, 1]", () => {
    expect(messagesAfter((p) => (p.objectives.funnel[2].conversionRate = 1.4))).toEqual([
      "objectives.funnel[2].conversionRate must be greater than 0 and at most 1",
    ]);
    expect(messagesAfter((p) => (p.objectives.funnel[0].conversionRate = 0))).toEqual([
      "objectives.funnel[0].conversionRate must be greater than 0 and at most 1",
    ]);
  });

  it("gives the same messages in French", () => {
    expect(messagesAfter((p) => (p.objectives.funnel[2].conversionRate = 1.4), "fr-FR")).toEqual([
      "objectives.funnel[2].conversionRate doit être supérieur à 0 et au plus égal à 1",
    ]);
    expect(messagesAfter((p) => (p.meta.horizonMonths = 6), "fr-FR")).toEqual([
      "meta.horizonMonths doit être compris entre 12 et 60",
    ]);
  });

  it("reports every invalid meta field with its accepted range", () => {
    expect(
      messagesAfter((p) => {
        p.meta.planName = "   ";
        p.meta.currency = "EUX";
        p.meta.locale = "de-DE";
        p.meta.startMonth = "2027-13";
        p.meta.horizonMonths = 61;
        p.meta.fiscalYearStartMonth = 0;
        p.meta.workingDaysPerMonth = 0;
      }),
    ).toEqual([
      "meta.planName must not be empty",
      "meta.currency must be an ISO 4217 currency code such as EUR or USD",
      "meta.locale must be one of: fr-FR, en-US",
      "meta.startMonth must be a month written YYYY-MM, such as 2027-01",
      "meta.horizonMonths must be from 12 to 60",
      "meta.fiscalYearStartMonth must be from 1 to 12",
      "meta.workingDaysPerMonth must be from 5 to 31",
    ]);
  });

  it("reports wrong types, missing fields and unknown fields", () => {
    expect(
      messagesAfter((p) => {
        p.objectives.annualRevenueTarget = "lots";
        delete p.objectives.averageDealValue;
        p.meta.colour = "red";
      }),
    ).toEqual([
      "meta has unknown field(s): colour",
      "objectives.annualRevenueTarget must be a number",
      "objectives.averageDealValue is required",
    ]);
  });

  it("refuses a file written for another schema version", () => {
    expect(messagesAfter((p) => (p.schemaVersion = 2))).toEqual([
      "schemaVersion must be 1 (this file was written for version 2)",
    ]);
  });

  it("refuses seasonality weights that are negative, of the wrong count or all zero", () => {
    expect(messagesAfter((p) => (p.objectives.seasonality.weights = [1, -1, 1, 1]))).toEqual([
      "objectives.seasonality.weights[1] must be 0 or more",
    ]);
    expect(messagesAfter((p) => (p.objectives.seasonality.weights = [1, 1, 1]))).toEqual([
      "objectives.seasonality.weights must hold exactly 4 item(s)",
    ]);
    expect(
      messagesAfter((p) => (p.objectives.seasonality = { granularity: "month", weights: Array(12).fill(0) })),
    ).toEqual(["objectives.seasonality.weights must not all be zero"]);
    expect(messagesAfter((p) => (p.objectives.seasonality = { granularity: "week", weights: [] }))).toEqual([
      "objectives.seasonality.granularity must be one of: quarter, month",
    ]);
  });

  it("refuses a role whose activity does not exist, and one that carries an activity without a capacity", () => {
    expect(messagesAfter((p) => (p.organization.roles[0].activityId = "fax"))).toEqual([
      'organization.roles[0].activityId refers to "fax", which is not an id in objectives.activityTargets',
    ]);
    expect(messagesAfter((p) => delete p.organization.roles[0].capacityPerPersonPerDay)).toEqual([
      "organization.roles[0].capacityPerPersonPerDay is required",
    ]);
  });

  it("refuses role figures out of range", () => {
    expect(
      messagesAfter((p) => {
        const role = p.organization.roles[1];
        role.utilization = 1.5;
        role.attritionRateAnnual = 1;
        role.currentHeadcount = 2.5;
        role.ramp = [0.5, 2];
        role.hiringLeadTimeMonths = 30;
      }),
    ).toEqual([
      "organization.roles[1].utilization must be greater than 0 and at most 1",
      "organization.roles[1].currentHeadcount must be a whole number",
      "organization.roles[1].ramp[1] must be from 0 to 1",
      "organization.roles[1].attritionRateAnnual must be from 0 to 0.999999999999999",
      "organization.roles[1].hiringLeadTimeMonths must be from 0 to 24",
    ]);
  });

  it("refuses an initiative that ends before it starts, and dates that do not exist", () => {
    expect(messagesAfter((p) => (p.execution.initiatives[0].end = "2027-01-15"))).toEqual([
      "execution.initiatives[0].end must be on or after the start date 2027-02-01",
    ]);
    expect(messagesAfter((p) => (p.execution.initiatives[0].start = "2027-02-30"))).toEqual([
      "execution.initiatives[0].start must be a real date written YYYY-MM-DD, such as 2027-03-31",
    ]);
  });

  it("refuses duplicate ids and references to unknown ids", () => {
    expect(messagesAfter((p) => (p.objectives.funnel[1].id = "leads"))).toEqual([
      'objectives.funnel[1].id repeats the id "leads" already used at objectives.funnel[0].id',
    ]);
    expect(messagesAfter((p) => (p.measurement.kpis[2].target.stageId = "nope"))).toEqual([
      'measurement.kpis[2].target.stageId refers to "nope", which is not an id in objectives.funnel',
    ]);
    expect(messagesAfter((p) => (p.measurement.repKpis[0].roleId = "cfo"))).toEqual([
      'measurement.repKpis[0].roleId refers to "cfo", which is not an id in organization.roles',
    ]);
    expect(messagesAfter((p) => (p.measurement.kpis[1].stageId = "nope"))).toEqual([
      'measurement.kpis[1].stageId refers to "nope", which is not an id in methodology.stages',
    ]);
  });

  it("refuses KPI and rep KPI targets that refer to an unknown activity or response-time SLA", () => {
    expect(
      messagesAfter((p) => {
        p.measurement.kpis[0].target = { kind: "activity", activityId: "fax", period: "day" };
        p.measurement.repKpis[0].target = { kind: "sla", slaId: "pager" };
      }),
    ).toEqual([
      'measurement.kpis[0].target.activityId refers to "fax", which is not an id in objectives.activityTargets',
      'measurement.repKpis[0].target.slaId refers to "pager", which is not an id in objectives.slas',
    ]);
  });

  it("refuses an unknown KPI target kind, listing the known ones", () => {
    expect(messagesAfter((p) => (p.measurement.kpis[0].target = { kind: "vibes" }))).toEqual([
      "measurement.kpis[0].target.kind must be one of: fixed, revenueTarget, deals, averageDealValue, winRate, funnelStage, activity, sla",
    ]);
  });

  it("states the real range of a fixed KPI target, which may be negative", () => {
    expect(messagesAfter((p) => (p.measurement.kpis[0].target = { kind: "fixed", value: -5 }))).toEqual([]);
    expect(messagesAfter((p) => (p.measurement.kpis[0].target = { kind: "fixed", value: -2e12 }))).toEqual([
      "measurement.kpis[0].target.value must be from -1,000,000,000,000 to 1,000,000,000,000",
    ]);
  });

  it("says what a ramp may be when it is neither a number nor a list, and a bad currency once", () => {
    expect(messagesAfter((p) => (p.organization.roles[0].ramp = "x"))).toEqual([
      "organization.roles[0].ramp must be a number of months from 0 to 60, or a list of 1 to 60 fractions from 0 to 1",
    ]);
    expect(messagesAfter((p) => (p.meta.currency = "eur"))).toEqual([
      "meta.currency must be an ISO 4217 currency code such as EUR or USD",
    ]);
  });

  it("applies defaults for optional sections and fields", () => {
    const minimal = {
      schemaVersion: 1,
      meta: { planName: "P", company: "C", currency: "EUR", locale: "fr-FR", startMonth: "2027-01", horizonMonths: 12 },
      objectives: {
        annualRevenueTarget: 100,
        averageDealValue: 10,
        funnel: [{ id: "a", name: "A", conversionRate: 0.5 }],
        winRateTarget: 0.2,
      },
    };
    const plan = parsePlan(minimal);
    expect(plan.meta.workingDaysPerMonth).toBe(21);
    expect(plan.meta.fiscalYearStartMonth).toBe(1);
    expect(plan.objectives.seasonality).toEqual({ granularity: "quarter", weights: [1, 1, 1, 1] });
    expect(plan.objectives.funnelRounding).toBe("up");
    expect(plan.organization.roles).toEqual([]);
    expect(plan.mission.insights).toEqual([]);
    expect(plan.audience.accountCriteria.employeeRange).toEqual({ min: 0 });
  });

  it("throws a PlanValidationError listing every problem from parsePlan", () => {
    expect(() => parsePlan({})).toThrow(PlanValidationError);
    expect(() => parsePlan({})).toThrow(/- meta is required/);
  });
});
