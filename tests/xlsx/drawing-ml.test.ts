/**
 * The DrawingML chart parts of the examples' real charts: the Gantt as a stacked bar chart with an invisible first
 * series, the funnel as its bar fallback, lines over stacked columns, frames covering their `to` cell.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { examplePlan, parsePlan } from "../../src/plan";
import { layoutWorkbook } from "../../src/workbook/layout";
import type { ChartSpec, WorkbookSpec } from "../../src/workbook/spec";
import { chartPartXml, drawingPartXml } from "../../src/xlsx/drawing-ml";

const spec: WorkbookSpec = layoutWorkbook(parsePlan(examplePlan("fr-reference")), { generatedOn: "2026-12-15" });
const find = (id: string): { sheet: string; chart: ChartSpec } => {
  for (const sheet of spec.sheets) {
    const chart = sheet.charts.find((candidate) => candidate.id === id);
    if (chart) return { sheet: sheet.name, chart };
  }
  throw new Error(`no chart ${id}`);
};
const part = (id: string): string => {
  const { sheet, chart } = find(id);
  const xml = chartPartXml(sheet, chart);
  expect(XMLValidator.validate(xml)).toBe(true);
  return xml.replace(/&#39;/g, "'");
};
/** The `<c:ser>` elements of a chart-type element (`barChart`, `lineChart`). */
const seriesIn = (xml: string, type: string): string[] => {
  const start = xml.indexOf(`<c:${type}>`);
  if (start < 0) return [];
  const body = xml.slice(start, xml.indexOf(`</c:${type}>`));
  return body.split("<c:ser>").slice(1);
};

describe("the Gantt's chart part", () => {
  const xml = part("gantt");
  const [start, duration] = seriesIn(xml, "barChart");

  it("is a stacked bar chart of the start dates then the durations, from the initiatives table", () => {
    expect(xml).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(start).toContain("<c:f>'6 Exécution'!$E$8:$E$16</c:f>");
    expect(duration).toContain("<c:f>'6 Exécution'!$I$8:$I$16</c:f>");
    expect(start).toContain("<c:f>'6 Exécution'!$B$8:$B$16</c:f>");
  });

  it("draws the start series with no fill and no line, and each duration in its category's colour", () => {
    expect(start).toContain("<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>");
    const colours = [...duration!.matchAll(/<c:dPt><c:idx val="(\d+)"\/>.*?<a:srgbClr val="([0-9A-F]{6})"\/>/g)].map(
      (match) => [Number(match[1]), `#${match[2]}`],
    );
    expect(colours).toEqual(find("gantt").chart.series[1]!.pointColors!.map((colour, index) => [index, colour]));
  });

  it("outlines the milestones thickly (4.5 pt) so that a one-day bar shows", () => {
    const points = duration!.split("<c:dPt>").slice(1);
    const outlined = points.flatMap((point, index) => (point.includes('<a:ln w="57150">') ? [index] : []));
    expect(outlined).toEqual(find("gantt").chart.milestones);
  });

  it("reverses the categories and bounds the date axis with quarter gridlines labelled by month", () => {
    const axis = find("gantt").chart.valueAxis;
    expect(xml).toContain('<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="maxMin"/></c:scaling>');
    expect(xml).toContain(`<c:max val="${axis.max}"/><c:min val="${axis.min}"/>`);
    expect(xml).toContain(`<c:majorUnit val="${axis.majorUnit}"/>`);
    expect(xml).toContain('<c:numFmt formatCode="mmm yyyy" sourceLinked="0"/>');
    expect(xml).not.toContain("<c:legend>");
  });
});

describe("the other charts' parts", () => {
  it("draw the funnel as its fallback: bars with the first stage on top", () => {
    const xml = part("funnel");
    expect(xml).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(xml).toContain('<c:orientation val="maxMin"/>');
  });

  it("draw the hires as a line over the headcount stacked by role", () => {
    const xml = part("headcountByQuarter");
    const { chart } = find("headcountByQuarter");
    expect(xml).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(seriesIn(xml, "barChart")).toHaveLength(chart.series.length - 1);
    const lines = seriesIn(xml, "lineChart");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`<c:v>${chart.series.at(-1)!.name}</c:v>`);
  });

  it("draw capacity as columns and the target as a line", () => {
    const xml = part("capacityByQuarter");
    expect(seriesIn(xml, "barChart")).toHaveLength(1);
    expect(seriesIn(xml, "lineChart")).toHaveLength(1);
  });
});

describe("the drawing part", () => {
  it("covers each chart's cells from its `from` cell to its `to` cell, both included", () => {
    const { chart } = find("gantt");
    const parsed = new XMLParser().parse(drawingPartXml([{ chart, relationshipId: "rId1" }])) as {
      "xdr:wsDr": { "xdr:twoCellAnchor": Record<string, { "xdr:col": number; "xdr:row": number }> };
    };
    const anchor = parsed["xdr:wsDr"]["xdr:twoCellAnchor"];
    // P4 to AA21: columns 15 to 26 and rows 3 to 20 (0-based), so the frame ends at the top-left of AB22.
    expect(chart.anchor).toEqual({ from: "P4", to: "AA21" });
    expect([anchor["xdr:from"]!["xdr:col"], anchor["xdr:from"]!["xdr:row"]]).toEqual([15, 3]);
    expect([anchor["xdr:to"]!["xdr:col"], anchor["xdr:to"]!["xdr:row"]]).toEqual([27, 21]);
  });
});

describe("text in a chart part", () => {
  const { sheet, chart } = find("gantt");
  const labelled: ChartSpec = {
    ...chart,
    title: "Plan _x0041_ for\u000Bnext year",
    categories: { ...chart.categories, labels: ["Kick\u000Boff _x0041_", ...chart.categories.labels.slice(1)] },
  };

  it("writes a title as DrawingML text, where _xHHHH_ is not an escape: shown as typed, forbidden characters as spaces", () => {
    const xml = chartPartXml(sheet, labelled);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("<a:t>Plan _x0041_ for next year</a:t>");
    const drawing = drawingPartXml([{ chart: labelled, relationshipId: "rId1" }]);
    expect(drawing).toContain('name="Plan _x0041_ for next year"');
  });

  it("escapes category labels as spreadsheet strings, which Excel decodes", () => {
    expect(chartPartXml(sheet, labelled)).toContain("<c:v>Kick_x000B_off _x005F_x0041_</c:v>");
  });
});
