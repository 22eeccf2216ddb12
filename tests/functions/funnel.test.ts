import fc from "fast-check";
import { funnel } from "../../src/functions/functions";
import { planFunctionsIn } from "../../src/functions/plan-functions";
import {
  anyArgument,
  anyLocale,
  expectResultOrCustomError,
  FUZZ_RUNS,
  isFiniteGrid,
  modelNumber,
  thrown,
  valueError,
} from "../helpers/custom-functions";
import { atExcelPrecision, buildSheet, excelRoundUp } from "../helpers/plan-formula-engine";
import { nativeFormulaRuns } from "../helpers/test-scale";

const call = funnel as (...args: unknown[]) => number[][];
const french = planFunctionsIn("fr-FR");
const PUBLISHED_RATES = [[0.1], [0.35], [0.5], [0.4]];

describe("PLAN.FUNNEL: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call(1_400_000, 100_000))).toBe("conversion_rates is required");
  });

  it("refuses rates laid out in more than one row and column, saying what it got", () => {
    expect(
      valueError(() =>
        call(1_400_000, 100_000, [
          [0.1, 0.35],
          [0.5, 0.4],
        ]),
      ),
    ).toBe("conversion_rates must be a single row or column (got 2 rows × 2 columns)");
    expect(
      valueError(() =>
        french.funnel(1_400_000, 100_000, [
          [0.1, 0.35],
          [0.5, 0.4],
        ]),
      ),
    ).toBe("conversion_rates doit être une seule ligne ou colonne (reçu : 2 lignes × 2 colonnes)");
  });

  it("refuses an empty or ragged array from a JavaScript caller", () => {
    expect(valueError(() => call(1, 1, []))).toBe("conversion_rates must hold at least one value");
    expect(valueError(() => call(1, 1, [[0.1], [0.2, 0.3]]))).toBe(
      "conversion_rates must be a cell, a row or a column of values",
    );
  });

  it("accepts a single rate, a row or a column, and always spills a column of stages then deals", () => {
    expect(call(1_400_000, 100_000, [[0.4]])).toEqual([[35], [14]]);
    expect(call(1_400_000, 100_000, [[0.1, 0.35, 0.5, 0.4]])).toEqual([[2000], [200], [70], [35], [14]]);
    expect(call(1_400_000, 100_000, PUBLISHED_RATES)).toEqual([[2000], [200], [70], [35], [14]]);
  });
});

describe("PLAN.FUNNEL: types", () => {
  it("refuses text among the rates, naming the item", () => {
    expect(valueError(() => call(1_400_000, 100_000, [[0.1], ["35 %"], [0.5]]))).toBe(
      'item 2 of conversion_rates must be a number (got the text "35 %")',
    );
  });

  it("reads round_up as a logical value: TRUE, FALSE, or a number (0 is FALSE)", () => {
    expect(call(1_000_000, 30_000, [[0.3]], 0)[1]![0]).toBeCloseTo(33.3333333333, 9);
    expect(call(1_000_000, 30_000, [[0.3]], 1)).toEqual([[114], [34]]);
    expect(valueError(() => call(1_000_000, 30_000, [[0.3]], "yes"))).toBe(
      'round_up must be TRUE or FALSE (got the text "yes")',
    );
  });

  it("counts a blank among the rates as 0, which no rate may be, on the web and on desktop alike", () => {
    const rows = [["10%"], ["35%"], [null], ["40%"], ["=PLAN.FUNNEL(1400000, 100000, A1:A4)"]];
    for (const emptyCellsAs of [null, 0] as const) {
      expect(buildSheet(rows, { emptyCellsAs }).error("A5").message).toBe(
        "item 3 of conversion_rates must be greater than 0 and at most 1",
      );
    }
  });
});

describe("PLAN.FUNNEL: domain", () => {
  it("refuses a rate of 0 or above 100 %, naming the item", () => {
    expect(valueError(() => call(1_400_000, 100_000, [[0.1], [0]]))).toBe(
      "item 2 of conversion_rates must be greater than 0 and at most 1",
    );
    expect(valueError(() => french.funnel(1_400_000, 100_000, [[1.4]]))).toBe(
      "l'élément 1 de conversion_rates doit être supérieur à 0 et au plus égal à 1",
    );
  });

  it("refuses a negative target, a deal value of 0 and NaN", () => {
    expect(valueError(() => call(-1, 100_000, PUBLISHED_RATES))).toBe("revenue_target must be 0 or more");
    expect(valueError(() => call(1_400_000, 0, PUBLISHED_RATES))).toBe("average_deal_value must be greater than 0");
    expect(valueError(() => call(1_400_000, 100_000, [[Number.NaN]]))).toBe(
      "item 1 of conversion_rates must be a finite number",
    );
  });

  it("answers #VALUE! with a message when a volume or the deals are beyond Excel's number range", () => {
    expect(thrown(() => call(1e308, 1, [[1e-10]])).code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(thrown(() => call(1e308, 1e-300, [[0.5]]))).toEqual({
      code: CustomFunctions.ErrorCode.invalidValue,
      message: "PLAN.FUNNEL cannot give a result within Excel's number range for these arguments",
    });
  });
});

describe("PLAN.FUNNEL: happy path", () => {
  it("computes the published example: 1,400,000 at 100,000 a deal through 10 %, 35 %, 50 % and 40 %", () => {
    expect(call(1_400_000, 100_000, PUBLISHED_RATES)).toEqual([[2000], [200], [70], [35], [14]]);
  });

  it("rounds every stage up from the rounded stage below, as a chain of ROUNDUP does", () => {
    // 33.3 → 34 deals; 34 / 0.3 = 113.3 → 114 proposals; 114 / 0.3 = 380 meetings (not 370.4 → 371).
    expect(call(1_000_000, 30_000, [[0.3], [0.3]])).toEqual([[380], [114], [34]]);
  });

  it("gives exact volumes with round_up FALSE", () => {
    const [meetings, proposals, deals] = call(1_000_000, 30_000, [[0.3], [0.3]], false).map((row) => row[0]!);
    expect(deals).toBeCloseTo(33.333333333333, 10);
    expect(proposals).toBeCloseTo(111.111111111111, 10);
    expect(meetings).toBeCloseTo(370.37037037037, 9);
  });

  it("does not turn binary noise into an extra lead: 21 deals at 70 % need 30 proposals, not 31", () => {
    expect(call(2_100_000, 100_000, [[0.7]])).toEqual([[30], [21]]);
  });

  it("spills as many cells as a column of ROUNDUP(next/rate, 0) formulas, with the same numbers", () => {
    const sheet = buildSheet([
      [1_400_000, 100_000, "=PLAN.FUNNEL(A1, B1, A3:A6)", "=ROUNDUP(D2/A3, 0)"],
      [null, null, null, "=ROUNDUP(D3/A4, 0)"],
      ["10%", null, null, "=ROUNDUP(D4/A5, 0)"],
      ["35%", null, null, "=ROUNDUP(D5/A6, 0)"],
      ["50%", null, null, "=ROUNDUP(A1/B1, 0)"],
      ["40%"],
    ]);
    // The native column is written bottom-up from the deals in D5; read top-down it is D1:D5.
    const native = ["D1", "D2", "D3", "D4", "D5"].map((a1) => [sheet.value(a1)]);
    expect(sheet.spill("C1")).toEqual(native);
    expect(sheet.spill("C1")).toEqual([[2000], [200], [70], [35], [14]]);
  });

  it("matches the native chain on any valid funnel, in both rounding modes, with the same spill size", () => {
    const rates = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 });
    const target = modelNumber(5e7);
    const dealValue = modelNumber(5e5).filter((value) => value >= 1);
    fc.assert(
      fc.property(target, dealValue, rates, fc.boolean(), (revenue, deal, percents, roundUp) => {
        const n = percents.length;
        const step = (expression: string) => (roundUp ? `=${excelRoundUp(expression)}` : `=${expression}`);
        // Column A: the rates; column B: PLAN.FUNNEL; column C: stage k = stage k+1 / rate k, deals at the bottom.
        const rows: (string | number | null)[][] = [[revenue, deal, null]];
        percents.forEach((percent, k) => rows.push([`${percent}%`, null, step(`C${k + 3}/A${k + 2}`)]));
        rows.push([null, null, step("A1/B1")]);
        rows[1]![1] = `=PLAN.FUNNEL(A1, B1, A2:A${n + 1}, ${roundUp ? "TRUE()" : "FALSE()"})`;
        const sheet = buildSheet(rows);
        const native = Array.from({ length: n + 1 }, (_, k) => [sheet.value(`C${k + 2}`)]);
        expect(atExcelPrecision(sheet.spill("B2"))).toEqual(atExcelPrecision(native));
      }),
      nativeFormulaRuns(100),
    );
  });
});

describe("PLAN.FUNNEL: a realistic scenario", () => {
  it("back-calculates a quarter's outbound funnel from a rates table a sales-ops analyst maintains", () => {
    const sheet = buildSheet([
      ["Quarterly target", 750_000],
      ["Average deal", 18_500],
      ["Stage", "Conversion to next"],
      ["Emails sent", "6%"],
      ["Replies", "40%"],
      ["Discovery calls", "55%"],
      ["Demos", "45%"],
      ["Proposals", "38%"],
      ["=PLAN.FUNNEL(B1, B2, B4:B8)"],
    ]);
    // Deals 750000/18500 = 40.5 → 41; proposals 41/0.38 = 107.9 → 108; demos 240; calls 437 (436.4);
    // replies 1093 (1092.5); emails 18217 (18216.7).
    expect(sheet.spill("A9")).toEqual([[18217], [1093], [437], [240], [108], [41]]);
  });
});

describe("PLAN.FUNNEL: fuzzing", () => {
  it("returns a column of finite numbers or throws a CustomFunctions.Error in the caller's language", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 5 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).funnel as (...a: unknown[]) => unknown)(...args),
          (value) => isFiniteGrid(value) && value.every((row) => row.length === 1 && row[0]! >= 0),
          locale,
          ["revenue_target", "average_deal_value", "conversion_rates", "round_up", "PLAN.FUNNEL"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("never throws for valid rates and spills one more cell than there are rates", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e12, noNaN: true }),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        (revenue, deal, rates, roundUp) => {
          const result = call(revenue, deal, [rates], roundUp);
          expect(result.length).toBe(rates.length + 1);
          expect(isFiniteGrid(result)).toBe(true);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
