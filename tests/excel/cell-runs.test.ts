import fc from "fast-check";
import { uniformRuns } from "../../src/excel/cell-runs";

describe("uniform runs", () => {
  it("joins equal columns of equal rows into one rectangle", () => {
    const grid = [
      ["h", "h", "h"],
      ["i", "i", "f"],
      ["i", "i", "f"],
    ];
    expect(uniformRuns(grid)).toEqual([
      { row: 0, column: 0, rowCount: 1, columnCount: 3, value: "h" },
      { row: 1, column: 0, rowCount: 2, columnCount: 2, value: "i" },
      { row: 1, column: 2, rowCount: 2, columnCount: 1, value: "f" },
    ]);
  });

  it("leaves cells without a property uncovered and handles ragged rows", () => {
    expect(uniformRuns([["a", undefined], ["a"], [undefined, "b"]])).toEqual([
      { row: 0, column: 0, rowCount: 2, columnCount: 1, value: "a" },
      { row: 2, column: 1, rowCount: 1, columnCount: 1, value: "b" },
    ]);
  });

  it("covers every cell that has a property exactly once, with its own value", () => {
    const cell = fc.option(fc.constantFrom("a", "b", "c"), { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), (grid) => {
        const covered = new Map<string, string>();
        for (const run of uniformRuns(grid)) {
          for (let r = run.row; r < run.row + run.rowCount; r++) {
            for (let c = run.column; c < run.column + run.columnCount; c++) {
              expect(covered.has(`${r},${c}`)).toBe(false);
              covered.set(`${r},${c}`, run.value);
            }
          }
        }
        grid.forEach((row, r) => row.forEach((value, c) => expect(covered.get(`${r},${c}`)).toBe(value)));
        expect(covered.size).toBe(grid.flat().filter((value) => value !== undefined).length);
      }),
    );
  });
});
