/**
 * The plan's workbook as an .xlsx file, for the "Download workbook" button outside Excel. Loaded on demand: ExcelJS
 * and the layout are large and only needed when the user asks for the file.
 */
import { NO_ACTUALS, type Actuals } from "../../plan/actuals";
import type { Plan } from "../../plan/schema";
import { localIsoDate } from "../../plan/calendar";
import { layoutWorkbook } from "../../workbook/layout";
import { buildXlsx } from "../../xlsx/write-xlsx";

export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface WorkbookFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** `Plan d'action 2027.xlsx` from the plan's name; characters file systems refuse become dashes. */
export function workbookFileName(plan: Plan): string {
  const base =
    [...plan.meta.planName]
      .map((char) => (char < " " || '\\/:*?"<>|'.includes(char) ? "-" : char))
      .join("")
      .trim() || "sales-plan";
  return `${base}.xlsx`;
}

/** The plan's workbook, with the actuals imported in the pane (outside Excel the pane holds them) in its CRM tables. */
export async function buildWorkbookFile(plan: Plan, today: Date, actuals: Actuals = NO_ACTUALS): Promise<WorkbookFile> {
  const generatedOn = localIsoDate(today);
  return { name: workbookFileName(plan), bytes: await buildXlsx(layoutWorkbook(plan, { generatedOn, actuals })) };
}
