/**
 * The bounds that make validation the whole contract: a plan that `validatePlan` accepts computes (`calculatePlan`),
 * lays out, and recalculates in a spreadsheet with finite numbers and no error cell. Each field has its own range
 * (schema.ts); the rules below bound what fields give together, where a product or a quotient of valid inputs would
 * overflow or lose meaning (two conversion rates of 1E-9 ask for 1E18 leads a year). A refused plan is told which
 * field to change, and the accepted limit, in the user's language.
 *
 * Why these numbers:
 * - Excel keeps 15 significant digits: a whole count above 1E15 can no longer be told from its neighbours, so no
 *   money figure may exceed 1E15 and no volume may exceed 1E12 (leaving the per-day views and sums their digits).
 * - Excel's smallest normal number is about 2.2E-308; below it a typed value becomes 0 and the sheet divides by zero.
 *   Rates are at least 1E-9 (0.0000001 %), money amounts at least 0.01, other positive quantities at least 1E-6.
 * - The layout's formulas divide by sums (seasonality) and by rates; a seasonality weight is at most 1E6 so that
 *   3 × the sum of twelve weights stays finite, and at least one weight is 1E-6 or more so the sum is never 0.
 * - A role needs at most 1,000,000 people (the most a headcount field accepts).
 * - A role's yearly cost (its required people × on-target earnings, in every plan year) and the cost of all roles
 *   together are money figures: at most 1E15 (1,000,000 people at 2E12 of pay would be 2E18).
 */
import { dealsNeeded, finishFunnelVolume } from "./funnel";
import { revenueHeadcount, workloadHeadcount } from "./headcount";
import type { MessageKey } from "./messages";
import { activityViews } from "./periods";
import { overlayHeadcount } from "./pipeline";
import type { ActivityPeriod } from "./schema";

const SMALLEST_RATE = 1e-9;
const SMALLEST_AMOUNT = 0.01;
const SMALLEST_QUANTITY = 1e-6;
const LARGEST_WEIGHT = 1e6;
const LARGEST_AMOUNT = 1e12;

export const PLAN_LIMITS = {
  /** Most won deals, or most volume at any funnel stage, in a plan year. */
  yearlyVolume: 1e12,
  /** Most people a role may need (workload or revenue), like the most a headcount field accepts. */
  headcountPerRole: 1_000_000,
  /** Most revenue target of any plan year (after growth): Excel's 15 significant digits. */
  yearlyRevenueTarget: 1e15,
  /** Smallest rate (conversion, win rate, utilization, attainment, target share): 0.0000001 %. */
  smallestRate: SMALLEST_RATE,
  /** Smallest positive money amount (revenue target, average deal value, quota). */
  smallestAmount: SMALLEST_AMOUNT,
  /** Smallest positive quantity elsewhere (capacity per person, ramp months, the largest seasonality weight). */
  smallestQuantity: SMALLEST_QUANTITY,
  /** Largest seasonality weight. */
  largestWeight: LARGEST_WEIGHT,
  /** A month holds at least the 5 working days of a week (the per-week views) and at most 31 days. */
  workingDaysPerMonth: { min: 5, max: 31 },
  /**
   * First months a plan may start in. With a 60-month horizon, the fiscal quarters around it and hiring lead times
   * of up to 24 months, every date the workbook writes stays inside Excel's range (1900-03-01 to 9999-12-31) by far.
   */
  startMonth: { min: "1950-01", max: "2200-12" },
  /** Dates a plan may hold (initiatives' start and end): Excel's date range, from serial 61 to 2,958,465. */
  dates: { min: "1900-03-01", max: "9999-12-31" },
  /** Most yearly cost of a role (people × on-target earnings), and of all roles together: Excel's 15 digits. */
  yearlyCost: 1e15,
  /**
   * The accepted range of each kind of numeric field, inclusive: the schema (schema.ts) checks them and the sheets'
   * data validations (workbook/inputs.ts) offer them, so the two can never disagree. `min` of a field that must be
   * greater than 0 is its smallest accepted value.
   */
  fields: {
    /** Conversion rates, win rate, utilization, quota attainment, target share: 0.0000001 % to 100 %. */
    rate: { min: SMALLEST_RATE, max: 1 },
    /**
     * Annual attrition, from 0 to 0.999999999999999 (99.9999999999999 %): the largest value below 1 that Excel's 15
     * significant digits keep (0.9999999999999999 typed in a cell becomes 1). Messages and the sheets' data
     * validation state this maximum, not "less than 1", since a value such as 0.9999999999999999 is refused.
     */
    attritionRate: { min: 0, max: 1 - 1e-15 },
    annualGrowthRate: { min: 0, max: 10 },
    /** Salaries and variable pay. */
    amount: { min: 0, max: LARGEST_AMOUNT },
    /** Revenue target, average deal value, quota. */
    positiveAmount: { min: SMALLEST_AMOUNT, max: LARGEST_AMOUNT },
    headcount: { min: 0, max: 1_000_000 },
    horizonMonths: { min: 12, max: 60 },
    fiscalYearStartMonth: { min: 1, max: 12 },
    hiringLeadTimeMonths: { min: 0, max: 24 },
    /** Ramp in months: 0, or from `smallestQuantity` to 60 (a data validation offers 0 to 60). */
    rampMonths: { min: 0, max: 60 },
    capacityPerPersonPerDay: { min: SMALLEST_QUANTITY, max: 1e6 },
    activityQuantity: { min: 0, max: 1e9 },
    slaMaxHours: { min: SMALLEST_QUANTITY, max: 10_000 },
    seasonalityWeight: { min: 0, max: LARGEST_WEIGHT },
    kpiFixedTarget: { min: -LARGEST_AMOUNT, max: LARGEST_AMOUNT },
    /** A scenario's factor on every conversion rate or capacity: 0.000001 to 10. */
    scenarioFactor: { min: SMALLEST_QUANTITY, max: 10 },
    /** Attainment thresholds of the tracking's red/amber/green colours: 0 to 10 (1 is 100 %). */
    ragThreshold: { min: 0, max: 10 },
    /** Whole months from a pipeline's creation to its close, 0 to 24 (a hiring lead time's range). */
    salesCycleMonths: { min: 0, max: 24 },
    /** Pipeline coverage, a ratio of pipeline to the new bookings it serves: 0.01 to 100 (a 1 % win rate). */
    pipelineCoverage: { min: 0.01, max: 100 },
    /** Shares where both ends mean something: create-and-close, new business, a pipeline source's share. */
    share: { min: 0, max: 1 },
    /** Quota over-assignment, the uplift of quota above capacity: 0 to 1 (0 % to 100 %). */
    quotaOverAssignment: { min: 0, max: 1 },
    /**
     * People one overlay person supports, 1 to 1,000,000: an overlay role then never needs more people than the role
     * it supports, so its headcount stays within `headcountPerRole`.
     */
    peoplePerOverlay: { min: 1, max: 1_000_000 },
  },
} as const;

/** An inclusive range of a numeric field. */
export interface FieldRange {
  readonly min: number;
  readonly max: number;
}

export interface BoundIssue {
  readonly path: (string | number)[];
  readonly key: MessageKey;
  readonly params?: Record<string, string | number>;
}

/** The fields the rules read, as the schema gives them (possibly with field-level problems of their own). */
export interface BoundedPlan {
  readonly meta: { readonly horizonMonths: number; readonly workingDaysPerMonth: number };
  readonly objectives: {
    readonly annualRevenueTarget: number;
    readonly annualGrowthRate: number;
    readonly averageDealValue: number;
    readonly funnelRounding: "up" | "none";
    readonly funnel: readonly { readonly name: string; readonly conversionRate: number }[];
    readonly activityTargets: readonly {
      readonly id: string;
      readonly quantity: number;
      readonly period: ActivityPeriod;
    }[];
  };
  readonly organization: {
    readonly roles: readonly {
      readonly id: string;
      readonly overlay?: { readonly supportsRoleId: string; readonly peoplePerOverlay: number } | undefined;
      readonly activityId?: string | undefined;
      readonly capacityPerPersonPerDay?: number | undefined;
      readonly utilization: number;
      readonly quotaPerMonth?: number | undefined;
      readonly quotaAttainment: number;
      readonly targetShare: number;
      readonly baseSalary: number;
      readonly variablePay: number;
      readonly currentHeadcount: number;
      readonly plannedHeadcount?: number | undefined;
    }[];
  };
}

const isRate = (value: number) => value >= PLAN_LIMITS.smallestRate && value <= 1;
const isAmount = (value: number) =>
  value >= PLAN_LIMITS.fields.positiveAmount.min && value <= PLAN_LIMITS.fields.positiveAmount.max;
const isPay = (value: number) => value >= PLAN_LIMITS.fields.amount.min && value <= PLAN_LIMITS.fields.amount.max;
const isHeadcount = (value: number) =>
  Number.isInteger(value) && value >= PLAN_LIMITS.fields.headcount.min && value <= PLAN_LIMITS.fields.headcount.max;
/** `value` is within `limit`; NaN and infinities are not. */
const within = (value: number, limit: number) => value <= limit;

/**
 * Revenue target per plan year, deals, funnel volumes and role headcounts, computed as calculatePlan computes them,
 * each checked against its limit. A rule whose inputs already fail their own field's range is skipped: that field's
 * message says what to change.
 */
export function computabilityIssues(plan: BoundedPlan): BoundIssue[] {
  const issues: BoundIssue[] = [];
  const { objectives, meta } = plan;
  const years = Math.ceil(meta.horizonMonths / 12);
  const target = objectives.annualRevenueTarget;
  const growth = objectives.annualGrowthRate;
  const targetsByYear: number[] = [];
  if (
    isAmount(target) &&
    growth >= PLAN_LIMITS.fields.annualGrowthRate.min &&
    growth <= PLAN_LIMITS.fields.annualGrowthRate.max &&
    years >= 1 &&
    years <= 5
  ) {
    for (let year = 0; year < years; year++) targetsByYear.push(target * (1 + growth) ** year);
    const over = targetsByYear.findIndex((value) => !within(value, PLAN_LIMITS.yearlyRevenueTarget));
    if (over >= 0) {
      issues.push({
        path: ["objectives", "annualGrowthRate"],
        key: "growthOverLimit",
        params: { year: over + 1, value: targetsByYear[over]!, limit: PLAN_LIMITS.yearlyRevenueTarget },
      });
    }
  }

  const rounding = objectives.funnelRounding;
  if (isAmount(target) && isAmount(objectives.averageDealValue)) {
    const deals = dealsNeeded(target, objectives.averageDealValue, rounding);
    if (!within(deals, PLAN_LIMITS.yearlyVolume)) {
      issues.push({
        path: ["objectives", "averageDealValue"],
        key: "dealsOverLimit",
        params: { value: deals, limit: PLAN_LIMITS.yearlyVolume },
      });
    } else if (objectives.funnel.every((stage) => isRate(stage.conversionRate))) {
      let below = deals;
      for (let index = objectives.funnel.length - 1; index >= 0; index--) {
        const stage = objectives.funnel[index]!;
        below = finishFunnelVolume(below / stage.conversionRate, rounding);
        if (!within(below, PLAN_LIMITS.yearlyVolume)) {
          issues.push({
            path: ["objectives", "funnel", index, "conversionRate"],
            key: "funnelOverLimit",
            params: { name: stage.name, value: below, limit: PLAN_LIMITS.yearlyVolume },
          });
          break;
        }
      }
    }
  }

  const wd = meta.workingDaysPerMonth;
  const workingDaysValid = wd >= PLAN_LIMITS.workingDaysPerMonth.min && wd <= PLAN_LIMITS.workingDaysPerMonth.max;
  const activities = new Map(objectives.activityTargets.map((activity) => [activity.id, activity]));
  const roleCosts: { readonly payPath: (string | number)[]; readonly costs: readonly number[] }[] = [];
  /** People of each role per plan year, where computable: what an overlay role is sized from. */
  const peopleByRole = new Map<string, readonly number[]>();
  const addCosts = (role: BoundedPlan["organization"]["roles"][number], index: number, people: readonly number[]) => {
    const costs = people.map((count) => count * (role.baseSalary + role.variablePay));
    // The larger of the two pays is the one to lower.
    const payPath = ["organization", "roles", index, role.variablePay > role.baseSalary ? "variablePay" : "baseSalary"];
    roleCosts.push({ payPath, costs });
    const over = costs.findIndex((cost) => !within(cost, PLAN_LIMITS.yearlyCost));
    if (over >= 0) {
      issues.push({
        path: payPath,
        key: "roleCostOverLimit",
        params: { value: costs[over]!, year: over + 1, limit: PLAN_LIMITS.yearlyCost },
      });
    }
  };
  plan.organization.roles.forEach((role, index) => {
    if (role.overlay !== undefined) return;
    const path = ["organization", "roles", index];
    const activity = role.activityId === undefined ? undefined : activities.get(role.activityId);
    const capacity = role.capacityPerPersonPerDay;
    /** The headcounts calculatePlan takes the larger of; undefined where an input is out of its range. */
    let fromWorkload: number | undefined;
    let fromRevenue: number[] | undefined;
    const computable = {
      workload: activity === undefined || capacity === undefined,
      revenue: role.quotaPerMonth === undefined,
    };
    if (
      activity &&
      workingDaysValid &&
      activity.quantity >= 0 &&
      activity.quantity <= PLAN_LIMITS.fields.activityQuantity.max &&
      capacity !== undefined &&
      capacity >= PLAN_LIMITS.smallestQuantity &&
      isRate(role.utilization)
    ) {
      const people = workloadHeadcount(
        activityViews(activity.quantity, activity.period, wd).perDay,
        capacity,
        role.utilization,
      );
      fromWorkload = people;
      if (!within(people, PLAN_LIMITS.headcountPerRole)) {
        issues.push({
          path: [...path, "capacityPerPersonPerDay"],
          key: "workloadHeadcountOverLimit",
          params: { value: people, limit: PLAN_LIMITS.headcountPerRole },
        });
      }
    }
    const quota = role.quotaPerMonth;
    if (quota !== undefined && isAmount(quota) && isRate(role.quotaAttainment) && isRate(role.targetShare)) {
      fromRevenue = [];
      for (let year = 0; year < targetsByYear.length; year++) {
        const people = revenueHeadcount(targetsByYear[year]! * role.targetShare, quota * 12, role.quotaAttainment);
        fromRevenue.push(people);
        if (!within(people, PLAN_LIMITS.headcountPerRole)) {
          issues.push({
            path: [...path, "quotaPerMonth"],
            key: "revenueHeadcountOverLimit",
            params: { value: people, year: year + 1, limit: PLAN_LIMITS.headcountPerRole },
          });
          break;
        }
      }
    }
    computable.workload ||= fromWorkload !== undefined && within(fromWorkload, PLAN_LIMITS.headcountPerRole);
    computable.revenue ||=
      fromRevenue !== undefined &&
      fromRevenue.length === targetsByYear.length &&
      fromRevenue.every((people) => within(people, PLAN_LIMITS.headcountPerRole));
    const fallback = role.plannedHeadcount ?? role.currentHeadcount;
    if (!computable.workload || !computable.revenue || !isHeadcount(fallback)) return;
    if (!isPay(role.baseSalary) || !isPay(role.variablePay) || targetsByYear.length === 0) return;
    const people = targetsByYear.map((_, year) => {
      const candidates = [fromWorkload, fromRevenue?.[year]].filter((value) => value !== undefined);
      return candidates.length > 0 ? Math.max(...candidates) : fallback;
    });
    peopleByRole.set(role.id, people);
    addCosts(role, index, people);
  });
  // Overlay roles, from the people of the role they support (one overlay per N of them, rounded up).
  plan.organization.roles.forEach((role, index) => {
    if (role.overlay === undefined) return;
    const supported = peopleByRole.get(role.overlay.supportsRoleId);
    const perOverlay = role.overlay.peoplePerOverlay;
    const validRatio =
      perOverlay >= PLAN_LIMITS.fields.peoplePerOverlay.min && perOverlay <= PLAN_LIMITS.fields.peoplePerOverlay.max;
    if (supported === undefined || !validRatio || !isPay(role.baseSalary) || !isPay(role.variablePay)) return;
    addCosts(
      role,
      index,
      supported.map((people) => overlayHeadcount(people, perOverlay)),
    );
  });
  // All roles together, once each role is within its limit (the total is a sum on the sheet).
  if (roleCosts.length === plan.organization.roles.length && !issues.some((i) => i.key === "roleCostOverLimit")) {
    for (let year = 0; year < targetsByYear.length; year++) {
      const total = roleCosts.reduce((sum, role) => sum + role.costs[year]!, 0);
      if (within(total, PLAN_LIMITS.yearlyCost)) continue;
      const largest = roleCosts.reduce((a, b) => (b.costs[year]! > a.costs[year]! ? b : a));
      issues.push({
        path: largest.payPath,
        key: "totalCostOverLimit",
        params: { value: total, year: year + 1, limit: PLAN_LIMITS.yearlyCost },
      });
      break;
    }
  }
  return issues;
}
