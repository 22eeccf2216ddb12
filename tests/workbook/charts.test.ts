/**
 * The charts of the generated workbook: valid specs whose ranges point at the generated cells, whose cached values are
 * the plan core's figures and those cells' predicted results, placed on free cells, with the Gantt's time axis and
 * colours as documented.
 */
import {
  calculatePlan,
  examplePlan,
  fromExcelSerial,
  parsePlan,
  toExcelSerial,
  type Plan,
  type PlanInput,
} from "../../src/plan";
import { fiscalQuarterSpan, horizonMonths, horizonQuarters } from "../../src/plan/calendar";
import {
  cellAddress,
  parseCellAddress,
  parseRangeAddress,
  type CellPosition,
  type RangePosition,
} from "../../src/workbook/address";
import {
  ganttColumns,
  ganttRows,
  ganttTimeAxis,
  gridlineSpacing,
  INITIATIVE_CATEGORY_COLORS,
} from "../../src/workbook/charts/gantt";
import { layoutText } from "../../src/workbook/i18n";
import { layoutWorkbook } from "../../src/workbook/layout";
import { CHART_PALETTE } from "../../src/workbook/palette";
import { chartSpecSchema, type ChartSpec, type SheetSpec, type WorkbookSpec } from "../../src/workbook/spec";
import { generatePlan } from "../helpers/plan-generator";
import { cellAt, sheetByKey } from "../helpers/spec-lookup";

const GENERATED_ON = "2026-12-15";
const french = parsePlan(examplePlan("fr-reference"));
const english = parsePlan(examplePlan("en-saas"));

const layout = (plan: Plan): WorkbookSpec => layoutWorkbook(plan, { generatedOn: GENERATED_ON });

/** The cells of a one-row or one-column range, in order. */
function cellsOfRange(range: string): string[] {
  const { start, end } = parseRangeAddress(range);
  const out: string[] = [];
  for (let row = start.row; row <= end.row; row++)
    for (let column = start.column; column <= end.column; column++) out.push(cellAddress({ row, column }));
  return out;
}

/** What a cell shows: its constant, or its formula's predicted result. */
function shown(sheet: SheetSpec, address: string): unknown {
  const cell = cellAt(sheet, address);
  return cell?.formula !== undefined ? cell.result : cell?.value;
}

function chartOf(spec: WorkbookSpec, key: SheetSpec["key"], id: string): ChartSpec {
  const chart = sheetByKey(spec, key).charts.find((candidate) => candidate.id === id);
  if (!chart) throw new Error(`no chart ${id} on ${key}`);
  return chart;
}

function frame(chart: ChartSpec): RangePosition {
  return { start: parseCellAddress(chart.anchor.from), end: parseCellAddress(chart.anchor.to) };
}

function overlaps(a: RangePosition, b: RangePosition): boolean {
  return (
    a.start.row <= b.end.row &&
    b.start.row <= a.end.row &&
    a.start.column <= b.end.column &&
    b.start.column <= a.end.column
  );
}

/** The rectangles holding a sheet's non-empty cells, block by block (merged cells included), and its tables. */
function occupied(sheet: SheetSpec): { what: string; range: RangePosition }[] {
  const cells = sheet.blocks.flatMap((block) => {
    const anchor = parseCellAddress(block.anchor);
    return block.rows.flatMap((row, r) =>
      row.flatMap((cell, c) => {
        if (cell === null) return [];
        const start: CellPosition = { row: anchor.row + r, column: anchor.column + c };
        const end = { row: start.row, column: start.column + (cell.mergeAcross ?? 0) };
        return [{ what: `${block.id} ${cellAddress(start)}`, range: { start, end } }];
      }),
    );
  });
  const tables = sheet.tables.map((table) => ({ what: table.name, range: parseRangeAddress(table.range) }));
  return [...cells, ...tables];
}

const examples: [string, Plan][] = [
  ["the French example", french],
  ["the English example", english],
  ["a large generated plan", generatePlan(1700)],
  [
    "a generated plan with monthly seasonality and exact volumes",
    generatePlan(600, { granularity: "month", funnelRounding: "none", horizonMonths: 13, seed: 7 }),
  ],
];

describe.each(examples)("the charts of %s", (_name, plan) => {
  const spec = layout(plan);
  const figures = calculatePlan(plan);
  const charts = spec.sheets.flatMap((sheet) => sheet.charts.map((chart) => ({ sheet, chart })));

  it("are valid chart specs, one id per chart, each stating the requirement set it needs", () => {
    expect(charts.length).toBeGreaterThanOrEqual(5);
    for (const { chart } of charts) {
      expect(chartSpecSchema.safeParse(chart).success).toBe(true);
      expect(chart.requires).toMatch(/^ExcelApi 1\.(7|8|9)$/);
    }
    expect(new Set(charts.map(({ chart }) => chart.id)).size).toBe(charts.length);
  });

  it("point at the generated cells, whose predicted results are the cached values and labels", () => {
    const problems: string[] = [];
    for (const { sheet, chart } of charts) {
      const labels = cellsOfRange(chart.categories.range).map((address) => shown(sheet, address));
      if (JSON.stringify(labels) !== JSON.stringify(chart.categories.labels))
        problems.push(`${chart.id} categories ${chart.categories.range}: ${JSON.stringify(labels)}`);
      for (const series of chart.series) {
        const values = cellsOfRange(series.range).map((address) => shown(sheet, address));
        if (JSON.stringify(values) !== JSON.stringify(series.values))
          problems.push(`${chart.id} ${series.name} ${series.range}: ${JSON.stringify(values)}`);
        if (series.values.length !== chart.categories.labels.length)
          problems.push(`${chart.id} ${series.name} has ${series.values.length} values`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("carry the plan core's figures", () => {
    const gantt = chartOf(spec, "execution", "gantt");
    expect(gantt.series[0]!.values).toEqual(figures.initiatives.map((i) => i.startSerial));
    expect(gantt.series[1]!.values).toEqual(figures.initiatives.map((i) => i.durationDays));
    expect(chartOf(spec, "objectives", "funnel").series[0]!.values).toEqual(figures.funnel.map((s) => s.perYear));
    expect(chartOf(spec, "objectives", "revenueByQuarter").series[0]!.values).toEqual(
      figures.seasonality.map((q) => q.revenueTarget),
    );
    const headcount = chartOf(spec, "organization", "headcountByQuarter");
    expect(headcount.series.slice(0, -1).map((s) => s.values)).toEqual(
      figures.roles.map((role) => role.headcountByQuarter),
    );
    expect(headcount.series.at(-1)!.values).toEqual(
      figures.quarters.map((_, q) => figures.roles.reduce((sum, role) => sum + role.hiresByQuarter[q]!, 0)),
    );
    for (const [key, id] of [
      ["organization", "capacityByQuarter"],
      ["plan", "targetAndCapacity"],
    ] as const) {
      const chart = chartOf(spec, key, id);
      expect(chart.categories.labels).toEqual(figures.quarters.map((q) => q.label));
      expect(chart.series.map((s) => [s.drawAs, s.values])).toEqual([
        ["column", figures.capacityByQuarter],
        ["line", figures.revenueTargetByQuarter],
      ]);
    }
  });

  it("sit on free cells: no chart covers a cell, a table or another chart", () => {
    const problems: string[] = [];
    for (const sheet of spec.sheets) {
      const taken = occupied(sheet);
      sheet.charts.forEach((chart, index) => {
        for (const { what, range } of taken)
          if (overlaps(frame(chart), range)) problems.push(`${chart.id} covers ${what}`);
        for (const other of sheet.charts.slice(index + 1))
          if (overlaps(frame(chart), frame(other))) problems.push(`${chart.id} covers ${other.id}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("draws the Gantt as documented: invisible start dates, durations coloured by category, first initiative on top", () => {
    const sheet = sheetByKey(spec, "execution");
    const gantt = chartOf(spec, "execution", "gantt");
    const text = layoutText(plan.meta.locale);
    const table = sheet.tables.find((candidate) => candidate.name === "PlanInitiatives")!;
    const header = (range: string) =>
      shown(
        sheet,
        cellAddress({ ...parseCellAddress(range.split(":")[0]!), row: parseRangeAddress(table.range).start.row }),
      );
    expect(header(gantt.categories.range)).toBe(text.execution.name.header);
    expect(header(gantt.series[0]!.range)).toBe(text.execution.start.header);
    expect(header(gantt.series[1]!.range)).toBe(text.execution.duration);
    expect(gantt.series[0]!.invisible).toBe(true);
    expect(gantt.series[1]!.invisible).toBeUndefined();
    expect(gantt.series[1]!.pointColors).toEqual(
      plan.execution.initiatives.map((initiative) => INITIATIVE_CATEGORY_COLORS[initiative.category]),
    );
    expect(gantt.milestones ?? []).toEqual(
      plan.execution.initiatives.flatMap((initiative, index) => (initiative.milestone ? [index] : [])),
    );
    expect(gantt.categoryAxis.reversed).toBe(true);
    expect(gantt.legend).toBe("none");
    expect(gantt.title).toBe(text.charts.ganttTitle);
    // Beside the table and its quarter grid.
    expect(frame(gantt).start.column).toBeGreaterThan(parseRangeAddress(table.range).end.column);
  });

  it("bounds the Gantt's time axis to the horizon's fiscal quarters, with a gridline in each quarter's first days", () => {
    const gantt = chartOf(spec, "execution", "gantt");
    const { min, max, majorUnit, gridlineValues, gridlineLabels } = gantt.valueAxis;
    const months = figures.months;
    const first = fiscalQuarterSpan(months[0]!, plan.meta.fiscalYearStartMonth).startSerial;
    expect(max).toBe(fiscalQuarterSpan(months.at(-1)!, plan.meta.fiscalYearStartMonth).endSerial);
    expect(min! - first).toBeGreaterThanOrEqual(0);
    expect(min! - first).toBeLessThan(3);
    expect(gridlineLabels).toEqual(figures.quarters.map((quarter) => quarter.label));
    gridlineValues!.forEach((start, k) => {
      const gridline = Math.floor(min! + k * majorUnit!);
      expect([k, gridline - start >= 0 && gridline - start <= 3]).toEqual([k, true]);
      expect(fromExcelSerial(start).endsWith("-01")).toBe(true);
    });
    expect(gantt.valueAxis.numberFormat).toBe("mmm yyyy");
  });

  it("writes the Gantt's colour key next to it: the categories it shows, each with its colour as a swatch", () => {
    const sheet = sheetByKey(spec, "execution");
    const gantt = chartOf(spec, "execution", "gantt");
    const key = sheet.blocks.find((block) => block.id === "ganttKey")!;
    const anchor = parseCellAddress(key.anchor);
    expect(anchor.column).toBeGreaterThan(frame(gantt).end.column);
    const text = layoutText(plan.meta.locale);
    const used = [...new Set(plan.execution.initiatives.map((initiative) => initiative.category))];
    expect(gantt.colorKey!.map((entry) => entry.label).sort()).toEqual(
      used.map((category) => text.categories[category]).sort(),
    );
    for (const entry of gantt.colorKey!) {
      const row = key.rows.findIndex((cells) => cells[0]?.value === entry.label);
      expect(row).toBeGreaterThan(1);
      const swatch = cellAddress({ row: anchor.row + row, column: anchor.column + 1 });
      const fill = sheet.conditionalFormats.find((format) => format.range === swatch)?.style.fill;
      expect([entry.label, fill]).toEqual([entry.label, entry.color]);
      expect(CHART_PALETTE).toContain(fill);
    }
  });

  it("draws the funnel with Excel's Funnel type where ExcelApi 1.9 is supported, else bars with the first stage on top", () => {
    const funnel = chartOf(spec, "objectives", "funnel");
    expect([funnel.kind, funnel.requires, funnel.fallbackKind, funnel.categoryAxis.reversed]).toEqual([
      "funnel",
      "ExcelApi 1.9",
      "bar",
      true,
    ]);
    expect(funnel.categories.labels).toEqual(plan.objectives.funnel.map((stage) => stage.name));
  });
});

describe("the Gantt's time axis", () => {
  it.each([
    ["a calendar year", "2027-01", 12, 1],
    ["a July fiscal year, whose first quarters are the longest", "2027-07", 24, 7],
    ["a horizon starting mid-quarter", "2027-02", 13, 1],
    ["five years with a February fiscal start", "2027-05", 60, 2],
    ["a leap year", "2028-01", 12, 1],
  ])("puts each gridline in its quarter's first days over %s", (_name, start, count, fiscalStart) => {
    const months = horizonMonths(start, count, fiscalStart);
    const quarters = horizonQuarters(months);
    const axis = ganttTimeAxis(months, quarters, fiscalStart);
    expect(axis.quarterStarts).toHaveLength(quarters.length);
    expect(axis.quarterStarts[0]).toBe(fiscalQuarterSpan(months[0]!, fiscalStart).startSerial);
    expect(axis.max).toBe(fiscalQuarterSpan(months.at(-1)!, fiscalStart).endSerial);
    expect(axis.min - axis.quarterStarts[0]!).toBeLessThan(3);
    axis.quarterStarts.forEach((quarterStart, k) => {
      const gridline = Math.floor(axis.min + k * axis.majorUnit);
      // The label (`mmm yyyy` of the gridline's day) names the quarter's first month.
      expect([k, fromExcelSerial(gridline).slice(0, 7)]).toEqual([k, fromExcelSerial(quarterStart).slice(0, 7)]);
      expect(gridline - quarterStart).toBeLessThanOrEqual(3);
    });
  });

  it("moves the axis start forward only when no spacing can keep every gridline in its quarter otherwise", () => {
    const calendar = horizonMonths("2027-01", 12, 1);
    const calendarAxis = ganttTimeAxis(calendar, horizonQuarters(calendar), 1);
    expect([calendarAxis.min, calendarAxis.majorUnit]).toEqual([toExcelSerial("2027-01-01"), 91.25]);
    // Quarters of 92, 92, 90 and 91 days: from 1 July, a gridline every 91.25 days would fall on 30 September, and a
    // spacing of 92 days or more would leave the 1 April gridline two days late.
    const july = horizonMonths("2026-07", 12, 7);
    const axis = ganttTimeAxis(july, horizonQuarters(july), 7);
    expect(axis.min - axis.quarterStarts[0]!).toBe(1.3125);
    expect(axis.majorUnit).toBe(91.34375);
  });

  it("chooses the spacing whose latest gridline is the least late", () => {
    // Offsets of a January calendar year: 90, 181 and 273 days; the year has 365.
    const { majorUnit, shift, largestDelay } = gridlineSpacing([0, 90, 181, 273], 365);
    expect([majorUnit, shift, largestDelay]).toEqual([91.25, 0, 1.5]);
  });
});

describe("the Gantt's size", () => {
  it("grows with the initiatives so that every bar keeps at least 18 px (rows of 20 px) from 5 to 60 initiatives", () => {
    for (const count of [5, 9, 60]) {
      const headerRow = 6;
      const lastRow = headerRow + count;
      const rows = ganttRows(3, lastRow);
      // Title, axis labels and padding take about 70 px of the frame.
      expect((rows * 20 - 70) / count).toBeGreaterThanOrEqual(18);
    }
    expect(ganttColumns(4)).toBe(12);
    expect(ganttColumns(20)).toBe(24);
  });

  it("covers one more row per initiative in the generated sheet", () => {
    const base = parsePlan(examplePlan("en-saas"));
    const withMore = (count: number): PlanInput => ({
      ...(JSON.parse(JSON.stringify(base)) as PlanInput),
      execution: {
        initiatives: Array.from({ length: count }, (_, i) => ({
          id: `i${i}`,
          name: `Initiative ${i + 1}`,
          category: "process" as const,
          owner: "",
          start: "2027-02-01",
          end: "2027-03-31",
          milestone: false,
          status: "notStarted" as const,
        })),
      },
    });
    const heights = [30, 60].map((count) => {
      const chart = chartOf(layout(parsePlan(withMore(count))), "execution", "gantt");
      return frame(chart).end.row - frame(chart).start.row + 1;
    });
    expect(heights[1]! - heights[0]!).toBe(30);
  });
});

describe("plans without some data", () => {
  it("draws no Gantt and no colour key without initiatives, and no capacity charts without a quota role", () => {
    const base = JSON.parse(JSON.stringify(examplePlan("fr-reference"))) as PlanInput & {
      organization: { roles: { quotaPerMonth?: number; quotaAttainment?: number; targetShare?: number }[] };
    };
    base.execution = { initiatives: [] };
    base.organization.roles = base.organization.roles.map(
      ({ quotaPerMonth: _quota, quotaAttainment: _attainment, targetShare: _share, ...role }) => role,
    );
    const spec = layout(parsePlan(base));
    expect(sheetByKey(spec, "execution").charts).toEqual([]);
    expect(sheetByKey(spec, "execution").blocks.map((block) => block.id)).not.toContain("ganttKey");
    expect(sheetByKey(spec, "organization").charts.map((chart) => chart.id)).toEqual(["headcountByQuarter"]);
    expect(sheetByKey(spec, "plan").charts).toEqual([]);
  });
});
