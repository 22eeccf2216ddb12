import { PlanMathError } from "./errors";

/**
 * Calendar conventions.
 * - Months are written `YYYY-MM`, dates `YYYY-MM-DD`, and all date arithmetic is done in UTC (no time zone shifts).
 * - A fiscal year starts in `fiscalYearStartMonth` (1 = January) and is named by the calendar year in which it ends:
 *   with a January start FY2026 is calendar 2026; with an April start FY2027 runs from April 2026 to March 2027.
 * - Fiscal quarters are the fiscal year's months 1-3, 4-6, 7-9 and 10-12, labelled `FY2027 Q1`.
 * - Excel serial dates count days since 1899-12-30 (so 1900-03-01 is 61, 2027-01-01 is 46388); dates before
 *   1900-03-01 are refused because Excel's 1900 leap-year bug makes them ambiguous.
 */

export interface YearMonth {
  readonly year: number;
  /** 1 = January. */
  readonly month: number;
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const FIRST_UNAMBIGUOUS_SERIAL = 61; // 1900-03-01

export function parseYearMonth(value: string): YearMonth {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new PlanMathError("month", `must be written YYYY-MM (got "${value}")`);
  return { year: Number(match[1]), month };
}

export function formatYearMonth({ year, month }: YearMonth): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function addMonths({ year, month }: YearMonth, count: number): YearMonth {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function requireStartMonth(fiscalYearStartMonth: number): void {
  if (!Number.isInteger(fiscalYearStartMonth) || fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
    throw new PlanMathError("fiscalYearStartMonth", "must be a whole number from 1 to 12");
  }
}

/** The fiscal year (named by the calendar year it ends in) of a calendar month. */
export function fiscalYearOf({ year, month }: YearMonth, fiscalYearStartMonth: number): number {
  requireStartMonth(fiscalYearStartMonth);
  return fiscalYearStartMonth === 1 || month < fiscalYearStartMonth ? year : year + 1;
}

/** The fiscal month (1 = the fiscal year's first month) of a calendar month. */
export function fiscalMonthOf({ month }: YearMonth, fiscalYearStartMonth: number): number {
  requireStartMonth(fiscalYearStartMonth);
  return ((month - fiscalYearStartMonth + 12) % 12) + 1;
}

/** The fiscal quarter (1-4) of a calendar month. */
export function fiscalQuarterOf(yearMonth: YearMonth, fiscalYearStartMonth: number): number {
  return Math.floor((fiscalMonthOf(yearMonth, fiscalYearStartMonth) - 1) / 3) + 1;
}

export interface FiscalQuarter {
  readonly fiscalYear: number;
  readonly quarter: number;
  /** `FY2027 Q1`. */
  readonly label: string;
}

export function fiscalQuarter(yearMonth: YearMonth, fiscalYearStartMonth: number): FiscalQuarter {
  const fiscalYear = fiscalYearOf(yearMonth, fiscalYearStartMonth);
  const quarter = fiscalQuarterOf(yearMonth, fiscalYearStartMonth);
  return { fiscalYear, quarter, label: `FY${fiscalYear} Q${quarter}` };
}

/** Parses `YYYY-MM-DD` strictly (a real calendar date). */
export function parseIsoDate(value: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new PlanMathError("date", `must be a real date written YYYY-MM-DD (got "${value}")`);
}

/**
 * `YYYY-MM-DD` of the calendar day where the user is (the machine's time zone), for dates shown as "today" such as a
 * workbook's generation date. Not `toISOString()`, which gives the day in UTC: a day earlier or later than the user's
 * for part of every day outside UTC.
 */
export function localIsoDate(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** Excel serial number of a `YYYY-MM-DD` date (days since 1899-12-30, UTC). */
export function toExcelSerial(isoDate: string): number {
  const { year, month, day } = parseIsoDate(isoDate);
  const serial = (Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / MS_PER_DAY;
  if (serial < FIRST_UNAMBIGUOUS_SERIAL) throw new PlanMathError("date", "must be 1900-03-01 or later");
  return serial;
}

/** The serial of 10000-01-01: 9999-12-31 at any time of day is below it. */
const END_OF_EXCEL_DATES = 2_958_466;

/** The UTC midnight of an Excel serial date's day (its whole part; the time of day is dropped). */
function dateOfSerial(serial: number): Date {
  if (!Number.isFinite(serial) || serial < FIRST_UNAMBIGUOUS_SERIAL || serial >= END_OF_EXCEL_DATES) {
    throw new PlanMathError("date", "must be an Excel date from 1900-03-01 (61) to 9999-12-31 (2958465)");
  }
  return new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
}

/** The `YYYY-MM-DD` date of an Excel serial number (its whole part; the time of day is dropped). */
export function fromExcelSerial(serial: number): string {
  return dateOfSerial(serial).toISOString().slice(0, 10);
}

/** The calendar month of an Excel serial date (read from the date itself, without formatting it as text). */
export function yearMonthOfSerial(serial: number): YearMonth {
  const date = dateOfSerial(serial);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** Serial of the first day of a month. */
export function monthStartSerial({ year, month }: YearMonth): number {
  return (Date.UTC(year, month - 1, 1) - EXCEL_EPOCH_UTC) / MS_PER_DAY;
}

export interface PlanMonth extends YearMonth {
  /** 0-based index in the horizon. */
  readonly index: number;
  /** 0-based plan year: months 0-11 are plan year 0. */
  readonly planYear: number;
  /** `2027-01`. */
  readonly label: string;
  readonly fiscal: FiscalQuarter;
  /** 1 = the first month of the fiscal year. */
  readonly fiscalMonth: number;
  /** Serial of the month's first day. */
  readonly startSerial: number;
}

/** The months of a horizon starting at `startMonth`. */
export function horizonMonths(startMonth: string, count: number, fiscalYearStartMonth: number): PlanMonth[] {
  const start = parseYearMonth(startMonth);
  return Array.from({ length: count }, (_, index) => {
    const yearMonth = addMonths(start, index);
    return {
      ...yearMonth,
      index,
      planYear: Math.floor(index / 12),
      label: formatYearMonth(yearMonth),
      fiscal: fiscalQuarter(yearMonth, fiscalYearStartMonth),
      fiscalMonth: fiscalMonthOf(yearMonth, fiscalYearStartMonth),
      startSerial: monthStartSerial(yearMonth),
    };
  });
}

export interface PlanQuarter extends FiscalQuarter {
  /** 0-based index of the quarter in the horizon. */
  readonly index: number;
  /** Indices of the horizon months in this quarter (3, or fewer for a partial first or last quarter). */
  readonly monthIndices: readonly number[];
  /** Serial of the quarter's first day (its first month in the horizon). */
  readonly startSerial: number;
  /** Serial of the day after the quarter's last month in the horizon. */
  readonly endSerial: number;
}

/**
 * The whole fiscal quarter holding a calendar month, as Excel serials: its first day and the day after its last day
 * (so `endSerial - startSerial` is the quarter's length in days). A horizon that starts or ends mid-quarter has
 * partial first or last quarters in `horizonQuarters`; this gives their full extent (a Gantt's time axis spans whole
 * quarters so that its gridlines fall on quarter starts).
 */
export function fiscalQuarterSpan(
  yearMonth: YearMonth,
  fiscalYearStartMonth: number,
): { readonly startSerial: number; readonly endSerial: number } {
  const monthInQuarter = (fiscalMonthOf(yearMonth, fiscalYearStartMonth) - 1) % 3;
  const first = addMonths(yearMonth, -monthInQuarter);
  return { startSerial: monthStartSerial(first), endSerial: monthStartSerial(addMonths(first, 3)) };
}

/** The fiscal quarters a horizon touches, in order, with the months of each. */
export function horizonQuarters(months: readonly PlanMonth[]): PlanQuarter[] {
  const quarters: PlanQuarter[] = [];
  for (const month of months) {
    const last = quarters[quarters.length - 1];
    const nextStart = monthStartSerial(addMonths(month, 1));
    if (last && last.label === month.fiscal.label) {
      quarters[quarters.length - 1] = {
        ...last,
        monthIndices: [...last.monthIndices, month.index],
        endSerial: nextStart,
      };
    } else {
      quarters.push({
        ...month.fiscal,
        index: quarters.length,
        monthIndices: [month.index],
        startSerial: month.startSerial,
        endSerial: nextStart,
      });
    }
  }
  return quarters;
}
