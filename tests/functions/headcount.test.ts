import fc from "fast-check";
import { headcount } from "../../src/functions/functions";
import { planFunctionsIn } from "../../src/functions/plan-functions";
import {
  anyArgument,
  anyLocale,
  expectResultOrCustomError,
  FUZZ_RUNS,
  isFiniteNumber,
  modelNumber,
  thrown,
  valueError,
} from "../helpers/custom-functions";
import { atExcelPrecision, buildSheet, excelRoundUp } from "../helpers/plan-formula-engine";
import { nativeFormulaRuns } from "../helpers/test-scale";

const call: (...args: unknown[]) => number = headcount;
const french = planFunctionsIn("fr-FR");

describe("PLAN.HEADCOUNT: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call(200))).toBe("capacity_per_person is required");
    expect(valueError(() => call())).toBe("workload is required");
  });

  it("refuses a range where a single value is expected", () => {
    expect(valueError(() => call([[200]], 20))).toBe("workload must be a single value, not a range");
  });

  it("is refused by the formula engine when typed with too few arguments, as Excel refuses it", () => {
    const sheet = buildSheet([["=PLAN.HEADCOUNT(200)"]]);
    expect(sheet.error("A1").type).toBe("NA");
  });
});

describe("PLAN.HEADCOUNT: types", () => {
  it("refuses text in a number argument, naming the argument and what it got", () => {
    const error = thrown(() => call("lots", 20));
    expect(error.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(error.message).toBe('workload must be a number (got the text "lots")');
    expect(valueError(() => french.headcount("beaucoup", 20))).toBe(
      "workload doit être un nombre (reçu : le texte « beaucoup »)",
    );
  });

  it("refuses a number stored as text and a boolean typed into a cell", () => {
    const sheet = buildSheet([["'200", true, "=PLAN.HEADCOUNT(A1, 20)", "=PLAN.HEADCOUNT(200, B1)"]]);
    expect(sheet.error("C1").message).toBe('workload must be a number (got the text "200")');
    expect(sheet.error("D1").message).toBe("capacity_per_person must be a number (got TRUE)");
  });

  it("treats an empty workload cell as 0 and an omitted utilization as 1", () => {
    expect(call(null, 20)).toBe(0);
    expect(call(200, 20, null)).toBe(10);
  });

  it("reads an empty utilization cell as omitted on the web and as 0 on desktop, as Excel passes it", () => {
    const rows = [[200, 20, null, "=PLAN.HEADCOUNT(A1, B1, C1)"]];
    expect(buildSheet(rows, { emptyCellsAs: null }).value("D1")).toBe(10);
    expect(buildSheet(rows, { emptyCellsAs: 0 }).error("D1").message).toBe(
      "utilization must be greater than 0 and at most 1",
    );
  });

  it("passes an error in an input cell through, as Excel does", () => {
    expect(buildSheet([["=1/0", "=PLAN.HEADCOUNT(A1, 20)"]]).error("B1").type).toBe("DIV_BY_ZERO");
  });
});

describe("PLAN.HEADCOUNT: domain", () => {
  it("refuses a negative workload and a capacity of zero, naming the range", () => {
    expect(valueError(() => call(-1, 20))).toBe("workload must be 0 or more");
    expect(valueError(() => call(200, 0))).toBe("capacity_per_person must be greater than 0");
    expect(valueError(() => french.headcount(200, 0))).toBe("capacity_per_person doit être supérieur à 0");
  });

  it("refuses a utilization outside (0, 1]", () => {
    expect(valueError(() => call(200, 20, 0))).toBe("utilization must be greater than 0 and at most 1");
    expect(valueError(() => call(200, 20, 1.2))).toBe("utilization must be greater than 0 and at most 1");
  });

  it("refuses NaN and infinities", () => {
    expect(valueError(() => call(Number.NaN, 20))).toBe("workload must be a finite number");
    expect(valueError(() => call(200, Number.POSITIVE_INFINITY))).toBe("capacity_per_person must be a finite number");
  });

  it("answers #VALUE! with a message (Excel shows none for #NUM!) when the result is beyond Excel's number range", () => {
    const error = thrown(() => call(1e308, 1e-300));
    expect(error.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(error.message).toBe("PLAN.HEADCOUNT cannot give a result within Excel's number range for these arguments");
  });
});

describe("PLAN.HEADCOUNT: happy path", () => {
  it("gives the reference plan's 10 business developers for 200 emails a day at 20 each", () => {
    expect(call(200, 20)).toBe(10);
  });

  it("rounds any fraction of a person up, and divides capacity by utilization", () => {
    expect(call(201, 20)).toBe(11);
    expect(call(200, 20, 0.8)).toBe(13);
  });

  it("rounds as Excel does after 15 significant digits (0.1 × 3 ÷ 0.1 people is 3, not 4)", () => {
    expect(call(0.1 * 3, 0.1)).toBe(3);
    // HyperFormula's own ROUNDUP keeps every binary digit; the Excel-precision chain gives Excel's 3.
    const sheet = buildSheet([
      ["=0.1*3", 0.1, "=PLAN.HEADCOUNT(A1, B1)", "=ROUNDUP(A1/B1, 0)", `=${excelRoundUp("A1/B1")}`],
    ]);
    expect([sheet.value("C1"), sheet.value("D1"), sheet.value("E1")]).toEqual([3, 4, 3]);
  });

  it("matches ROUNDUP(workload / (capacity × utilization), 0) typed in cells", () => {
    const sheet = buildSheet([
      [200, 20, "80%", "=PLAN.HEADCOUNT(A1, B1, C1)", "=ROUNDUP(A1/(B1*C1), 0)"],
      [350, 45, "100%", "=PLAN.HEADCOUNT(A2, B2, C2)", "=ROUNDUP(A2/(B2*C2), 0)"],
      [0, 12, "50%", "=PLAN.HEADCOUNT(A3, B3, C3)", "=ROUNDUP(A3/(B3*C3), 0)"],
      [1234.5, 7.25, "65%", "=PLAN.HEADCOUNT(A4, B4, C4)", "=ROUNDUP(A4/(B4*C4), 0)"],
    ]);
    for (const row of [1, 2, 3, 4]) expect(sheet.value(`D${row}`)).toBe(sheet.value(`E${row}`));
    expect(sheet.value("D1")).toBe(13);
  });

  it("matches the native formula on any valid inputs", () => {
    const row = fc.tuple(
      modelNumber(1e6),
      modelNumber(1e4).filter((c) => c > 0),
      fc.integer({ min: 1, max: 100 }),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const sheet = buildSheet(
          rows.map(([workload, capacity, percent], i) => [
            workload,
            capacity,
            percent / 100,
            `=PLAN.HEADCOUNT(A${i + 1}, B${i + 1}, C${i + 1})`,
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

describe("PLAN.HEADCOUNT: a realistic scenario", () => {
  it("sizes an outbound team activity by activity, as a sales-ops analyst lays it out", () => {
    // Activity, per day, per person per day, share of time on it; the team needs the largest headcount.
    const sheet = buildSheet([
      ["Prospecting emails", 200, 20, "100%", "=PLAN.HEADCOUNT(B1, C1, D1)"],
      ["Cold calls", 150, 40, "75%", "=PLAN.HEADCOUNT(B2, C2, D2)"],
      ["LinkedIn messages", 90, 25, "40%", "=PLAN.HEADCOUNT(B3, C3, D3)"],
      ["Team", null, null, null, "=MAX(E1:E3)"],
    ]);
    expect([sheet.value("E1"), sheet.value("E2"), sheet.value("E3"), sheet.value("E4")]).toEqual([10, 5, 9, 10]);
  });
});

describe("PLAN.HEADCOUNT: fuzzing", () => {
  it("returns a finite whole number or throws a CustomFunctions.Error in the caller's language, whatever it gets", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 4 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).headcount as (...a: unknown[]) => unknown)(...args),
          (value) => isFiniteNumber(value) && Number.isInteger(value) && value >= 0,
          locale,
          ["workload", "capacity_per_person", "utilization", "PLAN.HEADCOUNT"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
