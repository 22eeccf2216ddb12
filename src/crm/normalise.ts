/**
 * A parsed export and its column mapping to the plan's deal and activity records. Nothing is dropped silently: each
 * row is either good (a record) or bad (its issues, each naming the row, the column and the reason), so the caller
 * can import the good rows or nothing. Amounts in another currency than the plan's stay good rows but are listed in
 * `foreignCurrency`, so they are never summed with the plan's currency unnoticed.
 */
import type { ActivityRecord, ActivityType, DealRecord, DealStatus } from "../plan/actuals";
import type { CrmIssue, CrmMessageKey, CrmMessageParams } from "./messages";
import {
  ACTIVITY_FIELDS,
  DEAL_FIELDS,
  normaliseHeader,
  type ActivityField,
  type ColumnMapping,
  type DealField,
  type FieldOf,
  type ImportKind,
} from "./presets";
import { isBlankCell, type RawCell, type RawTable } from "./raw-table";
import {
  parseAmountColumn,
  currencyMarkOf,
  parseDateColumn,
  type CellResult,
  type ColumnQuestion,
  type DateOrder,
  type DecimalSeparator,
} from "./values";

export type { ActivityRecord, ActivityType, DealRecord, DealStatus } from "../plan/actuals";

export interface ImportedRow<T> {
  readonly rowNumber: number;
  readonly record: T;
}

export interface BadRow {
  readonly rowNumber: number;
  readonly issues: readonly CrmIssue[];
}

export interface ForeignCurrencyRow {
  readonly rowNumber: number;
  readonly crmId: string | null;
  readonly currency: string;
  readonly value: number;
}

export interface ColumnQuestionFor {
  readonly column: string;
  readonly question: ColumnQuestion;
}

export interface ImportResult<T> {
  /** Problems with the mapping itself (a required field without a column, a header not in the file): no rows read. */
  readonly mappingIssues: readonly CrmIssue[];
  readonly good: readonly ImportedRow<T>[];
  readonly bad: readonly BadRow[];
  readonly foreignCurrency: readonly ForeignCurrencyRow[];
  /** Columns whose convention the user must choose (decimal separator, date order) before their values are read. */
  readonly questions: readonly ColumnQuestionFor[];
}

export interface NormaliseOptions {
  /** The plan's currency (ISO 4217): rows in another currency are listed in `foreignCurrency`. */
  readonly planCurrency: string;
  /** Day/month order for every date column, when the user has chosen it. */
  readonly dateOrder?: DateOrder;
  /** Decimal separator for every amount column, when the user has chosen it. */
  readonly decimalSeparator?: DecimalSeparator;
}

// ---------------------------------------------------------------------------------------------------------------
// Words

/** Status, flag and type words repeat on every row: their normal form is computed once per distinct word. */
const wordCache = new Map<string, string>();
const WORD_CACHE_LIMIT = 10_000;

function word(text: string): string {
  let normal = wordCache.get(text);
  if (normal === undefined) {
    normal = normaliseHeader(text).replace(/[_]+/g, " ");
    if (wordCache.size < WORD_CACHE_LIMIT) wordCache.set(text, normal);
  }
  return normal;
}

/** Status words per CRM and language: Pipedrive won/lost/open (and French), HubSpot dealstage ids and labels. */
const STATUS_WORDS: Readonly<Record<string, DealStatus>> = {
  won: "won",
  gagne: "won",
  gagnee: "won",
  "closed won": "won",
  closedwon: "won",
  lost: "lost",
  perdu: "lost",
  perdue: "lost",
  "closed lost": "lost",
  closedlost: "lost",
  open: "open",
  ouvert: "open",
  ouverte: "open",
  "en cours": "open",
};
const ACCEPTED_STATUS = "Won, Lost, Open, Gagné, Perdu, Ouvert, Closed Won, Closed Lost, closedwon, closedlost";

const TRUE_WORDS = new Set([
  "true",
  "yes",
  "1",
  "oui",
  "vrai",
  "done",
  "completed",
  "complete",
  "fait",
  "termine",
  "x",
]);
const FALSE_WORDS = new Set([
  "false",
  "no",
  "0",
  "non",
  "faux",
  "undone",
  "not started",
  "in progress",
  "waiting",
  "deferred",
  "open",
  "a faire",
  "en cours",
  "not completed",
]);
const ACCEPTED_BOOLEAN = "true/false, yes/no, 1/0, oui/non, vrai/faux, Done/Undone, Completed/Not started";

const ACTIVITY_TYPE_WORDS: Readonly<Record<string, ActivityType>> = {
  call: "call",
  "phone call": "call",
  appel: "call",
  "appel telephonique": "call",
  email: "email",
  "e-mail": "email",
  mail: "email",
  courriel: "email",
  meeting: "meeting",
  reunion: "meeting",
  "rendez-vous": "meeting",
  rdv: "meeting",
  event: "meeting",
  demo: "demo",
  demonstration: "demo",
  task: "task",
  todo: "task",
  "to-do": "task",
  "to do": "task",
  tache: "task",
  deadline: "task",
};

export function activityTypeOf(raw: string): ActivityType {
  const key = word(raw);
  return ACTIVITY_TYPE_WORDS[key] ?? (key.includes("demo") ? "demo" : "other");
}

function stageStatus(stage: string): DealStatus {
  const status = STATUS_WORDS[word(stage)];
  return status === "won" || status === "lost" ? status : "open";
}

// ---------------------------------------------------------------------------------------------------------------
// Cells

function textOf(cell: RawCell | undefined): string | null {
  if (isBlankCell(cell) || cell === undefined || cell === null) return null;
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

function booleanOf(cell: RawCell): CellResult<boolean> | null {
  if (isBlankCell(cell)) return null;
  if (typeof cell === "boolean") return { ok: true, value: cell };
  const key = word(String(cell));
  if (TRUE_WORDS.has(key)) return { ok: true, value: true };
  if (FALSE_WORDS.has(key)) return { ok: true, value: false };
  return { ok: false, key: "boolean", params: { value: String(cell), accepted: ACCEPTED_BOOLEAN } };
}

/** Reads the mapped columns of a table; each accessor returns null where the field has no column. */
class MappedTable<F extends string> {
  private readonly indexOf = new Map<F, number>();

  constructor(
    readonly table: RawTable,
    readonly columns: Partial<Record<F, string>>,
  ) {
    for (const [field, header] of Object.entries(columns) as [F, string][]) {
      this.indexOf.set(field, table.headers.indexOf(header));
    }
  }

  header(field: F): string | null {
    return this.columns[field] ?? null;
  }

  column(field: F): RawCell[] | null {
    const index = this.indexOf.get(field);
    if (index === undefined || index < 0) return null;
    return this.table.rows.map((row) => row.cells[index] ?? null);
  }
}

class RowIssues {
  private readonly byRow = new Map<number, CrmIssue[]>();

  add(rowNumber: number, column: string | null, key: CrmMessageKey, params: CrmMessageParams): void {
    const issues = this.byRow.get(rowNumber) ?? [];
    issues.push({ rowNumber, column, key, params });
    this.byRow.set(rowNumber, issues);
  }

  has(rowNumber: number): boolean {
    return this.byRow.has(rowNumber);
  }

  list(): BadRow[] {
    return [...this.byRow.entries()].sort(([a], [b]) => a - b).map(([rowNumber, issues]) => ({ rowNumber, issues }));
  }
}

/** The required fields of a hand-made mapping; `oneOf` groups need one field among them. */
export const MAPPING_RULES: { readonly [K in ImportKind]: { all: FieldOf<K>[]; oneOf: FieldOf<K>[][] } } = {
  deals: { all: ["owner", "value"], oneOf: [["status", "isWon", "stage"]] },
  activities: { all: ["owner", "type"], oneOf: [["dueOn", "doneAt"]] },
};

/** Problems with a mapping against a file's headers (before any row is read). */
export function checkMapping(mapping: ColumnMapping, headers: readonly string[]): CrmIssue[] {
  const issues: CrmIssue[] = [];
  const columns = mapping.columns as Partial<Record<string, string>>;
  const rules = MAPPING_RULES[mapping.kind] as { all: string[]; oneOf: string[][] };
  for (const field of rules.all) {
    if (columns[field] === undefined)
      issues.push({ rowNumber: 0, column: null, key: "missingColumn", params: { field } });
  }
  for (const group of rules.oneOf) {
    if (!group.some((field) => columns[field] !== undefined)) {
      issues.push({ rowNumber: 0, column: null, key: "missingColumn", params: { field: group.join(" / ") } });
    }
  }
  for (const header of Object.values(columns)) {
    if (header !== undefined && !headers.includes(header)) {
      issues.push({ rowNumber: 0, column: null, key: "unknownHeader", params: { header } });
    }
  }
  return issues;
}

interface ColumnReaders<F extends string> {
  readonly mapped: MappedTable<F>;
  readonly issues: RowIssues;
  readonly questions: ColumnQuestionFor[];
}

/** Parses a date or amount column once (so its convention is found from the whole column) and records its issues. */
function readColumn<F extends string, T>(
  readers: ColumnReaders<F>,
  field: F,
  parse: (cells: readonly RawCell[]) => { cells: readonly (CellResult<T> | null)[]; question: ColumnQuestion | null },
): (T | null)[] {
  const { mapped, issues, questions } = readers;
  const cells = mapped.column(field);
  const header = mapped.header(field);
  if (cells === null || header === null) return mapped.table.rows.map(() => null);
  const result = parse(cells);
  if (result.question) questions.push({ column: header, question: result.question });
  return result.cells.map((cell, index) => {
    if (cell === null) return null;
    if (cell.ok) return cell.value;
    issues.add(mapped.table.rows[index]!.rowNumber, header, cell.key, cell.params);
    return null;
  });
}

function textColumn<F extends string>(mapped: MappedTable<F>, field: F): (string | null)[] {
  const cells = mapped.column(field);
  return cells === null ? mapped.table.rows.map(() => null) : cells.map(textOf);
}

function booleanColumn<F extends string>(readers: ColumnReaders<F>, field: F): (boolean | null)[] {
  return readColumn(readers, field, (cells) => ({ cells: cells.map(booleanOf), question: null }));
}

function emptyResult<T>(mappingIssues: CrmIssue[]): ImportResult<T> {
  return { mappingIssues, good: [], bad: [], foreignCurrency: [], questions: [] };
}

/** Flags a CRM id met earlier in the same file (the later row is bad: which one is right is the user's call). */
function checkDuplicateIds(
  ids: readonly (string | null)[],
  table: RawTable,
  header: string | null,
  issues: RowIssues,
): void {
  const firstRow = new Map<string, number>();
  ids.forEach((id, index) => {
    if (id === null) return;
    const rowNumber = table.rows[index]!.rowNumber;
    const other = firstRow.get(id);
    if (other === undefined) firstRow.set(id, rowNumber);
    else issues.add(rowNumber, header, "duplicateId", { id, other });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Deals

/** Currencies written "$": a "$" amount in a plan in one of them is taken as the plan's currency. */
const DOLLAR_CURRENCIES = new Set(["USD", "CAD", "AUD", "NZD", "SGD", "HKD"]);

function currencyInAmount(cell: RawCell, planCurrency: string): string | null {
  if (typeof cell !== "string") return null;
  const mark = currencyMarkOf(cell);
  return mark === "$" && DOLLAR_CURRENCIES.has(planCurrency) ? planCurrency : mark;
}

export function normaliseDeals(
  table: RawTable,
  mapping: ColumnMapping<"deals">,
  options: NormaliseOptions,
): ImportResult<DealRecord> {
  const mappingIssues = checkMapping(mapping, table.headers);
  if (mappingIssues.length > 0) return emptyResult(mappingIssues);
  const mapped = new MappedTable<DealField>(table, mapping.columns);
  const issues = new RowIssues();
  const questions: ColumnQuestionFor[] = [];
  const readers: ColumnReaders<DealField> = { mapped, issues, questions };
  const dates = (field: DealField) => readColumn(readers, field, (cells) => parseDateColumn(cells, options.dateOrder));

  const text = Object.fromEntries(
    (["crmId", "title", "owner", "currency", "status", "stage", "pipeline", "source"] as const).map((field) => [
      field,
      textColumn(mapped, field),
    ]),
  ) as Record<"crmId" | "title" | "owner" | "currency" | "status" | "stage" | "pipeline" | "source", (string | null)[]>;
  const valueCells = mapped.column("value") ?? [];
  const values = readColumn(readers, "value", (cells) => parseAmountColumn(cells, options.decimalSeparator));
  const isWon = booleanColumn(readers, "isWon");
  const isClosed = booleanColumn(readers, "isClosed");
  const createdOn = dates("createdOn");
  const closedOn = dates("closedOn");
  const wonOn = dates("wonOn");
  const lostOn = dates("lostOn");
  checkDuplicateIds(text.crmId, table, mapped.header("crmId"), issues);

  const planCurrency = options.planCurrency.toUpperCase();
  const good: ImportedRow<DealRecord>[] = [];
  const foreignCurrency: ForeignCurrencyRow[] = [];
  table.rows.forEach((row, index) => {
    const { rowNumber } = row;
    const owner = text.owner[index] ?? null;
    if (owner === null) issues.add(rowNumber, mapped.header("owner"), "required", { field: "owner" });

    let status: DealStatus | null = null;
    const statusText = text.status[index] ?? null;
    if (mapped.header("status") !== null) {
      status = statusText === null ? null : (STATUS_WORDS[word(statusText)] ?? null);
      if (status === null) {
        if (statusText === null) issues.add(rowNumber, mapped.header("status"), "required", { field: "status" });
        else issues.add(rowNumber, mapped.header("status"), "status", { value: statusText, accepted: ACCEPTED_STATUS });
      }
    } else {
      const won = isWon[index] ?? null;
      const closed = isClosed[index] ?? null;
      const stage = text.stage[index] ?? null;
      if (won === true) status = "won";
      else if (closed !== null) status = closed ? "lost" : "open";
      else if (stage !== null) status = stageStatus(stage);
      else if (won === false) status = "open";
      else issues.add(rowNumber, mapped.header("stage") ?? mapped.header("isWon"), "required", { field: "stage" });
    }

    const value = values[index] ?? null;
    const valueCell = valueCells[index] ?? null;
    if (status === "won" && value === null && isBlankCell(valueCell)) {
      issues.add(rowNumber, mapped.header("value"), "required", { field: "value" });
    }
    const closed =
      status === "won"
        ? (closedOn[index] ?? wonOn[index] ?? null)
        : status === "lost"
          ? (closedOn[index] ?? lostOn[index] ?? null)
          : null;
    if (status === "won" && closed === null && !issues.has(rowNumber)) {
      issues.add(rowNumber, mapped.header("closedOn") ?? mapped.header("wonOn"), "wonWithoutDate", {});
    }
    if (issues.has(rowNumber) || owner === null || status === null) return;

    const currency = text.currency[index]?.toUpperCase() ?? currencyInAmount(valueCell, planCurrency);
    const record: DealRecord = {
      crmId: text.crmId[index] ?? null,
      title: text.title[index] ?? "",
      owner,
      value: value ?? 0,
      currency,
      status,
      createdOn: createdOn[index] ?? null,
      closedOn: closed,
      stage: text.stage[index] ?? null,
      pipeline: text.pipeline[index] ?? null,
      source: text.source[index] ?? null,
    };
    good.push({ rowNumber, record });
    if (currency !== null && currency !== planCurrency) {
      foreignCurrency.push({ rowNumber, crmId: record.crmId, currency, value: record.value });
    }
  });
  return { mappingIssues: [], good, bad: issues.list(), foreignCurrency, questions };
}

// ---------------------------------------------------------------------------------------------------------------
// Activities

export function normaliseActivities(
  table: RawTable,
  mapping: ColumnMapping<"activities">,
  options: Omit<NormaliseOptions, "planCurrency" | "decimalSeparator">,
): ImportResult<ActivityRecord> {
  const mappingIssues = checkMapping(mapping, table.headers);
  if (mappingIssues.length > 0) return emptyResult(mappingIssues);
  const mapped = new MappedTable<ActivityField>(table, mapping.columns);
  const issues = new RowIssues();
  const questions: ColumnQuestionFor[] = [];
  const readers: ColumnReaders<ActivityField> = { mapped, issues, questions };
  const dates = (field: ActivityField) =>
    readColumn(readers, field, (cells) => parseDateColumn(cells, options.dateOrder));

  const ids = textColumn(mapped, "crmId");
  const types = textColumn(mapped, "type");
  const owners = textColumn(mapped, "owner");
  const done = booleanColumn(readers, "done");
  const dueOn = dates("dueOn");
  const doneAt = dates("doneAt");
  checkDuplicateIds(ids, table, mapped.header("crmId"), issues);

  const good: ImportedRow<ActivityRecord>[] = [];
  table.rows.forEach((row, index) => {
    const { rowNumber } = row;
    const owner = owners[index] ?? null;
    const rawType = types[index] ?? null;
    if (owner === null) issues.add(rowNumber, mapped.header("owner"), "required", { field: "owner" });
    if (rawType === null) issues.add(rowNumber, mapped.header("type"), "required", { field: "type" });
    const due = dueOn[index] ?? null;
    const doneTime = doneAt[index] ?? null;
    if (due === null && doneTime === null && !issues.has(rowNumber)) {
      issues.add(rowNumber, mapped.header("dueOn") ?? mapped.header("doneAt"), "activityWithoutDate", {});
    }
    if (issues.has(rowNumber) || owner === null || rawType === null) return;
    good.push({
      rowNumber,
      record: {
        crmId: ids[index] ?? null,
        type: activityTypeOf(rawType),
        rawType,
        owner,
        dueOn: due,
        done: done[index] ?? doneTime !== null,
        doneAt: doneTime,
      },
    });
  });
  return { mappingIssues: [], good, bad: issues.list(), foreignCurrency: [], questions };
}

/** Every field a mapping of this kind can name (for the pane's mapping form). */
export const FIELDS_OF: { readonly [K in ImportKind]: readonly FieldOf<K>[] } = {
  deals: DEAL_FIELDS,
  activities: ACTIVITY_FIELDS,
};
