/**
 * A scenario's drivers applied to a plan: a pure copy of the plan with the overrides in place, no validation. Kept
 * apart from scenarios.ts so the schema's cross-field rules can check every scenario's plan (schema.ts imports this
 * module; this module imports only types).
 */
import type { Plan, ScenarioOverrides } from "./schema";

/**
 * The plan as the scenario sees it. Order of the conversion drivers: per-stage rates first, then the factor on every
 * stage (a factor of 1.1 on a stage set to 0.5 gives 0.55). A product above 1 is left as is: validation reports it
 * with the scenario's name.
 */
export function applyOverrides<P extends Plan>(plan: P, overrides: ScenarioOverrides): P {
  const stageRates = new Map(Object.entries(overrides.conversionRates ?? {}));
  const factor = overrides.conversionFactor ?? 1;
  const objectives = {
    ...plan.objectives,
    annualRevenueTarget: overrides.annualRevenueTarget ?? plan.objectives.annualRevenueTarget,
    annualGrowthRate: overrides.annualGrowthRate ?? plan.objectives.annualGrowthRate,
    averageDealValue: overrides.averageDealValue ?? plan.objectives.averageDealValue,
    winRateTarget: overrides.winRateTarget ?? plan.objectives.winRateTarget,
    seasonality: overrides.seasonality ?? plan.objectives.seasonality,
    funnel: plan.objectives.funnel.map((stage) => {
      const base = stageRates.get(stage.id) ?? stage.conversionRate;
      return factor === 1 && base === stage.conversionRate ? stage : { ...stage, conversionRate: base * factor };
    }),
  };
  const capacityFactor = overrides.capacityFactor ?? 1;
  const roles = plan.organization.roles.map((role) => ({
    ...role,
    ...(role.capacityPerPersonPerDay !== undefined && capacityFactor !== 1
      ? { capacityPerPersonPerDay: role.capacityPerPersonPerDay * capacityFactor }
      : {}),
    utilization:
      role.activityId !== undefined && overrides.utilization !== undefined ? overrides.utilization : role.utilization,
    quotaAttainment:
      role.quotaPerMonth !== undefined && overrides.quotaAttainment !== undefined
        ? overrides.quotaAttainment
        : role.quotaAttainment,
    ramp: overrides.rampMonths ?? role.ramp,
    attritionRateAnnual: overrides.attritionRateAnnual ?? role.attritionRateAnnual,
    hiringLeadTimeMonths: overrides.hiringLeadTimeMonths ?? role.hiringLeadTimeMonths,
  }));
  return { ...plan, objectives, organization: { ...plan.organization, roles } };
}
