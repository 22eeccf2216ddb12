import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { quota } from "../../src/functions/functions";
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

const call = quota as (...args: unknown[]) => number[][];
const french = planFunctionsIn("fr-FR");

/** Capacity per team down column A from row 2, over-assignment in B1; C the native quota, D the PLAN.QUOTA spill. */
function quotaSheet(capacity: readonly RawCellContent[], overAssignment: RawCellContent) {
  const last = 1 + capacity.length;
  const rows: RawCellContent[][] = [["over-assignment", overAssignment]];
  capacity.forEach((value, k) => {
    rows.push([value, null, `=A${2 + k}*(1+$B$1)`, k === 0 ? `=PLAN.QUOTA(A2:A${last}, B1)` : null]);
  });
  const sheet = buildSheet(rows);
  return { plan: sheet.spill("D2"), native: capacity.map((_, k) => [sheet.value(`C${2 + k}`)]) };
}

describe("PLAN.QUOTA: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call())).toBe("capacity is required");
    expect(valueError(() => call(1_000_000))).toBe("over_assignment is required");
  });

  it("is shaped like the capacity: a number gives one value, a row a row, a column a column", () => {
    expect(call(1_000_000, 0.2)).toEqual([[1_200_000]]);
    expect(call([[250_000, 300_000]], 0.2)).toEqual([[300_000, 360_000]]);
    expect(call([[250_000], [300_000]], 0.2)).toEqual([[300_000], [360_000]]);
  });

  it("refuses a rectangle of capacities and a range for the over-assignment", () => {
    expect(
      valueError(() =>
        call(
          [
            [1, 2],
            [3, 4],
          ],
          0.2,
        ),
      ),
    ).toBe("capacity must be a single row or column (got 2 rows × 2 columns)");
    expect(valueError(() => call(1, [[0.1], [0.2]]))).toBe("over_assignment must be a single value, not a range");
  });
});

describe("PLAN.QUOTA: types", () => {
  it("refuses text, in English and French", () => {
    expect(valueError(() => call([[1], ["2"]], 0.2))).toBe('item 2 of capacity must be a number (got the text "2")');
    expect(valueError(() => french.quota(1, "20 %"))).toBe(
      "over_assignment doit être un nombre (reçu : le texte « 20 % »)",
    );
  });
});

describe("PLAN.QUOTA: domain", () => {
  it("refuses a negative over-assignment: quotas adding up to less than the plan", () => {
    expect(valueError(() => call(1_000_000, -0.1))).toBe("over_assignment must be 0 or more");
    expect(valueError(() => french.quota(1_000_000, -0.1))).toBe("over_assignment doit être supérieur ou égal à 0");
  });

  it("refuses a negative capacity", () => {
    expect(valueError(() => call([[1], [-1]], 0.2))).toBe("item 2 of capacity must be 0 or more");
  });
});

describe("PLAN.QUOTA: worked example", () => {
  // "Most enterprise software companies run in the 20% range" (ashleylowndes.com, Coffee Thoughts 09: Overassign);
  // the 1,000,000 plan is our arithmetic.
  it("assigns 1,200,000 of quota for a 1,000,000 plan at a 20 % over-assignment", () => {
    expect(buildSheet([["=PLAN.QUOTA(1000000, 20%)"]]).value("A1")).toBe(1_200_000);
  });

  it("matches capacity × (1 + over-assignment) typed per team, for any capacities", () => {
    fc.assert(
      fc.property(
        fc.array(modelNumber(1e7), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 60 }),
        (capacity, percent) => {
          const { plan, native } = quotaSheet(capacity, `${percent}%`);
          expect(atExcelPrecision(plan)).toEqual(atExcelPrecision(native));
        },
      ),
      nativeFormulaRuns(100),
    );
  });
});

describe("PLAN.QUOTA: fuzzing", () => {
  it("returns amounts shaped like the capacity or throws a CustomFunctions.Error in the caller's language", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 3 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).quota as (...a: unknown[]) => unknown)(...args),
          (value) => isFiniteGrid(value) && value.flat().every((v) => v >= 0),
          locale,
          ["capacity", "over_assignment", "PLAN.QUOTA"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
