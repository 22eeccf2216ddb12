/**
 * The charts of step 2: the reverse funnel (volume per year of each stage, from the funnel table) and the revenue
 * target of each fiscal quarter of plan year 1 (from the seasonality table).
 */
import { paletteColor } from "../palette";
import type { ListTable } from "../sheet-builder";
import type { ChartSpec } from "../spec";
import type { LayoutContext } from "../sheets/context";
import { chartAnchor, columnRange } from "./chart-ranges";

export const FUNNEL_CHART_ID = "funnel";
export const REVENUE_CHART_ID = "revenueByQuarter";

/**
 * Excel's Funnel type (ExcelApi 1.9) with the stages top-down; where the host lacks it, the documented fallback is a
 * bar chart with reversed categories (the first stage on top), which the .xlsx file always uses.
 */
export function funnelChart(
  context: LayoutContext,
  funnel: ListTable,
  frame: { readonly top: number; readonly left: number },
  volumeFormat: string,
): ChartSpec {
  const { figures, text } = context;
  return {
    id: FUNNEL_CHART_ID,
    kind: "funnel",
    title: text.charts.funnelTitle,
    anchor: chartAnchor({ row: frame.top, column: frame.left }, 15, 6),
    categories: {
      range: columnRange(funnel.column("name"), funnel.firstRow, funnel.lastRow),
      labels: figures.funnel.map((stage) => stage.name),
    },
    series: [
      {
        name: text.charts.funnelSeries,
        range: columnRange(funnel.column("year"), funnel.firstRow, funnel.lastRow),
        values: figures.funnel.map((stage) => stage.perYear),
        color: paletteColor(0),
      },
    ],
    requires: "ExcelApi 1.9",
    fallbackKind: "bar",
    legend: "none",
    categoryAxis: { reversed: true },
    valueAxis: { min: 0, numberFormat: volumeFormat },
  };
}

/** Columns of plan year 1's revenue target by fiscal quarter (its seasonality), below the seasonality table. */
export function revenueByQuarterChart(context: LayoutContext, seasonality: ListTable): ChartSpec {
  const { figures, text, formats } = context;
  return {
    id: REVENUE_CHART_ID,
    kind: "column",
    title: text.charts.revenueTitle,
    anchor: chartAnchor({ row: seasonality.lastRow + 2, column: 0 }, 16, 4),
    categories: {
      range: columnRange(seasonality.column("quarter"), seasonality.firstRow, seasonality.lastRow),
      labels: figures.seasonality.map((quarter) => text.objectives.quarterLabel(quarter.quarter)),
    },
    series: [
      {
        name: text.charts.revenueSeries,
        range: columnRange(seasonality.column("revenue"), seasonality.firstRow, seasonality.lastRow),
        values: figures.seasonality.map((quarter) => quarter.revenueTarget),
        color: paletteColor(0),
      },
    ],
    // Series given range by range (ChartSeries.setValues) need 1.7.
    requires: "ExcelApi 1.7",
    legend: "none",
    categoryAxis: {},
    valueAxis: { min: 0, numberFormat: formats.currency },
  };
}
