import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { overlay } from "../../src/functions/functions";
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

const call = overlay as (...args: unknown[]) => number[][];
const french = planFunctionsIn("fr-FR");

/** Reps per team across row 2 from column A, people per overlay in A1; row 3 the native ROUNDUP, row 4 PLAN.OVERLAY. */
function overlaySheet(supported: readonly RawCellContent[], perOverlay: RawCellContent) {
  const column = (k: number) => String.fromCharCode(65 + k);
  const last = column(supported.length - 1);
  const sheet = buildSheet([
    [perOverlay],
    [...supported],
    supported.map((_, k) => `=${excelRoundUp(`${column(k)}2/$A$1`)}`),
    [`=PLAN.OVERLAY(A2:${last}2, A1)`],
  ]);
  return { plan: sheet.spill("A4"), native: [supported.map((_, k) => sheet.value(`${column(k)}3`))] };
}

describe("PLAN.OVERLAY: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call())).toBe("supported_headcount is required");
    expect(valueError(() => call(10))).toBe("people_per_overlay is required");
  });

  it("is shaped like the supported headcount: a number gives one value, a column a column", () => {
    expect(call(10, 4)).toEqual([[3]]);
    expect(call([[8], [10], [13]], 4)).toEqual([[2], [3], [4]]);
    expect(call([[8, 10, 13]], 4)).toEqual([[2, 3, 4]]);
  });
});

describe("PLAN.OVERLAY: types", () => {
  it("refuses text and booleans, in English and French", () => {
    expect(valueError(() => call("ten", 4))).toBe('supported_headcount must be a number (got the text "ten")');
    expect(valueError(() => french.overlay(10, true))).toBe("people_per_overlay doit être un nombre (reçu : VRAI)");
  });

  it("counts an empty cell among the supported as nobody to support", () => {
    const rows = [[8, null, 13, "=PLAN.OVERLAY(A1:C1, 4)"]];
    for (const emptyCellsAs of [null, 0] as const) {
      expect(buildSheet(rows, { emptyCellsAs }).spill("D1")).toEqual([[2, 0, 4]]);
    }
  });
});

describe("PLAN.OVERLAY: domain", () => {
  it("refuses a ratio of 0 or less, in English and French", () => {
    expect(valueError(() => call(10, 0))).toBe("people_per_overlay must be greater than 0");
    expect(valueError(() => french.overlay(10, -4))).toBe("people_per_overlay doit être supérieur à 0");
  });

  it("refuses a negative headcount", () => {
    expect(valueError(() => call([[3], [-1]], 4))).toBe("item 2 of supported_headcount must be 0 or more");
  });
});

describe("PLAN.OVERLAY: happy path", () => {
  it("rounds any fraction of an overlay up to a whole person: 10 reps at 4 per sales engineer need 3", () => {
    expect(call(10, 4)).toEqual([[3]]);
    expect(call(8, 4)).toEqual([[2]]);
    expect(call(0, 4)).toEqual([[0]]);
  });

  it("rounds at Excel's 15 digits: 0.1 × 3 supported at 0.1 each is 3, as ROUNDUP is in Excel", () => {
    expect(call(0.1 * 3, 0.1)).toEqual([[3]]);
  });

  it("matches ROUNDUP(supported / people_per_overlay, 0) per team on any valid inputs", () => {
    fc.assert(
      fc.property(
        fc.array(modelNumber(500), { minLength: 1, maxLength: 12 }),
        fc.oneof(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0.5, max: 12, noNaN: true })),
        (supported, perOverlay) => {
          const { plan, native } = overlaySheet(supported, perOverlay);
          expect(atExcelPrecision(plan)).toEqual(atExcelPrecision(native));
        },
      ),
      nativeFormulaRuns(100),
    );
  });
});

describe("PLAN.OVERLAY: fuzzing", () => {
  it("returns whole people shaped like the input or throws a CustomFunctions.Error in the caller's language", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 3 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).overlay as (...a: unknown[]) => unknown)(...args),
          (value) => isFiniteGrid(value) && value.flat().every((v) => Number.isInteger(v) && v >= 0),
          locale,
          ["supported_headcount", "people_per_overlay", "PLAN.OVERLAY"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
