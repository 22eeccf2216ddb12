import fc from "fast-check";
import { repsNeeded } from "../../src/functions/functions";
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
import { atExcelPrecision, buildSheet, excelRoundUp } from "../helpers/plan-formula-engine";
import { nativeFormulaRuns } from "../helpers/test-scale";

const call: (...args: unknown[]) => number = repsNeeded;
const french = planFunctionsIn("fr-FR");

describe("PLAN.REPSNEEDED: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call(1_200_000))).toBe("quota_per_rep is required");
  });

  it("refuses a range where a single value is expected", () => {
    expect(valueError(() => call(1_200_000, [[100_000, 90_000]]))).toBe(
      "quota_per_rep must be a single value, not a range",
    );
  });

  it("is refused by the formula engine with too many arguments, as Excel refuses it", () => {
    expect(buildSheet([["=PLAN.REPSNEEDED(1, 2, 0.5, 4)"]]).error("A1").type).toBe("NA");
  });
});

describe("PLAN.REPSNEEDED: types", () => {
  it("refuses text and booleans in number arguments, naming the argument", () => {
    expect(valueError(() => call("1.2M", 100_000))).toBe('revenue_target must be a number (got the text "1.2M")');
    expect(valueError(() => call(1_200_000, 100_000, false))).toBe("attainment must be a number (got FALSE)");
    expect(valueError(() => french.repsNeeded(1_200_000, 100_000, true))).toBe(
      "attainment doit être un nombre (reçu : VRAI)",
    );
  });

  it("reads an empty target cell as 0 and an omitted attainment as 100 %", () => {
    const sheet = buildSheet([[null, 100_000, "=PLAN.REPSNEEDED(A1, B1)", "=PLAN.REPSNEEDED(500000, B1)"]]);
    expect([sheet.value("C1"), sheet.value("D1")]).toEqual([0, 5]);
  });
});

describe("PLAN.REPSNEEDED: domain", () => {
  it("refuses a negative target, a quota of 0 and an attainment outside (0, 1]", () => {
    expect(valueError(() => call(-1, 100_000))).toBe("revenue_target must be 0 or more");
    expect(valueError(() => call(1_200_000, 0))).toBe("quota_per_rep must be greater than 0");
    expect(valueError(() => call(1_200_000, 100_000, 1.1))).toBe("attainment must be greater than 0 and at most 1");
    expect(valueError(() => french.repsNeeded(1_200_000, 100_000, 0))).toBe(
      "attainment doit être supérieur à 0 et au plus égal à 1",
    );
  });

  it("refuses infinities and answers #VALUE! with a message beyond Excel's number range", () => {
    expect(valueError(() => call(Number.NEGATIVE_INFINITY, 1))).toBe("revenue_target must be a finite number");
    expect(valueError(() => call(1e308, 1e-10, 1e-5))).toBe(
      "PLAN.REPSNEEDED cannot give a result within Excel's number range for these arguments",
    );
  });
});

describe("PLAN.REPSNEEDED: happy path", () => {
  it("gives 15 reps for 1,200,000 at a 100,000 quota and 80 % attainment", () => {
    expect(call(1_200_000, 100_000, 0.8)).toBe(15);
  });

  it("rounds a fraction of a rep up, after Excel's 15 significant digits", () => {
    expect(call(1_000_000, 120_000)).toBe(9);
    expect(call(0.7 * 3, 0.7)).toBe(3); // 2.1 / 0.7 is 3.0000000000000004 in binary
  });

  it("matches ROUNDUP(target / (quota × attainment), 0) on any valid inputs", () => {
    // Reps to the unit only below 1E15: past Excel's 15 significant digits ROUNDUP has no unit to round to, and two
    // engines may differ in the last digit they keep (1E9 at a 0.000001 quota and 1 % gave 9.99974096683946E16).
    const row = fc
      .tuple(
        modelNumber(1e9),
        modelNumber(1e7).filter((q) => q > 0),
        fc.integer({ min: 1, max: 100 }),
      )
      .filter(([target, quota, percent]) => target / ((quota * percent) / 100) < 1e15);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const sheet = buildSheet(
          rows.map(([target, quota, percent], i) => [
            target,
            quota,
            `${percent}%`,
            `=PLAN.REPSNEEDED(A${i + 1}, B${i + 1}, C${i + 1})`,
            `=${excelRoundUp(`A${i + 1}/(B${i + 1}*C${i + 1})`)}`,
          ]),
        );
        rows.forEach((_, i) =>
          expect(atExcelPrecision(sheet.value(`D${i + 1}`))).toBe(atExcelPrecision(sheet.value(`E${i + 1}`))),
        );
      }),
      nativeFormulaRuns(50),
    );
  });
});

describe("PLAN.REPSNEEDED: a realistic scenario", () => {
  it("sizes account executives per segment from an annual target, quota and attainment typed as percentages", () => {
    const sheet = buildSheet([
      ["Segment", "Target", "Share", "Annual quota", "Attainment", "AEs", "Native"],
      ["Mid-market", 4_800_000, "55%", 600_000, "85%", "=PLAN.REPSNEEDED(B2*C2, D2, E2)", "=ROUNDUP(B2*C2/(D2*E2),0)"],
      ["Enterprise", 4_800_000, "45%", 900_000, "75%", "=PLAN.REPSNEEDED(B3*C3, D3, E3)", "=ROUNDUP(B3*C3/(D3*E3),0)"],
      ["Total", null, null, null, null, "=SUM(F2:F3)", "=SUM(G2:G3)"],
    ]);
    expect([sheet.value("F2"), sheet.value("F3"), sheet.value("F4")]).toEqual([6, 4, 10]);
    expect([sheet.value("G2"), sheet.value("G3"), sheet.value("G4")]).toEqual([6, 4, 10]);
  });
});

describe("PLAN.REPSNEEDED: fuzzing", () => {
  it("returns a finite whole number or throws a CustomFunctions.Error in the caller's language, whatever it gets", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 4 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).repsNeeded as (...a: unknown[]) => unknown)(...args),
          (value) => isFiniteNumber(value) && Number.isInteger(value) && value >= 0,
          locale,
          ["revenue_target", "quota_per_rep", "attainment", "PLAN.REPSNEEDED"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
