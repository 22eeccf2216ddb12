/**
 * Generated sheets → plan, using only the spec: every bound cell (`bind`) and every bound table (`TableBinding`)
 * converts its cells back to plan values, the plan is validated with the plan's own schema, and every problem is
 * reported with the sheet and cell it came from, in the sheet's language:
 *
 *   2 Objectives!C23: the conversion rate must be greater than 0 % and at most 100 % (got 140 %)
 *
 * Tables are read where they are now (`SheetSnapshot.tableRanges`): rows the user added are read (an added row
 * without an id gets one made from its name), deleted and empty rows are skipped, and `keepFields` come from the
 * current plan's item with the same id. A bound cell inside a table's range moves with the table.
 */
import { formatPath } from "../plan/messages";
import type { Plan } from "../plan/schema";
import { validatePlan } from "../plan/validate";
import { cellAddress, parseCellAddress, parseRangeAddress, type CellPosition, type RangePosition } from "./address";
import { convertCell, describeCell, formatNumber, isEmptyCell, type RawCell, type ValueBinding } from "./cell-values";
import { deletePath, getPath, parsePath, setPath, type PathSegment } from "./field-path";
import { layoutText, type LayoutText } from "./i18n";
import type { SheetSnapshot, SheetSpec, TableSpec, WorkbookSpec } from "./spec";

export interface ReadBackIssue {
  /** Sheet name as the workbook shows it. */
  readonly sheet: string;
  /** A1 address of the cell. */
  readonly cell: string;
  /** The whole sentence, naming the sheet and the cell, in the sheet's language. */
  readonly message: string;
}

export type ReadBackResult =
  | { readonly ok: true; readonly plan: Plan; readonly changedFields: readonly string[] }
  | { readonly ok: false; readonly issues: readonly ReadBackIssue[] };

/** Where a plan field was read from. */
interface Location {
  readonly sheet: string;
  readonly position: CellPosition;
  /** How messages name the field. */
  readonly label: string | undefined;
  /** The cell shows a percentage (its number format has `%`). */
  readonly percent: boolean;
  readonly raw: RawCell;
}

class Locations {
  /** Field path → cell. */
  readonly fields = new Map<string, Location>();
  /** List path → its table's header; `list[i]` → the row's first cell. */
  readonly lists = new Map<string, Location>();
  readonly rows = new Map<string, { location: Location; list: string; rowNumber: number }>();

  /**
   * The cell a plan issue belongs to: the field itself, else its list or row, else the first field inside it, else the
   * nearest enclosing field, list or row.
   */
  find(path: readonly PathSegment[]): { location: Location; subject: string | undefined; exact: boolean } | undefined {
    const key = formatPath(path);
    const field = this.fields.get(key);
    if (field) return { location: field, subject: field.label, exact: true };
    const enclosing = this.enclosing(key);
    if (enclosing) return { ...enclosing, exact: false };
    for (const [other, location] of this.fields) {
      if (other.startsWith(`${key}.`) || other.startsWith(`${key}[`)) return { location, subject: key, exact: false };
    }
    for (let length = path.length - 1; length > 0; length--) {
      const found = this.enclosing(formatPath(path.slice(0, length)));
      if (found) return { ...found, exact: false };
    }
    return undefined;
  }

  private enclosing(key: string): { location: Location; subject: string | undefined } | undefined {
    const list = this.lists.get(key);
    if (list) return { location: list, subject: list.label };
    const row = this.rows.get(key);
    if (row) {
      const label = this.lists.get(row.list)?.label;
      return { location: row.location, subject: label && `${label} (${row.rowNumber})` };
    }
    return undefined;
  }

  /** `objectives.funnel[0].id` → `2 Objectives!A22`, for paths quoted inside a problem. */
  addressOf(key: string): string | undefined {
    const location = this.fields.get(key) ?? this.lists.get(key) ?? this.rows.get(key)?.location;
    return location && `${location.sheet}!${cellAddress(location.position)}`;
  }
}

function rawAt(snapshot: SheetSnapshot, position: CellPosition): RawCell {
  return snapshot.values[position.row]?.[position.column] ?? null;
}

function contains(range: RangePosition, position: CellPosition): boolean {
  return (
    position.row >= range.start.row &&
    position.row <= range.end.row &&
    position.column >= range.start.column &&
    position.column <= range.end.column
  );
}

/** The spec's number format of a table column's data cells (from its first data row). */
function columnFormat(sheet: SheetSpec, position: CellPosition): string | undefined {
  for (const block of sheet.blocks) {
    const anchor = parseCellAddress(block.anchor);
    const cell = block.rows[position.row - anchor.row]?.[position.column - anchor.column];
    if (cell) return cell.format;
  }
  return undefined;
}

/** An id made from a name: lower-case ASCII letters, digits and dashes, at most 40 characters, unique in `taken`. */
export function idFromName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/, "") || "item";
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, 40 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Fields that differ between two plans, as paths (`objectives.annualRevenueTarget`, `execution.initiatives[9]`). */
export function changedFields(before: unknown, after: unknown, path: PathSegment[] = []): string[] {
  if (Object.is(before, after)) return [];
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  if (Array.isArray(before) && Array.isArray(after)) {
    const primitive = (value: unknown) => typeof value !== "object" || value === null;
    if (before.every(primitive) && after.every(primitive)) {
      return before.length === after.length && before.every((value, index) => Object.is(value, after[index]))
        ? []
        : [formatPath(path)];
    }
    return Array.from({ length: Math.max(before.length, after.length) }, (_, index) =>
      changedFields(before[index], after[index], [...path, index]),
    ).flat();
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => changedFields(before[key], after[key], [...path, key]));
  }
  return [formatPath(path)];
}

class Reader {
  readonly draft: Record<string, unknown>;
  readonly locations = new Locations();
  readonly issues: ReadBackIssue[] = [];
  /** Paths whose cell could not be converted: validation problems under them are not repeated. */
  readonly failed = new Set<string>();

  constructor(
    private readonly spec: WorkbookSpec,
    private readonly text: LayoutText,
    private readonly current: Plan,
  ) {
    this.draft = structuredClone(current);
  }

  readSheet(sheet: SheetSpec, snapshot: SheetSnapshot): void {
    const tableRanges = sheet.tables.map((table) => ({
      table,
      spec: parseRangeAddress(table.range),
      now: parseRangeAddress(snapshot.tableRanges[table.name] ?? table.range),
    }));
    for (const block of sheet.blocks) {
      const anchor = parseCellAddress(block.anchor);
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell?.bind) return;
          let position = { row: anchor.row + r, column: anchor.column + c };
          const moved = tableRanges.find((entry) => contains(entry.spec, position));
          if (moved) {
            position = {
              row: position.row + moved.now.start.row - moved.spec.start.row,
              column: position.column + moved.now.start.column - moved.spec.start.column,
            };
          }
          this.readField(sheet, snapshot, position, cell.bind.path, cell.bind, cell.bind.label, cell.format);
        }),
      );
    }
    for (const entry of tableRanges) {
      if (entry.table.binding) this.readTable(sheet, snapshot, entry.table, entry.now);
    }
  }

  private readField(
    sheet: SheetSpec,
    snapshot: SheetSnapshot,
    position: CellPosition,
    path: string,
    binding: ValueBinding,
    label: string | undefined,
    format: string | undefined,
  ): unknown {
    const raw = rawAt(snapshot, position);
    const segments = parsePath(path);
    const location: Location = { sheet: sheet.name, position, label, percent: format?.includes("%") ?? false, raw };
    this.locations.fields.set(formatPath(segments), location);
    const converted = convertCell(raw, binding, this.text);
    if (!converted.ok) {
      this.failed.add(formatPath(segments));
      this.issues.push(this.issue(location, label ?? path, converted.problem, true));
      return undefined;
    }
    if (converted.present) {
      setPath(this.draft, segments, converted.value);
      return converted.value;
    }
    if (binding.optional) deletePath(this.draft, segments);
    else setPath(this.draft, segments, undefined);
    return undefined;
  }

  private readTable(sheet: SheetSpec, snapshot: SheetSnapshot, table: TableSpec, range: RangePosition): void {
    const binding = table.binding!;
    const listPath = parsePath(binding.list);
    const listKey = formatPath(listPath);
    const firstColumn = binding.columns[0]?.column ?? 0;
    this.locations.lists.set(listKey, {
      sheet: sheet.name,
      position: { row: range.start.row, column: range.start.column + firstColumn },
      label: binding.label,
      percent: false,
      raw: null,
    });
    const specRange = parseRangeAddress(table.range);
    const formatOf = (column: number) =>
      columnFormat(sheet, { row: specRange.start.row + 1, column: specRange.start.column + column });
    const currentItems = (getPath(this.current, listPath) ?? []) as Record<string, unknown>[];
    const idField = binding.idField;
    const nameField = binding.nameField ?? binding.columns.find((column) => column.type === "text")?.field;

    const items: Record<string, unknown>[] = [];
    for (let row = range.start.row + 1; row <= range.end.row; row++) {
      const cells = binding.columns.map((column) =>
        rawAt(snapshot, { row, column: range.start.column + column.column }),
      );
      if (cells.every(isEmptyCell)) continue;
      const index = items.length;
      const item: Record<string, unknown> = {};
      const itemPath = [...listPath, index];
      this.locations.rows.set(formatPath(itemPath), {
        location: {
          sheet: sheet.name,
          position: { row, column: range.start.column + firstColumn },
          label: undefined,
          percent: false,
          raw: null,
        },
        list: listKey,
        rowNumber: row + 1,
      });
      items.push(item);
      setPath(this.draft, itemPath, item);
      for (const column of binding.columns) {
        this.readField(
          sheet,
          snapshot,
          { row, column: range.start.column + column.column },
          `${formatPath(itemPath)}.${column.field}`,
          column,
          column.label,
          formatOf(column.column),
        );
      }
    }
    setPath(this.draft, listPath, items);

    if (idField) {
      const taken = new Set(
        items.map((item) => item[idField]).filter((id): id is string => typeof id === "string" && id !== ""),
      );
      for (const item of items) {
        if (typeof item[idField] === "string" && item[idField] !== "") continue;
        const name = nameField === undefined ? undefined : getPath(item, parsePath(nameField));
        const id = idFromName(typeof name === "string" ? name : "", taken);
        taken.add(id);
        item[idField] = id;
      }
      for (const item of items) {
        const previous = currentItems.find((candidate) => candidate[idField] === item[idField]);
        if (!previous) continue;
        for (const kept of binding.keepFields ?? []) {
          const keptPath = parsePath(kept);
          if (getPath(item, keptPath) === undefined && getPath(previous, keptPath) !== undefined) {
            setPath(item, keptPath, structuredClone(getPath(previous, keptPath)));
          }
        }
      }
    }
  }

  /**
   * `Sheet!A1: subject problem (got value)`, with numbers in percent on a percent cell, unless the problem already
   * words them so (`inPercent`: the plan's own percent wording, whose computed figures are not percentages).
   */
  issue(location: Location, subject: string, problem: string, showValue: boolean, inPercent = false): ReadBackIssue {
    const locale = this.spec.locale;
    // On a percentage cell the schema's bounds (0 and 1) read as the percentages the user types (0 % and 100 %).
    let sentence =
      location.percent && !inPercent
        ? problem.replace(/-?\d+(?:[.,]\d+)?/g, (number) => `${formatPercent(number, locale)} %`)
        : problem;
    sentence = sentence.replace(
      /[a-z][A-Za-z]*(?:\.[A-Za-z]+|\[\d+\])+/g,
      (path) => this.locations.addressOf(path) ?? path,
    );
    const value =
      showValue && !isEmptyCell(location.raw)
        ? ` ${this.text.readBack.got(describeCell(location.raw, location.percent, locale, this.text))}`
        : "";
    const cell = cellAddress(location.position);
    return { sheet: location.sheet, cell, message: `${location.sheet}!${cell}: ${subject} ${sentence}${value}` };
  }
}

/** A number of a message (`1`, `0.5`) as a percentage of it (`100`, `50`). */
function formatPercent(number: string, locale: WorkbookSpec["locale"]): string {
  return formatNumber(Number(number.replace(",", ".")) * 100, locale);
}

/**
 * Plan fields no sheet shows, which reading back keeps from the current plan as they are: the plan of record is
 * frozen at approval (the Scenarios sheet shows its figures, never its inputs as editable cells), and the scenario
 * drivers the Scenarios sheet has no row for (their results need the monthly hiring grid per scenario: win rate,
 * ramp, attrition, hiring lead time, seasonality), which the task pane edits; and the CRM column mappings the user made by hand (remembered per set of export headers,
 * edited only in the task pane).
 */
export const FIELDS_KEPT_FROM_CURRENT_PLAN = [
  "planOfRecord",
  "scenarios[].id",
  "scenarios[].overrides.winRateTarget",
  "scenarios[].overrides.rampMonths",
  "scenarios[].overrides.attritionRateAnnual",
  "scenarios[].overrides.hiringLeadTimeMonths",
  "scenarios[].overrides.seasonality",
  "measurement.tracking.mappings",
] as const;

/**
 * Rebuilds the plan from the generated sheets' values. Sheets missing from `snapshots` keep the current plan's
 * values. Either the validated plan and the fields that changed, or every problem with its sheet and cell (and no
 * plan).
 */
export function readPlanFromSnapshots(
  spec: WorkbookSpec,
  snapshots: readonly SheetSnapshot[],
  current: Plan,
): ReadBackResult {
  const text = layoutText(spec.locale);
  const reader = new Reader(spec, text, current);
  for (const sheet of spec.sheets) {
    const snapshot = snapshots.find((candidate) => candidate.key === sheet.key);
    if (snapshot) reader.readSheet(sheet, snapshot);
  }
  for (const kept of FIELDS_KEPT_FROM_CURRENT_PLAN) {
    const segments = parsePath(kept);
    setPath(reader.draft, segments, structuredClone(getPath(current, segments)));
  }
  const validation = validatePlan(reader.draft, spec.locale);
  const issues = [...reader.issues];
  if (!validation.ok) {
    for (const planIssue of validation.issues) {
      const key = formatPath(planIssue.path);
      if (
        [...reader.failed].some(
          (failed) => key === failed || key.startsWith(`${failed}.`) || key.startsWith(`${failed}[`),
        )
      )
        continue;
      const found = reader.locations.find(planIssue.path);
      const location = found?.location ?? {
        sheet: spec.sheets[0]!.name,
        position: { row: 0, column: 0 },
        label: undefined,
        percent: false,
        raw: null,
      };
      const problem = location.percent ? planIssue.percentProblem : planIssue.problem;
      issues.push(
        reader.issue(location, found?.subject ?? planIssue.field, problem, found?.exact ?? false, location.percent),
      );
    }
  }
  if (issues.length > 0 || !validation.ok) {
    // In reading order: sheet by sheet, then row by row.
    const order = (issue: ReadBackIssue) => {
      const { row, column } = parseCellAddress(issue.cell);
      return [spec.sheets.findIndex((sheet) => sheet.name === issue.sheet), row, column];
    };
    const sorted = issues
      .map((issue) => ({ issue, key: order(issue) }))
      .sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.key[2]! - b.key[2]!)
      .map(({ issue }) => issue);
    return { ok: false, issues: sorted };
  }
  return { ok: true, plan: validation.plan, changedFields: changedFields(current, validation.plan) };
}
