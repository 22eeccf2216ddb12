/**
 * Every figure of a validated plan, computed once by the pure functions of the plan core. The workbook's native
 * formulas must reproduce these numbers (tests check it in a formula engine), the task pane shows them live, and the
 * charts draw them.
 */
import { annualToPeriodicAttrition, survivalProbability } from "./attrition";
import {
  fiscalQuarter,
  horizonMonths,
  horizonQuarters,
  toExcelSerial,
  yearMonthOfSerial,
  type PlanMonth,
  type PlanQuarter,
} from "./calendar";
import { capacityPerPeriod, productiveRepsPerPeriod } from "./capacity";
import { roundUp } from "./excel-precision";
import { dealsNeeded, reverseFunnel } from "./funnel";
import { revenueHeadcount, workloadHeadcount } from "./headcount";
import { hiringPlan, requisitionSchedule } from "./hiring";
import { activityForPeriod, activityViews, periodsPerYear, type ActivityViews } from "./periods";
import { rampFactors } from "./ramp";
import { overlayHeadcount } from "./pipeline";
import { pipelineFigures, type PipelineFigures } from "./pipeline-timing";
import type { Initiative, KpiTarget, OverlaySizing, Plan, Role, TargetPeriod } from "./schema";
import { largestRemainderSplit, splitByWeights, type WholeSplit } from "./split";

export interface FunnelRow {
  readonly stageId: string;
  readonly name: string;
  readonly conversionRate: number;
  /** Volume needed in plan year 1, then the same volume per average quarter, month, week and working day. */
  readonly perYear: number;
  readonly perQuarter: number;
  readonly perMonth: number;
  readonly perWeek: number;
  readonly perWorkingDay: number;
}

export interface SeasonalQuarter {
  /** 1-4: fiscal quarter. */
  readonly quarter: number;
  readonly weight: number;
  /** Normalized weight, summing to 1 over the four quarters. */
  readonly share: number;
  /** Revenue target of plan year 1 in this fiscal quarter. */
  readonly revenueTarget: number;
  /** Deals of plan year 1 in this quarter: whole numbers summing to the year's deals (largest remainder). */
  readonly deals: number;
  /** Top-of-funnel volume of plan year 1 in this quarter, whole numbers summing to the year's volume. */
  readonly topOfFunnel: number;
}

export interface RoleFigures {
  readonly roleId: string;
  readonly title: string;
  /** Daily workload of the activity the role carries, in that activity's unit. */
  readonly workloadPerDay: number | undefined;
  /** ROUNDUP(workload ÷ (capacity × utilization)). */
  readonly workloadHeadcount: number | undefined;
  /** Per plan year: ROUNDUP(annual target × target share ÷ (quota × 12 × attainment)). */
  readonly revenueHeadcountByYear: readonly number[] | undefined;
  /** Headcount the plan needs per plan year: the larger of the workload and revenue headcounts, else the planned one. */
  readonly requiredHeadcountByYear: readonly number[];
  /** Plan year 1's required headcount. */
  readonly requiredHeadcount: number;
  /** On-target earnings per person per year: base + variable. */
  readonly ote: number;
  /** Required headcount (plan year 1) × OTE. */
  readonly annualCost: number;
  readonly monthlyAttritionRate: number;
  readonly targetByMonth: readonly number[];
  readonly hiresByMonth: readonly number[];
  /** Expected headcount at the end of each month. */
  readonly headcountByMonth: readonly number[];
  readonly requisitionsByMonth: readonly number[];
  readonly requisitionsOverdueAtStart: number;
  readonly hiresByQuarter: readonly number[];
  /** Expected headcount at the end of each quarter (its last month in the horizon). */
  readonly headcountByQuarter: readonly number[];
  /** Quota-carrying roles only: revenue capacity per month and per quarter. */
  readonly capacityByMonth: readonly number[] | undefined;
  readonly capacityByQuarter: readonly number[] | undefined;
  /**
   * Quota-carrying roles only: productive rep-equivalents per month (each rep weighted by its ramp and its chance of
   * still being there); capacity = this × quota per month × attainment.
   */
  readonly productiveRepsByMonth: readonly number[] | undefined;
  /** Quota-carrying roles only: ramp factor k months after a hire, k = 0 … horizon − 1. */
  readonly rampByMonthsSinceHire: readonly number[] | undefined;
  /** Quota-carrying roles only: chance of still being there k months later, (1 − monthly attrition)^k. */
  readonly survivalByMonthsSinceHire: readonly number[] | undefined;
  /** Quota-carrying roles only: the plan's revenue target per quarter × the role's target share. */
  readonly revenueTargetByQuarter: readonly number[] | undefined;
}

export interface InitiativeFigures {
  readonly id: string;
  /** Excel serials of the first and last day. */
  readonly startSerial: number;
  readonly endSerial: number;
  /** Calendar days from start to end, both included: end − start + 1. */
  readonly durationDays: number;
  /** Fiscal quarter of the start date, `FY2027 Q1`. */
  readonly startQuarter: string;
  /** One flag per horizon quarter: the initiative runs on at least one day of it. */
  readonly activeQuarters: readonly boolean[];
}

export interface KpiFigure {
  readonly id: string;
  readonly target: number;
}

export interface RepKpiFigure extends KpiFigure {
  /** The team target before it is shared among the role's reps. */
  readonly teamTarget: number;
  /** The role's required headcount (plan year 1); 0 when the role is unknown. */
  readonly headcount: number;
}

export interface PlanFigures {
  readonly months: readonly PlanMonth[];
  readonly quarters: readonly PlanQuarter[];
  /** Plan year 1's revenue target (the annual target). */
  readonly revenueTarget: number;
  /** Revenue target per plan year: annual × (1 + growth)^year. */
  readonly revenueTargetByYear: readonly number[];
  readonly deals: number;
  readonly funnel: readonly FunnelRow[];
  /** Plan year 1's volume at the top of the funnel. */
  readonly topOfFunnelVolume: number;
  /** Won deals in the same period views as the funnel rows. */
  readonly dealsViews: Omit<FunnelRow, "stageId" | "name" | "conversionRate">;
  readonly seasonality: readonly SeasonalQuarter[];
  /** Relative weight of each fiscal quarter: the quarterly weights, or the sum of each quarter's three monthly ones. */
  readonly seasonalityQuarterWeights: readonly number[];
  /**
   * The largest-remainder splits behind the seasonality table's whole deals and top-of-funnel volumes, when they are
   * whole (`up` rounding); undefined with exact (`none`) rounding, where each quarter gets total × share.
   */
  readonly seasonalitySplits: { readonly deals: WholeSplit; readonly topOfFunnel: WholeSplit } | undefined;
  /** Share of a plan year's target falling in each horizon month. */
  readonly monthShares: readonly number[];
  readonly revenueTargetByMonth: readonly number[];
  readonly revenueTargetByQuarter: readonly number[];
  readonly activities: readonly (ActivityViews & { readonly activityId: string })[];
  readonly roles: readonly RoleFigures[];
  readonly totalHeadcount: number;
  readonly totalAnnualCost: number;
  /** Revenue capacity of all quota-carrying roles, per quarter (absent when no role carries a quota). */
  readonly capacityByQuarter: readonly number[] | undefined;
  readonly initiatives: readonly InitiativeFigures[];
  readonly kpis: readonly KpiFigure[];
  readonly repKpis: readonly RepKpiFigure[];
  /** Pipeline timing, quota to assign, capacity waterfall, overlay headcount, cost of sales (pipeline-timing.ts). */
  readonly pipeline: PipelineFigures;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function byQuarter(values: readonly number[], quarters: readonly PlanQuarter[]): number[] {
  return quarters.map((quarter) => sum(quarter.monthIndices.map((index) => values[index]!)));
}

function lastOfQuarter(values: readonly number[], quarters: readonly PlanQuarter[]): number[] {
  return quarters.map((quarter) => values[quarter.monthIndices[quarter.monthIndices.length - 1]!]!);
}

/**
 * Share of a plan year's target in each month. Quarterly weights: month share = quarter weight ÷ (3 × Σ weights);
 * monthly weights: month share = fiscal-month weight ÷ Σ weights. Any 12 consecutive months hold each fiscal month once,
 * so every plan year's shares sum to 1.
 */
export function monthShares(plan: Plan, months: readonly PlanMonth[]): number[] {
  const { granularity, weights } = plan.objectives.seasonality;
  const total = sum(weights);
  return months.map((month) =>
    granularity === "quarter"
      ? weights[month.fiscal.quarter - 1]! / (3 * total)
      : weights[month.fiscalMonth - 1]! / total,
  );
}

function funnelViews(perYear: number, plan: Plan): Omit<FunnelRow, "stageId" | "name" | "conversionRate"> {
  const wd = plan.meta.workingDaysPerMonth;
  const view = (period: TargetPeriod): number => {
    const value = perYear / periodsPerYear(period, wd);
    return plan.objectives.funnelRounding === "up" ? roundUp(value) : value;
  };
  return {
    perYear,
    perQuarter: view("quarter"),
    perMonth: view("month"),
    perWeek: view("week"),
    perWorkingDay: view("day"),
  };
}

function roleFigures(
  role: Role,
  plan: Plan,
  context: {
    months: readonly PlanMonth[];
    quarters: readonly PlanQuarter[];
    revenueTargetByYear: readonly number[];
    revenueTargetByQuarter: readonly number[];
    activities: ReadonlyMap<string, ActivityViews>;
  },
  /** An overlay role's required headcount per plan year, from the role it supports (see `overlayRequiredByYear`). */
  overlayRequired?: readonly number[],
): RoleFigures {
  const { months, quarters } = context;
  const activity = role.activityId === undefined ? undefined : context.activities.get(role.activityId);
  const workloadPerDay = activity?.perDay;
  const fromWorkload =
    activity && role.capacityPerPersonPerDay !== undefined
      ? workloadHeadcount(activity.perDay, role.capacityPerPersonPerDay, role.utilization)
      : undefined;
  const fromRevenue =
    role.quotaPerMonth === undefined
      ? undefined
      : context.revenueTargetByYear.map((target) =>
          revenueHeadcount(target * role.targetShare, role.quotaPerMonth! * 12, role.quotaAttainment),
        );
  const years = context.revenueTargetByYear.length;
  const requiredHeadcountByYear =
    overlayRequired ??
    Array.from({ length: years }, (_, year) => {
      const candidates = [fromWorkload, fromRevenue?.[year]].filter((value): value is number => value !== undefined);
      return candidates.length > 0 ? Math.max(...candidates) : (role.plannedHeadcount ?? role.currentHeadcount);
    });
  const monthlyAttritionRate = annualToPeriodicAttrition(role.attritionRateAnnual, 12);
  const targetByMonth = months.map((month) => requiredHeadcountByYear[month.planYear]!);
  const hiring = hiringPlan({
    targetHeadcount: targetByMonth,
    startingHeadcount: role.currentHeadcount,
    attritionRate: monthlyAttritionRate,
  });
  const requisitions = requisitionSchedule(hiring.hires, role.hiringLeadTimeMonths);
  const capacityByMonth =
    role.quotaPerMonth === undefined
      ? undefined
      : capacityPerPeriod({
          hires: hiring.hires,
          quotaPerPeriod: role.quotaPerMonth,
          ramp: role.ramp,
          startingReps: role.currentHeadcount,
          attrition: { kind: "rate", ratePerPeriod: monthlyAttritionRate },
          attainment: role.quotaAttainment,
        });
  const quota = role.quotaPerMonth;
  const ote = role.baseSalary + role.variablePay;
  const requiredHeadcount = requiredHeadcountByYear[0]!;
  return {
    roleId: role.id,
    title: role.title,
    workloadPerDay,
    workloadHeadcount: fromWorkload,
    revenueHeadcountByYear: fromRevenue,
    requiredHeadcountByYear,
    requiredHeadcount,
    ote,
    annualCost: requiredHeadcount * ote,
    monthlyAttritionRate,
    targetByMonth,
    hiresByMonth: hiring.hires,
    headcountByMonth: hiring.headcount,
    requisitionsByMonth: requisitions.byPeriod,
    requisitionsOverdueAtStart: requisitions.overdueAtStart,
    hiresByQuarter: byQuarter(hiring.hires, quarters),
    headcountByQuarter: lastOfQuarter(hiring.headcount, quarters),
    capacityByMonth,
    capacityByQuarter: capacityByMonth && byQuarter(capacityByMonth, quarters),
    productiveRepsByMonth:
      quota === undefined
        ? undefined
        : productiveRepsPerPeriod({
            hires: hiring.hires,
            quotaPerPeriod: quota,
            ramp: role.ramp,
            startingReps: role.currentHeadcount,
            attrition: { kind: "rate", ratePerPeriod: monthlyAttritionRate },
            attainment: role.quotaAttainment,
          }),
    rampByMonthsSinceHire: quota === undefined ? undefined : rampFactors(role.ramp, months.length),
    survivalByMonthsSinceHire:
      quota === undefined ? undefined : months.map((_, k) => survivalProbability(monthlyAttritionRate, k)),
    revenueTargetByQuarter:
      quota === undefined ? undefined : context.revenueTargetByQuarter.map((target) => target * role.targetShare),
  };
}

/**
 * An overlay role's required headcount in each plan year: ROUNDUP(supported role's required headcount ÷ people per
 * overlay, 0) (`overlayHeadcount`, PLAN.OVERLAY). Its monthly target follows, so its hiring grid, with its own
 * attrition and lead time, follows the supported role's plan year by plan year.
 */
export function overlayRequiredByYear(overlay: OverlaySizing, supported: RoleFigures): number[] {
  return supported.requiredHeadcountByYear.map((people) => overlayHeadcount(people, overlay.peoplePerOverlay));
}

function initiativeFigures(initiative: Initiative, plan: Plan, quarters: readonly PlanQuarter[]): InitiativeFigures {
  const startSerial = toExcelSerial(initiative.start);
  const endSerial = toExcelSerial(initiative.end);
  return {
    id: initiative.id,
    startSerial,
    endSerial,
    durationDays: endSerial - startSerial + 1,
    startQuarter: fiscalQuarter(yearMonthOfSerial(startSerial), plan.meta.fiscalYearStartMonth).label,
    activeQuarters: quarters.map((quarter) => startSerial < quarter.endSerial && endSerial >= quarter.startSerial),
  };
}

/** Computes every figure of a validated plan. Pure; throws only on a plan the schema would refuse. */
export function calculatePlan(plan: Plan): PlanFigures {
  const { meta, objectives } = plan;
  const months = horizonMonths(meta.startMonth, meta.horizonMonths, meta.fiscalYearStartMonth);
  const quarters = horizonQuarters(months);
  const years = Math.ceil(meta.horizonMonths / 12);
  const revenueTargetByYear = Array.from(
    { length: years },
    (_, year) => objectives.annualRevenueTarget * (1 + objectives.annualGrowthRate) ** year,
  );
  const rounding = objectives.funnelRounding;
  const rates = objectives.funnel.map((stage) => stage.conversionRate);
  const deals = dealsNeeded(objectives.annualRevenueTarget, objectives.averageDealValue, rounding);
  const volumes = reverseFunnel(deals, rates, rounding);
  const funnel = objectives.funnel.map((stage, index) => ({
    stageId: stage.id,
    name: stage.name,
    conversionRate: stage.conversionRate,
    ...funnelViews(volumes[index]!, plan),
  }));
  const topOfFunnelVolume = volumes[0]!;

  const quarterWeights =
    objectives.seasonality.granularity === "quarter"
      ? [...objectives.seasonality.weights]
      : quarterWeightsFromMonths(objectives.seasonality.weights);
  const quarterShares = splitByWeights(1, quarterWeights);
  const whole = rounding === "up" && Number.isInteger(deals) && Number.isInteger(topOfFunnelVolume);
  const seasonalitySplits = whole
    ? {
        deals: largestRemainderSplit(deals, quarterWeights),
        topOfFunnel: largestRemainderSplit(topOfFunnelVolume, quarterWeights),
      }
    : undefined;
  const dealsByQuarter = seasonalitySplits?.deals.parts ?? splitByWeights(deals, quarterWeights);
  const topByQuarter = seasonalitySplits?.topOfFunnel.parts ?? splitByWeights(topOfFunnelVolume, quarterWeights);
  const seasonality = quarterShares.map((share, index) => ({
    quarter: index + 1,
    weight: objectives.seasonality.granularity === "quarter" ? objectives.seasonality.weights[index]! : share,
    share,
    revenueTarget: objectives.annualRevenueTarget * share,
    deals: dealsByQuarter[index]!,
    topOfFunnel: topByQuarter[index]!,
  }));

  const shares = monthShares(plan, months);
  const revenueTargetByMonth = months.map((month, index) => revenueTargetByYear[month.planYear]! * shares[index]!);
  const revenueTargetByQuarter = byQuarter(revenueTargetByMonth, quarters);

  const activityById = new Map(
    objectives.activityTargets.map((activity) => [
      activity.id,
      activityViews(activity.quantity, activity.period, meta.workingDaysPerMonth),
    ]),
  );
  const roleContext = { months, quarters, revenueTargetByYear, revenueTargetByQuarter, activities: activityById };
  // Roles sized on their own first, then the overlay roles sized from them (validation forbids overlays of overlays).
  const ownFigures = new Map(
    plan.organization.roles
      .filter((role) => role.overlay === undefined)
      .map((role) => [role.id, roleFigures(role, plan, roleContext)]),
  );
  const roles = plan.organization.roles.map(
    (role) =>
      ownFigures.get(role.id) ??
      roleFigures(
        role,
        plan,
        roleContext,
        overlayRequiredByYear(role.overlay!, ownFigures.get(role.overlay!.supportsRoleId)!),
      ),
  );
  const quotaRoles = roles.filter((role) => role.capacityByQuarter !== undefined);
  const capacityByQuarter =
    quotaRoles.length === 0
      ? undefined
      : quarters.map((_, q) => sum(quotaRoles.map((role) => role.capacityByQuarter![q]!)));

  const dealsViews = funnelViews(deals, plan);
  const kpiInputs = { revenueTarget: objectives.annualRevenueTarget, dealsViews, funnel, activityById };
  const figures: Omit<PlanFigures, "pipeline"> = {
    months,
    quarters,
    revenueTarget: objectives.annualRevenueTarget,
    revenueTargetByYear,
    deals,
    funnel,
    topOfFunnelVolume,
    dealsViews,
    seasonality,
    seasonalityQuarterWeights: quarterWeights,
    seasonalitySplits,
    monthShares: shares,
    revenueTargetByMonth,
    revenueTargetByQuarter,
    activities: [...activityById].map(([activityId, views]) => ({ activityId, ...views })),
    roles,
    totalHeadcount: sum(roles.map((role) => role.requiredHeadcount)),
    totalAnnualCost: sum(roles.map((role) => role.annualCost)),
    capacityByQuarter,
    initiatives: plan.execution.initiatives.map((initiative) => initiativeFigures(initiative, plan, quarters)),
    kpis: plan.measurement.kpis.map((kpi) => ({ id: kpi.id, target: kpiTargetValue(kpi.target, plan, kpiInputs) })),
    repKpis: plan.measurement.repKpis.map((kpi) => {
      const teamTarget = kpiTargetValue(kpi.target, plan, kpiInputs);
      const headcount = roles.find((role) => role.roleId === kpi.roleId)?.requiredHeadcount ?? 0;
      return {
        id: kpi.id,
        target: isVolumeTarget(kpi.target) ? perRep(teamTarget, headcount) : teamTarget,
        teamTarget,
        headcount,
      };
    }),
  };
  return { ...figures, pipeline: pipelineFigures(plan, figures) };
}

/** Fiscal-quarter weights from fiscal-month weights: the sum of each quarter's three months, ((m1 + m2) + m3). */
export function quarterWeightsFromMonths(weights: readonly number[]): number[] {
  return [0, 1, 2, 3].map((q) => weights[3 * q]! + weights[3 * q + 1]! + weights[3 * q + 2]!);
}

/** Volume targets are divided among a role's reps; ratios (average deal value, win rate, SLA) and fixed ones are not. */
export function isVolumeTarget(target: KpiTarget): boolean {
  return (
    target.kind === "revenueTarget" ||
    target.kind === "deals" ||
    target.kind === "funnelStage" ||
    target.kind === "activity"
  );
}

/** A team target shared among `headcount` reps; 0 when the role has nobody. */
export function perRep(teamTarget: number, headcount: number): number {
  return headcount === 0 ? 0 : teamTarget / headcount;
}

function funnelViewFor(row: Omit<FunnelRow, "stageId" | "name" | "conversionRate">, period: TargetPeriod): number {
  switch (period) {
    case "year":
      return row.perYear;
    case "quarter":
      return row.perQuarter;
    case "month":
      return row.perMonth;
    case "week":
      return row.perWeek;
    case "day":
      return row.perWorkingDay;
  }
}

/**
 * A KPI target's value. Revenue per period is exact (annual ÷ periods a year); deals and funnel volumes per period
 * are the funnel table's views (rounded up in `up` mode); activities are exact.
 */
function kpiTargetValue(
  target: KpiTarget,
  plan: Plan,
  figures: {
    revenueTarget: number;
    dealsViews: Omit<FunnelRow, "stageId" | "name" | "conversionRate">;
    funnel: readonly FunnelRow[];
    activityById: ReadonlyMap<string, ActivityViews>;
  },
): number {
  switch (target.kind) {
    case "fixed":
      return target.value;
    case "revenueTarget":
      return figures.revenueTarget / periodsPerYear(target.period, plan.meta.workingDaysPerMonth);
    case "deals":
      return funnelViewFor(figures.dealsViews, target.period);
    case "averageDealValue":
      return plan.objectives.averageDealValue;
    case "winRate":
      return plan.objectives.winRateTarget;
    case "funnelStage": {
      const row = figures.funnel.find((stage) => stage.stageId === target.stageId);
      return row ? funnelViewFor(row, target.period) : 0;
    }
    case "activity": {
      const views = figures.activityById.get(target.activityId);
      return views ? activityForPeriod(views, target.period) : 0;
    }
    case "sla":
      return plan.objectives.slas.find((sla) => sla.id === target.slaId)?.maxHours ?? 0;
  }
}
