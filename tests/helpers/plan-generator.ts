/**
 * Large, valid, deterministic plans for tests and benchmarks: `generatePlan(size)` spreads about `size` list rows over
 * every list of the plan (roles, initiatives, KPIs, activity targets, personas…) within the schema's limits, over a
 * 60-month horizon by default, with every optional field used somewhere (quota roles, ramp vectors, planned
 * headcounts, fixed and linked KPI targets, milestones, monthly seasonality…).
 */
import { SCHEMA_VERSION, type PlanInput, type PlanLocale, type Plan, INSIGHT_SOURCES } from "../../src/plan/schema";
import {
  ACTIVITY_PERIODS,
  INITIATIVE_CATEGORIES,
  INITIATIVE_STATUSES,
  KPI_FREQUENCIES,
  KPI_UNITS,
  METHODOLOGIES,
  SEGMENT_PRIORITIES,
  TARGET_PERIODS,
  type KpiTarget,
} from "../../src/plan/schema";
import { parsePlan } from "../../src/plan/validate";
import { CRM_ACTIVITY_TYPES } from "../../src/plan/actuals";
import { seededRandom } from "./seeded-random";

export interface GeneratorOptions {
  /** Months in the plan, 12 to 60 (default 60). */
  readonly horizonMonths?: number;
  readonly locale?: PlanLocale;
  /** Seasonality by fiscal quarter (default) or fiscal month. */
  readonly granularity?: "quarter" | "month";
  readonly funnelRounding?: "up" | "none";
  /** Seed of the pseudo-random values (default 1): the same seed always gives the same plan. */
  readonly seed?: number;
}

/** The largest list sizes the plan schema accepts. */
const MAX = {
  insights: 1000,
  questions: 300,
  funnel: 20,
  activities: 1000,
  slas: 300,
  roles: 100,
  segments: 200,
  personas: 200,
  stages: 30,
  initiatives: 2000,
  kpis: 1000,
  repKpis: 500,
  dashboards: 100,
} as const;

/** Share of `size` each list gets before the schema's limit. */
const SHARE: Readonly<Record<keyof typeof MAX, number>> = {
  insights: 0.08,
  questions: 0.04,
  funnel: 0.01,
  activities: 0.1,
  slas: 0.04,
  roles: 0.07,
  segments: 0.03,
  personas: 0.03,
  stages: 0.02,
  initiatives: 0.36,
  kpis: 0.15,
  repKpis: 0.07,
  dashboards: 0.02,
};

/** How many rows each list gets for a size. */
export function listSizes(size: number): Record<keyof typeof MAX, number> {
  return Object.fromEntries(
    (Object.keys(MAX) as (keyof typeof MAX)[]).map((list) => [
      list,
      Math.min(MAX[list], Math.max(1, Math.round(size * SHARE[list]))),
    ]),
  ) as Record<keyof typeof MAX, number>;
}

export function generatePlanInput(size: number, options: GeneratorOptions = {}): PlanInput {
  const next = seededRandom(options.seed ?? 1);
  /**
   * A role with neither activity nor quota gets a planned headcount, except one in twelve (role 6, 18…), an overlay
   * of the quota role four places above it: one per 4 of its people.
   */
  const plannedOrOverlay = (index: number, plannedHeadcount: number) =>
    index % 12 === 5 ? { overlay: { supportsRoleId: `role-${index - 3}`, peoplePerOverlay: 4 } } : { plannedHeadcount };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const between = (min: number, max: number, decimals = 0): number => {
    const scale = 10 ** decimals;
    return Math.round((min + next() * (max - min)) * scale) / scale;
  };
  const counts = listSizes(size);
  const horizonMonths = options.horizonMonths ?? 60;
  const startYear = 2027;
  const lastDay = new Date(Date.UTC(startYear, 3 + horizonMonths, 0));
  const spanDays = Math.round((lastDay.getTime() - Date.UTC(startYear, 3, 1)) / 86_400_000);
  const dateAfter = (base: number, days: number) =>
    new Date(Date.UTC(startYear, 3, 1) + (base + days) * 86_400_000).toISOString().slice(0, 10);
  const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
  const words = ["pipeline", "forecast", "quota", "enablement", "territory", "renewal", "expansion", "outbound"];
  const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(" ");

  const funnelIds = ids("stage", counts.funnel);
  const activityIds = ids("activity", counts.activities);
  const slaIds = ids("sla", counts.slas);
  const roleIds = ids("role", counts.roles);
  const salesStageIds = ids("sales-stage", counts.stages);
  const target = (index: number): KpiTarget => {
    const period = pick(TARGET_PERIODS);
    switch (index % 8) {
      case 0:
        return { kind: "fixed", value: between(-100, 10_000, 2) };
      case 1:
        return { kind: "revenueTarget", period };
      case 2:
        return { kind: "deals", period };
      case 3:
        return { kind: "averageDealValue" };
      case 4:
        return { kind: "winRate" };
      case 5:
        return { kind: "funnelStage", stageId: pick(funnelIds), period };
      case 6:
        return { kind: "activity", activityId: pick(activityIds), period };
      default:
        return { kind: "sla", slaId: pick(slaIds) };
    }
  };
  const granularity = options.granularity ?? "quarter";

  return {
    schemaVersion: SCHEMA_VERSION,
    meta: {
      planName: `Generated plan of ${size} rows`,
      company: "Generated Company",
      currency: "EUR",
      locale: options.locale ?? "en-US",
      startMonth: `${startYear}-04`,
      horizonMonths,
      fiscalYearStartMonth: 4,
      workingDaysPerMonth: 20.5,
    },
    mission: {
      missionStatement: sentence(30),
      positioningStatement: sentence(40),
      valueProposition: sentence(12),
      differentiators: Array.from({ length: 5 }, () => sentence(4)),
      insights: Array.from({ length: counts.insights }, (_, i) => ({
        source: INSIGHT_SOURCES[i % INSIGHT_SOURCES.length]!,
        text: `Insight ${i + 1}: ${sentence(10)}`,
      })),
      positioningQuestions: Array.from({ length: counts.questions }, (_, i) => ({
        question: `Question ${i + 1}?`,
        answer: i % 5 === 0 ? "" : sentence(15),
      })),
    },
    objectives: {
      annualRevenueTarget: between(1e6, 5e7, 0),
      annualGrowthRate: 0.15,
      averageDealValue: between(5_000, 90_000, 0),
      seasonality:
        granularity === "quarter"
          ? { granularity, weights: [between(0.5, 1.5, 2), between(0.5, 1.5, 2), 0, between(0.5, 1.5, 2)] }
          : { granularity, weights: Array.from({ length: 12 }, () => between(0, 2, 1)) },
      funnel: funnelIds.map((id, i) => ({ id, name: `Stage ${i + 1}`, conversionRate: between(0.3, 0.95, 2) })),
      activityTargets: activityIds.map((id, i) => ({
        id,
        activity: `Activity ${i + 1}`,
        unit: pick(["emails", "calls", "demos", "meetings"]),
        quantity: between(1, 400, i % 3 === 0 ? 1 : 0),
        period: ACTIVITY_PERIODS[i % ACTIVITY_PERIODS.length]!,
        expertise: sentence(8),
      })),
      slas: slaIds.map((id, i) => ({ id, activity: `Response ${i + 1}`, maxHours: between(0.5, 72, 1) })),
      winRateTarget: between(0.1, 0.6, 2),
      funnelRounding: options.funnelRounding ?? "up",
      // Fixed values (no draw), so the plans' other values stay those of the same seed before these fields existed.
      salesCycleMonths: 2,
      newBusinessShare: 0.8,
      pipelineSources: [
        { source: "marketing", share: 0.6 },
        { source: "bizdev", share: 0.4 },
      ],
    },
    organization: {
      quotaOverAssignment: 0.15,
      roles: roleIds.map((id, i) => {
        const carriesQuota = i % 3 === 1;
        const carriesActivity = i % 3 !== 2 || i % 2 === 0;
        return {
          id,
          title: `Role ${i + 1}`,
          responsibilities: sentence(20),
          keyQualities: [sentence(2), sentence(2)],
          ...(carriesActivity ? { activityId: pick(activityIds), capacityPerPersonPerDay: between(1, 60, 1) } : {}),
          utilization: between(0.5, 1, 2),
          baseSalary: between(30_000, 150_000, 0),
          variablePay: between(0, 80_000, 0),
          currentHeadcount: Math.floor(between(0, 20)),
          ...(!carriesActivity && !carriesQuota ? plannedOrOverlay(i, Math.floor(between(0, 8))) : {}),
          ramp: i % 4 === 0 ? [between(0, 0.3, 2), between(0.3, 0.6, 2), between(0.6, 0.9, 2)] : between(0, 6),
          attritionRateAnnual: between(0, 0.4, 2),
          hiringLeadTimeMonths: Math.floor(between(0, 6)),
          ...(carriesQuota
            ? {
                quotaPerMonth: between(5_000, 80_000, 0),
                quotaAttainment: between(0.6, 1, 2),
                targetShare: between(0.05, 1, 2),
              }
            : {}),
        };
      }),
    },
    audience: {
      accountCriteria: {
        industries: ["Software", "Retail", "Manufacturing"],
        employeeRange: { min: 50, max: 5_000 },
        fundingStages: ["Series A", "Series B"],
        otherCriteria: [sentence(6)],
      },
      segments: Array.from({ length: counts.segments }, (_, i) => ({
        name: `Segment ${i + 1}`,
        criteria: sentence(10),
        priority: SEGMENT_PRIORITIES[i % SEGMENT_PRIORITIES.length]!,
      })),
      personas: Array.from({ length: counts.personas }, (_, i) => ({
        name: `Persona ${i + 1}`,
        role: "Buyer",
        profile: sentence(40),
        demographics: sentence(10),
        traits: sentence(12),
        challenges: sentence(20),
        goals: sentence(12),
        ourSolution: sentence(16),
      })),
    },
    methodology: {
      stages: salesStageIds.map((id, i) => ({
        id,
        name: `Sales stage ${i + 1}`,
        description: sentence(12),
        activities: [sentence(3), sentence(3)],
        owner: "Sales",
        methodology: METHODOLOGIES[i % METHODOLOGIES.length]!,
        exitCriteria: sentence(6),
        playbookUrl: i % 2 === 0 ? `https://playbooks.example.com/${id}` : "",
      })),
    },
    execution: {
      initiatives: Array.from({ length: counts.initiatives }, (_, i) => {
        const start = Math.floor(between(-60, spanDays));
        const milestone = i % 10 === 0;
        return {
          id: `initiative-${i + 1}`,
          name: `Initiative ${i + 1}`,
          category: INITIATIVE_CATEGORIES[i % INITIATIVE_CATEGORIES.length]!,
          owner: "Owner",
          start: dateAfter(start, 0),
          end: dateAfter(start, milestone ? 0 : Math.floor(between(1, 200))),
          milestone,
          status: INITIATIVE_STATUSES[i % INITIATIVE_STATUSES.length]!,
        };
      }),
    },
    measurement: {
      kpis: Array.from({ length: counts.kpis }, (_, i) => ({
        id: `kpi-${i + 1}`,
        name: `KPI ${i + 1}`,
        tier: i % 4 === 0 ? ("primary" as const) : ("secondary" as const),
        ...(i % 3 === 0 ? {} : { stageId: pick(salesStageIds) }),
        target: target(i),
        unit: KPI_UNITS[i % KPI_UNITS.length]!,
        owner: "Owner",
        frequency: KPI_FREQUENCIES[i % KPI_FREQUENCIES.length]!,
        dataSource: "CRM",
      })),
      repKpis: Array.from({ length: counts.repKpis }, (_, i) => ({
        id: `rep-kpi-${i + 1}`,
        name: `Rep KPI ${i + 1}`,
        roleId: pick(roleIds),
        target: target(i),
        unit: KPI_UNITS[i % KPI_UNITS.length]!,
      })),
      dashboards: Array.from({ length: counts.dashboards }, (_, i) => ({
        team: `Team ${i + 1}`,
        purpose: sentence(10),
        tool: "Excel",
      })),
      // Every tracking setting, so the tracking sheet's inputs are exercised (the column mappings only live in the pane).
      tracking: {
        asOf: dateAfter(0, Math.floor(between(0, spanDays))),
        greenAt: 1.1,
        amberAt: 0.7,
        owners: roleIds.slice(0, 24).map((roleId, i) => ({ owner: `Rep ${i + 1}`, roleId })),
        activityTypes: activityIds.slice(0, 24).map((activityId, i) => ({
          activityId,
          type: CRM_ACTIVITY_TYPES[i % CRM_ACTIVITY_TYPES.length]!,
        })),
        mappings: [
          {
            kind: "deals" as const,
            headers: ["amount", "owner", "won on"],
            columns: { value: "amount", owner: "owner" },
          },
        ],
      },
    },
  };
}

/** A valid plan of about `size` list rows (see `generatePlanInput`). */
export function generatePlan(size: number, options: GeneratorOptions = {}): Plan {
  return parsePlan(generatePlanInput(size, options));
}
