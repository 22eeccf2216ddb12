/**
 * What the tracking sheet (`8 Tracking` / `8 Suivi`) shows, computed from a validated plan, what the CRM recorded
 * and the as-of date: the plan core's prediction of every formula of that sheet. Pure.
 *
 * Conventions (the sheet's formulas follow them exactly):
 * - Dates are Excel serials. A record's date with a time is its day plus the fraction of the day (UTC). A window is
 *   [start, end): `start` is the first day of the period, `end` the day after its last day, capped at the day after
 *   the as-of date, so "to date" counts everything up to the as-of date inclusive.
 * - "To date": from the first day of the plan's first month to the as-of date inclusive. Month, fiscal quarter and
 *   fiscal year rows cover the horizon's months (src/plan/calendar.ts); a fiscal year row holds only its horizon months.
 * - Counted deals: the plan's currency or no currency; a deal in another currency is never summed. Won and lost deals
 *   count in the window holding their close date; open deals and deals without a close date count nowhere.
 * - Win rate = won ÷ (won + lost) closed in the window; average deal value = won revenue ÷ won deals; both 0 when
 *   nothing closed (never an error).
 * - Activities count when done (the done flag TRUE), in the window holding their due date (the date every CRM
 *   exports); meetings booked count meetings with a due date in the window, done or not.
 * - Elapsed share of a month: (as-of + 1 − month start) ÷ days in the month, between 0 and 1 (calendar days, so an
 *   as-of date of the 15th of a 30-day month has half the month elapsed). Plan revenue to date = Σ month target ×
 *   elapsed share; elapsed months = Σ elapsed shares; working days elapsed = working days per month × elapsed months.
 * - Activities per working day = done activities ÷ working days elapsed (0 before anything elapsed).
 * - Attainment of a period = actual ÷ its full target; attainment to date = actual ÷ plan to date; 0 when the target
 *   is 0. Pace = the period's projected attainment at the rate so far, weighted by the plan's seasonality:
 *   paceAttainment(actual, target, plan to date, target) (src/plan/tracking.ts) = (actual ÷ (plan to date ÷ target)) ÷
 *   target, since the seasonality-weighted elapsed share of a period is its plan to date ÷ its target; blank ("") for
 *   a period with nothing elapsed.
 * - A rep's quota to date = quota per month × elapsed months (reps of quota-carrying roles only); rep attainment =
 *   revenue won ÷ quota to date. The distribution counts reps whose quota to date is above 0: the share at or above
 *   100 %, at or above 80 %, below 50 %.
 * - A record's role is its owner's role in `measurement.tracking.owners` (the table's role column holds the role's
 *   label); owners absent from that mapping count in the whole-team figures only.
 * Each figure is computed with the sheet formula's own operations in its order (sums in row order, the plan's currency
 * first and then blank currencies, as the formula's two SUMIFS), so the prediction matches the engine to the last
 * bit; comparisons with thresholds reduce to Excel's 15 significant digits first (src/plan/excel-precision.ts).
 */
import { CRM_ACTIVITY_TYPES, type Actuals, type ActivityRecord, type ActivityType, type DealRecord } from "./actuals";
import type { PlanFigures } from "./calculate";
import { addMonths, monthStartSerial, toExcelSerial } from "./calendar";
import { toExcelPrecision } from "./excel-precision";
import type { Plan, TargetPeriod } from "./schema";

/** Whole-team figures of the deals closed in a window of dates. */
export interface DealFigures {
  readonly wonRevenue: number;
  readonly wonDeals: number;
  readonly lostDeals: number;
  readonly winRate: number;
  readonly averageDealValue: number;
}

/** A period of the horizon (a month, a fiscal quarter, a fiscal year) against its plan. */
export interface PeriodFigures extends DealFigures {
  readonly label: string;
  readonly startSerial: number;
  /** The day after the period's last day. */
  readonly endSerial: number;
  /** The window's end: the earlier of `endSerial` and the day after the as-of date (≤ start: nothing elapsed). */
  readonly windowEnd: number;
  readonly planRevenue: number;
  readonly planToDate: number;
  /** Revenue won ÷ the period's plan revenue (0 when the plan is 0). */
  readonly attainment: number;
  /** Projected attainment at the rate so far; "" when nothing of the period has elapsed. */
  readonly pace: number | "";
}

export interface MonthTrackingFigures extends PeriodFigures {
  readonly elapsedShare: number;
  readonly cumulativePlan: number;
  readonly cumulativeWon: number;
}

/** Figures of one group of owners (a team, a rep), to date. */
export interface OwnerGroupFigures extends DealFigures {
  readonly doneActivities: number;
  readonly meetingsBooked: number;
  /** Quota-carrying roles: quota per month × elapsed months (× reps for a team); otherwise undefined. */
  readonly quotaToDate: number | undefined;
  /** Revenue won ÷ quota to date (0 when the quota to date is 0); undefined without a quota. */
  readonly attainment: number | undefined;
}

export interface TeamTrackingFigures extends OwnerGroupFigures {
  readonly roleId: string;
  /** Owners mapped to the role. */
  readonly reps: number;
}

/** A per-rep KPI of the rep's role (step 7) that the tracking compares with: its id and the target it gives. */
export interface RepTarget {
  readonly kpiId: string;
  readonly target: number;
}

export interface RepTrackingFigures extends OwnerGroupFigures {
  readonly owner: string;
  readonly roleId: string;
  /**
   * The first per-rep KPI of the role for won deals (its per-rep target converted to the elapsed time: per month ×
   * elapsed months, per quarter × elapsed months ÷ 3, per year ÷ 12, per week × working days elapsed ÷ 5, per working
   * day × working days elapsed), for the average deal value and for the win rate (ratios, compared as they are).
   */
  readonly targets: {
    readonly wonDeals: RepTarget | undefined;
    readonly averageDealValue: RepTarget | undefined;
    readonly winRate: RepTarget | undefined;
  };
}

export interface ActivityTrackingFigures {
  readonly activityId: string;
  readonly types: readonly ActivityType[];
  readonly done: number;
  readonly actualPerDay: number;
  readonly targetPerDay: number;
  /** Actual per working day ÷ target per working day (0 when the target is 0). */
  readonly attainment: number;
}

export interface TrackingFigures {
  readonly asOfSerial: number;
  readonly toDate: DealFigures & {
    readonly startSerial: number;
    readonly planRevenue: number;
    readonly attainment: number;
    readonly variance: number;
  };
  readonly months: readonly MonthTrackingFigures[];
  readonly quarters: readonly PeriodFigures[];
  readonly years: readonly PeriodFigures[];
  /** The pace of the fiscal year holding the as-of date (0 when it is outside the horizon or nothing elapsed). */
  readonly yearPace: number;
  readonly elapsedMonths: number;
  readonly workingDaysElapsed: number;
  /** One row per activity target some CRM type is linked to, counting every owner's done activities. */
  readonly activities: readonly ActivityTrackingFigures[];
  readonly teams: readonly TeamTrackingFigures[];
  readonly reps: readonly RepTrackingFigures[];
  readonly distribution: { readonly atOrAbove100: number; readonly atOrAbove80: number; readonly below50: number };
}

const MS_PER_DAY = 86_400_000;

/** The serial of a record's date, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` (time as the fraction of the day). */
export function recordDateSerial(date: string): number {
  const day = toExcelSerial(date.slice(0, 10));
  if (date.length <= 10) return day;
  const time = Date.parse(date) - Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return day + time / MS_PER_DAY;
}

/** `IF(denominator=0,0,numerator/denominator)`. */
const ratio = (numerator: number, denominator: number): number => (denominator === 0 ? 0 : numerator / denominator);

/** A left-to-right sum from 0, as Excel's SUM over a range. */
const sumOf = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

interface Dated<T> {
  readonly record: T;
  /** The close date (deals) or due date (activities) as a serial; null without one. */
  readonly at: number | null;
  readonly roleId: string | undefined;
  /** Deals: the plan's currency (true) or no currency (false). */
  readonly inPlanCurrency: boolean;
}

type Keep<T> = (entry: Dated<T>) => boolean;

const within = (at: number | null, start: number, end: number): boolean => at !== null && at >= start && at < end;

/** The two SUMIFS (plan currency, then blank currency) of won deals closed in [start, end). */
function wonRevenueOf(deals: readonly Dated<DealRecord>[], start: number, end: number, keep: Keep<DealRecord>): number {
  let planCurrency = 0;
  let blankCurrency = 0;
  for (const deal of deals) {
    if (deal.record.status !== "won" || !within(deal.at, start, end) || !keep(deal)) continue;
    if (deal.inPlanCurrency) planCurrency += deal.record.value;
    else blankCurrency += deal.record.value;
  }
  return planCurrency + blankCurrency;
}

function dealCount(
  deals: readonly Dated<DealRecord>[],
  status: DealRecord["status"],
  start: number,
  end: number,
  keep: Keep<DealRecord>,
): number {
  return deals.filter((deal) => deal.record.status === status && within(deal.at, start, end) && keep(deal)).length;
}

function dealFigures(
  deals: readonly Dated<DealRecord>[],
  start: number,
  end: number,
  keep: Keep<DealRecord> = () => true,
): DealFigures {
  const wonRevenue = wonRevenueOf(deals, start, end, keep);
  const wonDeals = dealCount(deals, "won", start, end, keep);
  const lostDeals = dealCount(deals, "lost", start, end, keep);
  return {
    wonRevenue,
    wonDeals,
    lostDeals,
    winRate: ratio(wonDeals, wonDeals + lostDeals),
    averageDealValue: ratio(wonRevenue, wonDeals),
  };
}

function activityCount(
  activities: readonly Dated<ActivityRecord>[],
  start: number,
  end: number,
  keep: (record: ActivityRecord) => boolean,
  owners: Keep<ActivityRecord> = () => true,
): number {
  return activities.filter((entry) => within(entry.at, start, end) && keep(entry.record) && owners(entry)).length;
}

/** Pace of a period per the module's convention: "" before anything elapsed. */
function paceOf(actual: number, target: number, planToDate: number): number | "" {
  if (target === 0 || planToDate === 0) return "";
  // paceAttainment's formula, written out: a negative amount typed by hand must give a figure, not an exception.
  return actual / (planToDate / target) / target;
}

/** The day after a month's last day. */
function nextMonthStart(month: { readonly year: number; readonly month: number }): number {
  return monthStartSerial(addMonths(month, 1));
}

/**
 * Every figure of the tracking sheet.
 *
 * @param plan a validated plan
 * @param figures calculatePlan(plan)
 * @param actuals the records the actuals tables hold
 * @param asOf the last day the actuals cover, `YYYY-MM-DD`
 */
export function trackingFigures(plan: Plan, figures: PlanFigures, actuals: Actuals, asOf: string): TrackingFigures {
  const asOfSerial = toExcelSerial(asOf);
  const asOfEnd = asOfSerial + 1;
  const currency = plan.meta.currency.toUpperCase();
  const tracking = plan.measurement.tracking;
  const roleOf = new Map(tracking.owners.map((entry) => [entry.owner, entry.roleId]));
  const deals: Dated<DealRecord>[] = actuals.deals
    .filter((deal) => deal.currency === null || deal.currency.toUpperCase() === currency)
    .map((record) => ({
      record,
      at: record.closedOn === null ? null : recordDateSerial(record.closedOn),
      roleId: roleOf.get(record.owner),
      inPlanCurrency: record.currency !== null,
    }));
  const activities: Dated<ActivityRecord>[] = actuals.activities.map((record) => ({
    record,
    at: record.dueOn === null ? null : recordDateSerial(record.dueOn),
    roleId: roleOf.get(record.owner),
    inPlanCurrency: true,
  }));

  // Months --------------------------------------------------------------------------------------------------------
  let cumulativePlan = 0;
  let cumulativeWon = 0;
  const months: MonthTrackingFigures[] = figures.months.map((month, index) => {
    const next = nextMonthStart(month);
    const windowEnd = Math.min(next, asOfEnd);
    const elapsedShare = Math.max(0, Math.min(1, (asOfEnd - month.startSerial) / (next - month.startSerial)));
    const planRevenue = figures.revenueTargetByMonth[index]!;
    const planToDate = planRevenue * elapsedShare;
    const closed = dealFigures(deals, month.startSerial, windowEnd);
    cumulativePlan = index === 0 ? planRevenue : cumulativePlan + planRevenue;
    cumulativeWon = index === 0 ? closed.wonRevenue : cumulativeWon + closed.wonRevenue;
    return {
      label: month.label,
      startSerial: month.startSerial,
      endSerial: next,
      windowEnd,
      elapsedShare,
      planRevenue,
      planToDate,
      ...closed,
      attainment: ratio(closed.wonRevenue, planRevenue),
      pace: paceOf(closed.wonRevenue, planRevenue, planToDate),
      cumulativePlan,
      cumulativeWon,
    };
  });

  const group = (label: string, indices: readonly number[]): PeriodFigures => {
    const members = indices.map((index) => months[index]!);
    const sum = (pick: (month: MonthTrackingFigures) => number) => sumOf(members.map(pick));
    const last = members[members.length - 1]!;
    const wonRevenue = sum((m) => m.wonRevenue);
    const wonDeals = sum((m) => m.wonDeals);
    const lostDeals = sum((m) => m.lostDeals);
    const planRevenue = sum((m) => m.planRevenue);
    const planToDate = sum((m) => m.planToDate);
    return {
      label,
      startSerial: members[0]!.startSerial,
      endSerial: last.endSerial,
      windowEnd: Math.min(last.endSerial, asOfEnd),
      wonRevenue,
      wonDeals,
      lostDeals,
      winRate: ratio(wonDeals, wonDeals + lostDeals),
      averageDealValue: ratio(wonRevenue, wonDeals),
      planRevenue,
      planToDate,
      attainment: ratio(wonRevenue, planRevenue),
      pace: paceOf(wonRevenue, planRevenue, planToDate),
    };
  };
  const quarters = figures.quarters.map((quarter) => group(quarter.label, quarter.monthIndices));
  const years = fiscalYearsOf(figures).map((year) => group(year.label, year.monthIndices));
  // SUMIFS over the year rows: the one row holding the as-of date; a blank pace counts as nothing.
  const yearPace = sumOf(
    years.flatMap((year) =>
      year.startSerial <= asOfSerial && year.endSerial > asOfSerial && year.pace !== "" ? [year.pace] : [],
    ),
  );

  // To date ---------------------------------------------------------------------------------------------------------
  const startSerial = figures.months[0]!.startSerial;
  const toDateDeals = dealFigures(deals, startSerial, asOfEnd);
  const planToDate = sumOf(months.map((month) => month.planToDate));
  const elapsedMonths = sumOf(months.map((month) => month.elapsedShare));
  const workingDaysElapsed = plan.meta.workingDaysPerMonth * elapsedMonths;

  // Activities ------------------------------------------------------------------------------------------------------
  const typesOf = (activityId: string): ActivityType[] =>
    CRM_ACTIVITY_TYPES.filter((type) =>
      tracking.activityTypes.some((link) => link.activityId === activityId && link.type === type),
    );
  const perDayOf = new Map(figures.activities.map((activity) => [activity.activityId, activity.perDay]));
  const activityRows: ActivityTrackingFigures[] = plan.objectives.activityTargets
    .filter((activity) => typesOf(activity.id).length > 0)
    .map((activity) => {
      const types = typesOf(activity.id);
      // One COUNTIFS per type, added in the catalog's order of types.
      const done = sumOf(
        types.map((type) =>
          activityCount(activities, startSerial, asOfEnd, (record) => record.done && record.type === type),
        ),
      );
      const actualPerDay = ratio(done, workingDaysElapsed);
      const targetPerDay = perDayOf.get(activity.id)!;
      return {
        activityId: activity.id,
        types,
        done,
        actualPerDay,
        targetPerDay,
        attainment: ratio(actualPerDay, targetPerDay),
      };
    });

  // Teams and reps --------------------------------------------------------------------------------------------------
  // Records grouped once by owner and by role (in row order, as SUMIFS adds them), not filtered again per rep: a
  // plan may map thousands of owners over hundreds of thousands of records. SUMIFS compares text without case.
  const byOwner = {
    deals: groupBy(deals, (deal) => deal.record.owner.toLowerCase()),
    activities: groupBy(activities, (activity) => activity.record.owner.toLowerCase()),
  };
  const byRole = {
    deals: groupBy(deals, (deal) => deal.roleId),
    activities: groupBy(activities, (activity) => activity.roleId),
  };
  const ownerFigures = (
    groupDeals: readonly Dated<DealRecord>[],
    groupActivities: readonly Dated<ActivityRecord>[],
    quotaToDate: number | undefined,
  ): OwnerGroupFigures => {
    const closed = dealFigures(groupDeals, startSerial, asOfEnd);
    return {
      ...closed,
      doneActivities: activityCount(groupActivities, startSerial, asOfEnd, (record) => record.done),
      meetingsBooked: activityCount(groupActivities, startSerial, asOfEnd, (record) => record.type === "meeting"),
      quotaToDate,
      attainment: quotaToDate === undefined ? undefined : ratio(closed.wonRevenue, quotaToDate),
    };
  };
  const quotaOf = (roleId: string): number | undefined =>
    plan.organization.roles.find((role) => role.id === roleId)?.quotaPerMonth;
  const teams: TeamTrackingFigures[] = plan.organization.roles.map((role) => {
    const reps = tracking.owners.filter((entry) => entry.roleId === role.id).length;
    const quota = role.quotaPerMonth;
    return {
      roleId: role.id,
      reps,
      ...ownerFigures(
        byRole.deals.get(role.id) ?? [],
        byRole.activities.get(role.id) ?? [],
        quota === undefined ? undefined : reps * (quota * elapsedMonths),
      ),
    };
  });
  const perRepTarget = new Map(figures.repKpis.map((kpi) => [kpi.id, kpi.target]));
  const elapsedUnits: Readonly<Record<TargetPeriod, number>> = {
    month: elapsedMonths,
    quarter: elapsedMonths / 3,
    year: elapsedMonths / 12,
    week: workingDaysElapsed / 5,
    day: workingDaysElapsed,
  };
  const targetOf = (roleId: string, kind: "deals" | "averageDealValue" | "winRate"): RepTarget | undefined => {
    const kpi = plan.measurement.repKpis.find(
      (candidate) => candidate.roleId === roleId && candidate.target.kind === kind,
    );
    if (kpi === undefined) return undefined;
    const perRep = perRepTarget.get(kpi.id)!;
    const target = kpi.target.kind === "deals" ? perRep * elapsedUnits[kpi.target.period] : perRep;
    return { kpiId: kpi.id, target };
  };
  const reps: RepTrackingFigures[] = tracking.owners.map((entry) => {
    const quota = quotaOf(entry.roleId);
    return {
      owner: entry.owner,
      roleId: entry.roleId,
      targets: {
        wonDeals: targetOf(entry.roleId, "deals"),
        averageDealValue: targetOf(entry.roleId, "averageDealValue"),
        winRate: targetOf(entry.roleId, "winRate"),
      },
      ...ownerFigures(
        byOwner.deals.get(entry.owner.toLowerCase()) ?? [],
        byOwner.activities.get(entry.owner.toLowerCase()) ?? [],
        quota === undefined ? undefined : quota * elapsedMonths,
      ),
    };
  });
  const measured = reps.filter((rep) => rep.quotaToDate !== undefined && rep.quotaToDate > 0);
  const share = (keep: (attainment: number) => boolean) =>
    ratio(measured.filter((rep) => keep(toExcelPrecision(rep.attainment!))).length, measured.length);

  return {
    asOfSerial,
    toDate: {
      startSerial,
      ...toDateDeals,
      planRevenue: planToDate,
      attainment: ratio(toDateDeals.wonRevenue, planToDate),
      variance: toDateDeals.wonRevenue - planToDate,
    },
    months,
    quarters,
    years,
    yearPace,
    elapsedMonths,
    workingDaysElapsed,
    activities: activityRows,
    teams,
    reps,
    distribution: {
      atOrAbove100: share((attainment) => attainment >= 1),
      atOrAbove80: share((attainment) => attainment >= 0.8),
      below50: share((attainment) => attainment < 0.5),
    },
  };
}

function groupBy<T>(entries: readonly T[], keyOf: (entry: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return groups;
}

/** The fiscal years the horizon touches, `FY2027`, with the indices of their horizon months (contiguous). */
export function fiscalYearsOf(figures: Pick<PlanFigures, "months">): { label: string; monthIndices: number[] }[] {
  const years: { label: string; monthIndices: number[] }[] = [];
  for (const month of figures.months) {
    const label = `FY${month.fiscal.fiscalYear}`;
    const last = years[years.length - 1];
    if (last && last.label === label) last.monthIndices.push(month.index);
    else years.push({ label, monthIndices: [month.index] });
  }
  return years;
}
