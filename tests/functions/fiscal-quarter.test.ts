import fc from "fast-check";
import { fiscalQuarter } from "../../src/functions/functions";
import { planFunctionsIn } from "../../src/functions/plan-functions";
import { anyArgument, anyLocale, expectResultOrCustomError, FUZZ_RUNS, valueError } from "../helpers/custom-functions";
import { buildSheet } from "../helpers/plan-formula-engine";
import { nativeFormulaRuns } from "../helpers/test-scale";

// The cast lets tests call with too few or too many arguments, as Excel can. The rule misreads it as a no-op because
// every parameter is already `unknown`, but the arity differs.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
const call = fiscalQuarter as (...args: unknown[]) => string;
const french = planFunctionsIn("fr-FR");

/** 2027-01-15, 2027-03-31, 2026-04-01 and 2027-04-01 as Excel date serials. */
const JAN_15_2027 = 46402;
const MAR_31_2027 = 46477;
const APR_1_2026 = 46113;
const APR_1_2027 = 46478;

/** The fiscal quarter label written with native formulas: the year it ends in, and its quarter. */
const NATIVE = '="FY"&(YEAR(A1)+IF(AND(B1>1, MONTH(A1)>=B1), 1, 0))&" Q"&(INT(MOD(MONTH(A1)-B1, 12)/3)+1)';

describe("PLAN.FISCALQUARTER: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call())).toBe("date is required");
  });

  it("refuses a range of dates", () => {
    expect(valueError(() => call([[JAN_15_2027, MAR_31_2027]]))).toBe("date must be a single value, not a range");
  });
});

describe("PLAN.FISCALQUARTER: types", () => {
  it("accepts a date serial, a date typed in a cell and a YYYY-MM-DD text", () => {
    expect(call(JAN_15_2027)).toBe("FY2027 Q1");
    expect(call("2027-01-15")).toBe("FY2027 Q1");
    const sheet = buildSheet([["2027-03-31", 4, "=PLAN.FISCALQUARTER(A1, B1)"]]);
    expect(sheet.value("C1")).toBe("FY2027 Q4");
  });

  it("refuses other text and booleans, saying what it got and what it accepts", () => {
    expect(valueError(() => call("31/03/2027"))).toBe(
      'date must be a date from 1900-03-01 to 9999-12-31 (got the text "31/03/2027")',
    );
    expect(valueError(() => french.fiscalQuarter(true))).toBe(
      "date doit être une date du 1900-03-01 au 9999-12-31 (reçu : VRAI)",
    );
    expect(valueError(() => call(JAN_15_2027, "April"))).toBe(
      'fiscal_year_start_month must be a number (got the text "April")',
    );
  });

  it("reads an empty start-month cell as omitted (January) on the web and as 0 on desktop", () => {
    const rows = [[JAN_15_2027, null, "=PLAN.FISCALQUARTER(A1, B1)"]];
    expect(buildSheet(rows, { emptyCellsAs: null }).value("C1")).toBe("FY2027 Q1");
    expect(buildSheet(rows, { emptyCellsAs: 0 }).error("C1").message).toBe(
      "fiscal_year_start_month must be a whole number from 1 to 12",
    );
  });
});

describe("PLAN.FISCALQUARTER: domain", () => {
  it("refuses dates before 1900-03-01 and after 9999-12-31, and an empty date cell", () => {
    const message =
      "date must be a date from 1900-03-01 to 9999-12-31 (a date serial from 61 to 2,958,465, or text YYYY-MM-DD)";
    expect(valueError(() => call(60))).toBe(message);
    expect(valueError(() => call(2_958_466))).toBe(message);
    expect(valueError(() => call(null))).toBe(message);
    expect(valueError(() => call("1900-02-28"))).toBe(
      'date must be a date from 1900-03-01 to 9999-12-31 (got the text "1900-02-28")',
    );
  });

  it("refuses a start month that is not a whole number from 1 to 12", () => {
    for (const month of [0, 13, 4.5]) {
      expect(valueError(() => call(JAN_15_2027, month))).toBe(
        "fiscal_year_start_month must be a whole number from 1 to 12",
      );
    }
    expect(valueError(() => french.fiscalQuarter(JAN_15_2027, 13))).toBe(
      "fiscal_year_start_month doit être un nombre entier de 1 à 12",
    );
  });
});

describe("PLAN.FISCALQUARTER: happy path", () => {
  it("names a January-start fiscal year by its calendar year", () => {
    expect(call(JAN_15_2027)).toBe("FY2027 Q1");
    expect(call(MAR_31_2027)).toBe("FY2027 Q1");
    expect(call(APR_1_2027)).toBe("FY2027 Q2");
  });

  it("names any other fiscal year by the calendar year in which it ends", () => {
    expect(call(APR_1_2026, 4)).toBe("FY2027 Q1");
    expect(call(MAR_31_2027, 4)).toBe("FY2027 Q4");
    expect(call(JAN_15_2027, 2)).toBe("FY2027 Q4"); // February 2026 to January 2027
  });

  it("ignores the time of day", () => {
    expect(call(MAR_31_2027 + 0.99, 4)).toBe("FY2027 Q4");
  });

  it("accepts the last day Excel knows, 9999-12-31, at any time of day", () => {
    expect(call(2_958_465)).toBe("FY9999 Q4");
    expect(call(2_958_465.5)).toBe("FY9999 Q4");
    expect(call(2_958_465.999, 4)).toBe("FY10000 Q3"); // the fiscal year that ends in March 10000
  });

  it("matches the label written with YEAR, MONTH and MOD, on any date and start month", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 61, max: 2_958_465 }), fc.integer({ min: 1, max: 12 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (cases) => {
          const sheet = buildSheet(
            cases.map(([date, month], i) => [
              date,
              month,
              `=PLAN.FISCALQUARTER(A${i + 1}, B${i + 1})`,
              NATIVE.replace(/A1/g, `A${i + 1}`).replace(/B1/g, `B${i + 1}`),
            ]),
          );
          cases.forEach((_, i) => expect(sheet.value(`C${i + 1}`)).toBe(sheet.value(`D${i + 1}`)));
        },
      ),
      nativeFormulaRuns(50),
    );
  });
});

describe("PLAN.FISCALQUARTER: a realistic scenario", () => {
  it("labels the twelve months of a plan that starts in July 2026 with a July fiscal year", () => {
    const rows = Array.from({ length: 12 }, (_, m) => [
      `=DATE(2026, ${7 + m}, 1)`,
      `=PLAN.FISCALQUARTER(A${m + 1}, 7)`,
    ]);
    const sheet = buildSheet(rows);
    const labels = rows.map((_, m) => sheet.value(`B${m + 1}`));
    expect(labels).toEqual([
      ...Array<string>(3).fill("FY2027 Q1"),
      ...Array<string>(3).fill("FY2027 Q2"),
      ...Array<string>(3).fill("FY2027 Q3"),
      ...Array<string>(3).fill("FY2027 Q4"),
    ]);
  });
});

describe("PLAN.FISCALQUARTER: fuzzing", () => {
  it("returns a label FYyyyy Qn or throws a CustomFunctions.Error in the caller's language", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 3 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).fiscalQuarter as (...a: unknown[]) => unknown)(...args),
          (value) => typeof value === "string" && /^FY\d{4,5} Q[1-4]$/.test(value),
          locale,
          ["date", "fiscal_year_start_month", "PLAN.FISCALQUARTER"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
