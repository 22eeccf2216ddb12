/**
 * The generated workbook evaluated by a real formula engine (HyperFormula): every formula must give the plan core's
 * prediction, no formula may end in an error, and the key defined names must hold the plan core's figures.
 */
import type { HyperFormula } from "hyperformula";
import { calculatePlan, examplePlan, parsePlan, type Plan } from "../../src/plan";
import { parseCellAddress } from "../../src/workbook/address";
import { layoutWorkbook } from "../../src/workbook/layout";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { NO_ACTUALS } from "../../src/plan/actuals";
import { loadWithActuals } from "../helpers/actuals-sheets";
import { engineValue, formulaCells, matchesPrediction } from "../helpers/formula-engine";
import { generatePlan } from "../helpers/plan-generator";
import { LARGE_PLAN_ROWS } from "../helpers/test-scale";
import { boundCell, tableCell } from "../helpers/spec-lookup";

interface Evaluated {
  readonly plan: Plan;
  readonly spec: WorkbookSpec;
  readonly engine: HyperFormula;
}

function evaluate(plan: Plan): Evaluated {
  const spec = layoutWorkbook(plan, { generatedOn: "2026-12-15" });
  // The tracking sheet reads the actuals sheets: empty ones when the spec does not carry them.
  return { plan, spec, engine: loadWithActuals(spec, plan, NO_ACTUALS) };
}

const cases: [string, () => Plan][] = [
  ["the French example", () => parsePlan(examplePlan("fr-reference"))],
  ["the English example", () => parsePlan(examplePlan("en-saas"))],
  [`a large generated plan of ${LARGE_PLAN_ROWS} rows over 60 months`, () => generatePlan(LARGE_PLAN_ROWS)],
  [
    "a generated French plan with monthly seasonality and exact volumes over 13 months",
    () =>
      generatePlan(600, { granularity: "month", funnelRounding: "none", horizonMonths: 13, seed: 7, locale: "fr-FR" }),
  ],
];

describe.each(cases)("%s in a formula engine", (_name, makePlan) => {
  let evaluated: Evaluated;
  beforeAll(() => {
    evaluated = evaluate(makePlan());
  });
  afterAll(() => evaluated.engine.destroy());

  it("evaluates every formula to the plan core's prediction, without any error", () => {
    const { spec, engine } = evaluated;
    const cells = formulaCells(spec);
    expect(cells.length).toBeGreaterThan(100);
    const wrong = cells.flatMap(({ sheet, address, cell }) => {
      const actual = engineValue(engine, sheet, address);
      return matchesPrediction(actual, cell.result!)
        ? []
        : [`${sheet}!${address} ${cell.formula} gives ${JSON.stringify(actual)}, predicted ${String(cell.result)}`];
    });
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it("gives every defined name the value the spec predicts and the plan core computes", () => {
    const { plan, spec, engine } = evaluated;
    const figures = calculatePlan(plan);
    for (const name of spec.names) {
      expect([name.name, engine.getNamedExpressionValue(name.name)]).toEqual([name.name, name.result]);
    }
    const value = (name: string) => engine.getNamedExpressionValue(name);
    expect(value("RevenueTarget")).toBe(figures.revenueTarget);
    expect(value("AverageDealValue")).toBe(plan.objectives.averageDealValue);
    expect(value("WinRateTarget")).toBe(plan.objectives.winRateTarget);
    expect(value("DealsNeeded")).toBe(figures.deals);
    expect(value("TopOfFunnelVolume")).toBe(figures.topOfFunnelVolume);
    expect(value("TotalHeadcount")).toBe(figures.totalHeadcount);
    expect(matchesPrediction(value("TotalAnnualCost"), figures.totalAnnualCost)).toBe(true);
  });
});

describe("the French example's figures in the engine", () => {
  const { plan, spec, engine } = evaluate(parsePlan(examplePlan("fr-reference")));
  const figures = calculatePlan(plan);
  const at = (where: { sheet: { name: string }; address: string }) =>
    engineValue(engine, where.sheet.name, where.address);
  afterAll(() => engine.destroy());

  it("needs 10 business developers for 200 prospecting emails a day at 20 each", () => {
    expect(at(tableCell(spec, "PlanRoles", "Effectif requis", "bizdev"))).toBe(10);
    expect(at(tableCell(spec, "PlanRoles", "Charge par jour", "bizdev"))).toBe(200);
  });

  it("needs 100 deals and the reverse funnel's volumes", () => {
    expect(engine.getNamedExpressionValue("DealsNeeded")).toBe(100);
    const volumes = plan.objectives.funnel.map((stage) => at(tableCell(spec, "PlanFunnel", "Par an", stage.id)));
    expect(volumes).toEqual([20_000, 1_000, 400, 200]);
  });

  it("splits the year into whole deals by quarter and the revenue target by seasonality", () => {
    const quarters = ["T1", "T2", "T3", "T4"];
    expect(quarters.map((q) => at(tableCell(spec, "PlanSeasonality", "Affaires", q)))).toEqual([25, 28, 17, 30]);
    expect(quarters.map((q) => at(tableCell(spec, "PlanSeasonality", "Objectif de CA", q)))).toEqual([
      300_000, 330_000, 210_000, 360_000,
    ]);
  });

  it("costs the team at headcount × on-target earnings", () => {
    expect(engine.getNamedExpressionValue("TotalAnnualCost")).toBe(figures.totalAnnualCost);
    expect(at(tableCell(spec, "PlanRoles", "Coût annuel", "bizdev"))).toBe(500_000);
  });

  it("recalculates live when an input changes: 300 emails a day need 15 business developers", () => {
    const emails = tableCell(spec, "PlanActivityTargets", "Quantité", "emails-prospection");
    const { row, column } = parseCellAddress(emails.address);
    const address = { sheet: engine.getSheetId(emails.sheet.name)!, row, col: column };
    engine.setCellContents(address, 300);
    expect(at(tableCell(spec, "PlanRoles", "Effectif requis", "bizdev"))).toBe(15);
    expect(engine.getNamedExpressionValue("TotalHeadcount")).toBe(figures.totalHeadcount + 5);
    engine.setCellContents(address, 200);
  });

  it("reads the annual revenue target through its defined name", () => {
    const revenue = boundCell(spec, "objectives.annualRevenueTarget");
    expect(at(revenue)).toBe(engine.getNamedExpressionValue("RevenueTarget"));
  });
});

describe("the English example's quarterly targets and capacity in the engine", () => {
  const { spec, engine } = evaluate(parsePlan(examplePlan("en-saas")));
  const figures = calculatePlan(parsePlan(examplePlan("en-saas")));
  afterAll(() => engine.destroy());

  it("holds the plan core's revenue target and quota capacity for every fiscal quarter", () => {
    const organization = spec.sheets.find((sheet) => sheet.key === "organization")!;
    const sheetId = engine.getSheetId(organization.name)!;
    const values = engine.getSheetValues(sheetId);
    const rowLabelled = (first: string, second: string) =>
      values.find((row) => row[0] === first && row[1] === second)!.slice(2, 2 + figures.quarters.length);
    expect(
      rowLabelled("All quota roles", "Revenue target").every((value, q) =>
        matchesPrediction(value, figures.revenueTargetByQuarter[q]!),
      ),
    ).toBe(true);
    expect(
      rowLabelled("All quota roles", "Capacity").every((value, q) =>
        matchesPrediction(value, figures.capacityByQuarter![q]!),
      ),
    ).toBe(true);
    expect(
      rowLabelled("All quota roles", "Revenue target").reduce((a, b) => (a as number) + (b as number), 0),
    ).toBeCloseTo(13_800_000, 4);
  });

  it("labels each initiative's start quarter by the February fiscal year", () => {
    expect(
      engineValue(engine, "6 Execution", tableCell(spec, "PlanInitiatives", "Start quarter", "hire-aes-h1").address),
    ).toBe("FY2028 Q1");
    expect(engineValue(engine, "6 Execution", tableCell(spec, "PlanInitiatives", "Start quarter", "sko").address)).toBe(
      "FY2029 Q1",
    );
  });
});

describe("capacity and the hiring grid in the engine: one headcount", () => {
  /** The English example with 50 % yearly attrition on every role, and the given ramp on every quota role. */
  function highAttrition(ramp: number | number[] | undefined): Plan {
    const input = examplePlan("en-saas");
    for (const role of input.organization!.roles!) {
      role.attritionRateAnnual = 0.5;
      if (ramp !== undefined && role.quotaPerMonth !== undefined) role.ramp = ramp;
    }
    return parsePlan(input);
  }

  /** Per quota role: the sheet's productive reps and expected headcount by month, as the engine computes them. */
  function sheetRows(plan: Plan): { title: string; productive: number[]; headcount: number[] }[] {
    const { spec, engine } = evaluate(plan);
    try {
      const organization = spec.sheets.find((sheet) => sheet.key === "organization")!;
      const values = engine.getSheetValues(engine.getSheetId(organization.name)!);
      const months = calculatePlan(plan).months.length;
      const row = (title: string, label: string) =>
        values.find((cells) => cells[0] === title && cells[1] === label)!.slice(2, 2 + months) as number[];
      return plan.organization.roles
        .filter((role) => role.quotaPerMonth !== undefined)
        .map((role) => ({
          title: role.title,
          productive: row(role.title, "Productive reps"),
          headcount: row(role.title, "Headcount at month end"),
        }));
    } finally {
      engine.destroy();
    }
  }

  it("with 50 % attrition, never shows more productive reps than expected headcount, as the plan core computes them", () => {
    const plan = highAttrition(undefined);
    const figures = calculatePlan(plan);
    const rows = sheetRows(plan);
    expect(rows.length).toBeGreaterThan(0);
    for (const { title, productive, headcount } of rows) {
      const role = figures.roles.find((r) => r.title === title)!;
      productive.forEach((reps, m) => {
        expect(matchesPrediction(reps, role.productiveRepsByMonth![m]!)).toBe(true);
        expect(matchesPrediction(headcount[m], role.headcountByMonth[m]!)).toBe(true);
        expect(reps).toBeLessThanOrEqual(headcount[m]!);
      });
    }
  });

  it("with 50 % attrition and no ramp, shows productive reps equal to expected headcount every month", () => {
    for (const { productive, headcount } of sheetRows(highAttrition(0))) {
      productive.forEach((reps, m) => expect(matchesPrediction(reps, headcount[m]!)).toBe(true));
    }
  });
});

describe("hostile text in a formula engine", () => {
  const plan = parsePlan(examplePlan("en-saas"));
  plan.audience.personas[0]!.name = '=HYPERLINK("http://x","y")';
  plan.audience.segments[0]!.name = "+SUM(1,2)";
  plan.mission.insights[0]!.text = "@NOW()";
  const { spec, engine } = evaluate(plan);
  afterAll(() => engine.destroy());

  it("stays text: the engine holds the exact characters, not a formula or its result", () => {
    const persona = tableCell(spec, "PlanPersonas", "Persona", '=HYPERLINK("http://x","y")');
    const sheetId = engine.getSheetId(persona.sheet.name)!;
    const { row, column } = parseCellAddress(persona.address);
    expect(engine.doesCellHaveFormula({ sheet: sheetId, row, col: column })).toBe(false);
    expect(engineValue(engine, persona.sheet.name, persona.address)).toBe('=HYPERLINK("http://x","y")');
    const segment = tableCell(spec, "PlanSegments", "Segment", "+SUM(1,2)");
    expect(engineValue(engine, segment.sheet.name, segment.address)).toBe("+SUM(1,2)");
    const insight = tableCell(spec, "PlanInsights", "Insight", "@NOW()", "Insight");
    expect(engineValue(engine, insight.sheet.name, insight.address)).toBe("@NOW()");
  });
});
