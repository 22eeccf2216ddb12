/**
 * DrawingML for the charts of a WorkbookSpec (ExcelJS writes no charts): one chart part per chart, one drawing part per
 * sheet anchoring its charts between cells. The series reference the sheet's cells, so the charts follow the user's
 * edits, and carry cached values so a file viewer shows them before any recalculation.
 *
 * Kinds map to the classic chart types every spreadsheet application draws:
 * - gantt: a stacked bar chart; the first series (start dates) has no fill and no line; categories in reverse order so
 *   the first initiative is on top; the value axis is bounded by the spec's date serials;
 * - funnel: Excel's Funnel type is an Office 2016 extension (chartex) that LibreOffice and older Excel cannot draw, so
 *   the file uses the spec's documented fallback: a bar chart with reversed categories;
 * - bar, column, stackedColumn, line, columnLine (columns with a line on the same axes); a series of a stacked column
 *   chart with `drawAs: "line"` is drawn as a line over the stacks (the headcount chart's hires).
 * Element order follows the DrawingML chart schema (CT_ChartSpace, CT_PlotArea, CT_BarSer, CT_CatAx, CT_ValAx).
 */
import { parseCellAddress, parseRangeAddress, rangeAddress, sheetReference } from "../workbook/address";
import { MILESTONE_OUTLINE, paletteColor } from "../workbook/palette";
import type { ChartSeriesSpec, ChartSpec } from "../workbook/spec";
import { XML_FORBIDDEN_CHARACTERS, xmlEscaped } from "../workbook/xml-text";
import { ooxmlText } from "./ooxml-text";

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const CATEGORY_AXIS_ID = 500100;
const VALUE_AXIS_ID = 500200;

/** Text of a spreadsheet string (ST_Xstring: cached values, series names), where `_xHHHH_` escapes are decoded. */
function escapeXml(text: string): string {
  return xmlEscaped(ooxmlText(text));
}

/**
 * Text of DrawingML (`a:t` runs, the frame's name), typed xsd:string: `_xHHHH_` is not an escape there and would show
 * as typed, so a character XML forbids becomes a space, as in the SVG charts.
 */
function drawingText(text: string): string {
  return xmlEscaped(text.replace(XML_FORBIDDEN_CHARACTERS, " "));
}

function hex(colour: string): string {
  return colour.slice(1).toUpperCase();
}

/** A range of the chart's sheet as an absolute, sheet-qualified reference. */
function reference(sheetName: string, range: string): string {
  return escapeXml(sheetReference(sheetName, rangeAddress(parseRangeAddress(range), true)));
}

function solidFill(colour: string): string {
  return `<a:solidFill><a:srgbClr val="${hex(colour)}"/></a:solidFill>`;
}

function richText(text: string, size = 1400, bold = true): string {
  return `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${drawingText(text)}</a:t></a:r></a:p></c:rich>`;
}

function categoriesXml(sheetName: string, chart: ChartSpec): string {
  const points = chart.categories.labels
    .map((label, index) => `<c:pt idx="${index}"><c:v>${escapeXml(label)}</c:v></c:pt>`)
    .join("");
  return `<c:cat><c:strRef><c:f>${reference(sheetName, chart.categories.range)}</c:f><c:strCache><c:ptCount val="${chart.categories.labels.length}"/>${points}</c:strCache></c:strRef></c:cat>`;
}

function valuesXml(sheetName: string, series: ChartSeriesSpec): string {
  const points = series.values.map((value, index) => `<c:pt idx="${index}"><c:v>${value}</c:v></c:pt>`).join("");
  return `<c:val><c:numRef><c:f>${reference(sheetName, series.range)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${series.values.length}"/>${points}</c:numCache></c:numRef></c:val>`;
}

function seriesShape(series: ChartSeriesSpec, index: number, asLine: boolean): string {
  if (series.invisible) return "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>";
  const colour = series.color ?? paletteColor(index);
  if (asLine) return `<c:spPr><a:ln w="28575" cap="rnd">${solidFill(colour)}<a:round/></a:ln></c:spPr>`;
  return `<c:spPr>${solidFill(colour)}<a:ln><a:noFill/></a:ln></c:spPr>`;
}

/** EMUs per point (DrawingML line widths). */
const EMU_PER_POINT = 12700;

/** Per-point colours (Gantt bars by category; milestones drawn with a thick outline so that a one-day bar shows). */
function dataPoints(series: ChartSeriesSpec, milestones: readonly number[]): string {
  if (!series.pointColors) return "";
  return series.pointColors
    .map((colour, index) => {
      const outline = milestones.includes(index)
        ? `<a:ln w="${MILESTONE_OUTLINE.weightPoints * EMU_PER_POINT}">${solidFill(MILESTONE_OUTLINE.color)}</a:ln>`
        : "<a:ln><a:noFill/></a:ln>";
      return `<c:dPt><c:idx val="${index}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${solidFill(colour)}${outline}</c:spPr></c:dPt>`;
    })
    .join("");
}

function barSeriesXml(sheetName: string, chart: ChartSpec, series: ChartSeriesSpec, index: number): string {
  return [
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>`,
    `<c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>`,
    seriesShape(series, index, false),
    '<c:invertIfNegative val="0"/>',
    dataPoints(series, chart.milestones ?? []),
    categoriesXml(sheetName, chart),
    valuesXml(sheetName, series),
    "</c:ser>",
  ].join("");
}

function lineSeriesXml(sheetName: string, chart: ChartSpec, series: ChartSeriesSpec, index: number): string {
  const colour = series.color ?? paletteColor(index);
  return [
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>`,
    `<c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>`,
    seriesShape(series, index, true),
    `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${solidFill(colour)}</c:spPr></c:marker>`,
    categoriesXml(sheetName, chart),
    valuesXml(sheetName, series),
    '<c:smooth val="0"/></c:ser>',
  ].join("");
}

function axes(chart: ChartSpec, horizontal: boolean): string {
  const reversed = chart.kind === "gantt" || chart.kind === "funnel" || chart.categoryAxis.reversed === true;
  const { valueAxis } = chart;
  const scaling = [
    `<c:orientation val="minMax"/>`,
    valueAxis.max !== undefined ? `<c:max val="${valueAxis.max}"/>` : "",
    valueAxis.min !== undefined ? `<c:min val="${valueAxis.min}"/>` : "",
  ].join("");
  const valueTitle = valueAxis.title
    ? `<c:title><c:tx>${richText(valueAxis.title, 1000, false)}</c:tx><c:overlay val="0"/></c:title>`
    : "";
  const categoryTitle = chart.categoryAxis.title
    ? `<c:title><c:tx>${richText(chart.categoryAxis.title, 1000, false)}</c:tx><c:overlay val="0"/></c:title>`
    : "";
  const categoryAxis = [
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="${reversed ? "maxMin" : "minMax"}"/></c:scaling>`,
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>${categoryTitle}<c:numFmt formatCode="General" sourceLinked="0"/>`,
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`,
    `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`,
  ].join("");
  // With reversed categories the value axis would move to the top; crossing at the maximum keeps it at the bottom.
  const valueAxisXml = [
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling>${scaling}</c:scaling><c:delete val="0"/>`,
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines><c:spPr><a:ln w="9525">${solidFill("#D9D9D9")}</a:ln></c:spPr></c:majorGridlines>${valueTitle}`,
    `<c:numFmt formatCode="${escapeXml(valueAxis.numberFormat ?? "General")}" sourceLinked="0"/>`,
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`,
    `<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="${reversed ? "max" : "autoZero"}"/><c:crossBetween val="between"/>`,
    valueAxis.majorUnit !== undefined ? `<c:majorUnit val="${valueAxis.majorUnit}"/>` : "",
    "</c:valAx>",
  ].join("");
  return categoryAxis + valueAxisXml;
}

function plotArea(sheetName: string, chart: ChartSpec): string {
  const kind = chart.kind === "funnel" ? (chart.fallbackKind ?? "bar") : chart.kind;
  const horizontal = kind === "gantt" || kind === "bar" || kind === "funnel";
  const axisIds = `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`;
  const indexed = chart.series.map((series, index) => ({ series, index }));
  // A series drawn as a line sits on the same axes: over clustered columns (columnLine) or stacked ones.
  const drawnAsLine = ({ series }: { series: ChartSeriesSpec }): boolean =>
    kind === "line" || ((kind === "columnLine" || kind === "stackedColumn") && series.drawAs === "line");
  const lineSeries = indexed.filter(drawnAsLine);
  const barSeries = indexed.filter((entry) => !drawnAsLine(entry));
  const grouping = kind === "gantt" || kind === "stackedColumn" ? "stacked" : "clustered";
  const parts: string[] = ["<c:plotArea><c:layout/>"];
  if (barSeries.length > 0) {
    parts.push(
      `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>`,
      ...barSeries.map(({ series, index }) => barSeriesXml(sheetName, chart, series, index)),
      `<c:gapWidth val="${kind === "gantt" ? 40 : 80}"/>`,
      grouping === "stacked" ? '<c:overlap val="100"/>' : "",
      axisIds,
      "</c:barChart>",
    );
  }
  if (lineSeries.length > 0) {
    parts.push(
      '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>',
      ...lineSeries.map(({ series, index }) => lineSeriesXml(sheetName, chart, series, index)),
      '<c:marker val="1"/>',
      axisIds,
      "</c:lineChart>",
    );
  }
  parts.push(axes(chart, horizontal), "</c:plotArea>");
  return parts.join("");
}

const LEGEND_POSITIONS = { bottom: "b", right: "r", top: "t" } as const;

/** The chart part (`xl/charts/chartN.xml`) of one chart on the sheet named `sheetName`. */
export function chartPartXml(sheetName: string, chart: ChartSpec): string {
  const legend =
    chart.legend === "none"
      ? ""
      : `<c:legend><c:legendPos val="${LEGEND_POSITIONS[chart.legend]}"/>${chart.kind === "gantt" ? '<c:legendEntry><c:idx val="0"/><c:delete val="1"/></c:legendEntry>' : ""}<c:overlay val="0"/></c:legend>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<c:chartSpace ${NS}><c:roundedCorners val="0"/><c:chart>`,
    `<c:title><c:tx>${richText(chart.title)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`,
    plotArea(sheetName, chart),
    legend,
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>',
    `<c:spPr>${solidFill("#FFFFFF")}<a:ln><a:noFill/></a:ln></c:spPr>`,
    "</c:chartSpace>",
  ].join("");
}

/** The drawing part of a sheet: each chart covering the cells from its `from` cell to its `to` cell, both included. */
export function drawingPartXml(charts: readonly { chart: ChartSpec; relationshipId: string }[]): string {
  const anchors = charts.map(({ chart, relationshipId }, index) => {
    const from = parseCellAddress(chart.anchor.from);
    const to = parseCellAddress(chart.anchor.to);
    return [
      '<xdr:twoCellAnchor editAs="oneCell">',
      `<xdr:from><xdr:col>${from.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`,
      // DrawingML anchors a corner at a cell's top-left: the `to` cell is covered by ending at the next one.
      `<xdr:to><xdr:col>${to.column + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to.row + 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`,
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${drawingText(chart.title || chart.id)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>',
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${relationshipId}"/></a:graphicData></a:graphic>`,
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    ...anchors,
    "</xdr:wsDr>",
  ].join("");
}
