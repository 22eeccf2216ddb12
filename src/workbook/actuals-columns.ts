/**
 * The shape of the generated actuals tables, `CRM deals` and `CRM activities` (`Affaires CRM`, `Activités CRM`): one
 * Excel table per sheet, one row per record (src/plan/actuals.ts), one column per field in the order below. The
 * actuals layout writes them, reading back turns them into records again, and the tracking sheet's formulas refer to
 * their columns by letter, over whole columns (`'CRM deals'!$E:$E`) so rows the user adds to the tables count without
 * any formula changing. Only one table per sheet for that reason: whole-column references would otherwise mix them.
 *
 * Each sheet: a title in A1, a note in A2, the table's header row at `ACTUALS_HEADER_ROW`, records below it. The
 * `role` column holds the role's name (its label on the organization sheet), written at import from the plan's
 * owner → role mapping and chosen from a list for rows typed by hand: the tracking sheet's team blocks sum by it.
 * Status and type columns hold their localized labels (choice-labels); reading back accepts English and French.
 * Dates are Excel serial numbers (with the time as a fraction when the CRM gave one).
 */

/** Columns of the deals table, left to right from column A. */
export const DEAL_COLUMNS = [
  "crmId",
  "title",
  "owner",
  "role",
  "value",
  "currency",
  "status",
  "createdOn",
  "closedOn",
  "stage",
  "pipeline",
  "source",
] as const;
export type DealColumn = (typeof DEAL_COLUMNS)[number];

/** Columns of the activities table, left to right from column A. */
export const ACTIVITY_COLUMNS = ["crmId", "type", "rawType", "owner", "role", "dueOn", "done", "doneAt"] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];

/** 1-based row of each actuals table's header row; records start on the next row. */
export const ACTUALS_HEADER_ROW = 4;

/** The Excel table names (workbook-unique, the same in every language). */
export const ACTUALS_TABLE_NAMES = { deals: "CrmDeals", activities: "CrmActivities" } as const;

/** The column letter of a field in its table (`value` → `E`). */
export function dealColumnLetter(column: DealColumn): string {
  return letterOf(DEAL_COLUMNS.indexOf(column));
}

export function activityColumnLetter(column: ActivityColumn): string {
  return letterOf(ACTIVITY_COLUMNS.indexOf(column));
}

function letterOf(index: number): string {
  // Both tables are narrower than 26 columns.
  return String.fromCharCode(65 + index);
}
