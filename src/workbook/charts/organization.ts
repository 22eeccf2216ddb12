/**
 * The charts of step 3, side by side below the sheet's last section, drawn from the quarterly rows:
 * - headcount at each quarter's end, stacked by role, with the hires of all roles as a line;
 * - for quota-carrying roles, their capacity (columns) against the revenue target (a line) by quarter.
 */
import { paletteColor, REFERENCE_COLOR } from "../palette";
import type { ChartSpec } from "../spec";
import type { LayoutContext } from "../sheets/context";
import { chartAnchor, clamp, rowRange } from "./chart-ranges";

export const HEADCOUNT_CHART_ID = "headcountByQuarter";
export const CAPACITY_CHART_ID = "capacityByQuarter";

const CHART_ROWS = 20;

export interface QuarterRows {
  /** The first column of the quarter grid. */
  readonly firstColumn: number;
  /** The row of the quarter labels. */
  readonly labelRow: number;
}

/** Columns the headcount chart covers: the two label columns and about one grid column per quarter. */
export function headcountChartColumns(quarterCount: number): number {
  return 2 + clamp(quarterCount, 3, 12);
}

export function headcountChart(
  context: LayoutContext,
  layout: QuarterRows & {
    /** Each role's "headcount at quarter end" row, in the roles' order. */
    readonly headcountRows: readonly number[];
    /** The "all roles: hires" row. */
    readonly hiresRow: number;
    readonly top: number;
  },
): ChartSpec {
  const { figures, text, formats } = context;
  const quarters = figures.quarters;
  const last = layout.firstColumn + quarters.length - 1;
  const hires = quarters.map((_, q) => figures.roles.reduce((sum, role) => sum + role.hiresByQuarter[q]!, 0));
  return {
    id: HEADCOUNT_CHART_ID,
    kind: "stackedColumn",
    title: text.charts.headcountTitle,
    anchor: chartAnchor({ row: layout.top, column: 0 }, CHART_ROWS, headcountChartColumns(quarters.length)),
    categories: {
      range: rowRange(layout.labelRow, layout.firstColumn, last),
      labels: quarters.map((quarter) => quarter.label),
    },
    series: [
      ...figures.roles.map((role, index) => ({
        name: role.title,
        range: rowRange(layout.headcountRows[index]!, layout.firstColumn, last),
        values: [...role.headcountByQuarter],
        drawAs: "column" as const,
        color: paletteColor(index),
      })),
      {
        name: text.charts.hiresSeries,
        range: rowRange(layout.hiresRow, layout.firstColumn, last),
        values: hires,
        drawAs: "line" as const,
        color: REFERENCE_COLOR,
      },
    ],
    // Series given range by range and a line series in a column chart need 1.7.
    requires: "ExcelApi 1.7",
    legend: "bottom",
    categoryAxis: {},
    valueAxis: { min: 0, numberFormat: formats.whole },
  };
}

/** Capacity of the quota-carrying roles against their revenue target, beside the headcount chart. */
export function capacityChart(
  context: LayoutContext,
  layout: QuarterRows & {
    readonly targetRow: number;
    readonly capacityRow: number;
    readonly top: number;
    readonly left: number;
  },
): ChartSpec {
  const { figures, text, formats } = context;
  const quarters = figures.quarters;
  const last = layout.firstColumn + quarters.length - 1;
  return {
    id: CAPACITY_CHART_ID,
    kind: "columnLine",
    title: text.charts.capacityTitle,
    anchor: chartAnchor({ row: layout.top, column: layout.left }, CHART_ROWS, clamp(quarters.length + 2, 5, 14)),
    categories: {
      range: rowRange(layout.labelRow, layout.firstColumn, last),
      labels: quarters.map((quarter) => quarter.label),
    },
    series: [
      {
        name: text.charts.capacitySeries,
        range: rowRange(layout.capacityRow, layout.firstColumn, last),
        values: [...figures.capacityByQuarter!],
        drawAs: "column",
        color: paletteColor(0),
      },
      {
        name: text.charts.targetSeries,
        range: rowRange(layout.targetRow, layout.firstColumn, last),
        values: [...figures.revenueTargetByQuarter],
        drawAs: "line",
        color: REFERENCE_COLOR,
      },
    ],
    requires: "ExcelApi 1.7",
    legend: "bottom",
    categoryAxis: {},
    valueAxis: { min: 0, numberFormat: formats.currency },
  };
}
