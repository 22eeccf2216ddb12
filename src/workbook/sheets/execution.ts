/**
 * Step 6: the initiatives with owner, dates (serials with a date format), duration and start quarter by formula,
 * status, and a grid with one column per horizon quarter marking the quarters each initiative runs in; to the right of
 * the grid, the Gantt chart of the initiatives and its colour key (charts/gantt.ts).
 */
import { toExcelSerial } from "../../plan/calendar";
import type { Initiative } from "../../plan/schema";
import { layoutGantt } from "../charts/gantt";
import { inputColumn } from "../inputs";
import {
  formulaCell,
  formulaText,
  headingCell,
  labelCell,
  listTable,
  ref,
  refColumnFixed,
  refRowFixed,
  SheetBuilder,
  subtitleCell,
  titleCell,
  valueCell,
  type RowContext,
  type TableColumn,
} from "../sheet-builder";
import { ACTIVE_FILL, ALERT_FILL, ALERT_FONT, TAB_COLORS } from "../styles";
import { NAMES, type LayoutContext, type SheetLayout } from "./context";

/**
 * The fiscal quarter label of the date in `date`, as src/plan/calendar.ts names it: the fiscal year is the calendar
 * year it ends in (+1 for months from the fiscal start month on, when the fiscal year does not start in January), the
 * quarter counts from the fiscal start month.
 */
export function fiscalQuarterFormula(date: string): string {
  const start = NAMES.fiscalYearStartMonth;
  return (
    `="FY"&(YEAR(${date})+IF(AND(${start}>1,MONTH(${date})>=${start}),1,0))` +
    `&" Q"&(INT(MOD(MONTH(${date})-${start}+12,12)/3)+1)`
  );
}

export function executionSheet(context: LayoutContext): SheetLayout {
  const { plan, figures, text, formats, kinds, sheetNames } = context;
  const t = text.execution;
  const sheet = new SheetBuilder("execution", sheetNames.execution, TAB_COLORS.execution);
  const quarters = figures.quarters;

  const header = sheet.block("title");
  header.set({ row: 0, column: 0 }, titleCell(text.sheetTitles.execution));
  header.set({ row: 1, column: 0 }, subtitleCell(plan.meta.planName));

  const block = sheet.block("initiatives");
  block.set({ row: 3, column: 0 }, headingCell(t.initiativesSection, 2));
  const startsRow = 4;
  const nextStartsRow = 5;
  const headerRow = 6;
  const gridStart = 10;
  block.set({ row: startsRow, column: gridStart - 1 }, labelCell(t.quarterStarts));
  block.set({ row: nextStartsRow, column: gridStart - 1 }, labelCell(t.nextQuarterStarts));
  quarters.forEach((quarter, q) => {
    block.set({ row: startsRow, column: gridStart + q }, valueCell(quarter.startSerial, formats.date));
    block.set({ row: nextStartsRow, column: gridStart + q }, valueCell(quarter.endSerial, formats.date));
    sheet.width(gridStart + q, 11);
  });
  const byId = new Map(figures.initiatives.map((f) => [f.id, f]));
  // A large plan's grid holds tens of thousands of cells: each row's date references are written once, not per cell.
  let rowRefs = { row: -1, start: "", end: "", active: [] as readonly boolean[] };
  const refsOf = (initiative: Initiative, row: RowContext) => {
    if (rowRefs.row !== row.row) {
      rowRefs = {
        row: row.row,
        start: refColumnFixed(row.at("start")),
        end: refColumnFixed(row.at("end")),
        active: byId.get(initiative.id)!.activeQuarters,
      };
    }
    return rowRefs;
  };
  const quarterColumns: TableColumn<Initiative>[] = quarters.map((quarter, q) => {
    const quarterStart = refRowFixed({ row: startsRow, column: gridStart + q });
    const nextStart = refRowFixed({ row: nextStartsRow, column: gridStart + q });
    return {
      key: `q${q}`,
      header: quarter.label,
      style: "formula",
      format: formats.activeMark,
      cell: (initiative, row) => {
        const refs = refsOf(initiative, row);
        return {
          formula: `=IF(AND(${refs.start}<${nextStart},${refs.end}>=${quarterStart}),1,0)`,
          result: refs.active[q] ? 1 : 0,
        };
      },
    };
  });
  const table = listTable<Initiative>(sheet, block, {
    name: "PlanInitiatives",
    anchor: { row: headerRow, column: 0 },
    items: plan.execution.initiatives,
    binding: { list: "execution.initiatives", idField: "id", nameField: "name", label: t.initiatives },
    columns: [
      { key: "id", width: 18, ...inputColumn("id", t.initiativeId, kinds.text(40)), cell: (i) => ({ value: i.id }) },
      { key: "name", width: 40, ...inputColumn("name", t.name, kinds.text(200)), cell: (i) => ({ value: i.name }) },
      {
        key: "category",
        width: 14,
        ...inputColumn("category", t.category, kinds.choice(text.categories)),
        cell: (i) => ({ value: text.categories[i.category] }),
      },
      { key: "owner", width: 24, ...inputColumn("owner", t.owner, kinds.text(120)), cell: (i) => ({ value: i.owner }) },
      {
        key: "start",
        width: 12,
        ...inputColumn("start", t.start, kinds.date),
        cell: (i) => ({ value: toExcelSerial(i.start) }),
      },
      {
        key: "end",
        width: 12,
        ...inputColumn("end", t.end, kinds.date),
        cell: (i) => ({ value: toExcelSerial(i.end) }),
      },
      {
        key: "milestone",
        width: 11,
        ...inputColumn("milestone", t.milestone, kinds.boolean),
        cell: (i) => ({ value: i.milestone }),
      },
      {
        key: "status",
        width: 14,
        ...inputColumn("status", t.status, kinds.choice(text.statuses)),
        cell: (i) => ({ value: text.statuses[i.status] }),
      },
      {
        key: "duration",
        header: t.duration,
        width: 11,
        style: "formula",
        format: formats.whole,
        cell: (i, row) => formulaCell(`=${ref(row.at("end"))}-${ref(row.at("start"))}+1`, byId.get(i.id)!.durationDays),
      },
      {
        key: "startQuarter",
        header: t.startQuarter,
        width: 22,
        style: "formula",
        cell: (i, row) => formulaCell(fiscalQuarterFormula(ref(row.at("start"))), byId.get(i.id)!.startQuarter),
      },
      ...quarterColumns,
    ],
  });
  if (quarters.length > 0 && plan.execution.initiatives.length > 0) {
    const first = { row: table.firstRow, column: gridStart };
    sheet.highlight(
      { start: first, end: { row: table.lastRow, column: gridStart + quarters.length - 1 } },
      `=${ref(first)}=1`,
      { fill: ACTIVE_FILL },
    );
  }
  const status = ref({ row: table.firstRow, column: table.column("status") });
  sheet.highlight(
    {
      start: { row: table.firstRow, column: table.column("status") },
      end: { row: table.lastRow, column: table.column("status") },
    },
    `=OR(${status}=${formulaText(text.statuses.atRisk)},${status}=${formulaText(text.statuses.blocked)})`,
    { fill: ALERT_FILL, fontColor: ALERT_FONT },
  );

  layoutGantt(context, sheet, {
    table,
    gridEndColumn: gridStart + quarters.length - 1,
    topRow: 3,
    quarterStartsRow: startsRow,
  });

  sheet.freeze(headerRow + 1, 2);
  sheet.printing("landscape", { first: headerRow, last: headerRow });
  return { sheet: sheet.build(), names: [] };
}
