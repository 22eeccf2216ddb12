/**
 * Where a new plan starts: a blank plan in the user's language, or one of the shipped examples. The examples are
 * loaded on demand (a separate script chunk), so the pane's first script does not carry their text.
 */
import { defaultSalesStages } from "../../plan/examples/default-stages";
import type { PlanLocale } from "../../plan/schema";
import { SCHEMA_VERSION } from "../../plan/schema-version";
import type { PlanDraft } from "./path";

export type StarterName = "blank" | "fr-reference" | "en-saas";

function nextMonth(today: Date): string {
  const index = today.getFullYear() * 12 + today.getMonth() + 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * A plan with nothing decided yet: the plan's language and its usual currency, a 12-month horizon starting next
 * month, a calendar fiscal year, 21 working days, even seasonality and the nine traditional sales stages. The revenue
 * target, the deal value, the win rate and the funnel are left for the user (validation asks for them).
 */
export function blankPlan(locale: PlanLocale, today: Date): PlanDraft {
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: {
      planName: "",
      company: "",
      currency: locale === "fr-FR" ? "EUR" : "USD",
      locale,
      startMonth: nextMonth(today),
      horizonMonths: 12,
      fiscalYearStartMonth: 1,
      workingDaysPerMonth: 21,
    },
    mission: {
      missionStatement: "",
      positioningStatement: "",
      valueProposition: "",
      differentiators: [],
      insights: [],
      positioningQuestions: [],
    },
    // The objectives' numbers stay absent until typed: an empty field, not a made-up figure.
    objectives: {
      annualGrowthRate: 0,
      seasonality: { granularity: "quarter", weights: [1, 1, 1, 1] },
      funnel: [],
      activityTargets: [],
      slas: [],
      funnelRounding: "up",
    } as unknown as PlanDraft["objectives"],
    organization: { roles: [] },
    audience: {
      accountCriteria: { industries: [], employeeRange: { min: 0 }, fundingStages: [], otherCriteria: [] },
      segments: [],
      personas: [],
    },
    methodology: { stages: defaultSalesStages(locale) },
    execution: { initiatives: [] },
    measurement: { kpis: [], repKpis: [], dashboards: [] },
  };
}

/** The starting plan for a choice; examples arrive as a deep copy, safe to edit. */
export async function loadStarter(name: StarterName, locale: PlanLocale, today: Date): Promise<PlanDraft> {
  if (name === "blank") return blankPlan(locale, today);
  const { examplePlan } = await import(/* webpackChunkName: "examples" */ "../../plan/examples");
  return examplePlan(name);
}
