/**
 * Scenarios and the plan of record. A scenario is the base plan with some drivers overridden (schema.ts
 * `scenarioOverridesSchema`); every scenario figure is `calculatePlan(applyScenario(plan, id))`, computed by the same
 * core as the base. The plan of record is the plan leadership approved, kept in the plan file and the workbook
 * beside the working plan; `planVariance` lists every key figure and every input that differs between the two.
 */
import { calculatePlan, type PlanFigures } from "./calculate";
import { toExcelPrecision } from "./excel-precision";
import { dealsNeeded, reverseFunnel } from "./funnel";
import { applyOverrides } from "./scenario-overrides";
import type { Plan, ScenarioOverrides } from "./schema";
import { PlanValidationError, validatePlan } from "./validate";

/** The id the base plan answers to wherever a scenario id is expected (the pane's switcher, the Scenarios sheet). */
export const BASE_SCENARIO_ID = "base";

/** Thrown when a scenario id names no scenario of the plan. */
export class UnknownScenarioError extends Error {
  constructor(readonly scenarioId: string) {
    super(`The plan has no scenario "${scenarioId}".`);
    this.name = "UnknownScenarioError";
  }
}

/**
 * The plan as scenario `scenarioId` sees it (the plan itself for `base`). Not validated again: the schema checks
 * each scenario's plan when it validates the plan (its drivers' ranges, rates and capacities within bounds, every
 * figure computable), so the plan a valid plan's scenario makes is valid (tests/plan/scenarios.test.ts checks it
 * with validatePlan), and laying out ten scenarios of a 5,000-row plan does not parse it ten more times.
 */
export function applyScenario(plan: Plan, scenarioId: string): Plan {
  if (scenarioId === BASE_SCENARIO_ID) return plan;
  const scenario = plan.scenarios.find((candidate) => candidate.id === scenarioId);
  if (scenario === undefined) throw new UnknownScenarioError(scenarioId);
  const { planOfRecord: _record, ...applied } = applyOverrides(plan, scenario.overrides);
  return { ...applied, scenarios: [] };
}

/** Each scenario's figures, the base first, in the plan's order. */
export function scenarioFigures(
  plan: Plan,
): { readonly id: string; readonly name: string; readonly figures: PlanFigures }[] {
  return [
    { id: BASE_SCENARIO_ID, name: BASE_NAMES[plan.meta.locale], figures: calculatePlan(plan) },
    ...plan.scenarios.map((scenario) => ({
      id: scenario.id,
      name: scenario.name,
      figures: calculatePlan(applyScenario(plan, scenario.id)),
    })),
  ];
}

const BASE_NAMES: Readonly<Record<Plan["meta"]["locale"], string>> = { "en-US": "Base", "fr-FR": "Base" };

/**
 * The upside and downside the pane offers, editable once added: conversion rates and the average deal value each
 * 10 % better or worse than the base (the deal value rounded to the cent). Conversion rates already above 1 ÷ 1.1
 * would pass 100 % in the upside: the factor is then the largest with six decimals that keeps every stage at or
 * below 100 %.
 */
export function presetScenarios(plan: Plan): { id: string; name: string; overrides: ScenarioOverrides }[] {
  const names = PRESET_NAMES[plan.meta.locale];
  const highestRate = Math.max(...plan.objectives.funnel.map((stage) => stage.conversionRate));
  // At most 1.1, and never a product above 1 once multiplied in floating point (1 ÷ 0.7 × 0.7 can be 1.0000000000000002):
  // the factor is rounded down to six decimals, then stepped down while the highest stage would still pass 100 %.
  let upsideFactor = Math.min(1.1, Math.floor((1 / highestRate) * 1e6) / 1e6);
  while (highestRate * upsideFactor > 1) upsideFactor -= 1e-6;
  const dealValue = (factor: number) => Math.round(plan.objectives.averageDealValue * factor * 100) / 100;
  return [
    {
      id: "upside",
      name: names.upside,
      overrides: { conversionFactor: upsideFactor, averageDealValue: dealValue(1.1) },
    },
    {
      id: "downside",
      name: names.downside,
      overrides: { conversionFactor: 0.9, averageDealValue: dealValue(0.9) },
    },
  ];
}

const PRESET_NAMES: Readonly<Record<Plan["meta"]["locale"], { upside: string; downside: string }>> = {
  "en-US": { upside: "Upside", downside: "Downside" },
  "fr-FR": { upside: "Hypothèse haute", downside: "Hypothèse basse" },
};

// ---------------------------------------------------------------------------------------------------------------
// The plan of record

/** The approved plan with its date and label. */
export interface PlanOfRecord {
  readonly approvedOn: string;
  readonly label: string;
  readonly plan: Plan;
}

/**
 * The plan with its current state recorded as the plan of record (approved on `approvedOn`, `YYYY-MM-DD`). The record
 * holds the plan as a plan file does, without any earlier record: approving again replaces it.
 */
export function approvePlan(plan: Plan, approvedOn: string, label: string): Plan {
  const { planOfRecord: _previous, ...approved } = plan;
  const record = JSON.parse(JSON.stringify(approved)) as Record<string, unknown>;
  const result = validatePlan({ ...plan, planOfRecord: { approvedOn, label, plan: record } }, plan.meta.locale);
  if (!result.ok) throw new PlanValidationError(result.issues);
  return result.plan;
}

/** The plan's plan of record, validated, or undefined when none was approved. */
export function planOfRecordOf(plan: Plan): PlanOfRecord | undefined {
  const record = plan.planOfRecord;
  if (record === undefined) return undefined;
  const result = validatePlan(record.plan, plan.meta.locale);
  if (!result.ok) throw new PlanValidationError(result.issues);
  return { approvedOn: record.approvedOn, label: record.label, plan: result.plan };
}

/** One key figure of the plan, as approved and as it is now. */
export interface FigureVariance {
  /** Stable key: `deals`, `topOfFunnel`, `headcount:<roleId>`, `cost:<roleId>`, `hires:<quarter index>`… */
  readonly key: string;
  readonly approved: number;
  readonly working: number;
  /** working − approved, at Excel's 15 significant digits. */
  readonly difference: number;
}

/** One input of the plan that changed since approval, by its path (`objectives.funnel[2].conversionRate`). */
export interface InputChange {
  readonly path: string;
  /** The value as approved, or undefined where the working plan added it. */
  readonly approved: unknown;
  /** The value now, or undefined where it was removed. */
  readonly working: unknown;
}

export interface PlanVariance {
  readonly figures: readonly FigureVariance[];
  readonly inputs: readonly InputChange[];
}

function keyFigures(figures: PlanFigures): Map<string, number> {
  const entries = new Map<string, number>([
    ["revenueTarget", figures.revenueTarget],
    ["deals", figures.deals],
    ["topOfFunnel", figures.topOfFunnelVolume],
    ["totalHeadcount", figures.totalHeadcount],
    ["totalAnnualCost", figures.totalAnnualCost],
  ]);
  for (const role of figures.roles) {
    entries.set(`headcount:${role.roleId}`, role.requiredHeadcount);
    entries.set(`cost:${role.roleId}`, role.annualCost);
    role.hiresByQuarter.forEach((hires, quarter) => entries.set(`hires:${role.roleId}:${quarter + 1}`, hires));
  }
  figures.capacityByQuarter?.forEach((capacity, quarter) => {
    entries.set(`capacity:${quarter + 1}`, capacity);
    entries.set(`capacityGap:${quarter + 1}`, toExcelPrecision(capacity - figures.revenueTargetByQuarter[quarter]!));
  });
  return entries;
}

/**
 * Every key figure and every input that differs between the working plan and its plan of record. A figure present
 * on one side only (a role added since approval) compares with 0. Scenarios and the record itself are not inputs of
 * the plan's figures and are left out of the input changes.
 */
export function planVariance(working: Plan, approved: Plan): PlanVariance {
  const before = keyFigures(calculatePlan(approved));
  const after = keyFigures(calculatePlan(working));
  const figures: FigureVariance[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key) ?? 0;
    const is = after.get(key) ?? 0;
    if (was !== is) figures.push({ key, approved: was, working: is, difference: toExcelPrecision(is - was) });
  }
  const { scenarios: _a, planOfRecord: _b, ...workingInputs } = working;
  const { scenarios: _c, planOfRecord: _d, ...approvedInputs } = approved;
  const inputs: InputChange[] = [];
  diff(approvedInputs, workingInputs, "", inputs);
  return { figures, inputs };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Lists leaves that differ; items of lists with ids are matched by id (a reordered list is not a change). */
function diff(before: unknown, after: unknown, path: string, out: InputChange[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    const byId = (items: unknown[]) =>
      items.every((item) => isRecord(item) && typeof item.id === "string")
        ? new Map(items.map((item) => [(item as { id: string }).id, item]))
        : undefined;
    const beforeIds = byId(before);
    const afterIds = byId(after);
    if (beforeIds && afterIds) {
      for (const [id, item] of beforeIds) diff(item, afterIds.get(id), `${path}[id=${id}]`, out);
      for (const [id, item] of afterIds) if (!beforeIds.has(id)) diff(undefined, item, `${path}[id=${id}]`, out);
      return;
    }
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index++) diff(before[index], after[index], `${path}[${index}]`, out);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      diff(before[key], after[key], path === "" ? key : `${path}.${key}`, out);
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, approved: before, working: after });
}

// ---------------------------------------------------------------------------------------------------------------
// Sensitivity

/** The steps of the sensitivity table, as factors on the base's drivers: −20 %, −10 %, 0, +10 %, +20 %. */
export const SENSITIVITY_FACTORS = [0.8, 0.9, 1, 1.1, 1.2] as const;

/**
 * The top of the funnel a year (plan year 1) for the base plan with every conversion rate × `rateFactors[row]`
 * (capped at 100 %: a stage cannot convert more than all it holds) and the average deal value ×
 * `dealValueFactors[column]`, rounded as the plan rounds its funnel. What the Scenarios sheet's sensitivity table
 * computes cell by cell.
 */
export function topOfFunnelSensitivity(
  plan: Plan,
  rateFactors: readonly number[] = SENSITIVITY_FACTORS,
  dealValueFactors: readonly number[] = SENSITIVITY_FACTORS,
): number[][] {
  const { annualRevenueTarget, averageDealValue, funnel, funnelRounding } = plan.objectives;
  return rateFactors.map((rateFactor) =>
    dealValueFactors.map((dealValueFactor) => {
      const deals = dealsNeeded(annualRevenueTarget, averageDealValue * dealValueFactor, funnelRounding);
      const rates = funnel.map((stage) => Math.min(1, stage.conversionRate * rateFactor));
      return reverseFunnel(deals, rates, funnelRounding)[0]!;
    }),
  );
}
