/**
 * The pipeline timing table (step 2) and the overlay roles (step 3) in a real formula engine: their native formulas
 * give the plan core's figures, and recalculate as the plan core would when an input changes in the sheet.
 */
import type { HyperFormula } from "hyperformula";
import { calculatePlan, examplePlan, parsePlan, type Plan, type PlanInput } from "../../src/plan";
import { parseCellAddress } from "../../src/workbook/address";
import { layoutWorkbook } from "../../src/workbook/layout";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { loadIntoEngine, matchesPrediction } from "../helpers/formula-engine";
import { boundCell, tableCell } from "../helpers/spec-lookup";

const englishInput = (): PlanInput => examplePlan("en-saas");
const english = parsePlan(englishInput());

describe("the English example's pipeline timing in the engine", () => {
  let spec: WorkbookSpec;
  let engine: HyperFormula;
  beforeAll(() => {
    spec = layoutWorkbook(english, { generatedOn: "2026-12-15" });
    engine = loadIntoEngine(spec);
  });
  afterAll(() => engine.destroy());

  const objectivesValues = () => {
    const sheet = spec.sheets.find((candidate) => candidate.key === "objectives")!;
    return engine.getSheetValues(engine.getSheetId(sheet.name)!);
  };
  /** The monthly values of the row whose label (column B) is `label`. */
  const monthlyRow = (label: string) =>
    objectivesValues()
      .find((row) => row[1] === label)!
      .slice(2, 2 + english.meta.horizonMonths);
  const labelled = (label: string) => objectivesValues().find((row) => row[0] === label)![2];
  const matches = (actual: readonly unknown[], expected: readonly number[]) =>
    actual.length === expected.length && actual.every((value, m) => matchesPrediction(value, expected[m]!));
  const setInput = (cell: { sheet: { name: string }; address: string }, value: number | null) => {
    const { row, column } = parseCellAddress(cell.address);
    engine.setCellContents({ sheet: engine.getSheetId(cell.sheet.name)!, row, col: column }, value);
  };
  const changed = (change: (plan: PlanInput) => void): Plan => {
    const input = englishInput();
    change(input);
    return parsePlan(input);
  };

  it("creates each month, three months ahead, the pipeline its closes need at 3× coverage and 90 % new business", () => {
    const { pipeline } = calculatePlan(english);
    expect(labelled("Pipeline coverage used")).toBe(3);
    expect(matches(monthlyRow("Bookings to close"), pipeline.bookingsByMonth)).toBe(true);
    expect(matches(monthlyRow("Pipeline needed for these closes"), pipeline.pipelineNeededByMonth)).toBe(true);
    expect(matches(monthlyRow("Pipeline to create"), pipeline.pipelineToCreateByMonth)).toBe(true);
    expect(monthlyRow("Pipeline to create").slice(-3)).toEqual([0, 0, 0]);
    expect(matchesPrediction(labelled("Pipeline overdue at start"), pipeline.overduePipeline)).toBe(true);
    expect(matches(monthlyRow("Pipeline to create: Marketing"), pipeline.sources[0]!.pipelineToCreateByMonth)).toBe(
      true,
    );
  });

  it("shifts the pipeline when the sales cycle changes in the sheet, as the plan core does", () => {
    const cycle = boundCell(spec, "objectives.salesCycleMonths");
    setInput(cycle, 1);
    const { pipeline } = calculatePlan(changed((plan) => (plan.objectives.salesCycleMonths = 1)));
    expect(matches(monthlyRow("Pipeline to create"), pipeline.pipelineToCreateByMonth)).toBe(true);
    expect(matchesPrediction(labelled("Pipeline overdue at start"), pipeline.overduePipeline)).toBe(true);
    setInput(cycle, 3);
  });

  it("derives the coverage from the win rate when the coverage cell is emptied", () => {
    const coverage = boundCell(spec, "objectives.pipelineCoverage");
    setInput(coverage, null);
    const { pipeline } = calculatePlan(changed((plan) => delete plan.objectives.pipelineCoverage));
    // (1 − 0) ÷ 30 %.
    expect(matchesPrediction(labelled("Pipeline coverage used"), 1 / 0.3)).toBe(true);
    expect(pipeline.coverageIsDerived).toBe(true);
    expect(matches(monthlyRow("Pipeline needed for these closes"), pipeline.pipelineNeededByMonth)).toBe(true);
    setInput(coverage, 3);
  });

  it("sizes the overlay role live from the people per overlay typed in the roles table", () => {
    const perOverlay = tableCell(spec, "PlanRoles", "Overlay: people per overlay", "sales-manager");
    const required = tableCell(spec, "PlanRoles", "Required headcount", "sales-manager");
    const at = ({ sheet, address }: { sheet: { name: string }; address: string }) => {
      const { row, column } = parseCellAddress(address);
      return engine.getCellValue({ sheet: engine.getSheetId(sheet.name)!, row, col: column });
    };
    expect(at(required)).toBe(2);
    setInput(perOverlay, 4);
    const figures = calculatePlan(
      changed((plan) => (plan.organization!.roles![3]!.overlay = { supportsRoleId: "ae", peoplePerOverlay: 4 })),
    );
    // ROUNDUP(12 ÷ 4) = 3 managers in plan year 1, ROUNDUP(16 ÷ 4) = 4 in year 2.
    expect(figures.roles[3]!.requiredHeadcountByYear).toEqual([3, 4]);
    expect(at(required)).toBe(3);
    expect(engine.getNamedExpressionValue("TotalHeadcount")).toBe(figures.totalHeadcount);
    setInput(perOverlay, 6);
  });
});
