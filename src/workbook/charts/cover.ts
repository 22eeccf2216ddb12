/**
 * The cover's summary chart: the revenue target (a line) against the capacity of the quota-carrying roles (columns)
 * in each horizon quarter, drawn from the cover's own small table, whose cells read the organization sheet.
 */
import { paletteColor, REFERENCE_COLOR } from "../palette";
import type { ChartSpec } from "../spec";
import type { LayoutContext } from "../sheets/context";
import { chartAnchor, columnRange } from "./chart-ranges";

export const COVER_CHART_ID = "targetAndCapacity";

export function targetAndCapacityChart(
  context: LayoutContext,
  table: {
    readonly firstRow: number;
    readonly lastRow: number;
    readonly labelColumn: number;
    readonly targetColumn: number;
    readonly capacityColumn: number;
  },
): ChartSpec {
  const { figures, text, formats } = context;
  const column = (index: number) => columnRange(index, table.firstRow, table.lastRow);
  return {
    id: COVER_CHART_ID,
    kind: "columnLine",
    title: text.charts.coverTitle,
    // Below the table, as wide as the cover's first two columns (about 600 px).
    anchor: chartAnchor({ row: table.lastRow + 2, column: 0 }, 18, 2),
    categories: { range: column(table.labelColumn), labels: figures.quarters.map((quarter) => quarter.label) },
    series: [
      {
        name: text.charts.capacitySeries,
        range: column(table.capacityColumn),
        values: [...figures.capacityByQuarter!],
        drawAs: "column",
        color: paletteColor(0),
      },
      {
        name: text.charts.targetSeries,
        range: column(table.targetColumn),
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
