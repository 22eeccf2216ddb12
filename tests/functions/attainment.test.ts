import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { attainment } from "../../src/functions/functions";
import { planFunctionsIn } from "../../src/functions/plan-functions";
import {
  anyArgument,
  anyLocale,
  expectResultOrCustomError,
  FUZZ_RUNS,
  isFiniteNumber,
  valueError,
} from "../helpers/custom-functions";
import { atExcelPrecision, buildSheet } from "../helpers/plan-formula-engine";
import { nativeFormulaRuns } from "../helpers/test-scale";

const call = attainment as (...args: unknown[]) => number;
const french = planFunctionsIn("fr-FR");

type Pair = readonly [RawCellContent, RawCellContent];

/**
 * A rep per row from row 3: actual in A, quota in B; C flags the pairs counted (neither cell blank, not two zeros),
 * D whether the rep reached the threshold in D1. The native team attainment is SUMPRODUCT(counted, actuals) ÷
 * SUMPRODUCT(counted, quotas); the native share of reps is SUM(reached) ÷ SUM(counted). Empty cells reach PLAN.*
 * as on the web (null) unless `emptyCellsAs` says otherwise.
 */
function attainmentSheet(pairs: readonly Pair[], threshold: RawCellContent, emptyCellsAs: null | 0 = null) {
  const last = 2 + pairs.length;
  const range = (column: string) => `${column}3:${column}${last}`;
  const rows: RawCellContent[][] = [
    [
      `=SUMPRODUCT(${range("C")},${range("A")})/SUMPRODUCT(${range("C")},${range("B")})`,
      `=PLAN.ATTAINMENT(${range("A")}, ${range("B")})`,
      `=SUM(${range("D")})/SUM(${range("C")})`,
      threshold,
      `=PLAN.ATTAINMENT(${range("A")}, ${range("B")}, D1)`,
    ],
    ["actual", "quota", "counted", "reached"],
  ];
  pairs.forEach(([actual, quota], k) => {
    const r = 3 + k;
    rows.push([
      actual,
      quota,
      `=IF(AND(A${r}<>"",B${r}<>"",OR(A${r}<>0,B${r}<>0)),1,0)`,
      `=IF(C${r}=1,IF(A${r}/B${r}>=$D$1,1,0),0)`,
    ]);
  });
  const sheet = buildSheet(rows, { emptyCellsAs });
  return {
    team: { plan: sheet.value("B1"), native: sheet.value("A1") },
    share: { plan: sheet.value("E1"), native: sheet.value("C1") },
    sheet,
  };
}

describe("PLAN.ATTAINMENT: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call())).toBe("actuals is required");
    expect(valueError(() => call([[1]]))).toBe("quotas is required");
  });

  it("refuses quotas of another shape than the actuals, naming the shape expected", () => {
    expect(valueError(() => call([[90, 120, 50]], [[100], [100], [100]]))).toBe(
      "quotas must have the same shape as actuals (1 rows × 3 columns)",
    );
    expect(valueError(() => french.attainment([[90], [120]], [[100], [100], [100]]))).toBe(
      "quotas doit avoir la même forme que actuals (2 lignes × 1 colonnes)",
    );
  });

  it("refuses a rectangle, and a range for the threshold", () => {
    expect(
      valueError(() =>
        call(
          [
            [1, 2],
            [3, 4],
          ],
          [[1]],
        ),
      ),
    ).toBe("actuals must be a single row or column (got 2 rows × 2 columns)");
    expect(valueError(() => call([[1]], [[1]], [[1], [2]]))).toBe("threshold must be a single value, not a range");
  });
});

describe("PLAN.ATTAINMENT: types", () => {
  it("refuses text among the actuals, in English and French", () => {
    expect(valueError(() => call([[90], ["120"]], [[100], [100]]))).toBe(
      'item 2 of actuals must be a number (got the text "120")',
    );
    expect(valueError(() => french.attainment([[90]], [[true]]))).toBe(
      "l'élément 1 de quotas doit être un nombre (reçu : VRAI)",
    );
  });
});

describe("PLAN.ATTAINMENT: blanks", () => {
  it("skips a pair with a blank cell on the web, and a pair of two blank cells on desktop too", () => {
    const pairs: Pair[] = [
      [90, 100],
      [null, 100],
      [50, null],
      [null, null],
    ];
    const web = attainmentSheet(pairs, 0.9);
    expect(web.team.plan).toBe(0.9);
    expect(web.share.plan).toBe(1);
    // Desktop passes every blank as 0: the two-blank pair is still skipped (two zeros), the blank actual beside a
    // quota of 100 counts as a rep at 0, and the actual of 50 beside a blank quota adds to the team's sum.
    const desktop = attainmentSheet(pairs, 0.9, 0);
    expect(desktop.team.plan).toBeCloseTo(140 / 200, 15);
    expect(desktop.sheet.error("E1").message).toBe(
      "item 3 of quotas must be greater than 0 beside an actual: a rep's attainment is actual ÷ quota",
    );
  });

  it("counts a 0 typed beside a quota as a rep who sold nothing", () => {
    expect(call([[0, 100]], [[100, 100]], 1)).toBe(0.5);
  });
});

describe("PLAN.ATTAINMENT: domain", () => {
  it("refuses a quota of 0 beside an actual when measuring reps, in English and French", () => {
    expect(valueError(() => call([[10], [100]], [[0], [100]], 1))).toBe(
      "item 1 of quotas must be greater than 0 beside an actual: a rep's attainment is actual ÷ quota",
    );
    expect(valueError(() => french.attainment([[10]], [[0]], 1))).toBe(
      "l'élément 1 de quotas doit être supérieur à 0 à côté d'un réalisé : l'atteinte d'un commercial est réalisé ÷ quota",
    );
  });

  it("refuses quotas adding up to 0 over the pairs counted", () => {
    expect(valueError(() => call([[10, null]], [[0, 100]]))).toBe(
      "quotas must hold a quota greater than 0 in at least one pair (pairs with a blank cell, or two zeros, are skipped)",
    );
  });

  it("refuses negative values and a negative threshold", () => {
    expect(valueError(() => call([[-1]], [[1]]))).toBe("item 1 of actuals must be 0 or more");
    expect(valueError(() => call([[1]], [[1]], -0.5))).toBe("threshold must be 0 or more");
  });
});

describe("PLAN.ATTAINMENT: happy path", () => {
  it("gives the team's attainment, and with a threshold the share of reps at or above it", () => {
    expect(call([[90, 120, 50]], [[100, 100, 100]])).toBeCloseTo(260 / 300, 15);
    expect(call([[90, 120, 50]], [[100, 100, 100]], 1)).toBeCloseTo(1 / 3, 15);
    expect(call([[90, 100, 50]], [[100, 100, 100]], 0.9)).toBeCloseTo(2 / 3, 15);
  });

  it("matches SUMPRODUCT over the pairs counted, and the share of reps reaching a threshold, on any team", () => {
    const filled = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 300 }));
    const pair = fc.oneof(
      { weight: 6, arbitrary: filled },
      { weight: 1, arbitrary: fc.constantFrom<Pair>([null, 100], [40, null], [null, null], [0, 0]) },
    );
    fc.assert(
      fc.property(
        filled,
        fc.array(pair, { maxLength: 15 }),
        fc.integer({ min: 0, max: 150 }),
        (first, others, percent) => {
          const { team, share } = attainmentSheet([first, ...others], `${percent}%`);
          expect(typeof team.plan).toBe("number");
          expect(atExcelPrecision(team.plan)).toBe(atExcelPrecision(team.native));
          expect(atExcelPrecision(share.plan)).toBe(atExcelPrecision(share.native));
        },
      ),
      nativeFormulaRuns(100),
    );
  });
});

describe("PLAN.ATTAINMENT: fuzzing", () => {
  it("returns a finite attainment of 0 or more or throws a CustomFunctions.Error in the caller's language", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 3 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).attainment as (...a: unknown[]) => unknown)(...args),
          (value) => isFiniteNumber(value) && value >= 0,
          locale,
          ["actuals", "quotas", "threshold", "PLAN.ATTAINMENT"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
