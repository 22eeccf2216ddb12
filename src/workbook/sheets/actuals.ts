/**
 * The actuals sheets, `CRM deals` and `CRM activities` (`Affaires CRM`, `Activités CRM`): what the CRM recorded, one
 * Excel table each, laid out exactly as src/workbook/actuals-columns.ts states (title A1, note A2, header row 4,
 * columns from A in contract order). Values only, no formulas: the tracking sheet computes over these columns.
 *
 * A table can hold hundreds of thousands of records, so its rows are built directly as one block (one array per row,
 * no per-cell bookkeeping), and cells carry only what differs from a blank cell: the value, and a number format where
 * the value is a date or an amount. The table style gives the look.
 */
import type { ActivityRecord, Actuals, DealRecord } from "../../plan/actuals";
import { actualsLabels } from "../../plan/actuals-labels";
import { PLAN_LIMITS } from "../../plan/bounds";
import { toExcelSerial } from "../../plan/calendar";
import type { Plan } from "../../plan/schema";
import { rangeAddress } from "../address";
import {
  ACTIVITY_COLUMNS,
  ACTUALS_HEADER_ROW,
  ACTUALS_TABLE_NAMES,
  DEAL_COLUMNS,
  type ActivityColumn,
  type DealColumn,
} from "../actuals-columns";
import { fitsLiteralList } from "../inputs";
import { headerCell, noteCell, SheetBuilder, titleCell } from "../sheet-builder";
import type { CellBlock, CellSpec, DataValidationSpec, SheetKey, SheetSpec } from "../spec";
import { TAB_COLORS } from "../styles";
import type { LayoutContext, SheetLayout } from "./context";

/**
 * A record as the tables hold it: the role a row typed by hand names (read back from its cell) is kept when the plan
 * maps its owner to no role; the plan's owner → role mapping wins otherwise.
 */
export type DealRow = DealRecord & { readonly role?: string };
export type ActivityRow = ActivityRecord & { readonly role?: string };

/** What the actuals tables hold, with the roles of rows typed by hand. */
export interface ActualsRows extends Actuals {
  readonly deals: readonly DealRow[];
  readonly activities: readonly ActivityRow[];
}

const SECONDS_PER_DAY = 86_400;

/**
 * Excel serial of a record date: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SSZ` with the time as the fraction of the day
 * (rounded to Excel's 15 significant digits by the division itself: a serial below 3,000,000 with 5 decimals).
 */
export function recordDateSerial(isoDate: string): number {
  const [day, time] = isoDate.split("T");
  const serial = toExcelSerial(day!);
  if (time === undefined) return serial;
  const [hours, minutes, seconds] = time.replace(/Z$/, "").split(":").map(Number);
  return serial + ((hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0)) / SECONDS_PER_DAY;
}

/** Owner → the name (title) of the plan role the tracking settings map them to. */
export function ownerRoleNames(plan: Plan): ReadonlyMap<string, string> {
  const titles = new Map(plan.organization.roles.map((role) => [role.id, role.title]));
  const names = new Map<string, string>();
  for (const { owner, roleId } of plan.measurement.tracking.owners) {
    const title = titles.get(roleId);
    if (title !== undefined) names.set(owner, title);
  }
  return names;
}

interface ColumnLayout<Row, Column extends string> {
  readonly key: Column;
  readonly width: number;
  readonly cell: (row: Row) => CellSpec | null;
  /** The number format of a blank row's cell, so a date or an amount typed by hand shows as one. */
  readonly blankFormat?: string;
  readonly validation?: { readonly rule: DataValidationSpec["rule"]; readonly errorMessage: string };
}

interface ActualsTableLayout<Row, Column extends string> {
  readonly key: SheetKey;
  readonly tableName: string;
  readonly columnOrder: readonly Column[];
  readonly columns: Readonly<Record<Column, Omit<ColumnLayout<Row, Column>, "key">>>;
  readonly rows: readonly Row[];
  readonly headers: Readonly<Record<Column, string>>;
}

/** The cell helpers shared by both tables, in the plan's language and currency. */
function cellKinds(context: LayoutContext) {
  const { formats } = context;
  const dateTimeFormat = `${formats.date} hh:mm`;
  const text = (value: string | null): CellSpec | null => (value === null || value === "" ? null : { value });
  const date = (value: string | null): CellSpec | null =>
    value === null
      ? null
      : { value: recordDateSerial(value), format: value.includes("T") ? dateTimeFormat : formats.date };
  const dateRule: DataValidationSpec["rule"] = {
    kind: "date",
    min: toExcelSerial(PLAN_LIMITS.dates.min),
    max: toExcelSerial(PLAN_LIMITS.dates.max),
  };
  return { text, date, dateRule, dateTimeFormat };
}

function roleOf(roleNames: ReadonlyMap<string, string>, row: { readonly owner: string; readonly role?: string }) {
  return roleNames.get(row.owner) ?? row.role ?? null;
}

/** The list validation of the role column: the plan's role names, when Excel can hold them as a literal list. */
function roleValidation(context: LayoutContext) {
  const names = [...new Set(context.plan.organization.roles.map((role) => role.title))];
  return fitsLiteralList(names)
    ? { rule: { kind: "list" as const, values: names }, errorMessage: context.text.actuals.validation.role }
    : undefined;
}

function dealColumns(context: LayoutContext): ActualsTableLayout<DealRow, DealColumn>["columns"] {
  const { text, kind, roleNames, statuses } = shared(context);
  const v = context.text.actuals.validation;
  return {
    crmId: { width: 14, cell: (deal) => text(deal.crmId) },
    title: { width: 32, cell: (deal) => text(deal.title) },
    owner: { width: 22, cell: (deal) => text(deal.owner) },
    role: { width: 20, cell: (deal) => text(roleOf(roleNames, deal)), validation: roleValidation(context) },
    value: {
      width: 14,
      cell: (deal) => ({ value: deal.value, format: context.formats.currency }),
      blankFormat: context.formats.currency,
    },
    currency: { width: 10, cell: (deal) => text(deal.currency) },
    status: {
      width: 12,
      cell: (deal) => ({ value: statuses[deal.status] }),
      validation: { rule: { kind: "list", values: Object.values(statuses) }, errorMessage: v.status },
    },
    createdOn: {
      width: 14,
      cell: (deal) => kind.date(deal.createdOn),
      blankFormat: context.formats.date,
      validation: { rule: kind.dateRule, errorMessage: context.text.validation.date },
    },
    closedOn: {
      width: 14,
      cell: (deal) => kind.date(deal.closedOn),
      blankFormat: context.formats.date,
      validation: { rule: kind.dateRule, errorMessage: context.text.validation.date },
    },
    stage: { width: 18, cell: (deal) => text(deal.stage) },
    pipeline: { width: 16, cell: (deal) => text(deal.pipeline) },
    source: { width: 16, cell: (deal) => text(deal.source) },
  };
}

function activityColumns(context: LayoutContext): ActualsTableLayout<ActivityRow, ActivityColumn>["columns"] {
  const { text, kind, roleNames, types } = shared(context);
  const v = context.text.actuals.validation;
  return {
    crmId: { width: 14, cell: (activity) => text(activity.crmId) },
    type: {
      width: 12,
      cell: (activity) => ({ value: types[activity.type] }),
      validation: { rule: { kind: "list", values: Object.values(types) }, errorMessage: v.type },
    },
    rawType: { width: 18, cell: (activity) => text(activity.rawType) },
    owner: { width: 22, cell: (activity) => text(activity.owner) },
    role: { width: 20, cell: (activity) => text(roleOf(roleNames, activity)), validation: roleValidation(context) },
    dueOn: {
      width: 14,
      cell: (activity) => kind.date(activity.dueOn),
      blankFormat: context.formats.date,
      validation: { rule: kind.dateRule, errorMessage: context.text.validation.date },
    },
    done: { width: 8, cell: (activity) => ({ value: activity.done }) },
    doneAt: {
      width: 18,
      cell: (activity) => kind.date(activity.doneAt),
      blankFormat: kind.dateTimeFormat,
      validation: { rule: kind.dateRule, errorMessage: context.text.validation.date },
    },
  };
}

function shared(context: LayoutContext) {
  const kind = cellKinds(context);
  const labels = actualsLabels(context.locale);
  return {
    text: kind.text,
    kind,
    roleNames: ownerRoleNames(context.plan),
    statuses: labels.dealStatus,
    types: labels.activityType,
  };
}

/**
 * The header row and one row per record as a single block anchored at A{ACTUALS_HEADER_ROW}; an empty table keeps
 * one blank row (Excel needs a table body), with the formats of the date and amount columns.
 */
export function recordsBlock<Row, Column extends string>(layout: ActualsTableLayout<Row, Column>): CellBlock {
  const { headers } = layout;
  const columns = layout.columnOrder.map((key) => layout.columns[key]);
  const rows: (CellSpec | null)[][] = [layout.columnOrder.map((key) => headerCell(headers[key]))];
  for (const record of layout.rows) {
    const cells = new Array<CellSpec | null>(columns.length);
    for (let column = 0; column < columns.length; column++) cells[column] = columns[column]!.cell(record);
    rows.push(cells);
  }
  if (layout.rows.length === 0) {
    rows.push(columns.map((column) => (column.blankFormat === undefined ? null : { format: column.blankFormat })));
  }
  return { id: "records", anchor: `A${ACTUALS_HEADER_ROW}`, rows };
}

function actualsSheet<Row, Column extends string>(
  context: LayoutContext,
  layout: ActualsTableLayout<Row, Column>,
  title: string,
): SheetLayout {
  const { text } = context;
  const sheet = new SheetBuilder(layout.key, context.sheetNames[layout.key], TAB_COLORS[layout.key]);
  const header = sheet.block("title");
  header.set({ row: 0, column: 0 }, titleCell(title));
  header.set({ row: 1, column: 0 }, noteCell(text.actuals.note));

  const headerRow = ACTUALS_HEADER_ROW - 1;
  const firstRow = headerRow + 1;
  const lastRow = headerRow + Math.max(layout.rows.length, 1);
  const lastColumn = layout.columnOrder.length - 1;
  layout.columnOrder.forEach((key, column) => {
    const spec = layout.columns[key];
    sheet.width(column, spec.width);
    if (spec.validation) {
      sheet.validate(
        { start: { row: firstRow, column }, end: { row: lastRow, column } },
        spec.validation.rule,
        spec.validation.errorMessage,
      );
    }
  });
  const range = { start: { row: headerRow, column: 0 }, end: { row: lastRow, column: lastColumn } };
  sheet.table({ name: layout.tableName, range: rangeAddress(range), style: "TableStyleLight9", showBandedRows: true });
  sheet.freeze(headerRow + 1, 0);
  sheet.printing("landscape", { first: headerRow, last: headerRow });
  const built: SheetSpec = sheet.build();
  return {
    sheet: {
      ...built,
      blocks: [...built.blocks, recordsBlock(layout)],
      print: { ...built.print, area: rangeAddress({ start: { row: 0, column: 0 }, end: range.end }) },
    },
    names: [],
  };
}

/** `CRM deals`: one row per deal, columns as DEAL_COLUMNS. */
export function dealsSheet(context: LayoutContext, actuals: ActualsRows | undefined): SheetLayout {
  return actualsSheet(
    context,
    {
      key: "deals",
      tableName: ACTUALS_TABLE_NAMES.deals,
      columnOrder: DEAL_COLUMNS,
      columns: dealColumns(context),
      rows: actuals?.deals ?? [],
      headers: context.text.actuals.headers,
    },
    context.text.sheetTitles.deals,
  );
}

/** `CRM activities`: one row per activity, columns as ACTIVITY_COLUMNS. */
export function activitiesSheet(context: LayoutContext, actuals: ActualsRows | undefined): SheetLayout {
  return actualsSheet(
    context,
    {
      key: "activities",
      tableName: ACTUALS_TABLE_NAMES.activities,
      columnOrder: ACTIVITY_COLUMNS,
      columns: activityColumns(context),
      rows: actuals?.activities ?? [],
      headers: context.text.actuals.headers,
    },
    context.text.sheetTitles.activities,
  );
}
