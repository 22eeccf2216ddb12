import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { pace } from "../../src/functions/functions";
import { planFunctionsIn } from "../../src/functions/plan-functions";
import {
  anyArgument,
  anyLocale,
  expectResultOrCustomError,
  FUZZ_RUNS,
  isFiniteNumber,
  modelNumber,
  valueError,
} from "../helpers/custom-functions";
import { atExcelPrecision, buildSheet } from "../helpers/plan-formula-engine";
import { nativeFormulaRuns } from "../helpers/test-scale";

const call = pace as (...args: unknown[]) => number;
const french = planFunctionsIn("fr-FR");

/**
 * Actual to date in A1, target B1, elapsed C1, total D1; E1 the native projection, F1 PLAN.PACE. With weights: the
 * weights across row 2, their positions 1, 2, 3… across row 3, and the elapsed share read with SUMIFS.
 */
function paceSheet(actual: RawCellContent, target: RawCellContent, elapsed: number, total: number, weights?: number[]) {
  const column = (k: number) => String.fromCharCode(65 + k);
  if (weights === undefined) {
    const sheet = buildSheet([[actual, target, elapsed, total, "=(A1/(C1/D1))/B1", "=PLAN.PACE(A1, B1, C1, D1)"]]);
    return { plan: sheet.value("F1"), native: sheet.value("E1") };
  }
  const row = (r: number) => `A${r}:${column(weights.length - 1)}${r}`;
  const sheet = buildSheet([
    [
      actual,
      target,
      elapsed,
      total,
      `=(A1/(SUMIFS(${row(2)},${row(3)},"<="&C1)/SUM(${row(2)})))/B1`,
      `=PLAN.PACE(A1, B1, C1, D1, ${row(2)})`,
    ],
    weights,
    weights.map((_, k) => k + 1),
  ]);
  return { plan: sheet.value("F1"), native: sheet.value("E1") };
}

describe("PLAN.PACE: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call())).toBe("actual_to_date is required");
    expect(valueError(() => call(1, 10, 1))).toBe("total is required");
  });

  it("refuses a range where a single value is expected and a rectangle of weights", () => {
    expect(valueError(() => call([[1], [2]], 10, 1, 3))).toBe("actual_to_date must be a single value, not a range");
    expect(
      valueError(() =>
        call(1, 10, 1, 4, [
          [1, 1],
          [1, 1],
        ]),
      ),
    ).toBe("weights must be a single row or column (got 2 rows × 2 columns)");
  });
});

describe("PLAN.PACE: types", () => {
  it("refuses text, in English and French", () => {
    expect(valueError(() => call("300k", 10, 1, 3))).toBe('actual_to_date must be a number (got the text "300k")');
    expect(valueError(() => french.pace(1, 10, "un", 3))).toBe("elapsed doit être un nombre (reçu : le texte « un »)");
  });

  it("reads omitted weights as the time elapsed", () => {
    expect(buildSheet([["=PLAN.PACE(300000, 1000000, 30, 90)"]]).value("A1")).toBeCloseTo(0.9, 15);
  });
});

describe("PLAN.PACE: domain", () => {
  it("refuses nothing elapsed rather than answering 0, and more elapsed than the period, in English and French", () => {
    expect(valueError(() => call(1, 10, 0, 90))).toBe("elapsed must be greater than 0 and at most total (90)");
    expect(valueError(() => call(1, 10, 91, 90))).toBe("elapsed must be greater than 0 and at most total (90)");
    expect(valueError(() => french.pace(1, 10, 0, 2.5))).toBe(
      "elapsed doit être supérieur à 0 et au plus égal à total (2,5)",
    );
  });

  it("with weights, refuses an elapsed count outside 1..weights, a total other than their number, elapsed weights all 0", () => {
    expect(valueError(() => call(1, 10, 0, 3, [[1, 1, 2]]))).toBe(
      "elapsed must be a whole number from 1 to the number of weights (3)",
    );
    expect(valueError(() => call(1, 10, 1, 90, [[1, 1, 2]]))).toBe(
      "total must be the number of weights (3) when weights are given",
    );
    expect(valueError(() => call(1, 10, 1, 3, [[0, 1, 2]]))).toBe(
      "weights must not all be 0 in the first 1 sub-periods",
    );
    expect(valueError(() => french.pace(1, 10, 1, 3, [[0, 0, 0]]))).toBe("weights ne doivent pas tous valoir zéro");
  });

  it("refuses a target of 0 and negative bookings", () => {
    expect(valueError(() => call(1, 0, 1, 3))).toBe("target must be greater than 0");
    expect(valueError(() => call(-1, 10, 1, 3))).toBe("actual_to_date must be 0 or more");
  });
});

describe("PLAN.PACE: happy path", () => {
  it("projects 300,000 booked after 30 of 90 days to 0.9 of a 1,000,000 target", () => {
    expect(call(300_000, 1_000_000, 30, 90)).toBeCloseTo(0.9, 15);
  });

  it("reads a back-loaded quarter (months weighted 1, 1, 2) as ahead after one month, behind after two", () => {
    expect(call(300_000, 1_000_000, 1, 3, [[1, 1, 2]])).toBeCloseTo(1.2, 15);
    expect(call(300_000, 1_000_000, 2, 3, [[1], [1], [2]])).toBeCloseTo(0.6, 15);
  });

  it("matches (actual / (elapsed / total)) / target typed into a spreadsheet", () => {
    fc.assert(
      fc.property(
        modelNumber(1e7),
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 0, max: 365 }),
        (actual, target, total, extra) => {
          const elapsed = 1 + (extra % total);
          const { plan, native } = paceSheet(actual, target, elapsed, total);
          expect(typeof plan).toBe("number");
          expect(atExcelPrecision(plan)).toBe(atExcelPrecision(native));
        },
      ),
      nativeFormulaRuns(100),
    );
  });

  it("matches the SUMIFS of the elapsed weights over the sum of the weights, for any weights", () => {
    fc.assert(
      fc.property(
        modelNumber(1e7),
        fc.integer({ min: 1, max: 1e7 }),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 5, noNaN: true })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.nat(),
        (actual, target, rest, pick) => {
          const weights = [1, ...rest];
          const elapsed = 1 + (pick % weights.length);
          const { plan, native } = paceSheet(actual, target, elapsed, weights.length, weights);
          expect(typeof plan).toBe("number");
          expect(atExcelPrecision(plan)).toBe(atExcelPrecision(native));
        },
      ),
      nativeFormulaRuns(100),
    );
  });
});

describe("PLAN.PACE: fuzzing", () => {
  it("returns a finite projection of 0 or more or throws a CustomFunctions.Error in the caller's language", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 5 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).pace as (...a: unknown[]) => unknown)(...args),
          (value) => isFiniteNumber(value) && value >= 0,
          locale,
          ["actual_to_date", "target", "elapsed", "total", "weights", "PLAN.PACE"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
