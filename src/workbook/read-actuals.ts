/**
 * The actuals sheets as read from a workbook → records: what the tables hold now, imported rows and rows typed by hand
 * alike, so that an import merges with them and Generate or Update writes them back. Pure; never throws on what a
 * user typed: a cell that cannot be read is reported with its sheet and cell, in the plan's language, as the plan's
 * read-back reports (`CRM deals!G7: Status must be Won, Lost or Open (got "Wonn")`).
 *
 * Columns are those of actuals-columns.ts, counted from the table's first column (from A when the sheet has no table
 * any more). Every row below the header row is read, inside the table or not: the tracking sheet's whole-column
 * formulas count them all. A row whose cells are all empty is skipped. Labels of either language are accepted, and
 * numbers or dates typed where text belongs become their text.
 */
import type { ActivityType, DealStatus } from "../plan/actuals";
import { activityTypeOfLabel, dealStatusOfLabel } from "../plan/actuals-labels";
import { fromExcelSerial, toExcelSerial } from "../plan/calendar";
import type { PlanLocale } from "../plan/schema";
import { cellAddress, parseRangeAddress } from "./address";
import {
  ACTIVITY_COLUMNS,
  ACTUALS_HEADER_ROW,
  ACTUALS_TABLE_NAMES,
  DEAL_COLUMNS,
  type ActivityColumn,
  type DealColumn,
} from "./actuals-columns";
import { describeCell, isEmptyCell, type RawCell } from "./cell-values";
import { layoutText, type LayoutText } from "./i18n";
import type { ReadBackIssue } from "./read-back";
import type { ActivityRow, ActualsRows, DealRow } from "./sheets/actuals";
import type { SheetSnapshot } from "./spec";

export interface ActualsReadResult {
  /** The rows that read cleanly (a row with a bad cell is left out and reported). */
  readonly actuals: ActualsRows;
  readonly issues: readonly ReadBackIssue[];
  /**
   * How many of the records come from rows inside each table (the first ones: records are in row order); the others
   * were typed below it. The layout the sheet was written from holds only the former.
   */
  readonly inTable: { readonly deals: number; readonly activities: number };
}

const SECONDS_PER_DAY = 86_400;
const NUMBER = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?Z?)?$/;
const TRUE_WORDS = new Set(["TRUE", "VRAI", "YES", "OUI", "1"]);
const FALSE_WORDS = new Set(["FALSE", "FAUX", "NO", "NON", "0"]);

/** A cell that could not be read: the problem in the plan's language. */
class CellProblem extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = "CellProblem";
  }
}

/**
 * `YYYY-MM-DD` for a whole serial (or midnight), `YYYY-MM-DDTHH:MM:SSZ` when it has a time, to the second: the
 * records' own form (src/crm/values.ts).
 */
export function recordDateOfSerial(serial: number): string {
  let day = Math.floor(serial);
  let seconds = Math.round((serial - day) * SECONDS_PER_DAY);
  if (seconds === SECONDS_PER_DAY) {
    day += 1;
    seconds = 0;
  }
  const date = fromExcelSerial(day);
  if (seconds === 0) return date;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date}T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}Z`;
}

function cellReaders(text: LayoutText) {
  const messages = text.actuals.readBack;
  const textOf = (raw: RawCell): string | null => {
    if (isEmptyCell(raw)) return null;
    if (typeof raw === "string") return raw;
    if (typeof raw === "number") return String(raw);
    return raw ? text.readBack.trueWord : text.readBack.falseWord;
  };
  const required = <T>(value: T | null): T => {
    if (value === null) throw new CellProblem(messages.missing);
    return value;
  };
  const number = (raw: RawCell): number | null => {
    if (isEmptyCell(raw)) return null;
    if (typeof raw === "number") return raw;
    if (typeof raw === "string" && NUMBER.test(raw.trim())) return Number(raw.trim().replace(",", "."));
    throw new CellProblem(text.readBack.notNumber);
  };
  const date = (raw: RawCell): string | null => {
    if (isEmptyCell(raw)) return null;
    if (typeof raw === "number") {
      try {
        return recordDateOfSerial(raw);
      } catch {
        throw new CellProblem(messages.notDateTime);
      }
    }
    const match = typeof raw === "string" ? ISO_DATE_TIME.exec(raw.trim()) : null;
    if (!match) throw new CellProblem(messages.notDateTime);
    const [, day, hours, minutes, seconds] = match;
    try {
      // A real calendar day Excel can hold (1900-03-01 or later).
      toExcelSerial(day!);
    } catch {
      throw new CellProblem(messages.notDateTime);
    }
    if (hours === undefined) return day!;
    if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59)
      throw new CellProblem(messages.notDateTime);
    const time = `${hours}:${minutes!}:${seconds ?? "00"}`;
    return time === "00:00:00" ? day! : `${day!}T${time}Z`;
  };
  const boolean = (raw: RawCell): boolean => {
    if (isEmptyCell(raw)) return false;
    if (typeof raw === "boolean") return raw;
    const word = String(raw).trim().toUpperCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    throw new CellProblem(text.readBack.notBoolean);
  };
  const status = (raw: RawCell): DealStatus => {
    const found = dealStatusOfLabel(required(textOf(raw)));
    if (found === undefined) throw new CellProblem(messages.notStatus);
    return found;
  };
  const type = (raw: RawCell): ActivityType => {
    const found = activityTypeOfLabel(required(textOf(raw)));
    if (found === undefined) throw new CellProblem(messages.notType);
    return found;
  };
  return { textOf, required, number, date, boolean, status, type };
}

type Readers = ReturnType<typeof cellReaders>;

interface TableRead<Column extends string, Row> {
  readonly columns: readonly Column[];
  readonly tableName: string;
  readonly build: (cell: (column: Column) => RawCell, read: Readers) => Row;
}

/** Reads one table's rows; a cell that cannot be read adds an issue and leaves its row out. */
function readTable<Column extends string, Row>(
  snapshot: SheetSnapshot | undefined,
  table: TableRead<Column, Row>,
  locale: PlanLocale,
  issues: ReadBackIssue[],
): { rows: Row[]; inTable: number } {
  if (!snapshot) return { rows: [], inTable: 0 };
  const text = layoutText(locale);
  const read = cellReaders(text);
  const headers = text.actuals.headers as Readonly<Record<string, string>>;
  const current = snapshot.tableRanges[table.tableName];
  const range = current === undefined ? undefined : parseRangeAddress(current);
  const headerRow = range?.start.row ?? ACTUALS_HEADER_ROW - 1;
  const firstColumn = range?.start.column ?? 0;
  const rows: Row[] = [];
  const tableEnd = range?.end.row ?? Number.POSITIVE_INFINITY;
  let inTable = 0;
  for (let row = headerRow + 1; row < snapshot.values.length; row++) {
    const cells = snapshot.values[row] ?? [];
    const raw = (index: number): RawCell => cells[firstColumn + index] ?? null;
    if (table.columns.every((_, index) => isEmptyCell(raw(index)))) continue;
    let reading: Column | undefined;
    try {
      rows.push(
        table.build((column) => {
          reading = column;
          return raw(table.columns.indexOf(column));
        }, read),
      );
      if (row <= tableEnd) inTable++;
    } catch (error) {
      if (!(error instanceof CellProblem) || reading === undefined) throw error;
      const index = table.columns.indexOf(reading);
      const cell = cellAddress({ row, column: firstColumn + index });
      const value = raw(index);
      const got = isEmptyCell(value) ? "" : ` ${text.readBack.got(describeCell(value, false, locale, text))}`;
      issues.push({
        sheet: snapshot.name,
        cell,
        message: `${snapshot.name}!${cell}: ${headers[reading] ?? reading} ${error.problem}${got}`,
      });
    }
  }
  return { rows, inTable };
}

const DEALS: TableRead<DealColumn, DealRow> = {
  columns: DEAL_COLUMNS,
  tableName: ACTUALS_TABLE_NAMES.deals,
  build: (cell, read) => {
    const role = read.textOf(cell("role"));
    return {
      crmId: read.textOf(cell("crmId")),
      title: read.textOf(cell("title")) ?? "",
      owner: read.required(read.textOf(cell("owner"))),
      ...(role === null ? {} : { role }),
      value: read.required(read.number(cell("value"))),
      currency: read.textOf(cell("currency"))?.trim().toUpperCase() || null,
      status: read.status(cell("status")),
      createdOn: read.date(cell("createdOn")),
      closedOn: read.date(cell("closedOn")),
      stage: read.textOf(cell("stage")),
      pipeline: read.textOf(cell("pipeline")),
      source: read.textOf(cell("source")),
    };
  },
};

const ACTIVITIES: TableRead<ActivityColumn, ActivityRow> = {
  columns: ACTIVITY_COLUMNS,
  tableName: ACTUALS_TABLE_NAMES.activities,
  build: (cell, read) => {
    const role = read.textOf(cell("role"));
    const crmId = read.textOf(cell("crmId"));
    const type = read.type(cell("type"));
    const rawType = read.textOf(cell("rawType")) ?? "";
    return {
      crmId,
      type,
      rawType,
      owner: read.required(read.textOf(cell("owner"))),
      ...(role === null ? {} : { role }),
      dueOn: read.date(cell("dueOn")),
      done: read.boolean(cell("done")),
      doneAt: read.date(cell("doneAt")),
    };
  },
};

/**
 * The records of the `deals` and `activities` snapshots (either may be missing: no records), with the cells that
 * could not be read. `locale` is the plan's: it words the messages; labels of every language are read.
 */
export function readActuals(snapshots: readonly SheetSnapshot[], locale: PlanLocale): ActualsReadResult {
  const issues: ReadBackIssue[] = [];
  const deals = readTable(
    snapshots.find((snapshot) => snapshot.key === "deals"),
    DEALS,
    locale,
    issues,
  );
  const activities = readTable(
    snapshots.find((snapshot) => snapshot.key === "activities"),
    ACTIVITIES,
    locale,
    issues,
  );
  return {
    actuals: { deals: deals.rows, activities: activities.rows },
    issues,
    inTable: { deals: deals.inTable, activities: activities.inTable },
  };
}
