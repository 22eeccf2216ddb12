/**
 * The Gantt chart of step 6, drawn from the initiatives table: a stacked bar chart whose first series (the start
 * dates) is invisible and whose second (the durations in days) is coloured by initiative category, categories in
 * reverse order so the first initiative is on top, a date axis spanning the horizon's fiscal quarters.
 *
 * Time axis. Excel puts value-axis gridlines every `majorUnit` from the axis minimum and cannot place them at
 * arbitrary dates, while fiscal quarters last 89 to 92 days. The axis therefore spans the whole fiscal quarters the
 * horizon touches, and `gridlineSpacing` chooses `majorUnit` (about 91.3 days) and, only when it must, moves the axis
 * minimum forward by a fraction of a day, so that every gridline falls on its quarter's first day or at most three
 * days after it. With labels in the `mmm yyyy` format, each gridline then names its quarter's first month
 * (`Jan 2027`, `Apr 2027`…). `gridlineValues` and `gridlineLabels` carry the exact quarter starts and their names
 * (`FY2027 Q1`) for renderers that can place them, as the SVG renderer does.
 *
 * Milestones keep their real one-day length (so the bars stay proportional to the dates) and are drawn with a thick
 * dark outline in Excel and in the .xlsx file, and as diamonds by the SVG renderer.
 */
import type { InitiativeFigures } from "../../plan/calculate";
import { fiscalQuarterSpan, type PlanMonth, type PlanQuarter } from "../../plan/calendar";
import { INITIATIVE_CATEGORIES, type Initiative, type InitiativeCategory } from "../../plan/schema";
import type { CellPosition } from "../address";
import { paletteColor } from "../palette";
import { headerCell, headingCell, noteCell, type ListTable, type SheetBuilder, valueCell } from "../sheet-builder";
import type { ChartSpec } from "../spec";
import type { LayoutContext } from "../sheets/context";
import { chartAnchor, clamp, columnRange } from "./chart-ranges";

/** The colour of each initiative category: the palette in the schema's category order. */
export const INITIATIVE_CATEGORY_COLORS: Readonly<Record<InitiativeCategory, string>> = Object.fromEntries(
  INITIATIVE_CATEGORIES.map((category, index) => [category, paletteColor(index)]),
) as Record<InitiativeCategory, string>;

/** Month and year of each gridline: the first month of the quarter it starts. */
export const GANTT_AXIS_FORMAT = "mmm yyyy";

/** The Gantt's id, which also names the chart in Excel. */
export const GANTT_CHART_ID = "gantt";

export interface GanttTimeAxis {
  /**
   * Axis bounds (Excel serials): the first day of the horizon's first fiscal quarter (moved forward by less than three
   * days when needed, see the module comment) and the day after its last fiscal quarter.
   */
  readonly min: number;
  readonly max: number;
  /** Days between gridlines: the quarters' average length. */
  readonly majorUnit: number;
  /** The first day of each whole fiscal quarter of the horizon, and its label (`FY2027 Q1`). */
  readonly quarterStarts: readonly number[];
  readonly quarterLabels: readonly string[];
}

/** Candidate gridline spacings: multiples of 1/64 day (exact in binary, so no rounding moves a gridline). */
const SPACING_STEP = 1 / 64;
const SPACINGS = Array.from({ length: (94 - 88) / SPACING_STEP + 1 }, (_, i) => 88 + i * SPACING_STEP);

/**
 * The spacing `majorUnit` and the axis start `shift` (days after the first quarter's first day) that put gridline k
 * (at shift + k × majorUnit) on or after the first day of quarter k, and as close to it as possible: the smallest
 * largest delay over all quarters, then the smallest shift. The gridline after the last quarter must fall at or beyond
 * the axis end, so no stray gridline appears there.
 *
 * @param offsets days from the first quarter's first day to each quarter's first day (offsets[0] = 0)
 * @param span days from the first quarter's first day to the day after the last quarter
 */
export function gridlineSpacing(
  offsets: readonly number[],
  span: number,
): { readonly majorUnit: number; readonly shift: number; readonly largestDelay: number } {
  let best = { majorUnit: span / offsets.length, shift: Infinity, largestDelay: Infinity };
  for (const unit of SPACINGS) {
    const shift = Math.max(0, ...offsets.map((offset, k) => offset - k * unit), span - offsets.length * unit);
    const largestDelay = Math.max(...offsets.map((offset, k) => shift + k * unit - offset));
    if (largestDelay < best.largestDelay || (largestDelay === best.largestDelay && shift < best.shift)) {
      best = { majorUnit: unit, shift, largestDelay };
    }
  }
  return best;
}

/** The Gantt's time axis over the horizon's fiscal quarters (whole quarters, also when the horizon starts mid-quarter). */
export function ganttTimeAxis(
  months: readonly PlanMonth[],
  quarters: readonly PlanQuarter[],
  fiscalYearStartMonth: number,
): GanttTimeAxis {
  const quarterStarts = quarters.map(
    (quarter) => fiscalQuarterSpan(months[quarter.monthIndices[0]!]!, fiscalYearStartMonth).startSerial,
  );
  const first = quarterStarts[0]!;
  const max = fiscalQuarterSpan(months[months.length - 1]!, fiscalYearStartMonth).endSerial;
  const { majorUnit, shift } = gridlineSpacing(
    quarterStarts.map((start) => start - first),
    max - first,
  );
  return {
    min: first + shift,
    max,
    majorUnit,
    quarterStarts,
    quarterLabels: quarters.map((quarter) => quarter.label),
  };
}

export interface GanttTable {
  readonly table: ListTable;
  /** The last column of the quarter grid; the chart starts two columns to its right. */
  readonly gridEndColumn: number;
  /** The sheet row where the chart's frame starts (the initiatives heading). */
  readonly topRow: number;
  /** The row holding the quarters' first days, named by the gridline note. */
  readonly quarterStartsRow: number;
}

/** Rows a Gantt frame covers: at least 18, and one per initiative plus the table's header rows and the axis. */
export function ganttRows(topRow: number, lastTableRow: number): number {
  return Math.max(18, lastTableRow + 3 - topRow + 1);
}

/** Columns (of Excel's default width, 64 px) a Gantt frame covers: wider for longer horizons, 12 to 24. */
export function ganttColumns(quarterCount: number): number {
  return clamp(8 + quarterCount, 12, 24);
}

/**
 * Adds the Gantt of the initiatives table to the execution sheet, with its colour key (the categories it shows, their
 * colours, how a milestone looks, where the gridlines are) in cells to its right.
 */
export function layoutGantt(context: LayoutContext, sheet: SheetBuilder, layout: GanttTable): void {
  const { plan, figures, text } = context;
  const t = text.charts;
  const initiatives: readonly Initiative[] = plan.execution.initiatives;
  if (initiatives.length === 0) return;
  const { table } = layout;
  const byId = new Map(figures.initiatives.map((figure) => [figure.id, figure]));
  const figureOf = (initiative: Initiative): InitiativeFigures => byId.get(initiative.id)!;
  const axis = ganttTimeAxis(figures.months, figures.quarters, plan.meta.fiscalYearStartMonth);
  const used = INITIATIVE_CATEGORIES.filter((category) => initiatives.some((item) => item.category === category));
  const milestones = initiatives.flatMap((initiative, index) => (initiative.milestone ? [index] : []));

  const from: CellPosition = { row: layout.topRow, column: layout.gridEndColumn + 2 };
  const rows = ganttRows(layout.topRow, table.lastRow);
  const columns = ganttColumns(figures.quarters.length);
  const column = (key: string) => table.column(key);
  const chart: ChartSpec = {
    id: GANTT_CHART_ID,
    kind: "gantt",
    title: t.ganttTitle,
    anchor: chartAnchor(from, rows, columns),
    categories: {
      range: columnRange(column("name"), table.firstRow, table.lastRow),
      labels: initiatives.map((initiative) => initiative.name),
    },
    series: [
      {
        name: t.ganttStart,
        range: columnRange(column("start"), table.firstRow, table.lastRow),
        values: initiatives.map((initiative) => figureOf(initiative).startSerial),
        invisible: true,
      },
      {
        name: t.ganttDuration,
        range: columnRange(column("duration"), table.firstRow, table.lastRow),
        values: initiatives.map((initiative) => figureOf(initiative).durationDays),
        color: paletteColor(0),
        pointColors: initiatives.map((initiative) => INITIATIVE_CATEGORY_COLORS[initiative.category]),
      },
    ],
    // Reversed categories and the invisible series' line need 1.7; the month-year labels and the axis kept at the
    // bottom under reversed categories need 1.8. Below that the writer draws a plainer Gantt and says so.
    requires: "ExcelApi 1.8",
    legend: "none",
    categoryAxis: { reversed: true },
    valueAxis: {
      min: axis.min,
      max: axis.max,
      majorUnit: axis.majorUnit,
      numberFormat: GANTT_AXIS_FORMAT,
      gridlineValues: [...axis.quarterStarts],
      gridlineLabels: [...axis.quarterLabels],
    },
    ...(milestones.length > 0 ? { milestones } : {}),
    colorKey: used.map((category) => ({
      label: text.categories[category],
      color: INITIATIVE_CATEGORY_COLORS[category],
    })),
  };
  sheet.chart(chart);

  // The colour key, in cells: Excel's legend lists series, not the colours of single bars.
  const keyColumn = from.column + columns + 1;
  const key = sheet.block("ganttKey");
  key.set({ row: layout.topRow, column: keyColumn }, headingCell(t.ganttKeySection, 1));
  key.set({ row: layout.topRow + 1, column: keyColumn }, headerCell(t.ganttKeyCategory));
  key.set({ row: layout.topRow + 1, column: keyColumn + 1 }, headerCell(t.ganttKeyColour));
  used.forEach((category, index) => {
    const row = layout.topRow + 2 + index;
    const colour = INITIATIVE_CATEGORY_COLORS[category];
    key.set({ row, column: keyColumn }, valueCell(text.categories[category]));
    key.set({ row, column: keyColumn + 1 }, valueCell(t.colourNames[INITIATIVE_CATEGORIES.indexOf(category)]!));
    // A swatch: the cell's fill is the bars' colour (a rule that always holds, so every writer can draw it).
    sheet.highlight({ start: { row, column: keyColumn + 1 }, end: { row, column: keyColumn + 1 } }, "=TRUE", {
      fill: colour,
      fontColor: "#FFFFFF",
      bold: true,
    });
  });
  let row = layout.topRow + 2 + used.length;
  if (milestones.length > 0) {
    key.set({ row, column: keyColumn }, valueCell(t.milestone));
    key.set({ row, column: keyColumn + 1 }, valueCell(t.milestoneMark));
    row++;
  }
  key.set({ row, column: keyColumn }, noteCell(t.ganttGridNote(layout.quarterStartsRow + 1)));
  key.set({ row: row + 1, column: keyColumn }, noteCell(t.ganttColourNote));
  sheet.width(keyColumn, 18);
  sheet.width(keyColumn + 1, 16);
}
