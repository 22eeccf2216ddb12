import { examplePlan, parsePlan } from "../../src/plan";
import { parseRangeAddress, rangeAddress, type CellPosition, type RangePosition } from "../../src/workbook/address";
import { knownRegions } from "../../src/workbook/known-region";
import { layoutWorkbook } from "../../src/workbook/layout";
import type { SheetSpec } from "../../src/workbook/spec";
import { cellsOf } from "../helpers/spec-lookup";

const spec = layoutWorkbook(parsePlan(examplePlan("fr-reference")), { generatedOn: "2026-12-15" });
const sheet = (key: SheetSpec["key"]) => spec.sheets.find((candidate) => candidate.key === key)!;
const covers = (regions: RangePosition[], at: CellPosition) =>
  regions.some(
    (r) => at.row >= r.start.row && at.row <= r.end.row && at.column >= r.start.column && at.column <= r.end.column,
  );

describe("the known regions of a generated sheet", () => {
  it("cover every cell the spec writes on every sheet, merged titles included", () => {
    for (const candidate of spec.sheets) {
      const regions = knownRegions(candidate);
      for (const { address, cell } of cellsOf(candidate)) {
        const start = parseRangeAddress(address).start;
        expect(covers(regions, start)).toBe(true);
        if (cell.mergeAcross) {
          expect(covers(regions, { row: start.row, column: start.column + cell.mergeAcross })).toBe(true);
        }
      }
    }
  });

  it("leave out a cell the user typed beside the generated content", () => {
    const execution = sheet("execution");
    const area = parseRangeAddress(execution.print.area);
    expect(covers(knownRegions(execution), { row: area.end.row + 5, column: 0 })).toBe(false);
    expect(covers(knownRegions(execution), { row: 0, column: area.end.column + 3 })).toBe(false);
  });

  it("follow a table where it is now, with the rows the user added", () => {
    const execution = sheet("execution");
    const table = parseRangeAddress(execution.tables[0]!.range);
    const grown = { start: table.start, end: { row: table.end.row + 3, column: table.end.column } };
    const added: CellPosition = { row: table.end.row + 3, column: table.start.column };
    expect(covers(knownRegions(execution), added)).toBe(false);
    expect(covers(knownRegions(execution, { PlanInitiatives: rangeAddress(grown) }), added)).toBe(true);
  });

  it("include the area of each chart", () => {
    const execution = sheet("execution");
    const withChart: SheetSpec = {
      ...execution,
      charts: [
        {
          id: "gantt",
          kind: "gantt",
          title: "Gantt",
          anchor: { from: "Z2", to: "AH30" },
          categories: { range: "B8:B9", labels: ["a", "b"] },
          series: [{ name: "Start", range: "E8:E9", values: [1, 2] }],
          requires: "ExcelApi 1.7",
          legend: "none",
          categoryAxis: {},
          valueAxis: {},
        },
      ],
    };
    expect(covers(knownRegions(withChart), { row: 10, column: 30 })).toBe(true);
    expect(covers(knownRegions(execution), { row: 10, column: 30 })).toBe(false);
  });
});
