import { requireNonNegative, requirePositive } from "./errors";
import type { ActivityPeriod, TargetPeriod } from "./schema";

/**
 * Period conventions for per-period views: a year has 12 months and 4 quarters, a month has `workingDaysPerMonth`
 * working days (21 by default), a week has 5 working days. So a year has 12 × wd working days and 12 × wd ÷ 5
 * weeks (50.4 with 21 days a month).
 */
export const WORKING_DAYS_PER_WEEK = 5;

/** How many of `period` a year holds. */
export function periodsPerYear(period: TargetPeriod, workingDaysPerMonth: number): number {
  requirePositive("workingDaysPerMonth", workingDaysPerMonth);
  switch (period) {
    case "year":
      return 1;
    case "quarter":
      return 4;
    case "month":
      return 12;
    case "week":
      return (12 * workingDaysPerMonth) / WORKING_DAYS_PER_WEEK;
    case "day":
      return 12 * workingDaysPerMonth;
  }
}

/** Working days in an activity target's period: 1 for a day, 5 for a week, `workingDaysPerMonth` for a month. */
export function workingDaysIn(period: ActivityPeriod, workingDaysPerMonth: number): number {
  requirePositive("workingDaysPerMonth", workingDaysPerMonth);
  switch (period) {
    case "day":
      return 1;
    case "week":
      return WORKING_DAYS_PER_WEEK;
    case "month":
      return workingDaysPerMonth;
  }
}

export interface ActivityViews {
  readonly perDay: number;
  readonly perWeek: number;
  readonly perMonth: number;
  readonly perQuarter: number;
  readonly perYear: number;
}

/**
 * An activity target in every period, exact (no rounding): per day = quantity ÷ working days in its period; per week
 * = per day × 5; per month = per day × wd; per quarter = per month × 3; per year = per month × 12.
 * 200 emails a day with 21 working days a month is 1,000 a week, 4,200 a month, 12,600 a quarter.
 */
export function activityViews(quantity: number, period: ActivityPeriod, workingDaysPerMonth: number): ActivityViews {
  requireNonNegative("quantity", quantity);
  const perDay = quantity / workingDaysIn(period, workingDaysPerMonth);
  const perMonth = perDay * workingDaysPerMonth;
  return {
    perDay,
    perWeek: perDay * WORKING_DAYS_PER_WEEK,
    perMonth,
    perQuarter: perMonth * 3,
    perYear: perMonth * 12,
  };
}

/** The value of an activity view for a KPI period. */
export function activityForPeriod(views: ActivityViews, period: TargetPeriod): number {
  switch (period) {
    case "day":
      return views.perDay;
    case "week":
      return views.perWeek;
    case "month":
      return views.perMonth;
    case "quarter":
      return views.perQuarter;
    case "year":
      return views.perYear;
  }
}
