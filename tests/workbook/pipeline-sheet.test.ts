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

describe("the English example's quota assignment, capacity waterfall and cost of sales in the engine", () => {
  let spec: WorkbookSpec;
  let engine: HyperFormula;
  const figures = calculatePlan(english);
  beforeAll(() => {
    spec = layoutWorkbook(english, { generatedOn: "2026-12-15" });
    engine = loadIntoEngine(spec);
  });
  afterAll(() => engine.destroy());

  const organizationValues = () => {
    const sheet = spec.sheets.find((candidate) => candidate.key === "organization")!;
    return engine.getSheetValues(engine.getSheetId(sheet.name)!);
  };
  /** The quarterly values of the last row labelled `first` (column A) and `second` (column B). */
  const quarterlyRow = (first: string, second: string) =>
    organizationValues()
      .findLast((row) => row[0] === first && row[1] === second)!
      .slice(2, 2 + figures.quarters.length);
  const matches = (actual: readonly unknown[], expected: readonly number[]) =>
    actual.length === expected.length && actual.every((value, q) => matchesPrediction(value, expected[q]!));

  it("assigns capacity × 1.2 of quota each quarter and needs it × 90 % × 3 of pipeline on day 1", () => {
    const ae = figures.pipeline.quotaRoles[0]!;
    expect(matches(quarterlyRow("Account executive", "Quota to assign"), ae.quotaToAssignByQuarter)).toBe(true);
    expect(
      matches(
        quarterlyRow("Account executive", "Quota to assign"),
        figures.roles[1]!.capacityByQuarter!.map((capacity) => capacity * 1.2),
      ),
    ).toBe(true);
    // 50,000 × 3 months × 85 % × 1.2 = 153,000 for a fully ramped account executive.
    expect(quarterlyRow("Account executive", "Quota per fully ramped rep")[0]).toBe(153_000);
    expect(
      matches(
        quarterlyRow("All quota roles", "Pipeline needed on the quarter's first day"),
        figures.pipeline.dayOnePipelineByQuarter!,
      ),
    ).toBe(true);
  });

  it("recalculates the quota to assign when the over-assignment changes in the sheet", () => {
    const input = boundCell(spec, "organization.quotaOverAssignment");
    const { row, column } = parseCellAddress(input.address);
    const address = { sheet: engine.getSheetId(input.sheet.name)!, row, col: column };
    engine.setCellContents(address, 0.5);
    const changedPlan = examplePlan("en-saas");
    changedPlan.organization!.quotaOverAssignment = 0.5;
    const changed = calculatePlan(parsePlan(changedPlan)).pipeline;
    expect(matches(quarterlyRow("All quota roles", "Quota to assign"), changed.quotaToAssignByQuarter!)).toBe(true);
    engine.setCellContents(address, 0.2);
  });

  it("shows where the account executives' capacity came from and leaked, quarter by quarter", () => {
    const waterfall = figures.pipeline.quotaRoles[0]!.waterfall;
    const line = (label: string, key: keyof (typeof waterfall)[number]) =>
      matches(
        quarterlyRow("Account executive", label),
        waterfall.map((quarter) => quarter[key]),
      );
    expect(line("Reps at start", "repsAtStart")).toBe(true);
    expect(line("Hires", "hires")).toBe(true);
    expect(line("Departures (expected)", "departures")).toBe(true);
    expect(line("Reps at end", "repsAtEnd")).toBe(true);
    expect(line("Ramped rep equivalents", "rampedRepEquivalents")).toBe(true);
    expect(quarterlyRow("Account executive", "Reps at start")[0]).toBe(7);
  });

  it("shows the cost of sales and the account executives' quota ÷ on-target earnings", () => {
    const values = organizationValues();
    const costOfSales = values.find((row) => row[0] === "Team cost ÷ new-revenue target")![2];
    expect(matchesPrediction(costOfSales, figures.pipeline.costOfSales)).toBe(true);
    expect(figures.pipeline.costOfSales).toBe(figures.totalAnnualCost / 6_000_000);
    const ratio = values.find((row) => row[0] === "Account executive" && row[1] === "Quota ÷ on-target earnings")![2];
    // 50,000 × 12 ÷ 190,000.
    expect(matchesPrediction(ratio, 600_000 / 190_000)).toBe(true);
  });
});
