/**
 * Amounts and dates of a CRM export, read per column. A column follows one convention (decimal point or decimal
 * comma; day/month or month/day), found from the values that can only be read one way; a value that fits both
 * readings is never guessed: it is refused with the two readings, and the caller asks the user for the convention.
 */
import { PLAN_LIMITS } from "../plan/bounds";
import type { CrmMessageKey, CrmMessageParams } from "./messages";
import type { RawCell } from "./raw-table";

export type DecimalSeparator = "." | ",";
export type DateOrder = "dmy" | "mdy";

/** A value read, or the reason it could not be (a message key and its parameters). */
export type CellResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly key: CrmMessageKey; readonly params: CrmMessageParams };

/** What a column needs the user to decide before its undecided values can be read. */
export interface ColumnQuestion {
  readonly kind: "decimalSeparator" | "dateOrder";
  /** Up to three values of the column that fit both readings. */
  readonly examples: readonly string[];
}

export interface ColumnResult<T> {
  /** One result per cell, in order; null for blank cells. */
  readonly cells: readonly (CellResult<T> | null)[];
  readonly question: ColumnQuestion | null;
}

const fail = <T>(key: CrmMessageKey, params: CrmMessageParams): CellResult<T> => ({ ok: false, key, params });
const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });

// ---------------------------------------------------------------------------------------------------------------
// Amounts

/** Spaces used as thousands separators: ordinary, no-break (U+00A0, Excel fr-FR), narrow no-break (U+202F), thin. */
const GROUP_SPACES = /[\s\u00A0\u202F\u2009']/g;
/** Currency marks allowed around an amount: symbols, and ISO codes before or after the digits. */
const CURRENCY_MARKS = /^[A-Z]{3}(?=[\s\u00A0\u202F\d-])|[A-Z]{3}$|[€$£¥₣₹]|CHF|US\$/g;

type AmountShape =
  | { kind: "plain"; digits: string } // no separator: both conventions read it the same
  | { kind: "fits"; point: number | null; comma: number | null }; // reading under each convention (null: does not fit)

/** `1,234.56` → 1234.56 with "." as the decimal separator; null when the grouping is not by threes. */
function readWith(body: string, decimal: DecimalSeparator): number | null {
  const group = decimal === "." ? "," : ".";
  const decimalAt = body.lastIndexOf(decimal);
  if (body.indexOf(decimal) !== decimalAt) return null;
  const integerPart = decimalAt === -1 ? body : body.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? "" : body.slice(decimalAt + 1);
  if (!/^\d*$/.test(fraction) || (decimalAt !== -1 && fraction === "")) return null;
  const groups = integerPart.split(group);
  if (groups.some((part) => !/^\d+$/.test(part))) return null;
  if (groups.length > 1 && (groups[0]!.length > 3 || groups.slice(1).some((part) => part.length !== 3))) return null;
  return Number(`${groups.join("")}.${fraction || "0"}`);
}

function amountShape(text: string): { sign: number; shape: AmountShape } | null {
  let body = text.trim().replace(CURRENCY_MARKS, "").replace(GROUP_SPACES, "");
  let sign = 1;
  if (/^\(.*\)$/.test(body)) {
    sign = -1;
    body = body.slice(1, -1);
  }
  if (body.startsWith("-")) {
    sign = -sign;
    body = body.slice(1);
  } else if (body.startsWith("+")) body = body.slice(1);
  if (body.endsWith("-") && sign === 1) {
    sign = -1;
    body = body.slice(0, -1);
  }
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return null;
  if (/^\d+$/.test(body)) return { sign, shape: { kind: "plain", digits: body } };
  return { sign, shape: { kind: "fits", point: readWith(body, "."), comma: readWith(body, ",") } };
}

const formatReading = (value: number): string => String(value);

/** Symbols that name one currency; "$" and "¥" name several and are returned as written. */
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { "€": "EUR", "£": "GBP", "₹": "INR", US$: "USD" };

/**
 * The currency an amount's text carries (`€1,200` → EUR, `300 GBP` → GBP, `$5` → "$"), or null when it has none;
 * lets an export without a currency column still show amounts in another currency.
 */
export function currencyMarkOf(text: string): string | null {
  const trimmed = text.trim();
  const code = /^([A-Z]{3})(?=[\s\u00A0\u202F\d-])|(?:[\d\s\u00A0\u202F])([A-Z]{3})$/.exec(trimmed);
  if (code) return code[1] ?? code[2]!;
  if (trimmed.includes("US$")) return "USD";
  const symbol = /[€$£¥₹]/.exec(trimmed)?.[0];
  if (symbol === undefined) return null;
  return CURRENCY_SYMBOLS[symbol] ?? symbol;
}

/**
 * Reads a column of amounts. Numbers (from .xlsx) are taken as they are. Text is read with `decimalSeparator` when
 * given; otherwise with the separator that every unambiguous text value of the column agrees on (the majority when
 * they disagree, the others then refused); `1,234` or `1.234` alone could be either and are refused with a question.
 */
export function parseAmountColumn(
  cells: readonly RawCell[],
  decimalSeparator?: DecimalSeparator,
): ColumnResult<number> {
  const shapes = cells.map((cell) => (typeof cell === "string" && cell.trim() !== "" ? amountShape(cell) : null));
  let votesPoint = 0;
  let votesComma = 0;
  for (const entry of shapes) {
    if (entry?.shape.kind !== "fits") continue;
    if (entry.shape.point !== null && entry.shape.comma === null) votesPoint++;
    if (entry.shape.comma !== null && entry.shape.point === null) votesComma++;
  }
  const decided: DecimalSeparator | null =
    decimalSeparator ?? (votesPoint === 0 && votesComma === 0 ? null : votesComma > votesPoint ? "," : ".");
  const examples: string[] = [];
  const results = cells.map((cell, index): CellResult<number> | null => {
    if (cell === null || (typeof cell === "string" && cell.trim() === "")) return null;
    if (typeof cell === "number") return Number.isFinite(cell) ? ok(cell) : fail("amount", { value: String(cell) });
    if (typeof cell !== "string") return fail("amount", { value: String(cell) });
    const entry = shapes[index];
    if (!entry) return fail("amount", { value: cell });
    const { sign, shape } = entry;
    if (shape.kind === "plain") return ok(sign * Number(shape.digits));
    if (shape.point === null && shape.comma === null) return fail("amount", { value: cell });
    if (decided === null) {
      if (shape.point !== null && shape.comma !== null) {
        if (examples.length < 3) examples.push(cell);
        return fail("amountAmbiguous", {
          value: cell,
          asPoint: formatReading(sign * shape.point),
          asComma: formatReading(sign * shape.comma),
        });
      }
      return ok(sign * (shape.point ?? shape.comma)!);
    }
    const reading = decided === "." ? shape.point : shape.comma;
    if (reading === null) {
      return fail("amountConvention", {
        value: cell,
        decimal: decided,
        example: decided === "." ? "1,234.56" : "1 234,56",
      });
    }
    return ok(sign * reading);
  });
  return { cells: results, question: examples.length > 0 ? { kind: "decimalSeparator", examples } : null };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const MS_PER_DAY = 86_400_000;
/** Serial 0 counted from 1899-12-30, so that serial 61 is 1900-03-01 (Excel's fictitious 1900-02-29 is 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const utcMsOf = (isoDay: string): number => Date.parse(`${isoDay}T00:00:00Z`);

/**
 * The dates an import accepts are the plan's (PLAN_LIMITS.dates, Excel's range): from 1900-03-01, serial 61 (lower
 * serials pass through Excel's fictitious 1900-02-29), to the end of 9999-12-31, serial 2,958,465 (a larger serial
 * is no date in Excel and has no four-digit year).
 */
const FIRST_DATE_MS = utcMsOf(PLAN_LIMITS.dates.min);
const END_OF_LAST_DATE_MS = utcMsOf(PLAN_LIMITS.dates.max) + MS_PER_DAY;
const FIRST_SAFE_SERIAL = (FIRST_DATE_MS - EXCEL_EPOCH_MS) / MS_PER_DAY;
const END_OF_LAST_SERIAL = (END_OF_LAST_DATE_MS - EXCEL_EPOCH_MS) / MS_PER_DAY;
const DATE_RANGE = { min: PLAN_LIMITS.dates.min, max: PLAN_LIMITS.dates.max };

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/**
 * `YYYY-MM-DD` when the time is midnight or absent, else `YYYY-MM-DDTHH:MM:SSZ`: the export's wall-clock time written
 * in the zone-less form Excel serials share (the `Z` says "no offset to apply", not "converted to UTC").
 */
function isoOf(date: Date, hasTime: boolean): string {
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (!hasTime) return day;
  return `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`;
}

function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const TIME = String.raw`(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`, "i");
const SLASH_DATE = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`, "i");

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number | null;
  minute: number;
  second: number;
  offsetMinutes: number;
}

function timeParts(match: RegExpMatchArray, from: number): Omit<DateParts, "year" | "month" | "day"> {
  const hour = match[from];
  if (hour === undefined) return { hour: null, minute: 0, second: 0, offsetMinutes: 0 };
  const zone = match[from + 3];
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== "Z") {
    const digits = zone.replace(":", "");
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return { hour: Number(hour), minute: Number(match[from + 1]), second: Number(match[from + 2] ?? 0), offsetMinutes };
}

function buildDate(parts: DateParts, value: string): CellResult<string> {
  const { year, month, day, hour, minute, second, offsetMinutes } = parts;
  if (!realDate(year, month, day) || (hour !== null && (hour > 23 || minute > 59 || second > 59))) {
    return fail("dateInvalid", { value });
  }
  // The wall-clock time the export shows is kept and its offset dropped: Excel's dates have no time zone, and a deal
  // a rep won at 20:00 on 31 March in New York (`-05:00`) belongs to March in every report the rep and finance read,
  // not to 1 April, its UTC instant. The offset is still checked to be a real one.
  if (Math.abs(offsetMinutes) > 14 * 60) return fail("dateInvalid", { value });
  const ms = Date.UTC(year, month - 1, day, hour ?? 0, minute, second);
  if (ms < FIRST_DATE_MS || ms >= END_OF_LAST_DATE_MS) {
    return fail("dateRange", { value, ...DATE_RANGE });
  }
  return ok(isoOf(new Date(ms), hour !== null));
}

function fromSerial(serial: number, value: string): CellResult<string> {
  if (!Number.isFinite(serial) || serial <= 0) return fail("date", { value });
  if (serial < FIRST_SAFE_SERIAL || serial >= END_OF_LAST_SERIAL) return fail("dateRange", { value, ...DATE_RANGE });
  const ms = Math.round((EXCEL_EPOCH_MS + serial * MS_PER_DAY) / 1000) * 1000;
  return ok(isoOf(new Date(ms), !Number.isInteger(serial)));
}

/**
 * Reads a column of dates into ISO text: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SSZ` when the export has a time (kept for
 * response-time SLAs), the wall-clock time as the export shows it (an offset is dropped, not applied: see
 * buildDate). Accepts ISO dates (with a time and offset), DD/MM/YYYY and MM/DD/YYYY (also with
 * dots or dashes, with a time), Excel serial numbers and .xlsx dates. The day/month order is `dateOrder` when given,
 * else the one the column's unambiguous values show; when every value has both parts ≤ 12, those values are
 * refused and the result asks for the order.
 */
export function parseDateColumn(cells: readonly RawCell[], dateOrder?: DateOrder): ColumnResult<string> {
  const slashes = cells.map((cell) => (typeof cell === "string" ? SLASH_DATE.exec(cell.trim()) : null));
  let dmyOnly = 0;
  let mdyOnly = 0;
  for (const match of slashes) {
    if (!match) continue;
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first > 12 && second <= 12) dmyOnly++;
    if (second > 12 && first <= 12) mdyOnly++;
  }
  const order: DateOrder | null =
    dateOrder ?? (dmyOnly === 0 && mdyOnly === 0 ? null : dmyOnly >= mdyOnly ? "dmy" : "mdy");
  const examples: string[] = [];
  const results = cells.map((cell, index): CellResult<string> | null => {
    if (cell === null || (typeof cell === "string" && cell.trim() === "")) return null;
    if (cell instanceof Date) {
      if (Number.isNaN(cell.getTime())) return fail("date", { value: String(cell) });
      if (cell.getTime() < FIRST_DATE_MS || cell.getTime() >= END_OF_LAST_DATE_MS) {
        return fail("dateRange", { value: isoOf(cell, cell.getTime() % MS_PER_DAY !== 0), ...DATE_RANGE });
      }
      const hasTime = cell.getTime() % MS_PER_DAY !== 0;
      return ok(isoOf(cell, hasTime));
    }
    if (typeof cell === "number") return fromSerial(cell, String(cell));
    if (typeof cell !== "string") return fail("date", { value: String(cell) });
    const value = cell.trim();
    const iso = ISO_DATE.exec(value);
    if (iso) {
      return buildDate(
        { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), ...timeParts(iso, 4) },
        value,
      );
    }
    const slash = slashes[index];
    if (!slash) return fail("date", { value });
    const first = Number(slash[1]);
    const second = Number(slash[2]);
    const time = timeParts(slash, 4);
    const year = Number(slash[3]);
    if (order === null) {
      if (first <= 12 && second <= 12 && first !== second) {
        if (examples.length < 3) examples.push(value);
        return fail("dateAmbiguous", { value });
      }
      // 05/05/2027 reads the same either way.
      return buildDate({ year, month: second, day: first, ...time }, value);
    }
    const [day, month] = order === "dmy" ? [first, second] : [second, first];
    if (month > 12) return fail("dateOrderConflict", { value, order: order === "dmy" ? "DD/MM/YYYY" : "MM/DD/YYYY" });
    return buildDate({ year, month, day, ...time }, value);
  });
  return { cells: results, question: examples.length > 0 ? { kind: "dateOrder", examples } : null };
}
