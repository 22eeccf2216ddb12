/**
 * The tracking sheet's charts, side by side to the right of its tables:
 * - cumulative revenue won against the cumulative plan by month (lines);
 * - activities per working day against the step-2 target, per activity target (columns), when some CRM type is linked;
 * - attainment to date by rep (bars), when some rep carries a quota.
 */
import type { TrackingFigures } from "../../plan/tracking-figures";
import { paletteColor, REFERENCE_COLOR } from "../palette";
import type { ListTable, SheetBuilder } from "../sheet-builder";
import type { ChartSpec } from "../spec";
import type { LayoutContext } from "../sheets/context";
import type { QuotaRepRows } from "../sheets/tracking";
import { chartAnchor, columnRange } from "./chart-ranges";

export const CUMULATIVE_CHART_ID = "cumulativeRevenue";
export const ACTIVITY_CHART_ID = "activitiesPerDay";
export const REP_CHART_ID = "attainmentByRep";

const CHART_ROWS = 18;
const CHART_COLUMNS = 8;

export function trackingCharts(
  context: LayoutContext,
  sheet: SheetBuilder,
  figures: TrackingFigures,
  layout: {
    readonly months: ListTable;
    readonly activities: ListTable;
    readonly quotaReps: QuotaRepRows;
    readonly column: number;
  },
): void {
  const { text, formats, plan } = context;
  const t = text.tracking;
  const column = (table: ListTable, key: string) => columnRange(table.column(key), table.firstRow, table.lastRow);
  let top = 3;
  const frame = () => {
    const anchor = chartAnchor({ row: top, column: layout.column }, CHART_ROWS, CHART_COLUMNS);
    top += CHART_ROWS + 1;
    return anchor;
  };

  const { months } = layout;
  const cumulative: ChartSpec = {
    id: CUMULATIVE_CHART_ID,
    kind: "line",
    title: t.cumulativeChartTitle,
    anchor: frame(),
    categories: { range: column(months, "label"), labels: figures.months.map((month) => month.label) },
    series: [
      {
        name: t.cumulativeWon,
        range: column(months, "cumulativeWon"),
        values: figures.months.map((month) => month.cumulativeWon),
        color: paletteColor(0),
      },
      {
        name: t.cumulativePlan,
        range: column(months, "cumulativePlan"),
        values: figures.months.map((month) => month.cumulativePlan),
        color: REFERENCE_COLOR,
      },
    ],
    requires: "ExcelApi 1.7",
    legend: "bottom",
    categoryAxis: {},
    valueAxis: { min: 0, numberFormat: formats.currency },
  };
  sheet.chart(cumulative);

  if (figures.activities.length > 0) {
    const names = new Map(plan.objectives.activityTargets.map((activity) => [activity.id, activity.activity]));
    sheet.chart({
      id: ACTIVITY_CHART_ID,
      kind: "column",
      title: t.activityChartTitle,
      anchor: frame(),
      categories: {
        range: column(layout.activities, "activity"),
        labels: figures.activities.map((activity) => names.get(activity.activityId)!),
      },
      series: [
        {
          name: t.perDay,
          range: column(layout.activities, "perDay"),
          values: figures.activities.map((activity) => activity.actualPerDay),
          color: paletteColor(0),
        },
        {
          name: t.targetPerDay,
          range: column(layout.activities, "target"),
          values: figures.activities.map((activity) => activity.targetPerDay),
          color: REFERENCE_COLOR,
        },
      ],
      requires: "ExcelApi 1.7",
      legend: "bottom",
      categoryAxis: {},
      valueAxis: { min: 0, numberFormat: "0.0" },
    });
  }

  const { quotaReps } = layout;
  if (quotaReps.carriers.length > 0) {
    sheet.chart({
      id: REP_CHART_ID,
      kind: "bar",
      title: t.repChartTitle,
      anchor: frame(),
      categories: {
        range: columnRange(0, quotaReps.firstRow, quotaReps.lastRow),
        labels: quotaReps.carriers.map((rep) => rep.owner),
      },
      series: [
        {
          name: t.attainment,
          range: columnRange(1, quotaReps.firstRow, quotaReps.lastRow),
          values: quotaReps.carriers.map((rep) => rep.attainment!),
          color: paletteColor(0),
        },
      ],
      requires: "ExcelApi 1.7",
      legend: "none",
      categoryAxis: { reversed: true },
      valueAxis: { min: 0, numberFormat: formats.percent },
    });
  }
}
