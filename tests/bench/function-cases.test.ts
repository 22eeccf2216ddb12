import { HyperFormula, type SimpleCellAddress, type SimpleCellRange } from "hyperformula";
import { BENCH_SHEET, FUNCTION_CASES, rangeCases } from "../../bench/function-cases";
import { dimensionalityOf, MAX_RANGE_CELLS, type Parameter } from "../../src/functions/arguments";
import { SIGNATURES } from "../../src/functions/signatures";
import { EXCEL_LIKE_CONFIG, matchesPrediction } from "../helpers/formula-engine";

function keyOf(where: SimpleCellAddress | SimpleCellRange): string {
  return "start" in where ? `${keyOf(where.start)}..${keyOf(where.end)}` : `${where.sheet}!${where.row},${where.col}`;
}

describe("the benchmark's function calls and their native formulas", () => {
  it.each(FUNCTION_CASES.map((functionCase) => [functionCase.formula, functionCase] as const))(
    "%s: the formula engine computes what the function returns, and follows the shared inputs",
    (_, functionCase) => {
      const calls = 40;
      const prepared = functionCase.prepare(calls);
      expect(Number.isFinite(prepared.run())).toBe(true);
      const model = prepared.native(calls);
      const engine = HyperFormula.buildFromSheets({ ...model.sheets }, EXCEL_LIKE_CONFIG);
      try {
        const sheet = engine.getSheetId(BENCH_SHEET)!;
        const valuesOf = (index: number) =>
          model.resultCells(index).map(({ row, column }) => engine.getCellValue({ sheet, row, col: column }));
        for (let index = 0; index < calls; index++) {
          const expected = prepared.result(index);
          const actual = valuesOf(index);
          expect(actual).toHaveLength(expected.length);
          actual.forEach((value, k) => expect([index, matchesPrediction(value, expected[k]!)]).toEqual([index, true]));
        }
        // Every call's result depends (through its chain of formulas) on the shared inputs, so changing them
        // recalculates every call.
        const reached = new Set<string>();
        const queue: (SimpleCellAddress | SimpleCellRange)[] = model.shared.map((input) => ({
          sheet,
          row: input.row,
          col: input.column,
        }));
        while (queue.length > 0) {
          for (const dependent of engine.getCellDependents(queue.pop()!)) {
            const key = keyOf(dependent);
            if (reached.has(key)) continue;
            reached.add(key);
            queue.push(dependent);
          }
        }
        for (let index = 0; index < calls; index++) {
          for (const { row, column } of model.resultCells(index)) {
            expect([index, reached.has(keyOf({ sheet, row, col: column }))]).toEqual([index, true]);
          }
        }
      } finally {
        engine.destroy();
      }
    },
  );
});

describe("the benchmark's large-range calls", () => {
  it("give every PLAN.* function a whole column, and every range function its largest accepted range", () => {
    const cases = rangeCases(MAX_RANGE_CELLS, 1_000);
    const formulas = Object.values(SIGNATURES).map((signature) => signature.formula);
    const onWholeColumn = new Set(cases.filter((c) => c.range.includes("1,048,576 cells")).map((c) => c.formula));
    expect([...onWholeColumn].sort()).toEqual([...formulas].sort());
    const atLimit = new Set(cases.filter((c) => c.range.includes("100,000 cells")).map((c) => c.formula));
    const rangeFunctions = Object.values(SIGNATURES)
      .filter((signature) =>
        (signature.parameters as readonly Parameter[]).some((p) => dimensionalityOf(p) === "matrix"),
      )
      .map((signature) => signature.formula);
    expect([...atLimit].sort()).toEqual([...rangeFunctions].sort());
  });
});
