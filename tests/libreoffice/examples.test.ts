import { calculatePlan, examplePlan, parsePlan, type Plan } from "../../src/plan";
import { NO_ACTUALS } from "../../src/plan/actuals";
import { layoutWorkbook } from "../../src/workbook/layout";
import { withActualsSheetSpecs } from "../helpers/actuals-sheets";
import { extremeValidPlanInput } from "../helpers/plan-contract";
import { generatePlan } from "../helpers/plan-generator";
import { verifyInLibreOffice } from "../helpers/verify-in-libreoffice";

const GENERATED_ON = "2027-01-15";

function expectedNames(plan: Plan): Record<string, number> {
  const figures = calculatePlan(plan);
  return {
    RevenueTarget: figures.revenueTarget,
    AverageDealValue: plan.objectives.averageDealValue,
    DealsNeeded: figures.deals,
    TopOfFunnelVolume: figures.topOfFunnelVolume,
    TotalHeadcount: figures.totalHeadcount,
    TotalAnnualCost: figures.totalAnnualCost,
  };
}

describe.each([
  ["fr-reference", () => parsePlan(examplePlan("fr-reference"))],
  ["en-saas", () => parsePlan(examplePlan("en-saas"))],
  ["large-plan", () => generatePlan(1700)],
  // The edges of what validation accepts (a billion leads a year, weights from 1E-6 to 1E6, 5 working days…).
  ["extreme-valid-plan", () => parsePlan(extremeValidPlanInput())],
])("the %s workbook in LibreOffice Calc", (name, makePlan) => {
  const plan = makePlan();
  // The tracking sheet reads the actuals sheets: empty ones where the layout does not write them yet.
  const spec = withActualsSheetSpecs(layoutWorkbook(plan, { generatedOn: GENERATED_ON }), plan, NO_ACTUALS);
  let verdict: Awaited<ReturnType<typeof verifyInLibreOffice>>;

  beforeAll(async () => {
    verdict = await verifyInLibreOffice(spec, name);
  });

  it("recalculates every formula without an error", () => {
    expect(verdict.errors.slice(0, 10)).toEqual([]);
    expect(verdict.formulaCount).toBeGreaterThan(100);
  });

  it("recalculates every formula to the plan core's prediction", () => {
    expect(verdict.mismatches.slice(0, 10)).toEqual([]);
  });

  it("holds the plan core's figures in the key defined names", () => {
    expect(verdict.names).toMatchObject(expectedNames(plan));
  });

  it("keeps every chart of the workbook and prints the sheets", () => {
    const charts = spec.sheets.reduce((count, sheet) => count + sheet.charts.length, 0);
    expect(verdict.chartParts).toHaveLength(charts);
    expect(verdict.pages.length).toBeGreaterThanOrEqual(spec.sheets.length);
  });
});
