/**
 * The command line's CRM import: reads a deals and an activities export (CSV or .xlsx), recognises each CRM's headers
 * (a column mapping the user made by hand in the pane, remembered in the plan for that set of headers, comes first;
 * then the presets), and reads every row, all or nothing: a bad row, a column whose day/month order or decimal
 * separator is ambiguous, a required field without a column, or a deal in another currency than the plan's refuses
 * the whole import with the file, the row numbers and the reasons. The pane asks about those; the command line cannot,
 * so it stops and says what to fix. Owners without a role in the plan are imported (their role left empty) and listed.
 */
import { readFileSync } from "node:fs";
import {
  CrmFileError,
  detectPreset,
  formatCrmIssue,
  formatCrmMessage,
  normaliseActivities,
  normaliseDeals,
  normaliseHeader,
  parseCsv,
  parseXlsx,
  unmappedOwners,
  type ColumnMapping,
  type ImportKind,
  type ImportResult,
  type RawTable,
} from "../crm";
import type { Actuals } from "../plan/actuals";
import type { MessageLocale } from "../plan/messages";
import type { Plan } from "../plan/schema";

export type ActualsImport =
  | { readonly ok: true; readonly actuals: Actuals; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** At most this many problem lines per file: the count says how many more. */
const SHOWN_PROBLEMS = 20;

async function readTable(file: string): Promise<RawTable> {
  const bytes = readFileSync(file);
  return file.toLowerCase().endsWith(".xlsx") ? parseXlsx(new Uint8Array(bytes)) : parseCsv(new Uint8Array(bytes));
}

/**
 * The mapping for a file: the one remembered in the plan for exactly this set of headers (normalised, sorted), else
 * the preset recognising its headers; null when neither applies. A remembered header is matched to the file's own
 * spelling of it.
 */
export function mappingFor<K extends ImportKind>(
  plan: Plan,
  headers: readonly string[],
  kind: K,
): { mapping: ColumnMapping<K>; source: string } | null {
  const normal = [...new Set(headers.map(normaliseHeader).filter((header) => header !== ""))].sort();
  const remembered = plan.measurement.tracking.mappings.find(
    (entry) =>
      entry.kind === kind &&
      entry.headers.length === normal.length &&
      [...entry.headers].sort().every((header, index) => header === normal[index]),
  );
  if (remembered) {
    const byNormal = new Map(headers.map((header) => [normaliseHeader(header), header]));
    const columns = Object.fromEntries(
      Object.entries(remembered.columns).map(([field, header]) => [
        field,
        byNormal.get(normaliseHeader(header)) ?? header,
      ]),
    );
    return { mapping: { kind, columns } as ColumnMapping<K>, source: "the mapping remembered in the plan" };
  }
  const preset = detectPreset(headers, kind);
  return preset && { mapping: preset.mapping, source: `the ${preset.preset.id} preset` };
}

/** Every reason the file's rows cannot all be imported, one line each, naming the file and the rows. */
function problemsOf<T>(file: string, result: ImportResult<T>, plan: Plan, lang: MessageLocale): string[] {
  const lines: string[] = [];
  for (const issue of result.mappingIssues) lines.push(`${file}: ${formatCrmIssue(issue, lang)}`);
  for (const { column, question } of result.questions) {
    const what = question.kind === "dateOrder" ? "the day/month order" : "the decimal separator";
    lines.push(
      `${file}: column "${column}" can be read two ways (${question.examples.join(", ")}); ${what} is ambiguous: ` +
        `import it in the task pane, which asks, or write the dates as YYYY-MM-DD`,
    );
  }
  for (const row of result.bad) for (const issue of row.issues) lines.push(`${file}: ${formatCrmIssue(issue, lang)}`);
  for (const row of result.foreignCurrency) {
    lines.push(
      `${file}: row ${row.rowNumber}: the deal is in ${row.currency}, not the plan's currency ${plan.meta.currency}; ` +
        `convert it or leave it out (it would not be summed)`,
    );
  }
  if (lines.length <= SHOWN_PROBLEMS) return lines;
  return [...lines.slice(0, SHOWN_PROBLEMS), `${file}: … and ${lines.length - SHOWN_PROBLEMS} more problems`];
}

async function importFile<K extends ImportKind>(
  plan: Plan,
  file: string,
  kind: K,
  lang: MessageLocale,
): Promise<{ records: K extends "deals" ? Actuals["deals"] : Actuals["activities"] } | { errors: string[] }> {
  let table: RawTable;
  try {
    table = await readTable(file);
  } catch (error) {
    const reason =
      error instanceof CrmFileError
        ? formatCrmMessage(error.key, error.params, lang)
        : error instanceof Error
          ? error.message
          : String(error);
    return { errors: [`cannot read ${file}: ${reason}`] };
  }
  const found = mappingFor(plan, table.headers, kind);
  if (found === null) {
    return {
      errors: [
        `${file}: no ${kind} preset recognises its headers (${table.headers.join(", ")}); map its columns once in the ` +
          `task pane: the plan then remembers the mapping for these headers`,
      ],
    };
  }
  const result =
    kind === "deals"
      ? normaliseDeals(table, found.mapping as ColumnMapping<"deals">, { planCurrency: plan.meta.currency })
      : normaliseActivities(table, found.mapping as ColumnMapping<"activities">, {});
  const problems = problemsOf(file, result as ImportResult<unknown>, plan, lang);
  if (problems.length > 0) return { errors: problems };
  return { records: result.good.map((row) => row.record) as never };
}

/** Imports both exports for `plan`, all or nothing. */
export async function importActualsFiles(
  plan: Plan,
  files: { readonly deals?: string; readonly activities?: string },
  lang: MessageLocale,
): Promise<ActualsImport> {
  const errors: string[] = [];
  let deals: Actuals["deals"] = [];
  let activities: Actuals["activities"] = [];
  if (files.deals !== undefined) {
    const imported = await importFile(plan, files.deals, "deals", lang);
    if ("errors" in imported) errors.push(...imported.errors);
    else deals = imported.records;
  }
  if (files.activities !== undefined) {
    const imported = await importFile(plan, files.activities, "activities", lang);
    if ("errors" in imported) errors.push(...imported.errors);
    else activities = imported.records;
  }
  if (errors.length > 0) return { ok: false, errors };
  const owners = [...new Set([...deals, ...activities].map((record) => record.owner))];
  const mapping = Object.fromEntries(plan.measurement.tracking.owners.map((entry) => [entry.owner, entry.roleId]));
  const missing = unmappedOwners(
    owners,
    mapping,
    plan.organization.roles.map((role) => role.id),
  );
  const warnings =
    missing.length === 0
      ? []
      : [
          `Warning: ${missing.length} owner(s) have no role in the plan (measurement.tracking.owners) and count only in ` +
            `the whole-team figures: ${missing.join(", ")}`,
        ];
  return { ok: true, actuals: { deals, activities }, warnings };
}
