import { XMLParser, XMLValidator } from "fast-xml-parser";
import { chartFrameSize } from "../../src/chart-svg/frame-size";
import { fitLabel, niceTicks, renderChartSvg, textWidth } from "../../src/chart-svg/render";
import { calculatePlan, examplePlan, parsePlan, toExcelSerial, type ExampleName } from "../../src/plan";
import { layoutWorkbook } from "../../src/workbook/layout";
import type { ChartSpec } from "../../src/workbook/spec";

interface SvgNode {
  readonly tag: string;
  readonly attributes: Record<string, string>;
  readonly text: string;
}

/** Every element of an SVG document, flattened, with its attributes and text. */
function elements(svg: string): SvgNode[] {
  expect(XMLValidator.validate(svg)).toBe(true);
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "" });
  const out: SvgNode[] = [];
  const visit = (nodes: Record<string, unknown>[]): void => {
    for (const node of nodes) {
      const tag = Object.keys(node).find((key) => key !== ":@");
      if (!tag || tag === "#text") continue;
      const children = node[tag] as Record<string, unknown>[];
      const text = children
        .filter((child) => "#text" in child)
        .map((child) => String(child["#text"]))
        .join("");
      out.push({ tag, attributes: (node[":@"] as Record<string, string>) ?? {}, text });
      visit(children);
    }
  };
  visit(parser.parse(svg) as Record<string, unknown>[]);
  return out;
}

const byClass = (nodes: SvgNode[], className: string): SvgNode[] =>
  nodes.filter((n) => n.attributes.class === className);
const num = (node: SvgNode, attribute: string): number => Number(node.attributes[attribute]);

const quarterStarts = ["2027-01-01", "2027-04-01", "2027-07-01", "2027-10-01", "2028-01-01"].map(toExcelSerial);
const initiatives = [
  { name: "Recruit 6 business developers", start: "2027-01-04", end: "2027-04-30" },
  { name: "Deploy the CRM", start: "2027-01-11", end: "2027-03-19" },
  { name: "Response SLA reached", start: "2027-06-30", end: "2027-06-30", milestone: true },
  { name: "Referral programme", start: "2027-04-05", end: "2027-09-30" },
];

function ganttChart(): ChartSpec {
  const starts = initiatives.map((i) => toExcelSerial(i.start));
  const lengths = initiatives.map((i) => toExcelSerial(i.end) - toExcelSerial(i.start) + 1);
  return {
    id: "gantt",
    kind: "gantt",
    title: "Execution plan",
    anchor: { from: "J2", to: "T20" },
    categories: { range: "B5:B8", labels: initiatives.map((i) => i.name) },
    series: [
      { name: "Start", range: "D5:D8", values: starts, invisible: true },
      { name: "Duration", range: "F5:F8", values: lengths, pointColors: ["#2E86C1", "#D9720B", "#009E73", "#C0399B"] },
    ],
    requires: "ExcelApi 1.7",
    legend: "none",
    categoryAxis: { reversed: true },
    valueAxis: {
      min: quarterStarts[0],
      max: quarterStarts[4],
      numberFormat: "yyyy-mm-dd",
      gridlineValues: quarterStarts.slice(0, 4),
      gridlineLabels: ["FY2027 Q1", "FY2027 Q2", "FY2027 Q3", "FY2027 Q4"],
    },
    milestones: [2],
  };
}

describe("the SVG Gantt", () => {
  const nodes = elements(renderChartSvg(ganttChart(), { width: 960 }));
  const bars = byClass(nodes, "bar");
  const gridlines = byClass(nodes, "gridline");

  it("draws one bar per initiative and a diamond for the milestone", () => {
    expect(bars.map((b) => num(b, "data-category"))).toEqual([0, 1, 3]);
    const milestones = byClass(nodes, "milestone");
    expect(milestones).toHaveLength(1);
    expect(milestones[0]?.attributes["data-category"]).toBe("2");
  });

  it("places each bar's start and length in proportion to its dates", () => {
    const [q1, q2] = [gridlines[0]!, gridlines[1]!];
    const pixelsPerDay = (num(q2, "x1") - num(q1, "x1")) / (quarterStarts[1]! - quarterStarts[0]!);
    for (const bar of bars) {
      const initiative = initiatives[num(bar, "data-category")]!;
      const expectedX = num(q1, "x1") + (toExcelSerial(initiative.start) - quarterStarts[0]!) * pixelsPerDay;
      const days = toExcelSerial(initiative.end) - toExcelSerial(initiative.start) + 1;
      expect(num(bar, "x")).toBeCloseTo(expectedX, 0);
      expect(num(bar, "width")).toBeCloseTo(days * pixelsPerDay, 0);
    }
  });

  it("puts the first initiative on top when the category axis is reversed", () => {
    const ys = bars.map((b) => num(b, "y"));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  it("draws a gridline at each fiscal quarter start, labelled in the middle of its quarter", () => {
    expect(gridlines.map((g) => Number(g.attributes["data-value"]))).toEqual(quarterStarts.slice(0, 4));
    const labels = byClass(nodes, "axis-label");
    expect(labels.map((l) => l.text)).toEqual(["FY2027 Q1", "FY2027 Q2", "FY2027 Q3", "FY2027 Q4"]);
    labels.forEach((label, index) => {
      const from = num(gridlines[index]!, "x1");
      const to = index + 1 < gridlines.length ? num(gridlines[index + 1]!, "x1") : Infinity;
      expect(num(label, "x")).toBeGreaterThan(from);
      expect(num(label, "x")).toBeLessThan(to);
    });
  });

  it("keeps quarter labels from overlapping", () => {
    const labels = byClass(nodes, "axis-label");
    for (let i = 1; i < labels.length; i++) {
      const previousRight = num(labels[i - 1]!, "x") + textWidth(labels[i - 1]!.text) / 2;
      const left = num(labels[i]!, "x") - textWidth(labels[i]!.text) / 2;
      expect(left).toBeGreaterThan(previousRight);
    }
  });

  it("draws no stray legend and no bar for the invisible start series", () => {
    expect(byClass(nodes, "legend-label")).toEqual([]);
    expect(bars.every((bar) => bar.attributes["data-series"] === "1")).toBe(true);
  });

  it("stays readable with 60 initiatives: rows at least 18 px apart", () => {
    const many = ganttChart();
    const labels = Array.from({ length: 60 }, (_, i) => `Initiative ${i + 1}`);
    const chart: ChartSpec = {
      ...many,
      categories: { ...many.categories, labels },
      series: [
        { ...many.series[0]!, values: labels.map((_, i) => quarterStarts[0]! + i * 5) },
        { ...many.series[1]!, values: labels.map(() => 30), pointColors: undefined },
      ],
      milestones: [],
    };
    const rows = byClass(elements(renderChartSvg(chart)), "bar").map((b) => num(b, "y"));
    expect(rows).toHaveLength(60);
    for (let i = 1; i < rows.length; i++) expect(rows[i]! - rows[i - 1]!).toBeGreaterThanOrEqual(18);
  });
});

describe("the SVG Gantt's time axis", () => {
  it("draws the first quarter in full when Excel's axis starts a fraction of a day after it", () => {
    const chart = ganttChart();
    const shifted: ChartSpec = { ...chart, valueAxis: { ...chart.valueAxis, min: quarterStarts[0]! + 1.3125 } };
    const gridlines = byClass(elements(renderChartSvg(shifted, { width: 960 })), "gridline");
    expect(gridlines.map((g) => Number(g.attributes["data-value"]))).toEqual(quarterStarts.slice(0, 4));
    const plain = byClass(elements(renderChartSvg(chart, { width: 960 })), "gridline");
    expect(num(gridlines[0]!, "x1")).toBeCloseTo(num(plain[0]!, "x1"), 6);
  });

  it("labels every other quarter, in full, when the labels are wider than a quarter", () => {
    const starts = Array.from({ length: 21 }, (_, k) => quarterStarts[0]! + Math.round(k * 91.31));
    const labels = Array.from({ length: 20 }, (_, k) => `FY${2027 + Math.floor(k / 4)} Q${(k % 4) + 1}`);
    const chart: ChartSpec = {
      ...ganttChart(),
      valueAxis: { min: starts[0], max: starts[20], gridlineValues: starts.slice(0, 20), gridlineLabels: labels },
    };
    const shown = byClass(elements(renderChartSvg(chart, { width: 900 })), "axis-label");
    expect(shown.length).toBeLessThan(20);
    expect(shown.length).toBeGreaterThanOrEqual(5);
    expect(shown.every((label) => labels.includes(label.text))).toBe(true);
    for (let i = 1; i < shown.length; i++) {
      const previousRight = num(shown[i - 1]!, "x") + textWidth(shown[i - 1]!.text) / 2;
      expect(num(shown[i]!, "x") - textWidth(shown[i]!.text) / 2).toBeGreaterThan(previousRight);
    }
  });

  it("wraps the colour key onto more rows when it is wider than the picture", () => {
    const chart: ChartSpec = {
      ...ganttChart(),
      colorKey: ["Hiring", "Process", "Tooling", "Training", "Campaign", "Other"].map((label, i) => ({
        label,
        color: ["#2E86C1", "#D9720B", "#009E73", "#C0399B", "#7B61FF", "#996633"][i]!,
      })),
    };
    const rows = new Set(
      byClass(elements(renderChartSvg(chart, { width: 320 })), "key-label").map((l) => l.attributes.y),
    );
    expect(rows.size).toBeGreaterThan(1);
    const wide = new Set(
      byClass(elements(renderChartSvg(chart, { width: 960 })), "key-label").map((l) => l.attributes.y),
    );
    expect(wide.size).toBe(1);
  });
});

describe("the SVG renderer", () => {
  it("keeps user text as text: markup in a label is escaped", () => {
    const chart = ganttChart();
    const hostile: ChartSpec = {
      ...chart,
      title: '<script>alert("x")</script>',
      categories: { ...chart.categories, labels: ['=HYPERLINK("http://x","y")', "a & b", "<b>", "'"] },
    };
    const svg = renderChartSvg(hostile);
    expect(svg).not.toContain("<script>");
    expect(svg).not.toContain("<b>");
    expect(elements(svg).filter((n) => n.tag === "text").length).toBeGreaterThan(0);
  });

  it("stays well-formed XML when a label holds a control character, shown as a space", () => {
    const chart = ganttChart();
    const pasted: ChartSpec = {
      ...chart,
      categories: { ...chart.categories, labels: ["Leads\u000Bqualified", "Kick\u0001off", "c", "d"] },
    };
    const svg = renderChartSvg(pasted);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(svg)).toBe(false); // eslint-disable-line no-control-regex
    expect(svg).toContain("Leads qualified");
  });

  it("draws stacked columns whose heights add up", () => {
    const chart: ChartSpec = {
      id: "headcount",
      kind: "stackedColumn",
      title: "Headcount by quarter",
      anchor: { from: "A1", to: "H20" },
      categories: { range: "B1:C1", labels: ["Q1", "Q2"] },
      series: [
        { name: "SDR", range: "B2:C2", values: [4, 6] },
        { name: "AE", range: "B3:C3", values: [7, 12] },
      ],
      requires: "ExcelApi 1.1",
      legend: "bottom",
      categoryAxis: {},
      valueAxis: {},
    };
    const nodes = elements(renderChartSvg(chart));
    const bars = byClass(nodes, "bar");
    expect(bars).toHaveLength(4);
    const q2 = bars.filter((b) => b.attributes["data-category"] === "1");
    const unit = num(q2[0]!, "height") / 6;
    expect(num(q2[1]!, "height")).toBeCloseTo(12 * unit, 1);
    expect(num(q2[1]!, "y") + num(q2[1]!, "height")).toBeCloseTo(num(q2[0]!, "y"), 1);
    expect(byClass(nodes, "legend-label").map((n) => n.text)).toEqual(["SDR", "AE"]);
  });

  it("draws a funnel with centered bars whose widths follow the volumes", () => {
    const chart: ChartSpec = {
      id: "funnel",
      kind: "funnel",
      title: "Funnel",
      anchor: { from: "A1", to: "H20" },
      categories: { range: "A2:A5", labels: ["Calls", "Meetings", "Proposals", "Deals"] },
      series: [{ name: "Volume", range: "B2:B5", values: [2000, 200, 35, 14] }],
      requires: "ExcelApi 1.9",
      fallbackKind: "bar",
      legend: "none",
      categoryAxis: { reversed: true },
      valueAxis: {},
    };
    const bars = byClass(elements(renderChartSvg(chart)), "bar");
    const centres = bars.map((b) => num(b, "x") + num(b, "width") / 2);
    centres.forEach((c) => expect(c).toBeCloseTo(centres[0]!, 0));
    expect(num(bars[1]!, "width") / num(bars[0]!, "width")).toBeCloseTo(0.1, 2);
    expect(bars.map((b) => num(b, "y"))).toEqual([...bars.map((b) => num(b, "y"))].sort((a, b) => a - b));
  });

  it("draws a line over columns for capacity against target", () => {
    const chart: ChartSpec = {
      id: "capacity",
      kind: "columnLine",
      title: "Capacity and target",
      anchor: { from: "A1", to: "H20" },
      categories: { range: "B1:D1", labels: ["Q1", "Q2", "Q3"] },
      series: [
        { name: "Capacity", range: "B2:D2", values: [1, 2, 3], drawAs: "column" },
        { name: "Target", range: "B3:D3", values: [2, 2, 2], drawAs: "line" },
      ],
      requires: "ExcelApi 1.1",
      legend: "bottom",
      categoryAxis: {},
      valueAxis: {},
    };
    const nodes = elements(renderChartSvg(chart, { theme: "dark" }));
    expect(byClass(nodes, "bar")).toHaveLength(3);
    expect(byClass(nodes, "line")).toHaveLength(1);
    expect(byClass(nodes, "marker")).toHaveLength(3);
    expect(byClass(nodes, "background")[0]?.attributes.fill).toBe("#262626");
  });
});

describe("label helpers", () => {
  it("shortens long labels with an ellipsis and leaves short ones", () => {
    expect(fitLabel("Short", 200)).toBe("Short");
    const cut = fitLabel("A very long initiative name that cannot fit", 100);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(100);
  });

  it("chooses round axis ticks", () => {
    expect(niceTicks(0, 95)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 1_200_000)).toEqual([0, 250000, 500000, 750000, 1000000, 1250000]);
  });
});

describe.each<[ExampleName]>([["fr-reference"], ["en-saas"]])("the SVG Gantt of the %s example", (example) => {
  const plan = parsePlan(examplePlan(example));
  const figures = calculatePlan(plan);
  const sheet = layoutWorkbook(plan, { generatedOn: "2026-12-15" }).sheets.find((s) => s.key === "execution")!;
  const chart = sheet.charts.find((candidate) => candidate.kind === "gantt")!;
  const nodes = elements(renderChartSvg(chart, { ...chartFrameSize(sheet, chart), locale: plan.meta.locale }));
  const bars = byClass(nodes, "bar");
  const milestones = byClass(nodes, "milestone");
  const gridlines = byClass(nodes, "gridline");
  const quarterStarts = gridlines.map((g) => Number(g.attributes["data-value"]));
  const x0 = num(gridlines[0]!, "x1");
  const pixelsPerDay = (num(gridlines.at(-1)!, "x1") - x0) / (quarterStarts.at(-1)! - quarterStarts[0]!);
  const xOf = (serial: number) => x0 + (serial - quarterStarts[0]!) * pixelsPerDay;
  /** A milestone's centre: the first point of its diamond path. */
  const centre = (node: SvgNode) => Number(/^M([\d.]+) /.exec(node.attributes.d!)![1]);

  it("draws one bar per initiative and a diamond per milestone", () => {
    const drawn = [...bars, ...milestones].map((node) => num(node, "data-category")).sort((a, b) => a - b);
    expect(drawn).toEqual(plan.execution.initiatives.map((_, index) => index));
    expect(milestones.map((node) => num(node, "data-category"))).toEqual(
      plan.execution.initiatives.flatMap((initiative, index) => (initiative.milestone ? [index] : [])),
    );
  });

  it("starts and sizes each bar in proportion to its initiative's dates", () => {
    for (const bar of bars) {
      const initiative = figures.initiatives[num(bar, "data-category")]!;
      expect(num(bar, "x")).toBeCloseTo(xOf(initiative.startSerial), 0);
      expect(num(bar, "width")).toBeCloseTo(Math.max(initiative.durationDays * pixelsPerDay, 1), 0);
    }
    for (const milestone of milestones) {
      const initiative = figures.initiatives[num(milestone, "data-category")]!;
      expect(centre(milestone)).toBeCloseTo(xOf(initiative.endSerial + 1), 0);
    }
  });

  it("draws a gridline at the first day of each fiscal quarter, at its date's position", () => {
    expect(quarterStarts).toEqual(chart.valueAxis.gridlineValues);
    expect(quarterStarts).toHaveLength(figures.quarters.length);
    gridlines.forEach((gridline, k) => expect(num(gridline, "x1")).toBeCloseTo(xOf(quarterStarts[k]!), 1));
  });

  it("labels every quarter in the middle of its span, and no label overlaps another", () => {
    const labels = byClass(nodes, "axis-label");
    expect(labels.map((label) => label.text)).toEqual(figures.quarters.map((quarter) => quarter.label));
    const spans = labels.map((label) => [
      num(label, "x") - textWidth(label.text) / 2,
      num(label, "x") + textWidth(label.text) / 2,
    ]);
    spans.forEach(([left, right], k) => {
      expect(left).toBeGreaterThan(num(gridlines[k]!, "x1"));
      if (k + 1 < gridlines.length) expect(right).toBeLessThan(num(gridlines[k + 1]!, "x1"));
    });
    const categories = byClass(nodes, "category-label").map((label) => num(label, "y"));
    expect(categories).toHaveLength(plan.execution.initiatives.length);
    for (let i = 1; i < categories.length; i++) expect(categories[i]! - categories[i - 1]!).toBeGreaterThanOrEqual(14);
    const key = byClass(nodes, "key-label");
    expect(key.map((label) => label.text)).toEqual(chart.colorKey!.map((entry) => entry.label));
    for (let i = 1; i < key.length; i++) {
      if (num(key[i]!, "y") !== num(key[i - 1]!, "y")) continue;
      expect(num(key[i]!, "x")).toBeGreaterThan(num(key[i - 1]!, "x") + textWidth(key[i - 1]!.text));
    }
  });

  it("puts the first initiative on top and colours each bar by its category", () => {
    const rows = [...bars, ...milestones]
      .sort((a, b) => num(a, "data-category") - num(b, "data-category"))
      .map((node) => (node.tag === "rect" ? num(node, "y") : Number(/ ([\d.]+) L/.exec(node.attributes.d!)![1])));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    for (const node of [...bars, ...milestones])
      expect(node.attributes.fill).toBe(chart.series[1]!.pointColors![num(node, "data-category")]);
  });
});
