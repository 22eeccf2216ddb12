/**
 * The `CRM deals` and `CRM activities` sheets as the actuals tables hold them (src/workbook/actuals-columns.ts): a
 * title in A1, a note in A2, the header row at row 4, one record per row from row 5, dates as Excel serials, the role's
 * label from the plan's owner → role mapping, localized status and type labels, the done flag as a boolean. Built
 * here from records, so the tracking sheet's formulas can be evaluated whether or not the workbook spec carries those
 * sheets yet; when it does, the spec's own sheets are used.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import type { Actuals } from "../../src/plan/actuals";
import type { Plan } from "../../src/plan/schema";
import { recordDateSerial } from "../../src/plan/tracking-figures";
import { ACTIVITY_COLUMNS, ACTUALS_HEADER_ROW, DEAL_COLUMNS } from "../../src/workbook/actuals-columns";
import { layoutText } from "../../src/workbook/i18n";
import { referenceOptions } from "../../src/workbook/inputs";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../src/workbook/spec";
import { EXCEL_LIKE_CONFIG, sheetContents } from "./formula-engine";

/** Text as a writer writes it: the quote prefix keeps "1001" or "2027-01" text, as the text number format does. */
const text = (value: string | null): RawCellContent => (value === null ? null : `'${value}`);
const date = (value: string | null): RawCellContent => (value === null ? null : recordDateSerial(value));

export function actualsSheets(plan: Plan, actuals: Actuals): Record<string, RawCellContent[][]> {
  const words = layoutText(plan.meta.locale);
  const roleLabels = referenceOptions(plan.organization.roles.map((role) => ({ id: role.id, name: role.title })));
  const roleOf = new Map(plan.measurement.tracking.owners.map((entry) => [entry.owner, roleLabels[entry.roleId]!]));
  const top = (title: string): RawCellContent[][] => [
    [text(title)],
    [text("test copy of the actuals table")],
    ...Array.from({ length: ACTUALS_HEADER_ROW - 3 }, () => []),
  ];
  const deals = [
    ...top(words.sheetNames.deals),
    DEAL_COLUMNS.map((column) => text(column)),
    ...actuals.deals.map((deal) => [
      text(deal.crmId),
      text(deal.title),
      text(deal.owner),
      text(roleOf.get(deal.owner) ?? null),
      deal.value,
      text(deal.currency),
      text(words.dealStatuses[deal.status]),
      date(deal.createdOn),
      date(deal.closedOn),
      text(deal.stage),
      text(deal.pipeline),
      text(deal.source),
    ]),
  ];
  const activities = [
    ...top(words.sheetNames.activities),
    ACTIVITY_COLUMNS.map((column) => text(column)),
    ...actuals.activities.map((activity) => [
      text(activity.crmId),
      text(words.activityTypes[activity.type]),
      text(activity.rawType),
      text(activity.owner),
      text(roleOf.get(activity.owner) ?? null),
      date(activity.dueOn),
      activity.done,
      date(activity.doneAt),
    ]),
  ];
  return { [words.sheetNames.deals]: deals, [words.sheetNames.activities]: activities };
}

/** The spec in HyperFormula, with the actuals sheets built from `actuals` where the spec has none of that name. */
export function loadWithActuals(spec: WorkbookSpec, plan: Plan, actuals: Actuals): HyperFormula {
  const sheets: Record<string, RawCellContent[][]> = Object.fromEntries(
    spec.sheets.map((sheet) => [sheet.name, sheetContents(sheet)]),
  );
  for (const [name, rows] of Object.entries(actualsSheets(plan, actuals))) sheets[name] ??= rows;
  return HyperFormula.buildFromSheets(
    sheets,
    EXCEL_LIKE_CONFIG,
    spec.names.map((name) => ({ name: name.name, expression: name.refersTo })),
  );
}

/**
 * The same two sheets as SheetSpecs, for writers (the .xlsx file LibreOffice recalculates), appended to a spec that
 * does not carry them yet.
 */
export function withActualsSheetSpecs(spec: WorkbookSpec, plan: Plan, actuals: Actuals): WorkbookSpec {
  const extra = Object.entries(actualsSheets(plan, actuals))
    .filter(([name]) => !spec.sheets.some((sheet) => sheet.name === name))
    .map(([name, rows]): SheetSpec => ({
      // The writers do not read the key; these sheets have none of their own until the actuals layout lands.
      key: "tracking",
      name,
      columnWidths: [],
      blocks: [
        {
          id: "records",
          anchor: "A1",
          rows: rows.map((row) =>
            row.map((value): CellSpec | null => {
              if (value === null || value === undefined) return null;
              if (typeof value === "string") return { value: value.startsWith("'") ? value.slice(1) : value };
              if (typeof value === "number") return { value, format: "yyyy-mm-dd hh:mm" };
              return { value: value as boolean };
            }),
          ),
        },
      ],
      tables: [],
      validations: [],
      conditionalFormats: [],
      print: { area: "A1", orientation: "portrait", fitToWidth: true },
      charts: [],
    }));
  return { ...spec, sheets: [...spec.sheets, ...extra] };
}
