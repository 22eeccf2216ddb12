import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { hires } from "../../src/functions/functions";
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
import { atExcelPrecision, buildSheet, excelRoundUp } from "../helpers/plan-formula-engine";
import { nativeFormulaRuns } from "../helpers/test-scale";

const call = hires as (...args: unknown[]) => number[][];
const french = planFunctionsIn("fr-FR");

/**
 * The hiring rule as a modeler writes it: starting headcount in B1, monthly attrition in B2, targets down column A
 * from row 4; column C the hires, column D the expected headcount after each month; PLAN.HIRES spills in column E.
 */
function hiringSheet(targets: readonly RawCellContent[], starting: RawCellContent, rate: RawCellContent) {
  const rows: RawCellContent[][] = [
    ["starting", starting],
    ["attrition", rate],
    ["target", "hires", "native", "headcount", "PLAN"],
  ];
  targets.forEach((target, t) => {
    const r = 4 + t;
    const previous = t === 0 ? "$B$1" : `D${r - 1}`;
    rows.push([
      target,
      null,
      `=MAX(0, ${excelRoundUp(`A${r}-${previous}*(1-$B$2)`)})`,
      `=${previous}*(1-$B$2)+C${r}`,
      t === 0 ? `=PLAN.HIRES(A4:A${3 + targets.length}, B1, B2)` : null,
    ]);
  });
  const sheet = buildSheet(rows);
  return {
    plan: sheet.spill("E4"),
    native: targets.map((_, t) => [sheet.value(`C${4 + t}`)]),
  };
}

describe("PLAN.HIRES: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call())).toBe("target_headcount is required");
  });

  it("refuses targets laid out in more than one row and column", () => {
    expect(
      valueError(() =>
        call([
          [10, 12],
          [14, 16],
        ]),
      ),
    ).toBe("target_headcount must be a single row or column (got 2 rows × 2 columns)");
  });

  it("keeps the shape of the targets: a row gives a row, a column a column, one cell one cell", () => {
    expect(call([[5, 5, 8]])).toEqual([[5, 0, 3]]);
    expect(call([[5], [5], [8]])).toEqual([[5], [0], [3]]);
    expect(call([[5]], 2)).toEqual([[3]]);
  });

  it("refuses a range for starting_headcount", () => {
    expect(valueError(() => call([[5]], [[1], [2]]))).toBe("starting_headcount must be a single value, not a range");
  });
});

describe("PLAN.HIRES: types", () => {
  it("refuses text among the targets and in the rate", () => {
    expect(valueError(() => call([[10], ["twelve"]]))).toBe(
      'item 2 of target_headcount must be a number (got the text "twelve")',
    );
    expect(valueError(() => french.hires([[10]], 8, "2 %"))).toBe(
      "attrition_rate doit être un nombre (reçu : le texte « 2 % »)",
    );
  });

  it("counts an empty target as 0 (no hires) and takes omitted starting headcount and rate as 0", () => {
    const rows = [[4, null, 6, "=PLAN.HIRES(A1:C1)"]];
    for (const emptyCellsAs of [null, 0] as const) {
      expect(buildSheet(rows, { emptyCellsAs }).spill("D1")).toEqual([[4, 0, 2]]);
    }
  });
});

describe("PLAN.HIRES: domain", () => {
  it("refuses a negative target and a negative starting headcount", () => {
    expect(valueError(() => call([[10], [-1]]))).toBe("item 2 of target_headcount must be 0 or more");
    expect(valueError(() => call([[10]], -2))).toBe("starting_headcount must be 0 or more");
  });

  it("refuses an attrition rate of 100 % or more, or negative", () => {
    expect(valueError(() => call([[10]], 8, 1))).toBe("attrition_rate must be 0 or more and less than 1");
    expect(valueError(() => call([[10]], 8, -0.1))).toBe("attrition_rate must be 0 or more and less than 1");
    expect(valueError(() => french.hires([[10]], 8, 1))).toBe(
      "attrition_rate doit être supérieur ou égal à 0 et inférieur à 1",
    );
  });

  it("refuses NaN", () => {
    expect(valueError(() => call([[Number.NaN]]))).toBe("item 1 of target_headcount must be a finite number");
  });
});

describe("PLAN.HIRES: happy path", () => {
  it("hires whole people to reach each target despite 2 % monthly attrition, and fires nobody", () => {
    // 8 × 0.98 = 7.84 → 3 hires (10.84); 10.62 → 2 (12.62); 12.37 ≥ 12 → 0; 12.12 → 3.
    expect(call([[10], [12], [12], [15]], 8, 0.02)).toEqual([[3], [2], [0], [3]]);
    expect(call([[10], [4]], 10)).toEqual([[0], [0]]);
  });

  it("rounds any fractional shortfall up to a whole hire", () => {
    expect(call([[0.3]])).toEqual([[1]]);
    expect(call([[10.2]], 10)).toEqual([[1]]);
  });

  it("matches the MAX(0, ROUNDUP(target − previous × (1 − rate), 0)) chain on any valid plan, spill size included", () => {
    const targets = fc.array(modelNumber(60), {
      minLength: 1,
      maxLength: 24,
    });
    fc.assert(
      fc.property(targets, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 99 }), (t, start, percent) => {
        const { plan, native } = hiringSheet(t, start, `${percent / 10}%`);
        expect(atExcelPrecision(plan)).toEqual(atExcelPrecision(native));
      }),
      nativeFormulaRuns(100),
    );
  });
});

describe("PLAN.HIRES: a realistic scenario", () => {
  it("plans two years of SDR hiring toward a growing team with 25 % yearly attrition compounded monthly", () => {
    const targets = [8, 8, 10, 10, 10, 12, 12, 12, 14, 14, 14, 16, 16, 16, 18, 18, 18, 20, 20, 20, 22, 22, 22, 24];
    const { plan, native } = hiringSheet(targets, 6, "=1-(1-25%)^(1/12)");
    expect(plan.length).toBe(24);
    expect(plan).toEqual(native);
    const total = plan.flat().reduce((sum: number, value) => sum + (value as number), 0);
    // 18 net new seats plus replacements for roughly a quarter of the team each year.
    expect(total).toBeGreaterThan(18);
    expect(total).toBeLessThan(18 + 2 * 0.25 * 24);
  });
});

describe("PLAN.HIRES: fuzzing", () => {
  it("returns whole hires shaped like the targets or throws a CustomFunctions.Error in the caller's language", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 4 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).hires as (...a: unknown[]) => unknown)(...args),
          (value) => isFiniteGrid(value) && value.flat().every((v) => Number.isInteger(v) && v >= 0),
          locale,
          ["target_headcount", "starting_headcount", "attrition_rate", "PLAN.HIRES"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("PLAN.HIRES: floating-point noise", () => {
  it("hires nobody when the target is the headcount in place to 15 digits (0.1 × 3 with 0.3 people)", () => {
    expect(call([[0.1 * 3]], 0.3)).toEqual([[0]]);
    expect(call([[0.1 * 3], [1.3]], 0.3)).toEqual([[0], [1]]);
  });
});
