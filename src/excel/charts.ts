/**
 * The charts step of the Office.js writer: queues each chart of a sheet's spec on the worksheet (it never syncs) and
 * returns a message, in the plan's language, for each chart drawn in a simpler form or not drawn.
 *
 * Each chart is created from its first series' range, then every series is given its range explicitly
 * (`ChartSeries.setValues` and `setXAxisValues`, ExcelApi 1.7), in the spec's order, so charts can draw columns that
 * are not side by side (the Gantt's start dates and durations) and follow the user's edits of those cells. The chart
 * is named with its spec id: a chart with another name on a generated sheet is the user's.
 *
 * What each host gets:
 * - the chart's `requires` set or later: the chart as specified (types, series formats, point colours, milestone
 *   outlines, reversed categories, axis bounds, number formats, legend, title, frame);
 * - ExcelApi 1.7 up to `requires`: the `fallbackKind` (the funnel as bars with the first stage on top) or the same kind
 *   without what needs a later set (the Gantt's month labels and its date axis kept at the bottom need 1.8), and a
 *   message;
 * - below 1.7, series cannot be given ranges: a chart whose categories and series are adjacent lines of one block is
 *   drawn from that block with its plainest type (no line series, no reversed categories), others are not drawn; a
 *   message either way. Nothing is ever an error.
 */
import type { PlanLocale } from "../plan/schema";
import { parseRangeAddress, rangeAddress, type RangePosition } from "../workbook/address";
import { MILESTONE_OUTLINE, paletteColor } from "../workbook/palette";
import type { ChartKind, ChartSeriesSpec, ChartSpec } from "../workbook/spec";
import { excelMessage, type ExcelMessageKey } from "./messages";
import type { ChartApi, ChartSeriesApi, ChartTypeName, WorksheetApi } from "./office-port";
import type { ChartWriter } from "./sheet-writer";

/** Series given their own ranges, line series in column charts, reversed categories, line styles: ExcelApi 1.7. */
export const EXPLICIT_SERIES_API = "1.7";
/** Axis number formats and where the other axis crosses: ExcelApi 1.8. */
const AXIS_FORMAT_API = "1.8";

/** The Excel chart type drawing each spec kind (a columnLine chart's line series become lines afterwards). */
export const EXCEL_CHART_TYPES: Readonly<Record<ChartKind, ChartTypeName>> = {
  gantt: "BarStacked",
  funnel: "Funnel",
  bar: "BarClustered",
  column: "ColumnClustered",
  stackedColumn: "ColumnStacked",
  line: "LineMarkers",
  columnLine: "ColumnClustered",
};

const LEGEND_POSITIONS = { bottom: "Bottom", right: "Right", top: "Top" } as const;
const FORM_MESSAGES: Readonly<Record<ChartKind, ExcelMessageKey>> = {
  gantt: "chartFormGantt",
  funnel: "chartFormFunnel",
  bar: "chartFormBar",
  column: "chartFormColumn",
  stackedColumn: "chartFormStackedColumn",
  line: "chartFormLine",
  columnLine: "chartFormColumnLine",
};

/** "a funnel", "a bar chart"…: how a message names a chart's form. */
export function chartFormName(locale: PlanLocale, kind: ChartKind): string {
  return excelMessage(locale, FORM_MESSAGES[kind]);
}

/** `ExcelApi 1.9` → `1.9`. */
export function requiredVersion(chart: ChartSpec): string {
  return chart.requires.replace(/^ExcelApi\s+/, "");
}

const isHorizontal = (kind: ChartKind): boolean => kind === "gantt" || kind === "bar" || kind === "funnel";

/** A series drawn as a line: every series of a line chart, and `drawAs: "line"` series of column charts. */
function drawnAsLine(kind: ChartKind, series: ChartSeriesSpec): boolean {
  return kind === "line" || (!isHorizontal(kind) && series.drawAs === "line");
}

/** One-row or one-column range; Excel's `seriesBy` for a chart created from it. */
function seriesBy(range: string): "Columns" | "Rows" {
  const { start, end } = parseRangeAddress(range);
  return start.row === end.row && start.column !== end.column ? "Rows" : "Columns";
}

/**
 * The block a chart can be created from without giving series their ranges (hosts below ExcelApi 1.7): the
 * categories and every series are whole lines (rows or columns) of the same span, side by side, the categories first.
 * Returns the block and, for each of its series lines in order, the index of the spec series it holds.
 */
export function contiguousSource(
  chart: ChartSpec,
): { readonly address: string; readonly seriesBy: "Columns" | "Rows"; readonly order: readonly number[] } | undefined {
  const categories = parseRangeAddress(chart.categories.range);
  const ranges = chart.series.map((series) => parseRangeAddress(series.range));
  const byRows = categories.start.row === categories.end.row && categories.start.column !== categories.end.column;
  /** The line (row or column) index of a range, or undefined when it does not span what the categories span. */
  const lineOf = (range: RangePosition): number | undefined => {
    if (byRows) {
      return range.start.row === range.end.row &&
        range.start.column === categories.start.column &&
        range.end.column === categories.end.column
        ? range.start.row
        : undefined;
    }
    return range.start.column === range.end.column &&
      range.start.row === categories.start.row &&
      range.end.row === categories.end.row
      ? range.start.column
      : undefined;
  };
  const first = byRows ? categories.start.row : categories.start.column;
  const lines = ranges.map(lineOf);
  if (lines.some((line) => line === undefined)) return undefined;
  const order = lines.map((line, index) => ({ line: line!, index })).sort((a, b) => a.line - b.line);
  if (order.some((entry, position) => entry.line !== first + 1 + position)) return undefined;
  const last = first + chart.series.length;
  const block: RangePosition = byRows
    ? { start: categories.start, end: { row: last, column: categories.end.column } }
    : { start: categories.start, end: { row: categories.end.row, column: last } };
  return {
    address: rangeAddress(block),
    seriesBy: byRows ? "Rows" : "Columns",
    order: order.map((entry) => entry.index),
  };
}

interface ChartContext {
  readonly worksheet: WorksheetApi;
  readonly sheetName: string;
  readonly locale: PlanLocale;
  readonly supports: (version: string) => boolean;
}

/** Name, title, frame and legend: ExcelApi 1.1. */
function frame(created: ChartApi, chart: ChartSpec): void {
  created.name = chart.id;
  created.title.text = chart.title;
  created.setPosition(chart.anchor.from, chart.anchor.to);
  created.legend.visible = chart.legend !== "none";
  if (chart.legend !== "none") created.legend.position = LEGEND_POSITIONS[chart.legend];
}

function formatSeries(series: ChartSeriesApi, spec: ChartSeriesSpec, index: number, chart: ChartSpec, kind: ChartKind) {
  const colour = spec.color ?? paletteColor(index);
  if (spec.invisible) {
    // The Gantt's start offsets: present (they push the bars to their start dates) but not drawn.
    series.format.fill.clear();
    series.format.line.lineStyle = "None";
    return;
  }
  if (drawnAsLine(kind, spec)) {
    if (kind !== "line") series.chartType = "LineMarkers";
    series.format.line.color = colour;
    series.markerStyle = "Circle";
    series.markerBackgroundColor = colour;
    series.markerForegroundColor = colour;
    return;
  }
  series.format.fill.setSolidColor(colour);
  if (kind === "gantt") series.gapWidth = 40;
  const milestones = new Set(kind === "gantt" ? (chart.milestones ?? []) : []);
  spec.pointColors?.forEach((pointColour, point) => {
    const format = series.points.getItemAt(point).format;
    format.fill.setSolidColor(pointColour);
    if (milestones.has(point)) {
      // A thick dark outline makes a one-day milestone show at any time scale.
      format.border.color = MILESTONE_OUTLINE.color;
      format.border.lineStyle = "Continuous";
      format.border.weight = MILESTONE_OUTLINE.weightPoints;
    }
  });
}

function formatAxes(created: ChartApi, chart: ChartSpec, kind: ChartKind, supports: (version: string) => boolean) {
  const { categoryAxis, valueAxis } = created.axes;
  if (chart.categoryAxis.reversed) {
    categoryAxis.reversePlotOrder = true;
    // Reversed categories would carry the value axis to the top; crossing at the last category keeps it at the bottom.
    if (isHorizontal(kind) && supports(AXIS_FORMAT_API)) categoryAxis.position = "Maximum";
  }
  const axis = chart.valueAxis;
  if (axis.min !== undefined) valueAxis.minimum = axis.min;
  if (axis.max !== undefined) valueAxis.maximum = axis.max;
  if (axis.majorUnit !== undefined) valueAxis.majorUnit = axis.majorUnit;
  // Without 1.8 the labels keep the number format of the series' first cell (linked to the source).
  if (axis.numberFormat !== undefined && supports(AXIS_FORMAT_API)) valueAxis.numberFormat = axis.numberFormat;
}

/** A chart as specified (or its fallback), each series given its range: ExcelApi 1.7 and later. */
function drawWithSeries(context: ChartContext, chart: ChartSpec, kind: ChartKind): void {
  const { worksheet } = context;
  const first = chart.series[0]!;
  const created = worksheet.charts.add(EXCEL_CHART_TYPES[kind], worksheet.getRange(first.range), seriesBy(first.range));
  frame(created, chart);
  chart.series.forEach((spec, index) => {
    const series = index === 0 ? created.series.getItemAt(0) : created.series.add(spec.name);
    if (index === 0) series.name = spec.name;
    series.setValues(worksheet.getRange(spec.range));
    series.setXAxisValues(worksheet.getRange(chart.categories.range));
    formatSeries(series, spec, index, chart, kind);
  });
  // Excel's Funnel has no axes to set: it draws its stages top-down.
  if (kind !== "funnel") formatAxes(created, chart, kind, context.supports);
}

/** The plainest Excel type of a kind, for hosts that cannot turn a series into a line or use the Funnel type. */
function plainType(kind: ChartKind): ChartTypeName {
  if (kind === "funnel") return "BarClustered";
  if (kind === "columnLine") return "ColumnClustered";
  return EXCEL_CHART_TYPES[kind];
}

/** A chart made from one block, with what ExcelApi 1.1 can set: names, colours, frame, axis bounds. */
function drawFromBlock(
  context: ChartContext,
  chart: ChartSpec,
  source: NonNullable<ReturnType<typeof contiguousSource>>,
): void {
  const { worksheet } = context;
  const kind = chart.fallbackKind ?? chart.kind;
  const created = worksheet.charts.add(plainType(kind), worksheet.getRange(source.address), source.seriesBy);
  frame(created, chart);
  source.order.forEach((specIndex, position) => {
    const spec = chart.series[specIndex]!;
    const series = created.series.getItemAt(position);
    series.name = spec.name;
    const colour = spec.color ?? paletteColor(specIndex);
    if (kind === "line") series.format.line.color = colour;
    else series.format.fill.setSolidColor(colour);
  });
  const axis = chart.valueAxis;
  if (axis.min !== undefined) created.axes.valueAxis.minimum = axis.min;
  if (axis.max !== undefined) created.axes.valueAxis.maximum = axis.max;
  if (axis.majorUnit !== undefined) created.axes.valueAxis.majorUnit = axis.majorUnit;
}

function writeChart(context: ChartContext, chart: ChartSpec): string | undefined {
  const version = requiredVersion(chart);
  const params = { chart: chart.title, sheet: context.sheetName };
  if (!context.supports(EXPLICIT_SERIES_API)) {
    const source = contiguousSource(chart);
    if (!source) {
      return excelMessage(context.locale, "degradedChartSkipped", { ...params, version: EXPLICIT_SERIES_API });
    }
    drawFromBlock(context, chart, source);
    return excelMessage(context.locale, "degradedChartSimpler", { ...params, version: EXPLICIT_SERIES_API });
  }
  if (context.supports(version)) {
    drawWithSeries(context, chart, chart.kind);
    return undefined;
  }
  const fallback = chart.fallbackKind;
  drawWithSeries(context, chart, fallback ?? chart.kind);
  return fallback
    ? excelMessage(context.locale, "degradedChartFallback", {
        ...params,
        version,
        form: excelMessage(context.locale, FORM_MESSAGES[fallback]),
      })
    : excelMessage(context.locale, "degradedChartSimpler", { ...params, version });
}

/** The charts step: every chart of the sheet, in order. Only queues; the caller syncs. */
export const writeSheetCharts: ChartWriter = ({ worksheet, sheet, locale, supports }) =>
  sheet.charts.flatMap((chart) => {
    const message = writeChart({ worksheet, sheetName: sheet.name, locale, supports }, chart);
    return message === undefined ? [] : [message];
  });
