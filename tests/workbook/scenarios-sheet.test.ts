/**
 * The Scenarios sheet in a real formula engine (HyperFormula): each scenario's results are the plan core's figures
 * of the plan as the scenario sees it, an edited driver moves that scenario's results and nothing else, and the
 * drivers typed in the sheet read back into the plan.
 */
import type { HyperFormula } from "hyperformula";
import { calculatePlan, examplePlan, parsePlan, type Plan } from "../../src/plan";
import { applyScenario, approvePlan, SENSITIVITY_FACTORS, topOfFunnelSensitivity } from "../../src/plan/scenarios";
import { parseCellAddress } from "../../src/workbook/address";
import { layoutWorkbook } from "../../src/workbook/layout";
import { readPlanFromSnapshots } from "../../src/workbook/read-back";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { loadIntoEngine } from "../helpers/formula-engine";
import { setCell, snapshotsFromSpec } from "../helpers/snapshots";
import { boundCell, cellsOf, sheetByKey } from "../helpers/spec-lookup";

const GENERATED_ON = "2027-01-20";

function rowOf(spec: WorkbookSpec, label: string): number {
  const found = cellsOf(sheetByKey(spec, "scenarios")).find(
    ({ address, cell }) => cell.value === label && address.startsWith("A"),
  );
  if (!found) throw new Error(`no row labelled ${label}`);
  return parseCellAddress(found.address).row;
}

function valueAt(engine: HyperFormula, spec: WorkbookSpec, row: number, column: number): unknown {
  const sheet = engine.getSheetId(sheetByKey(spec, "scenarios").name)!;
  return engine.getCellValue({ sheet, row, col: column });
}

describe.each([
  [
    "the English example",
    "en-saas",
    {
      deals: "Won deals needed",
      top: "Top of the funnel per working day",
      headcount: "Total headcount",
      cost: "Total annual cost",
    },
  ],
  [
    "the French example",
    "fr-reference",
    {
      deals: "Affaires gagnées nécessaires",
      top: "Haut de l'entonnoir par jour ouvré",
      headcount: "Effectif total",
      cost: "Coût annuel total",
    },
  ],
] as const)("the Scenarios sheet of %s", (_name, example, labels) => {
  const plan = parsePlan(examplePlan(example));
  const spec = layoutWorkbook(plan, { generatedOn: GENERATED_ON });
  let engine: HyperFormula;
  beforeEach(() => {
    engine = loadIntoEngine(spec);
  });
  afterEach(() => engine.destroy());

  it("has three scenarios, each column computing calculatePlan(applyScenario(plan, id))", () => {
    expect(plan.scenarios).toHaveLength(3);
    const ids = ["base", ...plan.scenarios.map((scenario) => scenario.id)];
    ids.forEach((id, index) => {
      const figures = calculatePlan(applyScenario(plan, id));
      const column = 1 + index;
      expect([id, valueAt(engine, spec, rowOf(spec, labels.deals), column)]).toEqual([id, figures.deals]);
      expect([id, valueAt(engine, spec, rowOf(spec, labels.top), column)]).toEqual([
        id,
        figures.funnel[0]!.perWorkingDay,
      ]);
      expect([id, valueAt(engine, spec, rowOf(spec, labels.headcount), column)]).toEqual([id, figures.totalHeadcount]);
      const cost = valueAt(engine, spec, rowOf(spec, labels.cost), column) as number;
      expect(cost).toBeCloseTo(figures.totalAnnualCost, 6);
    });
    // The base column is the step sheets' plan.
    expect(valueAt(engine, spec, rowOf(spec, labels.headcount), 1)).toBe(calculatePlan(plan).totalHeadcount);
  });

  it("moves only the edited scenario's results when one of its drivers changes", () => {
    const sheet = engine.getSheetId(sheetByKey(spec, "scenarios").name)!;
    const before = engine.getSheetValues(sheet);
    const otherSheets = spec.sheets
      .filter((candidate) => candidate.key !== "scenarios")
      .map((candidate) => engine.getSheetValues(engine.getSheetId(candidate.name)!));
    const target = boundCell(spec, "scenarios[1].overrides.averageDealValue");
    const { row, column } = parseCellAddress(target.address);
    engine.setCellContents({ sheet, row, col: column }, plan.objectives.averageDealValue / 2);
    const after = engine.getSheetValues(sheet);
    const changedColumns = new Set<number>();
    after.forEach((cells, r) =>
      cells.forEach((value, c) => {
        // getSheetValues trims each row's trailing empty cells: a missing cell is an empty one.
        if ((value ?? null) !== (before[r]?.[c] ?? null)) changedColumns.add(c);
      }),
    );
    expect([...changedColumns]).toEqual([column]);
    expect(valueAt(engine, spec, rowOf(spec, labels.deals), column)).toBeGreaterThan(
      before[rowOf(spec, labels.deals)]![column] as number,
    );
    spec.sheets
      .filter((candidate) => candidate.key !== "scenarios")
      .forEach((candidate, index) =>
        expect(engine.getSheetValues(engine.getSheetId(candidate.name)!)).toEqual(otherSheets[index]),
      );
  });

  it("gives the sensitivity table the core's top of the funnel for every pair of factors, the base in its centre", () => {
    const grid = topOfFunnelSensitivity(plan);
    const header = cellsOf(sheetByKey(spec, "scenarios")).find(
      ({ cell }) => cell.value === (example === "en-saas" ? "Conversion × / deal value ×" : "Conversion × / valeur ×"),
    )!;
    const headerRow = parseCellAddress(header.address).row;
    const values = SENSITIVITY_FACTORS.map((_, r) =>
      SENSITIVITY_FACTORS.map((__, c) => valueAt(engine, spec, headerRow + 1 + r, 1 + c)),
    );
    expect(values).toEqual(grid);
    expect(grid[2]![2]).toBe(calculatePlan(plan).topOfFunnelVolume);
  });
});

describe("reading the Scenarios sheet back", () => {
  const plan = parsePlan(examplePlan("en-saas"));
  const spec = layoutWorkbook(plan, { generatedOn: GENERATED_ON });

  function readWith(edits: Record<string, number | string | null>): Plan {
    const snapshots = snapshotsFromSpec(spec);
    for (const [path, value] of Object.entries(edits)) {
      const cell = boundCell(spec, path);
      setCell(
        snapshots.find((snapshot) => snapshot.name === cell.sheet.name)!,
        cell.address,
        value,
      );
    }
    const result = readPlanFromSnapshots(spec, snapshots, plan);
    if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("\n"));
    return result.plan;
  }

  it("reads a typed driver as an override, a cleared one as the base's, and a renamed scenario", () => {
    const plan2 = readWith({
      "scenarios[2].overrides.utilization": 0.5,
      "scenarios[0].overrides.conversionFactor": null,
      "scenarios[1].name": "Bear case",
    });
    expect(plan2.scenarios[2]!.overrides.utilization).toBe(0.5);
    expect(plan2.scenarios[0]!.overrides.conversionFactor).toBeUndefined();
    expect(plan2.scenarios[0]!.overrides.averageDealValue).toBe(plan.scenarios[0]!.overrides.averageDealValue);
    expect(plan2.scenarios[1]!.name).toBe("Bear case");
    expect(plan2.scenarios.map((scenario) => scenario.id)).toEqual(plan.scenarios.map((scenario) => scenario.id));
  });

  it("names the scenario's cell when a typed driver would make its plan invalid", () => {
    const snapshots = snapshotsFromSpec(spec);
    const cell = boundCell(spec, "scenarios[0].overrides.conversionFactor");
    setCell(
      snapshots.find((snapshot) => snapshot.name === cell.sheet.name)!,
      cell.address,
      5,
    );
    const result = readPlanFromSnapshots(spec, snapshots, plan);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => issue.message).join("\n")).toMatch(/Upside/);
  });
});

describe("the plan of record on the Scenarios sheet", () => {
  it("shows the approved figures frozen, the working ones by formula and the variance", () => {
    const approved = approvePlan(parsePlan(examplePlan("en-saas")), "2027-01-15", "Board, January");
    const edited = parsePlan({ ...approved, objectives: { ...approved.objectives, averageDealValue: 20_000 } });
    const spec = layoutWorkbook(edited, { generatedOn: GENERATED_ON });
    const engine = loadIntoEngine(spec);
    const cells = cellsOf(sheetByKey(spec, "scenarios"));
    const title = cells.find(({ cell }) => cell.value === "Plan of record: Board, January, approved 2027-01-15");
    expect(title).toBeDefined();
    const row = parseCellAddress(title!.address).row + 2;
    const sheet = engine.getSheetId(sheetByKey(spec, "scenarios").name)!;
    const was = calculatePlan(approved).deals;
    const is = calculatePlan(edited).deals;
    expect([1, 2, 3].map((col) => engine.getCellValue({ sheet, row, col }))).toEqual([was, is, is - was]);
    expect(cells.find(({ address }) => address === `B${row + 1}`)!.cell.formula).toBeUndefined();
    engine.destroy();
  });
});
