import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { pipeline } from "../../src/functions/functions";
import { planFunctionsIn } from "../../src/functions/plan-functions";
import {
  anyArgument,
  anyLocale,
  expectResultOrCustomError,
  FUZZ_RUNS,
  isFiniteGrid,
  modelNumber,
  valueError,
} from "../helpers/custom-functions";
import { atExcelPrecision, buildSheet } from "../helpers/plan-formula-engine";
import { nativeFormulaRuns } from "../helpers/test-scale";

const call = pipeline as (...args: unknown[]) => number[][];
const french = planFunctionsIn("fr-FR");

/**
 * Pipeline timing as a modeler writes it: coverage in B1, lag in B2, new-business share in B3, bookings down column A
 * from row 4; column C reads the bookings lag periods later with INDEX (0 beyond the plan); PLAN.PIPELINE spills in D.
 */
function pipelineSheet(bookings: readonly RawCellContent[], coverage: RawCellContent, lag: number, share: string) {
  const last = 3 + bookings.length;
  const range = `$A$4:$A$${last}`;
  const rows: RawCellContent[][] = [
    ["coverage", coverage],
    ["lag", lag],
    ["share", share],
  ];
  bookings.forEach((value, t) => {
    rows.push([
      value,
      null,
      `=IF(${t + 1}+$B$2<=ROWS(${range}), INDEX(${range}, ${t + 1}+$B$2, 1)*$B$3*$B$1, 0)`,
      t === 0 ? `=PLAN.PIPELINE(A4:A${last}, B1, B2, B3)` : null,
    ]);
  });
  const sheet = buildSheet(rows);
  return { plan: sheet.spill("D4"), native: bookings.map((_, t) => [sheet.value(`C${4 + t}`)]) };
}

describe("PLAN.PIPELINE: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call())).toBe("bookings is required");
    expect(valueError(() => call([[100]]))).toBe("coverage is required");
  });

  it("keeps the shape of the bookings: a row gives a row, a column a column", () => {
    expect(call([[100, 200, 300]], 3, 1)).toEqual([[600, 900, 0]]);
    expect(call([[100], [200], [300]], 3, 1)).toEqual([[600], [900], [0]]);
  });

  it("refuses bookings laid out in more than one row and column, and a range for the coverage", () => {
    expect(
      valueError(() =>
        call(
          [
            [1, 2],
            [3, 4],
          ],
          3,
        ),
      ),
    ).toBe("bookings must be a single row or column (got 2 rows × 2 columns)");
    expect(valueError(() => call([[1]], [[3], [4]]))).toBe("coverage must be a single value, not a range");
  });
});

describe("PLAN.PIPELINE: types", () => {
  it("refuses text among the bookings and in the lag, in English and French", () => {
    expect(valueError(() => call([[100], ["200"]], 3))).toBe(
      'item 2 of bookings must be a number (got the text "200")',
    );
    expect(valueError(() => french.pipeline([[100]], 3, "one"))).toBe(
      "lag_periods doit être un nombre (reçu : le texte « one »)",
    );
  });

  it("counts an empty booking as 0 and takes an omitted lag and share as 0 and 1, on the web and on desktop", () => {
    const rows = [[100, null, 300, "=PLAN.PIPELINE(A1:C1, 2)"]];
    for (const emptyCellsAs of [null, 0] as const) {
      expect(buildSheet(rows, { emptyCellsAs }).spill("D1")).toEqual([[200, 0, 600]]);
    }
  });
});

describe("PLAN.PIPELINE: domain", () => {
  it("refuses a fractional or negative lag, naming the accepted range", () => {
    expect(valueError(() => call([[1]], 3, 1.5))).toBe("lag_periods must be a whole number, 0 or more");
    expect(valueError(() => call([[1]], 3, -1))).toBe("lag_periods must be a whole number, 0 or more");
    expect(valueError(() => french.pipeline([[1]], 3, -1))).toBe(
      "lag_periods doit être un nombre entier supérieur ou égal à 0",
    );
  });

  it("refuses a share outside [0, 1], a negative coverage and negative bookings", () => {
    expect(valueError(() => call([[1]], 3, 0, 1.5))).toBe("new_business_share must be from 0 to 1");
    expect(valueError(() => call([[1]], -3))).toBe("coverage must be 0 or more");
    expect(valueError(() => call([[1], [-5]], 3))).toBe("item 2 of bookings must be 0 or more");
  });
});

describe("PLAN.PIPELINE: happy path", () => {
  it("creates the pipeline lag periods ahead of the new business it closes, 0 beyond the plan", () => {
    // 200 × 0.5 × 3 = 300; 300 × 0.5 × 3 = 450; nothing planned after period 3.
    expect(call([[100, 200, 300]], 3, 1, 0.5)).toEqual([[300, 450, 0]]);
    expect(call([[100, 200, 300]], 3, 5)).toEqual([[0, 0, 0]]);
  });

  it("matches INDEX(bookings, t + lag) × share × coverage on any valid plan, spill size included", () => {
    fc.assert(
      fc.property(
        fc.array(modelNumber(1e6), { minLength: 1, maxLength: 24 }),
        modelNumber(10),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 100 }),
        (bookings, coverage, lag, percent) => {
          const { plan, native } = pipelineSheet(bookings, coverage, lag, `${percent}%`);
          expect(atExcelPrecision(plan)).toEqual(atExcelPrecision(native));
        },
      ),
      nativeFormulaRuns(100),
    );
  });
});

describe("PLAN.PIPELINE: a realistic scenario", () => {
  it("plans a year of pipeline creation at 3x coverage, a one-quarter sales cycle and 70 % new business", () => {
    const bookings = [80, 90, 120, 100, 110, 150, 120, 130, 180, 140, 150, 220].map((k) => k * 1000);
    const { plan, native } = pipelineSheet(bookings, "=1/33%", 3, "70%");
    expect(atExcelPrecision(plan)).toEqual(atExcelPrecision(native));
    // The last quarter's creation feeds next year's bookings, which this plan does not hold.
    expect(plan.slice(9)).toEqual([[0], [0], [0]]);
    expect(plan[0]![0]).toBeCloseTo(100_000 * 0.7 * (1 / 0.33), 6);
  });
});

describe("PLAN.PIPELINE: fuzzing", () => {
  it("returns amounts shaped like the bookings or throws a CustomFunctions.Error in the caller's language", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 5 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).pipeline as (...a: unknown[]) => unknown)(...args),
          (value) => isFiniteGrid(value) && value.flat().every((v) => v >= 0),
          locale,
          ["bookings", "coverage", "lag_periods", "new_business_share", "PLAN.PIPELINE"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
