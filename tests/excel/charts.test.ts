/**
 * The charts step on the recording fake of Excel: chart types, source ranges, series order and formats, axis bounds
 * as date serials, reversed categories, fallbacks on hosts without a requirement set, and nothing synced.
 */
import { contiguousSource, writeSheetCharts } from "../../src/excel/charts";
import { createExcelGateway } from "../../src/excel/excel-gateway";
import { examplePlan, parsePlan, type ExampleName, type Plan } from "../../src/plan";
import { knownRegions } from "../../src/workbook/known-region";
import { layoutWorkbook } from "../../src/workbook/layout";
import { MILESTONE_OUTLINE, REFERENCE_COLOR } from "../../src/workbook/palette";
import { readPlanFromSnapshots } from "../../src/workbook/read-back";
import type { ChartSpec, SheetSpec, WorkbookSpec } from "../../src/workbook/spec";
import { FakeExcel, type ChartModel } from "./fake-excel";

const specs: Record<ExampleName, WorkbookSpec> = {
  "fr-reference": layoutWorkbook(parsePlan(examplePlan("fr-reference")), { generatedOn: "2026-12-15" }),
  "en-saas": layoutWorkbook(parsePlan(examplePlan("en-saas")), { generatedOn: "2026-12-15" }),
};
const french = specs["fr-reference"];
const sheetOf = (spec: WorkbookSpec, key: SheetSpec["key"]): SheetSpec => spec.sheets.find((s) => s.key === key)!;
const chartOf = (sheet: SheetSpec, id: string): ChartSpec => sheet.charts.find((chart) => chart.id === id)!;

/** Writes a sheet's cells as the writer would have (formulas with their predicted values), then runs the charts step. */
async function drawCharts(sheet: SheetSpec, options: { apiVersion?: number; locale?: "en-US" | "fr-FR" } = {}) {
  const excel = new FakeExcel({ apiVersion: options.apiVersion ?? 12 });
  excel.addSheet(sheet.name);
  for (const block of sheet.blocks) {
    excel.setCells(
      sheet.name,
      block.anchor,
      block.rows.map((row) =>
        row.map((cell) =>
          cell === null
            ? null
            : cell.formula !== undefined
              ? { formula: cell.formula, value: cell.result! }
              : typeof cell.value === "string"
                ? `'${cell.value}`
                : (cell.value ?? null),
        ),
      ),
    );
  }
  let messages: readonly string[] = [];
  let syncsInStep = -1;
  let chartsRightAfterStep = -1;
  await excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet.name);
    const before = excel.syncCount;
    messages = writeSheetCharts({
      worksheet,
      sheet,
      locale: options.locale ?? "en-US",
      supports: (version) => excel.isSetSupported("ExcelApi", version),
    });
    syncsInStep = excel.syncCount - before;
    chartsRightAfterStep = excel.sheet(sheet.name).charts.length;
    await context.sync();
  });
  const charts = excel.sheet(sheet.name).charts;
  const chart = (id: string): ChartModel => {
    const found = charts.find((candidate) => candidate.name === id);
    if (!found) throw new Error(`no chart named ${id}`);
    return found;
  };
  return { excel, messages, charts, chart, syncsInStep, chartsRightAfterStep };
}

describe("the Gantt in Excel", () => {
  const execution = sheetOf(french, "execution");
  const spec = chartOf(execution, "gantt");

  it("only queues: nothing is synced or drawn before the writer's own sync", async () => {
    const { syncsInStep, chartsRightAfterStep, charts } = await drawCharts(execution);
    expect([syncsInStep, chartsRightAfterStep]).toEqual([0, 0]);
    expect(charts).toHaveLength(1);
  });

  it("is a stacked bar chart named by its spec id, over the cells of its frame, titled, without a legend", async () => {
    const { chart, messages } = await drawCharts(execution);
    const gantt = chart("gantt");
    expect(messages).toEqual([]);
    expect(gantt.type).toBe("BarStacked");
    expect(gantt.position).toEqual({ start: spec.anchor.from, end: spec.anchor.to });
    expect(gantt.title).toBe(spec.title);
    expect(gantt.legend).toEqual({ visible: false });
  });

  it("draws the invisible start dates first, then the durations, each from its table column by initiative", async () => {
    const gantt = (await drawCharts(execution)).chart("gantt");
    expect(gantt.source).toEqual({ address: "E8:E16", seriesBy: "Columns" });
    const [start, duration] = gantt.series!;
    expect(gantt.series).toHaveLength(2);
    expect(start).toMatchObject({ name: "Début", values: "E8:E16", xValues: "B8:B16", fill: null });
    expect(start!.line).toEqual({ lineStyle: "None" });
    expect(duration).toMatchObject({ name: "Durée (jours)", values: "I8:I16", xValues: "B8:B16", gapWidth: 40 });
  });

  it("colours each bar by its category and outlines the milestones", async () => {
    const duration = (await drawCharts(execution)).chart("gantt").series![1]!;
    const colours = spec.series[1]!.pointColors!;
    expect(Object.keys(duration.points!).map(Number)).toEqual(colours.map((_, index) => index));
    colours.forEach((colour, index) => {
      const border = spec.milestones!.includes(index)
        ? { color: MILESTONE_OUTLINE.color, lineStyle: "Continuous", weight: MILESTONE_OUTLINE.weightPoints }
        : undefined;
      expect(duration.points![index]).toEqual({ fill: colour, ...(border ? { border } : {}) });
    });
    expect(spec.milestones).toEqual([5, 8]);
  });

  it("reverses the categories, keeps the date axis at the bottom and bounds it by date serials", async () => {
    const { axes } = (await drawCharts(execution)).chart("gantt");
    expect(axes!.category).toEqual({ reversePlotOrder: true, position: "Maximum" });
    expect(axes!.value).toEqual({
      minimum: 46388, // 2027-01-01
      maximum: 46753, // 2028-01-01
      majorUnit: 91.25,
      numberFormat: "mmm yyyy",
    });
  });

  it("is drawn without month labels or axis crossing on ExcelApi 1.7, with a message and no error", async () => {
    const { chart, messages } = await drawCharts(execution, { apiVersion: 7 });
    const gantt = chart("gantt");
    expect(gantt.type).toBe("BarStacked");
    expect(gantt.axes!.category).toEqual({ reversePlotOrder: true });
    expect(gantt.axes!.value).toEqual({ minimum: 46388, maximum: 46753, majorUnit: 91.25 });
    expect(gantt.series![0]!.fill).toBeNull();
    expect(messages).toEqual([
      `The chart “${spec.title}” on the sheet “6 Exécution” is drawn in a simpler form: its full form needs Excel API 1.8.`,
    ]);
  });

  it("is not drawn below ExcelApi 1.7, whose charts cannot take separate columns; the message says so", async () => {
    const { charts, messages } = await drawCharts(execution, { apiVersion: 6, locale: "fr-FR" });
    expect(charts).toEqual([]);
    expect(messages).toEqual([
      `Le graphique « ${spec.title} » de la feuille « 6 Exécution » n'a pas été tracé : il demande l'API Excel 1.7. Ses chiffres sont sur la feuille.`,
    ]);
  });
});

describe("the funnel in Excel", () => {
  const objectives = sheetOf(french, "objectives");
  const spec = chartOf(objectives, "funnel");

  it("uses Excel's Funnel type from ExcelApi 1.9, stages as categories, no axis settings", async () => {
    const { chart, messages } = await drawCharts(objectives, { apiVersion: 9 });
    const funnel = chart("funnel");
    expect(funnel.type).toBe("Funnel");
    expect(funnel.series!.map((s) => [s.name, s.values, s.xValues])).toEqual([["Volume par an", "D22:D25", "B22:B25"]]);
    expect(funnel.axes).toEqual({ category: {}, value: {} });
    expect(messages).toEqual([]);
  });

  it("falls back to bars with the first stage on top below ExcelApi 1.9, and says so", async () => {
    const { chart, messages } = await drawCharts(objectives, { apiVersion: 8 });
    const funnel = chart("funnel");
    expect(funnel.type).toBe("BarClustered");
    expect(funnel.axes!.category).toEqual({ reversePlotOrder: true, position: "Maximum" });
    expect(funnel.axes!.value).toMatchObject({ minimum: 0 });
    expect(messages).toEqual([
      `The chart “${spec.title}” on the sheet “2 Objectifs” is drawn as a bar chart: its own type needs Excel API 1.9.`,
    ]);
  });
});

describe("the organization and cover charts in Excel", () => {
  const organization = sheetOf(french, "organization");

  it("stacks the headcount by role in the roles' order and draws the hires as a grey line with markers", async () => {
    const spec = chartOf(organization, "headcountByQuarter");
    const headcount = (await drawCharts(organization)).chart("headcountByQuarter");
    expect(headcount.type).toBe("ColumnStacked");
    expect(headcount.series!.map((s) => [s.name, s.values, s.xValues])).toEqual(
      spec.series.map((s) => [s.name, s.range, spec.categories.range]),
    );
    const hires = headcount.series!.at(-1)!;
    expect(hires).toMatchObject({ chartType: "LineMarkers", line: { color: REFERENCE_COLOR } });
    expect(hires.marker).toEqual({ style: "Circle", background: REFERENCE_COLOR, foreground: REFERENCE_COLOR });
    expect(headcount.series!.slice(0, -1).map((s) => s.fill)).toEqual(spec.series.slice(0, -1).map((s) => s.color));
    expect(headcount.legend).toEqual({ visible: true, position: "Bottom" });
  });

  it("draws capacity as columns against the revenue target as a line", async () => {
    const capacity = (await drawCharts(organization)).chart("capacityByQuarter");
    expect(capacity.type).toBe("ColumnClustered");
    expect(capacity.series!.map((s) => s.chartType)).toEqual([undefined, "LineMarkers"]);
  });

  it("draws the charts whose data form one block from that block below ExcelApi 1.7, and skips the others", async () => {
    const { charts, messages } = await drawCharts(organization, { apiVersion: 6 });
    const capacitySpec = chartOf(organization, "capacityByQuarter");
    expect(charts.map((chart) => chart.name)).toEqual(["capacityByQuarter"]);
    const capacity = charts[0]!;
    // Quarter labels, then the target row, then the capacity row.
    expect(capacity.source).toEqual({ address: "C72:F74", seriesBy: "Rows" });
    expect(capacity.type).toBe("ColumnClustered");
    expect(capacity.series!.map((s) => [s.name, s.values, s.xValues, s.fill])).toEqual([
      [capacitySpec.series[1]!.name, "C73:F73", "C72:F72", REFERENCE_COLOR],
      [capacitySpec.series[0]!.name, "C74:F74", "C72:F72", capacitySpec.series[0]!.color],
    ]);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/was not drawn: it needs Excel API 1\.7/);
    expect(messages[1]).toMatch(/is drawn in a simpler form: its full form needs Excel API 1\.7/);
  });

  it("draws the cover's target and capacity from its own table", async () => {
    const cover = sheetOf(french, "plan");
    const spec = chartOf(cover, "targetAndCapacity");
    const chart = (await drawCharts(cover)).chart("targetAndCapacity");
    expect(chart.series!.map((s) => [s.values, s.xValues, s.chartType])).toEqual([
      ["C41:C44", "A41:A44", undefined],
      ["B41:B44", "A41:A44", "LineMarkers"],
    ]);
    expect(contiguousSource(spec)).toEqual({ address: "A41:C44", seriesBy: "Columns", order: [1, 0] });
  });
});

describe("every chart of both examples", () => {
  it.each([4, 6, 7, 8, 9, 12])("is drawn, drawn simpler or reported, never an error, on ExcelApi 1.%i", async (api) => {
    for (const spec of Object.values(specs)) {
      for (const sheet of spec.sheets.filter((s) => s.charts.length > 0)) {
        const { charts, messages } = await drawCharts(sheet, { apiVersion: api });
        const drawn = charts.map((chart) => chart.name);
        const skipped = messages.filter((message) => message.includes("was not drawn"));
        expect(drawn.length + skipped.length).toBe(sheet.charts.length);
        expect(drawn.every((name) => sheet.charts.some((chart) => chart.id === name))).toBe(true);
        if (api >= 9) expect(messages).toEqual([]);
      }
    }
  });
});

describe("the gateway's default charts step", () => {
  function gateway(excel: FakeExcel) {
    return createExcelGateway({
      layout: layoutWorkbook,
      readBack: readPlanFromSnapshots,
      knownRegions,
      now: () => new Date(2027, 2, 14, 12),
      run: excel.run,
      isSetSupported: excel.isSetSupported,
      displayLanguage: () => "fr-FR",
    });
  }

  it("draws the example's charts, and replaces them on the next generation without taking them for the user's", async () => {
    const excel = new FakeExcel();
    const plan: Plan = parsePlan(examplePlan("fr-reference"));
    const first = await gateway(excel).generate(plan);
    expect(first.degraded).toEqual([]);
    const names = () =>
      Object.fromEntries(
        excel.sheets
          .filter((sheet) => sheet.charts.length > 0)
          .map((sheet) => [sheet.name, sheet.charts.map((c) => c.name)]),
      );
    const expected = {
      Plan: ["targetAndCapacity"],
      "2 Objectifs": ["funnel", "revenueByQuarter"],
      "3 Organisation": ["headcountByQuarter", "capacityByQuarter"],
      "6 Exécution": ["gantt"],
      "8 Suivi": ["cumulativeRevenue"],
      "9 Scénarios": ["scenarioHeadcount", "scenarioCost"],
    };
    expect(names()).toEqual(expected);
    const again = await gateway(excel).generate(plan);
    expect(again.backups).toEqual([]);
    expect(names()).toEqual(expected);
  });
});
