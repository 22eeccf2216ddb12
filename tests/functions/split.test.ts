import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { split } from "../../src/functions/functions";
import { planFunctionsIn } from "../../src/functions/plan-functions";
import {
  anyArgument,
  anyLocale,
  expectResultOrCustomError,
  FUZZ_RUNS,
  isFiniteGrid,
  valueError,
} from "../helpers/custom-functions";
import { WHOLE_SPLIT_DECIMALS } from "../../src/plan/split";
import { buildSheet } from "../helpers/plan-formula-engine";
import { nativeFormulaRuns } from "../helpers/test-scale";

const call = split as (...args: unknown[]) => number[][];
const french = planFunctionsIn("fr-FR");
const col = (index: number) => String.fromCharCode(65 + index);

/**
 * The largest remainder method written with native formulas, as a modeler checks a whole-number split: total in B1,
 * weights down column A from row 2; C the exact share and E the remainder, each rounded to 6 decimals as the sheets
 * do (so every engine ranks ties alike; src/plan/split.ts), D its whole part,
 * then a grid counting, for each period, the periods ranked before it (larger remainder, or equal and earlier),
 * the rank, and the part: whole part + 1 for the `leftover` best ranks. PLAN.SPLIT spills next to it.
 */
function wholeSplitSheet(total: number, weights: readonly number[]) {
  const n = weights.length;
  const last = n + 1;
  const grid = 5; // first grid column (F)
  const rankCol = col(grid + n);
  const partCol = col(grid + n + 1);
  const planCol = col(grid + n + 2);
  const rows: RawCellContent[][] = [["total", total]];
  weights.forEach((weight, i) => {
    const r = i + 2;
    const row: RawCellContent[] = [
      weight,
      null,
      `=ROUND($B$1*(A${r}/SUM($A$2:$A$${last})),${WHOLE_SPLIT_DECIMALS})`,
      `=INT(C${r})`,
      `=ROUND(C${r}-D${r},${WHOLE_SPLIT_DECIMALS})`,
    ];
    for (let j = 0; j < n; j++) row.push(`=IF(OR(E${j + 2}>E${r}, AND(E${j + 2}=E${r}, ${j}<${i})), 1, 0)`);
    row.push(`=SUM(${col(grid)}${r}:${col(grid + n - 1)}${r})+1`);
    row.push(`=D${r}+IF(${rankCol}${r}<=$B$1-SUM($D$2:$D$${last}), 1, 0)`);
    row.push(i === 0 ? `=PLAN.SPLIT(B1, A2:A${last}, TRUE())` : null);
    rows.push(row);
  });
  const sheet = buildSheet(rows);
  return {
    plan: sheet.spill(`${planCol}2`),
    native: weights.map((_, i) => [sheet.value(`${partCol}${i + 2}`)]),
  };
}

describe("PLAN.SPLIT: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call(10))).toBe("weights is required");
  });

  it("refuses weights laid out in more than one row and column", () => {
    expect(
      valueError(() =>
        call(10, [
          [1, 1],
          [1, 1],
        ]),
      ),
    ).toBe("weights must be a single row or column (got 2 rows × 2 columns)");
  });

  it("keeps the shape of the weights", () => {
    expect(call(10, [[1, 1, 1]], true)).toEqual([[4, 3, 3]]);
    expect(call(10, [[1], [1], [1]], true)).toEqual([[4], [3], [3]]);
    expect(call(10, [[2]])).toEqual([[10]]);
  });
});

describe("PLAN.SPLIT: types", () => {
  it("refuses text among the weights, in the total and in whole", () => {
    expect(valueError(() => call(10, [[1, "high", 1]]))).toBe(
      'item 2 of weights must be a number (got the text "high")',
    );
    expect(valueError(() => call("ten", [[1]]))).toBe('total must be a number (got the text "ten")');
    expect(valueError(() => french.split(10, [[1]], "oui"))).toBe(
      "whole doit valoir VRAI ou FAUX (reçu : le texte « oui »)",
    );
  });

  it("gives an empty weight cell nothing, on the web and on desktop", () => {
    const rows = [[1, null, 1, "=PLAN.SPLIT(9, A1:C1, TRUE())"]];
    for (const emptyCellsAs of [null, 0] as const) {
      expect(buildSheet(rows, { emptyCellsAs }).spill("D1")).toEqual([[5, 0, 4]]);
    }
  });
});

describe("PLAN.SPLIT: domain", () => {
  it("refuses a negative weight and weights that are all 0", () => {
    expect(valueError(() => call(10, [[1, -1]]))).toBe("item 2 of weights must be 0 or more");
    expect(valueError(() => call(10, [[0, 0]]))).toBe("weights must not all be zero");
    expect(valueError(() => french.split(10, [[0, 0]]))).toBe("weights ne doivent pas tous valoir zéro");
  });

  it("refuses a fractional or negative total when whole is TRUE, but splits it otherwise", () => {
    expect(valueError(() => call(10.5, [[1, 1]], true))).toBe(
      "total must be a whole number, 0 or more, when whole is TRUE",
    );
    expect(valueError(() => french.split(-4, [[1, 1]], true))).toBe(
      "total doit être un nombre entier supérieur ou égal à 0 quand whole vaut VRAI",
    );
    expect(call(-10.5, [[1, 2]])).toEqual([[-3.5, -7]]);
  });

  it("refuses weights summing beyond Excel's range and a whole total too large to split exactly", () => {
    expect(valueError(() => call(10, [[1e308, 1e308]]))).toBe("weights must add up to a number within Excel's range");
    expect(valueError(() => call(1e300, [[1, 1, 1]], true))).toBe(
      "total is too large to be split into whole parts that add up to it exactly",
    );
  });
});

describe("PLAN.SPLIT: happy path", () => {
  it("splits proportionally: 1,200,000 by quarterly weights 1, 1.1, 0.7 and 1.2", () => {
    expect(call(1_200_000, [[1], [1.1], [0.7], [1.2]]).map((row) => Math.round(row[0]!))).toEqual([
      300_000, 330_000, 210_000, 360_000,
    ]);
  });

  it("gives whole parts that add up to the total, the units left over to the largest remainders, ties earliest", () => {
    expect(call(10, [[1, 1, 1]], true)).toEqual([[4, 3, 3]]);
    expect(call(11, [[1, 1, 1]], true)).toEqual([[4, 4, 3]]);
    expect(call(100, [[0.8, 1, 1, 1.4]], true)).toEqual([[19, 24, 24, 33]]);
  });

  it("matches total × weight / SUM(weights) typed in cells, spill size included", () => {
    const sheet = buildSheet([
      [1_200_000, "=PLAN.SPLIT(A1, A2:A5)", "=$A$1*(A2/SUM($A$2:$A$5))"],
      [1, null, "=$A$1*(A3/SUM($A$2:$A$5))"],
      [1.1, null, "=$A$1*(A4/SUM($A$2:$A$5))"],
      [0.7, null, "=$A$1*(A5/SUM($A$2:$A$5))"],
      [1.2],
    ]);
    expect(sheet.spill("B1")).toEqual([
      [sheet.value("C1")],
      [sheet.value("C2")],
      [sheet.value("C3")],
      [sheet.value("C4")],
    ]);
  });

  it("ranks remainders equal at 6 decimals as a tie, to the earlier period, as the native formulas do", () => {
    // 876,032 × 10/18 and × 1/18 both leave 0.444444 at 6 decimals (at 15 digits the second would look larger).
    const { plan, native } = wholeSplitSheet(876_032, [3, 10, 1, 4]);
    expect(plan).toEqual([[146_005], [486_685], [48_668], [194_674]]);
    expect(native).toEqual(plan);
  });

  it("matches the largest remainder method written with native formulas, on any valid split", () => {
    const weights = fc
      .array(
        fc.oneof(
          fc.integer({ min: 0, max: 12 }),
          fc.integer({ min: 0, max: 300 }).map((w) => w / 100),
        ),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .filter((w) => w.some((v) => v > 0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), weights, (total, w) => {
        const { plan, native } = wholeSplitSheet(total, w);
        expect(plan).toEqual(native);
        expect(plan.flat().reduce((sum: number, part) => sum + (part as number), 0)).toBe(total);
      }),
      nativeFormulaRuns(100),
    );
  });
});

describe("PLAN.SPLIT: a realistic scenario", () => {
  it("spreads 137 annual deals over fiscal quarters by seasonality, in whole deals that add up to 137", () => {
    const { plan, native } = wholeSplitSheet(137, [1, 1.1, 0.7, 1.2]);
    // Exact shares 34.25, 37.675, 23.975, 41.1: whole parts 34, 37, 23, 41 and two units left for the
    // largest remainders (0.975 and 0.675).
    expect(plan).toEqual([[34], [38], [24], [41]]);
    expect(plan).toEqual(native);
  });
});

describe("PLAN.SPLIT: fuzzing", () => {
  it("returns finite parts shaped like the weights or throws a CustomFunctions.Error in the caller's language", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 4 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).split as (...a: unknown[]) => unknown)(...args),
          isFiniteGrid,
          locale,
          ["total", "weights", "whole", "PLAN.SPLIT"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("always gives whole parts that add up exactly to a whole total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc
          .array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((v) => v > 0)),
        (total, weights) => {
          const parts = call(total, [weights], true)[0]!;
          expect(parts.every(Number.isInteger)).toBe(true);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("PLAN.SPLIT: range size", () => {
  const column = (cells: number) => Array.from({ length: cells }, () => [1]);

  it("splits up to 100,000 weights, whole or not", () => {
    const parts = call(200_003, column(100_000), true);
    expect(parts.length).toBe(100_000);
    expect(parts.reduce((sum, [part]) => sum + part!, 0)).toBe(200_003);
  });

  it("refuses more than 100,000 weights, such as a whole column, naming the argument and the limit", () => {
    expect(valueError(() => call(10, column(100_001), true))).toBe(
      "weights must hold at most 100,000 cells (got 100,001)",
    );
    expect(valueError(() => french.split(10, column(1_048_576)))).toBe(
      "weights doit contenir au plus 100\u202F000 cellules (reçu : 1\u202F048\u202F576)",
    );
  });
});
