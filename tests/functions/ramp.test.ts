import fc from "fast-check";
import { ramp } from "../../src/functions/functions";
import { planFunctionsIn } from "../../src/functions/plan-functions";
import {
  anyArgument,
  anyLocale,
  expectResultOrCustomError,
  FUZZ_RUNS,
  isFiniteNumber,
  valueError,
} from "../helpers/custom-functions";
import { buildSheet } from "../helpers/plan-formula-engine";
import { nativeFormulaRuns } from "../helpers/test-scale";

const call = ramp as (...args: unknown[]) => number;
const french = planFunctionsIn("fr-FR");

describe("PLAN.RAMP: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call(2))).toBe("ramp is required");
  });

  it("refuses a ramp laid out in more than one row and column", () => {
    expect(
      valueError(() =>
        call(1, [
          [0.2, 0.4],
          [0.6, 0.8],
        ]),
      ),
    ).toBe("ramp must be a single row or column (got 2 rows × 2 columns)");
  });

  it("refuses a range for periods_since_hire", () => {
    expect(valueError(() => call([[1, 2]], [[3]]))).toBe("periods_since_hire must be a single value, not a range");
  });

  it("reads a single cell as the linear ramp's N and a row or a column as fractions per period", () => {
    expect(call(1, [[2]])).toBe(0.5);
    expect(call(1, [[0.2, 0.4, 0.6]])).toBe(0.4);
    expect(call(1, [[0.2], [0.4], [0.6]])).toBe(0.4);
    expect(call(1, 2)).toBe(0.5); // a bare number from a JavaScript caller is a one-cell range
  });

  it("reads a one-cell ramp as N even when it looks like a fraction, so a one-value list ends with 1", () => {
    expect(call(0, [[0.5]])).toBe(0); // linear over half a period: 0 in the hire period, 1 after
    expect(call(1, [[0.5]])).toBe(1);
    expect(call(0, [[0.5, 1]])).toBe(0.5);
  });
});

describe("PLAN.RAMP: types", () => {
  it("refuses text, naming the argument or the item", () => {
    expect(valueError(() => call("two", [[3]]))).toBe('periods_since_hire must be a number (got the text "two")');
    expect(valueError(() => call(1, [[0.25, "half", 0.75]]))).toBe(
      'item 2 of ramp must be a number (got the text "half")',
    );
  });

  it("counts an empty cell in a ramp list as 0 %, as INDEX over the list would", () => {
    const rows = [["25%", null, "75%", "=PLAN.RAMP(1, A1:C1)", "=PLAN.RAMP(2, A1:C1)"]];
    for (const emptyCellsAs of [null, 0] as const) {
      const sheet = buildSheet(rows, { emptyCellsAs });
      expect([sheet.value("D1"), sheet.value("E1")]).toEqual([0, 0.75]);
    }
  });

  it("reads an empty ramp cell as N = 0: productive at once", () => {
    expect(buildSheet([[null, "=PLAN.RAMP(0, A1)"]]).value("B1")).toBe(1);
  });
});

describe("PLAN.RAMP: domain", () => {
  it("refuses a fractional number of periods", () => {
    expect(valueError(() => call(1.5, [[3]]))).toBe("periods_since_hire must be a whole number of periods");
    expect(valueError(() => french.ramp(1.5, [[3]]))).toBe("periods_since_hire doit être un nombre entier de périodes");
  });

  it("refuses a negative N, saying both accepted forms", () => {
    expect(valueError(() => call(1, [[-3]]))).toBe(
      "ramp must be 0 or more periods, or a row or column of fractions from 0 to 1",
    );
  });

  it("refuses a fraction outside 0 to 1 (a percentage typed as 25 instead of 25 %)", () => {
    expect(valueError(() => call(0, [[25, 50, 75]]))).toBe("item 1 of ramp must be from 0 to 1");
    expect(valueError(() => french.ramp(0, [[0.25, -0.5]]))).toBe("l'élément 2 de ramp doit être compris entre 0 et 1");
  });

  it("refuses infinities", () => {
    expect(valueError(() => call(Number.POSITIVE_INFINITY, [[3]]))).toBe("periods_since_hire must be a finite number");
    expect(valueError(() => call(1, [[Number.POSITIVE_INFINITY]]))).toBe("ramp must be a finite number");
  });
});

describe("PLAN.RAMP: happy path", () => {
  it("gives a 3-period linear ramp: 0, 1/3, 2/3, then 1, and 0 before the hire", () => {
    expect([-1, 0, 1, 2, 3, 4].map((k) => call(k, [[3]]))).toEqual([0, 0, 1 / 3, 2 / 3, 1, 1]);
  });

  it("gives N = 0 full productivity from the hire period", () => {
    expect(call(0, [[0]])).toBe(1);
  });

  it("reads a list period by period and gives 1 once it ends", () => {
    expect([0, 1, 2, 3, 10].map((k) => call(k, [[0.25, 0.5, 0.75]]))).toEqual([0.25, 0.5, 0.75, 1, 1]);
  });

  it("matches IF(k<0, 0, IF(N=0, 1, MIN(k/N, 1))) and the INDEX formula over a list, on any valid ramp", () => {
    const linear = fc.tuple(
      fc.integer({ min: -3, max: 40 }),
      fc.oneof(fc.integer({ min: 0, max: 24 }), fc.double({ min: 0.1, max: 24, noNaN: true })),
    );
    const list = fc.tuple(
      fc.integer({ min: -3, max: 12 }),
      // Two values at least: a single cell is the linear ramp's N, not a one-value list.
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 8 }),
    );
    fc.assert(
      fc.property(linear, list, ([k, n], [j, percents]) => {
        const width = percents.length;
        const last = String.fromCharCode(64 + width);
        const sheet = buildSheet([
          percents.map((p) => `${p}%`),
          [k, n, "=PLAN.RAMP(A2, B2)", "=IF(A2<0, 0, IF(B2=0, 1, MIN(A2/B2, 1)))"],
          [
            j,
            null,
            `=PLAN.RAMP(A3, A1:${last}1)`,
            `=IF(A3<0, 0, IF(A3<COLUMNS(A1:${last}1), INDEX(A1:${last}1, 1, A3+1), 1))`,
          ],
        ]);
        expect(sheet.value("C2")).toBe(sheet.value("D2"));
        expect(sheet.value("C3")).toBe(sheet.value("D3"));
      }),
      nativeFormulaRuns(200),
    );
  });
});

describe("PLAN.RAMP: a realistic scenario", () => {
  it("gives a new account executive's productivity curve over the first six months from a ramp row", () => {
    // Month after hire in row 1, the enablement team's ramp in row 2, the curve in row 3.
    const sheet = buildSheet([
      [0, 1, 2, 3, 4, 5],
      ["0%", "20%", "50%", "80%"],
      [
        "=PLAN.RAMP(A1, $A$2:$D$2)",
        "=PLAN.RAMP(B1, $A$2:$D$2)",
        "=PLAN.RAMP(C1, $A$2:$D$2)",
        "=PLAN.RAMP(D1, $A$2:$D$2)",
        "=PLAN.RAMP(E1, $A$2:$D$2)",
        "=PLAN.RAMP(F1, $A$2:$D$2)",
      ],
      ["=SUM(A3:F3)"],
    ]);
    expect(["A3", "B3", "C3", "D3", "E3", "F3"].map((a1) => sheet.value(a1))).toEqual([0, 0.2, 0.5, 0.8, 1, 1]);
    expect(sheet.value("A4")).toBeCloseTo(3.5, 12); // 3.5 quota-months in the first half-year
  });
});

describe("PLAN.RAMP: fuzzing", () => {
  it("returns a fraction from 0 to 1 or throws a CustomFunctions.Error in the caller's language", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 3 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).ramp as (...a: unknown[]) => unknown)(...args),
          (value) => isFiniteNumber(value) && value >= 0 && value <= 1,
          locale,
          ["periods_since_hire", "ramp", "PLAN.RAMP"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
