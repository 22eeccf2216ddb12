/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   these tests write extreme values into arbitrary fields of a plan, which is what `any` is for. */
/**
 * Validation is the whole contract: inputs whose figures would overflow or lose meaning are refused by validation,
 * naming the field and the accepted limit in the user's language, instead of failing later in the math or in the
 * workbook.
 */
import { calculatePlan, examplePlan, validatePlan } from "../../src/plan";
import { PLAN_LIMITS } from "../../src/plan/bounds";
import type { MessageLocale } from "../../src/plan/messages";
import { layoutText } from "../../src/workbook/i18n";
import { layoutWorkbook } from "../../src/workbook/layout";
import { formulaCells, engineValue, loadIntoEngine } from "../helpers/formula-engine";
import { checkContract, extremeValidPlanInput, recalculationProblems } from "../helpers/plan-contract";

/** The example after `change`, without its scenarios: these cases test the base plan's rules (scenarios.test.ts tests theirs). */
function after(change: (plan: any) => void, example: "en-saas" | "fr-reference" = "en-saas"): any {
  const plan: any = structuredClone(examplePlan(example));
  plan.scenarios = [];
  change(plan);
  return plan;
}

function messages(plan: unknown, locale: MessageLocale = "en-US"): string[] {
  const result = validatePlan(plan, locale);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

const quotaRole = (plan: any): any => plan.organization.roles.find((role: any) => role.quotaPerMonth !== undefined);
const quotaRoleIndex = (plan: any): number =>
  plan.organization.roles.findIndex((role: any) => role.quotaPerMonth !== undefined);

describe("valid plans compute (defect 2)", () => {
  it("refuses two conversion rates of 1E-9 at the rate that takes the funnel over 1E12 a year, in French too", () => {
    const plan = after((p) => {
      p.objectives.funnel[0].conversionRate = 1e-9;
      p.objectives.funnel[1].conversionRate = 1e-9;
    });
    expect(messages(plan)).toEqual([
      expect.stringMatching(
        /^objectives\.funnel\[0\]\.conversionRate makes the stage "Leads" need [\d,]+ a year, more than the limit of 1,000,000,000,000: raise this conversion rate/,
      ),
    ]);
    expect(messages(plan, "fr-FR")).toEqual([
      expect.stringMatching(
        /^objectives\.funnel\[0\]\.conversionRate porte l'étape « Leads » à [\d\u202f]+ par an, au-delà de la limite de 1\u202f000\u202f000\u202f000\u202f000 : augmentez ce taux/,
      ),
    ]);
  });

  it("refuses four conversion rates of 1E-9, which asked for 1.5E38 leads a year", () => {
    const plan = after((p) => p.objectives.funnel.forEach((stage: any) => (stage.conversionRate = 1e-9)));
    expect(messages(plan)).toEqual([
      expect.stringMatching(/^objectives\.funnel\[\d\]\.conversionRate makes the stage/),
    ]);
  });

  it("accepts one conversion rate of 1E-9 and computes it", () => {
    const plan = after((p) => {
      p.objectives.averageDealValue = p.objectives.annualRevenueTarget;
      p.objectives.funnel.forEach((stage: any) => (stage.conversionRate = 1));
      p.objectives.funnel[0].conversionRate = 1e-9;
    });
    const result = validatePlan(plan);
    expect(result.ok).toBe(true);
    if (result.ok) expect(calculatePlan(result.plan).topOfFunnelVolume).toBeLessThanOrEqual(PLAN_LIMITS.yearlyVolume);
  });

  it("refuses a rate below 1E-9 with its floor", () => {
    expect(messages(after((p) => (p.objectives.winRateTarget = 1e-10)))).toEqual([
      "objectives.winRateTarget must be at least 0.000000001",
    ]);
  });

  it("refuses an average deal value of 1E-300 with its floor, and one that gives more than 1E12 deals", () => {
    expect(messages(after((p) => (p.objectives.averageDealValue = 1e-300)))).toEqual([
      "objectives.averageDealValue must be at least 0.01",
    ]);
    const manyDeals = after((p) => {
      p.objectives.annualRevenueTarget = 2e10;
      p.objectives.averageDealValue = 0.01;
    });
    expect(messages(manyDeals, "fr-FR")).toEqual([
      expect.stringMatching(
        /^objectives\.averageDealValue donne [\d\u202f]+ affaires gagnées par an .* au-delà de la limite de 1\u202f000\u202f000\u202f000\u202f000/,
      ),
    ]);
  });

  it("refuses a tiny capacity with a tiny utilization at the capacity, naming the headcount limit", () => {
    const plan = after((p) => {
      const role = p.organization.roles.find((r: any) => r.capacityPerPersonPerDay !== undefined);
      role.capacityPerPersonPerDay = 1e-6;
      role.utilization = 1e-9;
    });
    expect(messages(plan)).toEqual([
      expect.stringMatching(
        /^organization\.roles\[0\]\.capacityPerPersonPerDay makes the role need [\d,]+ people for its activity, more than the limit of 1,000,000/,
      ),
    ]);
    expect(messages(after((p) => (p.organization.roles[0].capacityPerPersonPerDay = 1e-300)))).toEqual([
      "organization.roles[0].capacityPerPersonPerDay must be at least 0.000001",
    ]);
  });

  it("refuses growth that takes a later plan year's target beyond 1E15", () => {
    const plan = after((p) => {
      p.meta.horizonMonths = 60;
      p.objectives.annualRevenueTarget = 1e12;
      p.objectives.averageDealValue = 1e9;
      p.objectives.annualGrowthRate = 10;
      p.organization.roles.forEach((role: any) => delete role.quotaPerMonth);
      p.organization.roles.forEach((role: any) => (role.quotaAttainment = 1));
      p.organization.roles.forEach((role: any) => (role.targetShare = 1));
    });
    expect(messages(plan)).toEqual([
      "objectives.annualGrowthRate makes the revenue target of plan year 4 reach 1,331,000,000,000,000, more than the limit of 1,000,000,000,000,000: lower the growth rate or the annual revenue target",
    ]);
  });
});

describe("no Infinity from a tiny quota (defect 3)", () => {
  it("refuses a quota of 1E-300 with its floor", () => {
    const plan = after(() => undefined);
    const index = quotaRoleIndex(plan);
    quotaRole(plan).quotaPerMonth = 1e-300;
    expect(messages(plan)).toEqual([`organization.roles[${index}].quotaPerMonth must be at least 0.01`]);
  });

  it("refuses a quota that needs more than 1,000,000 reps, naming the plan year", () => {
    const plan = after(() => undefined);
    const index = quotaRoleIndex(plan);
    quotaRole(plan).quotaPerMonth = 0.01;
    expect(messages(plan)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^organization\\.roles\\[${index}\\]\\.quotaPerMonth makes the role need [\\d,]+ people in plan year 1, more than the limit of 1,000,000`,
        ),
      ),
    ]);
  });
});

describe("role costs within Excel's 15 digits", () => {
  /** A role that needs exactly `people` (planned headcount, no activity and no quota) at the given pay. */
  const plannedRole = (id: string, people: number, baseSalary: number, variablePay: number) => ({
    id,
    title: id,
    baseSalary,
    variablePay,
    currentHeadcount: 0,
    plannedHeadcount: people,
  });

  it("refuses a role whose people × pay exceed 1E15 a year, at the larger pay, in English and French", () => {
    const plan = after((p) => p.organization.roles.push(plannedRole("army", 1_000_000, 5e11, 1e12)));
    const index = plan.organization.roles.length - 1;
    expect(messages(plan)).toEqual([
      `organization.roles[${index}].variablePay makes the role cost 1,500,000,000,000,000,000 in plan year 1 (people × (base salary + variable pay)), more than the limit of 1,000,000,000,000,000: lower the base salary or the variable pay, or the role's headcount`,
    ]);
    expect(messages(plan, "fr-FR")).toEqual([
      expect.stringMatching(
        new RegExp(
          `^organization\\.roles\\[${index}\\]\\.variablePay porte le coût du rôle à 1\\s500\\s000\\s000\\s000\\s000\\s000 l'année 1 du plan .*au-delà de la limite de 1\\s000\\s000\\s000\\s000\\s000`,
          "u",
        ),
      ),
    ]);
  });

  it("refuses roles that each cost at most 1E15 but together more, at the costliest role's base salary", () => {
    const plan = after((p) => {
      p.organization.roles.push(plannedRole("first", 1_000_000, 6e8, 0));
      p.organization.roles.push(plannedRole("second", 1_000_000, 7e8, 0));
    });
    const second = plan.organization.roles.length - 1;
    expect(messages(plan)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^organization\\.roles\\[${second}\\]\\.baseSalary makes all roles together cost [\\d,]+ in plan year 1, more than the limit of 1,000,000,000,000,000`,
        ),
      ),
    ]);
  });

  it("accepts a role costing 9E14 a year and computes it to the cent", () => {
    const plan = after((p) => p.organization.roles.push(plannedRole("edge", 1_000_000, 4e8, 5e8)));
    const result = validatePlan(plan);
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([]);
    if (result.ok) expect(calculatePlan(result.plan).roles.at(-1)!.annualCost).toBe(9e14);
  });
});

describe("seasonality weights the sheet can sum (defect 4)", () => {
  it("refuses a weight of 1E308 with the largest accepted weight", () => {
    expect(
      messages(after((p) => (p.objectives.seasonality = { granularity: "quarter", weights: [1e308, 1, 1, 1] }))),
    ).toEqual(["objectives.seasonality.weights[0] must be at most 1,000,000"]);
  });

  it("refuses weights that are all below 1E-6 but not all zero", () => {
    expect(
      messages(after((p) => (p.objectives.seasonality = { granularity: "quarter", weights: [1e-300, 0, 0, 0] }))),
    ).toEqual(["objectives.seasonality.weights must hold at least one weight of 0.000001 or more"]);
  });

  it.each([
    ["quarter", [1e6, 1e-6, 0, 1e6]],
    ["month", [1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e-6]],
  ])("recalculates the workbook of extreme accepted %s weights without an error cell", (granularity, weights) => {
    const result = validatePlan(after((p) => (p.objectives.seasonality = { granularity, weights })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const spec = layoutWorkbook(result.plan, { generatedOn: "2027-01-01" });
    const engine = loadIntoEngine(spec);
    try {
      const bad = formulaCells(spec).flatMap(({ sheet, address }) => {
        const value = engineValue(engine, sheet, address);
        return typeof value === "number" ? (Number.isFinite(value) ? [] : [`${sheet}!${address}`]) : [];
      });
      const errors = formulaCells(spec).filter(({ sheet, address }) => {
        const value = engineValue(engine, sheet, address);
        return typeof value === "object" && value !== null;
      });
      expect(bad).toEqual([]);
      expect(errors.map(({ sheet, address }) => `${sheet}!${address}`)).toEqual([]);
    } finally {
      engine.destroy();
    }
  });
});

describe("a plan at the edges of what validation accepts", () => {
  it("computes, lays out and recalculates in HyperFormula without an error cell", () => {
    const outcome = checkContract(extremeValidPlanInput());
    expect(outcome.kind).toBe("computed");
    if (outcome.kind === "computed") expect(recalculationProblems(outcome.spec)).toEqual([]);
  });
});

describe("bounds that let nonsense through (defect 9)", () => {
  it.each(["0000-01", "1900-01", "9999-01", "1949-12", "2201-01"])("refuses the start month %s", (month) => {
    expect(messages(after((p) => (p.meta.startMonth = month)))).toEqual([
      "meta.startMonth must be a month from 1950-01 to 2200-12",
    ]);
  });

  it.each(["1950-01", "2200-12"])(
    "accepts the start month %s over 60 months, every date inside Excel's range",
    (month) => {
      const result = validatePlan(
        after((p) => {
          p.meta.startMonth = month;
          p.meta.horizonMonths = 60;
          p.meta.fiscalYearStartMonth = 4;
        }),
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const figures = calculatePlan(result.plan);
      for (const quarter of figures.quarters) {
        expect(quarter.startSerial).toBeGreaterThanOrEqual(61);
        expect(quarter.endSerial).toBeLessThanOrEqual(2958465);
      }
    },
  );

  it("refuses fewer working days a month than a week holds, in French with the range", () => {
    expect(messages(after((p) => (p.meta.workingDaysPerMonth = 0.5)))).toEqual([
      "meta.workingDaysPerMonth must be from 5 to 31",
    ]);
    expect(
      messages(
        after((p) => (p.meta.workingDaysPerMonth = 4.9)),
        "fr-FR",
      ),
    ).toEqual(["meta.workingDaysPerMonth doit être compris entre 5 et 31"]);
  });

  it("never gives more deals per week than per month", () => {
    const result = validatePlan(after((p) => (p.meta.workingDaysPerMonth = 5)));
    expect(result.ok).toBe(true);
    if (result.ok) {
      const { dealsViews } = calculatePlan(result.plan);
      expect(dealsViews.perWeek).toBeLessThanOrEqual(dealsViews.perMonth);
    }
  });

  it("says a number too large for a double (1e400 typed in a field) is too large, not that it is not a number", () => {
    expect(messages(after((p) => (p.objectives.annualRevenueTarget = Infinity)))).toEqual([
      "objectives.annualRevenueTarget is too large a number",
    ]);
    expect(
      messages(
        after((p) => (p.organization.roles[0].currentHeadcount = -Infinity)),
        "fr-FR",
      ),
    ).toEqual(["organization.roles[0].currentHeadcount est un nombre trop grand"]);
    expect(messages(after((p) => (p.organization.roles[0].currentHeadcount = 2.5)))).toEqual([
      "organization.roles[0].currentHeadcount must be a whole number",
    ]);
  });

  it("shows limits in the user's number format", () => {
    const plan = after((p) => (p.objectives.annualRevenueTarget = 2e12));
    expect(messages(plan)).toEqual(["objectives.annualRevenueTarget must be at most 1,000,000,000,000"]);
    expect(messages(plan, "fr-FR")).toEqual([
      "objectives.annualRevenueTarget doit être au plus égal à 1\u202f000\u202f000\u202f000\u202f000",
    ]);
  });
});

describe("percentage fields (defect 6)", () => {
  it("words the bounds of a rate as percentages for a field typed in percent", () => {
    const result = validatePlan(after((p) => (p.objectives.winRateTarget = 1.5)));
    expect(result.ok ? [] : result.issues.map((issue) => issue.percentProblem)).toEqual([
      "must be greater than 0 % and at most 100 %",
    ]);
    const french = validatePlan(
      after((p) => (p.organization.roles[0].attritionRateAnnual = 1.5)),
      "fr-FR",
    );
    expect(french.ok ? [] : french.issues.map((issue) => issue.percentProblem)).toEqual([
      "doit être compris entre 0 % et 99,9999999999999 %",
    ]);
    const growth = validatePlan(after((p) => (p.objectives.annualGrowthRate = 11)));
    expect(growth.ok ? [] : growth.issues.map((issue) => issue.percentProblem)).toEqual([
      "must be from 0 % to 1,000 %",
    ]);
  });
});

describe("annual attrition states the largest value it accepts", () => {
  const withAttrition = (rate: number) => after((p) => (p.organization.roles[0].attritionRateAnnual = rate));

  it("refuses 0.9999999999999999, which is below 1, with the real maximum, as a number and as a percentage", () => {
    expect(PLAN_LIMITS.fields.attritionRate.max).toBe(0.999999999999999);
    const english = validatePlan(withAttrition(0.9999999999999999));
    expect(english.ok ? [] : english.issues.map((issue) => [issue.problem, issue.percentProblem])).toEqual([
      ["must be from 0 to 0.999999999999999", "must be from 0 % to 99.9999999999999 %"],
    ]);
    const french = validatePlan(withAttrition(1), "fr-FR");
    expect(french.ok ? [] : french.issues.map((issue) => [issue.problem, issue.percentProblem])).toEqual([
      ["doit être compris entre 0 et 0,999999999999999", "doit être compris entre 0 % et 99,9999999999999 %"],
    ]);
  });

  it("accepts the stated maximum and computes with it", () => {
    const validation = validatePlan(withAttrition(PLAN_LIMITS.fields.attritionRate.max));
    if (!validation.ok) throw new Error(validation.issues.map((issue) => issue.message).join("; "));
    // JSON writes NaN and infinities as null: a computable plan has none.
    expect(JSON.stringify(calculatePlan(validation.plan))).not.toMatch(/NaN|Infinity|null/);
  });

  it("tells the sheet's users the same maximum in the data validation prompt", () => {
    expect(layoutText("en-US").validation.attrition).toBe("Enter a percentage from 0 % to 99.9999999999999 %.");
    expect(layoutText("fr-FR").validation.attrition).toBe(
      "Saisissez un pourcentage compris entre 0 % et 99,9999999999999 %.",
    );
  });
});
