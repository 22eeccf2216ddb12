import fc from "fast-check";
import { coverage } from "../../src/functions/functions";
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

const call: (...args: unknown[]) => number = coverage;
const french = planFunctionsIn("fr-FR");

describe("PLAN.COVERAGE: argument count and shape", () => {
  it("names a missing required argument and refuses a range", () => {
    expect(valueError(() => call())).toBe("win_rate is required");
    expect(valueError(() => call([[0.3], [0.4]]))).toBe("win_rate must be a single value, not a range");
  });
});

describe("PLAN.COVERAGE: types", () => {
  it("refuses text, in English and French", () => {
    expect(valueError(() => call("33%"))).toBe('win_rate must be a number (got the text "33%")');
    expect(valueError(() => french.coverage(0.3, "a lot"))).toBe(
      "create_and_close_share doit être un nombre (reçu : le texte « a lot »)",
    );
  });

  it("takes an omitted create-and-close share as 0", () => {
    expect(buildSheet([["=PLAN.COVERAGE(25%)"]]).value("A1")).toBe(4);
  });
});

describe("PLAN.COVERAGE: domain", () => {
  it("refuses a win rate of 0 or above 100 %, in English and French", () => {
    expect(valueError(() => call(0))).toBe("win_rate must be greater than 0 and at most 1");
    expect(valueError(() => call(1.1))).toBe("win_rate must be greater than 0 and at most 1");
    expect(valueError(() => french.coverage(0))).toBe("win_rate doit être supérieur à 0 et au plus égal à 1");
  });

  it("refuses a share outside [0, 1]", () => {
    expect(valueError(() => call(0.3, -0.1))).toBe("create_and_close_share must be from 0 to 1");
    expect(valueError(() => call(0.3, 1.2))).toBe("create_and_close_share must be from 0 to 1");
  });
});

describe("PLAN.COVERAGE: published worked example", () => {
  // getfairview.com/blog/pipeline-coverage-ratio: "At a 33% win rate, you need roughly 3× coverage to hit quota.
  // At 25%, you need 4×. At 50%, you need 2×."
  it("gives 3x at a one-in-three win rate, 4x at 25 % and 2x at 50 %", () => {
    expect(call(1 / 3)).toBe(3);
    expect(call(0.25)).toBe(4);
    expect(call(0.5)).toBe(2);
    expect(call(0.33)).toBeCloseTo(3.03, 2);
  });

  it("needs less coverage when part of the bookings is created and closed within the period", () => {
    expect(call(0.25, 0.2)).toBeCloseTo(3.2, 14);
    expect(call(0.25, 1)).toBe(0);
  });
});

describe("PLAN.COVERAGE: the native formula", () => {
  it("matches (1 - share) / win_rate typed into a spreadsheet, for any win rate and share in whole percents", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 }), (win, share) => {
        const sheet = buildSheet([[`${win}%`, `${share}%`, "=(1-B1)/A1", "=PLAN.COVERAGE(A1, B1)"]]);
        expect(sheet.value("D1")).toBe(sheet.value("C1"));
      }),
      nativeFormulaRuns(200),
    );
  });
});

describe("PLAN.COVERAGE: fuzzing", () => {
  it("returns a finite coverage of 0 or more, or throws a CustomFunctions.Error in the caller's language", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 3 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).coverage as (...a: unknown[]) => unknown)(...args),
          (value) => isFiniteNumber(value) && value >= 0,
          locale,
          ["win_rate", "create_and_close_share", "PLAN.COVERAGE"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
