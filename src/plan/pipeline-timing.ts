/**
 * When the pipeline must exist, how much quota to hand out, and where capacity comes from: the capacity model finance
 * teams run beside the headcount plan. Every figure is computed from the plan's own figures (calculate.ts) through the
 * functions the PLAN.* custom functions call (pipeline.ts), so a sheet or a formula can reproduce each one.
 *
 * Conventions (each stated where it is computed):
 * - Bookings to close in month t are the plan's revenue target of month t (its seasonality, `revenueTargetByMonth`).
 * - Pipeline needed for month t = bookings(t) × newBusinessShare × coverage (`pipelineToCreate` with no lag): only new
 *   business needs new pipeline.
 * - Pipeline created in month t closes in month t + L (L = salesCycleMonths): pipeline to create in month t is the
 *   need of month t + L, and 0 where t + L lies beyond the horizon. The need of the first L months had to be created
 *   before the plan starts: it is reported as overdue pipeline, as overdue requisitions are.
 * - Coverage is the plan's `pipelineCoverage` when given, else (1 − createAndCloseShare) ÷ winRateTarget.
 * - Quota to assign = capacity × (1 + over-assignment) per quarter (`quotaToAssign`), where capacity is what the
 *   quota role's productive reps deliver (reps × quota × attainment). It is an uplift, not a cushion: with 20 %
 *   over-assignment the plan is quota ÷ 1.2, i.e. quota × (1 − 16.7 %).
 * - Day-1 pipeline of a quarter = quota to assign × newBusinessShare × coverage: what must be in the pipeline on the
 *   quarter's first day.
 */
import type { PlanFigures, RoleFigures } from "./calculate";
import { overlayHeadcount, pipelineCoverage, pipelineToCreate, quotaToAssign } from "./pipeline";
import type { PipelineSource, Plan, Role } from "./schema";

export interface PipelineSourceFigures {
  /** The source; undefined for the single unnamed source of a plan that lists none. */
  readonly source: PipelineSource | undefined;
  readonly share: number;
  /** Pipeline this source must create each month: the month's pipeline to create × share. */
  readonly pipelineToCreateByMonth: readonly number[];
}

/** One fiscal quarter of a quota role's capacity waterfall; people are expected values (attrition is a rate). */
export interface CapacityWaterfallQuarter {
  /** Headcount at the quarter's start: the previous quarter's end, or the current headcount for the first quarter. */
  readonly repsAtStart: number;
  readonly hires: number;
  /** Expected departures: reps at start + hires − reps at end. */
  readonly departures: number;
  /** Expected headcount at the end of the quarter's last month. */
  readonly repsAtEnd: number;
  /** Ramped rep equivalents at the quarter's end: each rep weighted by its ramp fraction (and survival). */
  readonly rampedRepEquivalents: number;
}

export interface QuotaRoleTiming {
  readonly roleId: string;
  /** Capacity per quarter × (1 + over-assignment): the quota to hand out to the role's reps. */
  readonly quotaToAssignByQuarter: readonly number[];
  /**
   * Quota of one fully ramped rep for each quarter: quota per month × the quarter's months in the horizon ×
   * attainment × (1 + over-assignment), the capacity of one ramped rep uplifted like the total.
   */
  readonly quotaPerRampedRepByQuarter: readonly number[];
  readonly waterfall: readonly CapacityWaterfallQuarter[];
  /** Yearly quota (quota per month × 12) ÷ on-target earnings; undefined when the role's OTE is 0. 4–5× is common. */
  readonly quotaToOte: number | undefined;
}

export interface OverlayTiming {
  readonly roleId: string;
  readonly supportsRoleId: string;
  readonly peoplePerOverlay: number;
  /** ROUNDUP(supported role's target headcount of the month ÷ people per overlay): the overlay role's target. */
  readonly headcountByMonth: readonly number[];
}

export interface PipelineFigures {
  readonly salesCycleMonths: number;
  readonly coverage: number;
  /** The coverage came from (1 − createAndCloseShare) ÷ win rate, not from `pipelineCoverage`. */
  readonly coverageIsDerived: boolean;
  readonly newBusinessShare: number;
  readonly quotaOverAssignment: number;
  /** Bookings to close each month: the revenue target of the month. */
  readonly bookingsByMonth: readonly number[];
  /** Pipeline needed for each month's closes: bookings × newBusinessShare × coverage. */
  readonly pipelineNeededByMonth: readonly number[];
  /** Pipeline to create each month: the need salesCycleMonths later (0 beyond the horizon). */
  readonly pipelineToCreateByMonth: readonly number[];
  /** Pipeline needed for closes in the first salesCycleMonths months: it had to exist before the plan starts. */
  readonly overduePipeline: number;
  readonly sources: readonly PipelineSourceFigures[];
  /** Quota-carrying roles, in the plan's order. */
  readonly quotaRoles: readonly QuotaRoleTiming[];
  /** All quota roles' quota to assign per quarter; undefined when no role carries a quota. */
  readonly quotaToAssignByQuarter: readonly number[] | undefined;
  /** Day-1 pipeline per quarter: quota to assign × newBusinessShare × coverage; undefined without quota roles. */
  readonly dayOnePipelineByQuarter: readonly number[] | undefined;
  readonly overlays: readonly OverlayTiming[];
  /** Cost of sales: plan year 1's team cost (all roles, required headcount × OTE) ÷ its new-revenue target. */
  readonly costOfSales: number;
}

/** The plan's coverage: the stated ratio, else (1 − createAndCloseShare) ÷ win rate (`pipelineCoverage`). */
export function planCoverage(objectives: Plan["objectives"]): { readonly coverage: number; readonly derived: boolean } {
  return objectives.pipelineCoverage !== undefined
    ? { coverage: objectives.pipelineCoverage, derived: false }
    : { coverage: pipelineCoverage(objectives.winRateTarget, objectives.createAndCloseShare), derived: true };
}

/**
 * A quota role's capacity waterfall by quarter, from its hiring grid (hires and expected headcount by month) and its
 * productive reps: reps at start, hires, departures (the balance), reps at end, ramped rep equivalents.
 */
export function capacityWaterfall(
  role: Pick<Role, "currentHeadcount">,
  figures: Pick<RoleFigures, "hiresByQuarter" | "headcountByQuarter" | "productiveRepsByMonth">,
  quarters: PlanFigures["quarters"],
): CapacityWaterfallQuarter[] {
  return quarters.map((quarter, q) => {
    const repsAtStart = q === 0 ? role.currentHeadcount : figures.headcountByQuarter[q - 1]!;
    const hires = figures.hiresByQuarter[q]!;
    const repsAtEnd = figures.headcountByQuarter[q]!;
    const last = quarter.monthIndices[quarter.monthIndices.length - 1]!;
    return {
      repsAtStart,
      hires,
      departures: repsAtStart + hires - repsAtEnd,
      repsAtEnd,
      rampedRepEquivalents: figures.productiveRepsByMonth?.[last] ?? repsAtEnd,
    };
  });
}

/** Every pipeline, quota and overlay figure of a validated plan, from its computed figures. */
export function pipelineFigures(plan: Plan, figures: Omit<PlanFigures, "pipeline">): PipelineFigures {
  const { objectives, organization } = plan;
  const { coverage, derived } = planCoverage(objectives);
  const cycle = objectives.salesCycleMonths;
  const share = objectives.newBusinessShare;
  const over = organization.quotaOverAssignment;
  const bookingsByMonth = figures.revenueTargetByMonth;
  const pipelineNeededByMonth = pipelineToCreate(bookingsByMonth, coverage, 0, share);
  const pipelineToCreateByMonth = pipelineToCreate(bookingsByMonth, coverage, cycle, share);
  const overduePipeline = pipelineNeededByMonth.slice(0, cycle).reduce((sum, value) => sum + value, 0);
  const listed = objectives.pipelineSources;
  const sources = (listed.length > 0 ? listed : [{ source: undefined, share: 1 }]).map((entry) => ({
    source: entry.source,
    share: entry.share,
    pipelineToCreateByMonth: pipelineToCreateByMonth.map((amount) => amount * entry.share),
  }));

  const quotaRoles: QuotaRoleTiming[] = [];
  organization.roles.forEach((role, index) => {
    const f = figures.roles[index]!;
    if (role.quotaPerMonth === undefined || f.capacityByQuarter === undefined) return;
    const quota = role.quotaPerMonth;
    const ote = role.baseSalary + role.variablePay;
    quotaRoles.push({
      roleId: role.id,
      quotaToAssignByQuarter: f.capacityByQuarter.map((capacity) => quotaToAssign(capacity, over)),
      quotaPerRampedRepByQuarter: figures.quarters.map((quarter) =>
        quotaToAssign(quota * quarter.monthIndices.length * role.quotaAttainment, over),
      ),
      waterfall: capacityWaterfall(role, f, figures.quarters),
      quotaToOte: ote === 0 ? undefined : (quota * 12) / ote,
    });
  });
  const quotaToAssignByQuarter =
    quotaRoles.length === 0
      ? undefined
      : figures.quarters.map((_, q) => quotaRoles.reduce((sum, role) => sum + role.quotaToAssignByQuarter[q]!, 0));

  const indexOf = new Map(organization.roles.map((role, index) => [role.id, index]));
  const overlays = organization.roles.flatMap((role): OverlayTiming[] => {
    if (role.overlay === undefined) return [];
    const supported = figures.roles[indexOf.get(role.overlay.supportsRoleId)!]!;
    const { supportsRoleId, peoplePerOverlay } = role.overlay;
    return [
      {
        roleId: role.id,
        supportsRoleId,
        peoplePerOverlay,
        headcountByMonth: supported.targetByMonth.map((people) => overlayHeadcount(people, peoplePerOverlay)),
      },
    ];
  });

  return {
    salesCycleMonths: cycle,
    coverage,
    coverageIsDerived: derived,
    newBusinessShare: share,
    quotaOverAssignment: over,
    bookingsByMonth,
    pipelineNeededByMonth,
    pipelineToCreateByMonth,
    overduePipeline,
    sources,
    quotaRoles,
    quotaToAssignByQuarter,
    dayOnePipelineByQuarter: quotaToAssignByQuarter && pipelineToCreate(quotaToAssignByQuarter, coverage, 0, share),
    overlays,
    costOfSales: figures.totalAnnualCost / figures.revenueTarget,
  };
}
