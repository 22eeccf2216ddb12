/**
 * The contract validation keeps (docs/plan-model.md, "Limits"): a plan `validatePlan` accepts computes, lays out and recalculates
 * with finite numbers and no error cell; a plan it refuses gets issues that each name a field. These helpers check
 * one plan against it and say what broke, for the extremes table and the property test.
 */
import { DetailedCellError } from "hyperformula";
import { calculatePlan, examplePlan, validatePlan, type PlanInput } from "../../src/plan";
import { PLAN_LIMITS } from "../../src/plan/bounds";
import { layoutWorkbook } from "../../src/workbook/layout";
import { nonFiniteNumbers, type WorkbookSpec } from "../../src/workbook/spec";
import { engineValue, formulaCells, loadIntoEngine } from "./formula-engine";

/** Every number inside a value, with where it is (`roles[2].capacityByMonth[7]`). */
export function numbersIn(value: unknown, at = ""): { at: string; value: number }[] {
  if (typeof value === "number") return [{ at, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${at}[${index}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, at === "" ? key : `${at}.${key}`));
  }
  return [];
}

/** Every path to a number in a plan object: `["objectives", "funnel", 0, "conversionRate"]`. */
export function numericPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "number") return [at];
  if (Array.isArray(value)) return value.flatMap((item, index) => numericPaths(item, [...at, index]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => numericPaths(item, [...at, key]));
  }
  return [];
}

export type ContractOutcome =
  | { readonly kind: "refused" }
  | { readonly kind: "computed"; readonly spec: WorkbookSpec }
  | { readonly kind: "broken"; readonly problems: readonly string[] };

/**
 * Validates `data`; refused: every issue must have a path; accepted: the figures must compute, all finite, and the
 * layout must give a spec with finite numbers only.
 */
export function checkContract(data: unknown): ContractOutcome {
  const validation = validatePlan(data);
  if (!validation.ok) {
    const pathless = validation.issues.filter((issue) => issue.path.length === 0);
    return pathless.length === 0
      ? { kind: "refused" }
      : { kind: "broken", problems: pathless.map((issue) => `refused without a path: ${issue.message}`) };
  }
  try {
    const figures = calculatePlan(validation.plan);
    const infinite = numbersIn(figures).filter((number) => !Number.isFinite(number.value));
    if (infinite.length > 0) {
      return { kind: "broken", problems: infinite.slice(0, 5).map((n) => `figure ${n.at} is ${String(n.value)}`) };
    }
    const spec = layoutWorkbook(validation.plan, { generatedOn: "2027-01-01" });
    const places = nonFiniteNumbers(spec);
    return places.length === 0 ? { kind: "computed", spec } : { kind: "broken", problems: places.slice(0, 5) };
  } catch (error) {
    return { kind: "broken", problems: [`accepted but failed: ${String(error)}`] };
  }
}

/** Recalculates a spec in HyperFormula: the formula cells that end in an error or a non-finite number. */
export function recalculationProblems(spec: WorkbookSpec): string[] {
  const engine = loadIntoEngine(spec);
  try {
    return formulaCells(spec).flatMap(({ sheet, address }) => {
      const value = engineValue(engine, sheet, address);
      if (value instanceof DetailedCellError) return [`${sheet}!${address} is ${value.value}`];
      if (typeof value === "number" && !Number.isFinite(value)) return [`${sheet}!${address} is ${String(value)}`];
      return [];
    });
  } finally {
    engine.destroy();
  }
}

/**
 * A plan at the edges of what validation accepts: the English example with a conversion rate of 1E-9 (a billion
 * leads a year), seasonality weights from 1E-6 to 1E6, five working days a month, the last accepted start month with
 * an April fiscal year over 60 months, a tiny ramp and an attrition close to 1. Both the HyperFormula and the
 * LibreOffice suites recalculate it.
 */
export function extremeValidPlanInput(): PlanInput {
  const plan = structuredClone(examplePlan("en-saas"));
  plan.meta.startMonth = PLAN_LIMITS.startMonth.max;
  plan.meta.fiscalYearStartMonth = 4;
  plan.meta.horizonMonths = 60;
  plan.meta.workingDaysPerMonth = PLAN_LIMITS.workingDaysPerMonth.min;
  plan.objectives.averageDealValue = plan.objectives.annualRevenueTarget;
  plan.objectives.funnel = plan.objectives.funnel.map((stage, index) => ({
    ...stage,
    conversionRate: index === 0 ? PLAN_LIMITS.smallestRate : 1,
  }));
  plan.objectives.seasonality = { granularity: "quarter", weights: [PLAN_LIMITS.largestWeight, 1e-6, 0, 1e6] };
  // The example's scenarios scale conversion rates by 0.9 and 1.1, which rates at 1E-9 and 1 cannot take: the edge
  // plan carries one scenario whose drivers stay valid at these edges (scenario rules have their own tests).
  plan.scenarios = [
    { id: "edges", name: "Edges", overrides: { conversionFactor: 1, capacityFactor: 10, quotaAttainment: 1 } },
  ];
  const roles = plan.organization?.roles ?? [];
  for (const role of roles) {
    role.ramp = PLAN_LIMITS.smallestQuantity;
    role.attritionRateAnnual = 0.999999;
  }
  return plan;
}
