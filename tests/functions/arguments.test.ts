import fc from "fast-check";
import {
  BOUNDS,
  isWithin,
  readArguments,
  readArgumentsInFull,
  shapedLike,
  type BoundName,
  type Parameter,
} from "../../src/functions/arguments";
import { ArgumentProblem, problemFromCore } from "../../src/functions/errors";
import { fiscalQuarter, fromExcelSerial } from "../../src/plan/calendar";
import {
  PlanMathError,
  requireAttritionRate,
  requireNonNegative,
  requirePositive,
  requireRate,
  requireWholeNonNegative,
} from "../../src/plan/errors";
import { rampFactor, validateRamp } from "../../src/plan/ramp";
import { SIGNATURES } from "../../src/functions/signatures";
import { anyArgument, FUZZ_RUNS } from "../helpers/custom-functions";

/** The plan core's own check for each accepted range. */
const CORE_CHECKS: Record<BoundName, (value: number) => void> = {
  positive: (x) => requirePositive("x", x),
  nonNegative: (x) => requireNonNegative("x", x),
  rate: (x) => requireRate("x", x),
  attritionRate: (x) => requireAttritionRate("x", x),
  fraction: (x) => validateRamp([x]),
  wholePeriods: (x) => void rampFactor(x, 1),
  wholeNonNegative: (x) => requireWholeNonNegative("x", x),
  rampPeriods: (x) => validateRamp(x),
  month: (x) => void fiscalQuarter({ year: 2027, month: 1 }, x),
  date: (x) => void fromExcelSerial(x),
};

function coreError(check: () => void): PlanMathError | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof PlanMathError) return error;
    throw error;
  }
}

function problem(parameters: readonly Parameter[], values: unknown[]): ArgumentProblem {
  try {
    readArguments(parameters, values);
  } catch (error) {
    if (error instanceof ArgumentProblem) return error;
    throw error;
  }
  throw new Error("expected an ArgumentProblem");
}

describe("the argument table's accepted ranges", () => {
  const edges = [0, -0, 1, -1, 0.5, 1e-12, 1 - 1e-16, 1 + 1e-15, 12, 13, 60, 61, 2_958_465, 2_958_465.5, 2.5];
  const values = fc.oneof(fc.constantFrom(...edges), fc.double({ noNaN: true, min: -1e7, max: 1e7 }), fc.integer());

  it.each(Object.keys(BOUNDS) as BoundName[])("%s accepts exactly what the plan core accepts", (name) => {
    fc.assert(
      fc.property(values, (value) => {
        expect(isWithin(BOUNDS[name], value)).toBe(coreError(() => CORE_CHECKS[name](value)) === undefined);
      }),
      { numRuns: 1000 },
    );
  });

  it.each(Object.keys(BOUNDS) as BoundName[])(
    "%s gives the same message whether the table or the core refuses a value",
    (name) => {
      const refused = [-1, 0, 0.5, 1.5, 13, 2_958_466].find((value) => !isWithin(BOUNDS[name], value))!;
      const error = coreError(() => CORE_CHECKS[name](refused))!;
      expect(problemFromCore(error, { formula: "PLAN.TEST", coreFields: {} })?.key).toBe(BOUNDS[name].message);
    },
  );
});

describe("reading arguments as Excel passes them", () => {
  const number: Parameter = { name: "n", kind: "number", bound: "nonNegative" };
  const optional: Parameter = { name: "o", kind: "number", bound: "rate", optional: true, default: 1 };
  const vector: Parameter = { name: "v", kind: "vector", itemBound: "nonNegative" };
  const flag: Parameter = { name: "f", kind: "boolean", optional: true, default: true };

  it("reads an empty cell (null, or an empty text) as 0 and an omitted optional (null or undefined) as its default", () => {
    expect(readArguments([number, optional], [null, null])).toEqual({ n: 0, o: 1 });
    expect(readArguments([number, optional], ["", undefined])).toEqual({ n: 0, o: 1 });
    expect(readArguments([number, optional], [3, 0.5])).toEqual({ n: 3, o: 0.5 });
  });

  it("tells a missing required argument (undefined, only from JavaScript) from an empty cell", () => {
    expect(problem([number], [undefined])).toMatchObject({ key: "required", subject: { argument: "n" } });
  });

  it("reads a row, a column and a single cell, keeping the orientation, with blanks as 0", () => {
    expect(readArguments([vector], [[[1, null, ""]]])).toEqual({ v: { values: [1, 0, 0], orientation: "row" } });
    expect(readArguments([vector], [[[1], [2]]])).toEqual({ v: { values: [1, 2], orientation: "column" } });
    expect(readArguments([vector], [[[7]]])).toEqual({ v: { values: [7], orientation: "column" } });
    expect(readArguments([vector], [7])).toEqual({ v: { values: [7], orientation: "column" } });
  });

  it("keeps the blanks of a cells argument as null (0 stays 0), and compares its shape with its pair's", () => {
    const actuals: Parameter = { name: "a", kind: "cells", itemBound: "nonNegative" };
    const quotas: Parameter = { name: "q", kind: "cells", itemBound: "nonNegative", sameShapeAs: "a" };
    expect(readArguments([actuals, quotas], [[[1, null, "", 0]], [[2, 3, 4, 5]]])).toEqual({
      a: { values: [1, null, null, 0], rows: 1, columns: 4 },
      q: { values: [2, 3, 4, 5], rows: 1, columns: 4 },
    });
    expect(problem([actuals, quotas], [[[1, 2]], [[1], [2]]])).toMatchObject({
      key: "sameShape",
      subject: { argument: "q" },
      params: { other: "a", rows: 1, columns: 2 },
    });
  });

  it("takes an omitted optional number without a default, and an omitted optional range, as undefined", () => {
    const threshold: Parameter = { name: "t", kind: "number", bound: "nonNegative", optional: true };
    const weights: Parameter = { name: "w", kind: "vector", itemBound: "nonNegative", optional: true };
    expect(readArguments([threshold, weights], [null, null])).toEqual({ t: undefined, w: undefined });
    expect(readArguments([threshold, weights], [0.5, [[1, 2]]])).toEqual({
      t: 0.5,
      w: { values: [1, 2], orientation: "row" },
    });
  });

  it("shapes a result like its range: a row stays a row", () => {
    expect(shapedLike({ values: [1, 2], orientation: "row" }, [3, 4])).toEqual([[3, 4]]);
    expect(shapedLike({ values: [1, 2], orientation: "column" }, [3, 4])).toEqual([[3], [4]]);
  });

  it("names the item, 1-based in reading order, and what it got", () => {
    expect(problem([vector], [[[1], [true]]])).toMatchObject({
      key: "number",
      subject: { argument: "v", index: 2 },
      received: { kind: "boolean", value: true },
    });
    expect(
      problem(
        [vector],
        [
          [
            [1, 2],
            [3, 4],
          ],
        ],
      ),
    ).toMatchObject({ key: "vector", params: { rows: 2, columns: 2 } });
  });

  it("reads logical values as Excel does: TRUE, FALSE, 0 is FALSE and any other number TRUE", () => {
    expect([true, false, 0, 2, -1, null].map((f) => readArguments([flag], [f]).f)).toEqual([
      true,
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(problem([flag], [Number.NaN])).toMatchObject({ key: "boolean", received: { kind: "number" } });
  });

  it("describes values no cell can hold by their type", () => {
    expect(problem([number], [{}])).toMatchObject({ key: "number", received: { kind: "other", type: "object" } });
    expect(problem([number], [Symbol.for("s")])).toMatchObject({ received: { kind: "other", type: "symbol" } });
  });

  it("shortens long text in what it got", () => {
    expect(problem([number], ["a".repeat(30)]).received).toEqual({ kind: "text", text: `${"a".repeat(20)}…` });
  });
});

/** What a read gives: the arguments, or the problem it reports (the fields a message is rendered from). */
function outcome(read: () => unknown): unknown {
  try {
    return { read: read() };
  } catch (error) {
    if (!(error instanceof ArgumentProblem)) throw error;
    const { key, subject, params, received } = error;
    return { problem: { key, subject, params, received } };
  }
}

describe("reading plain numbers on the common path", () => {
  const edge = fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    1e-320,
    1 - 1e-16,
    1 + 1e-15,
    12,
    13,
    60,
    61,
    2_958_465,
    2.5,
    NaN,
    Infinity,
  );
  const plainNumber = fc.oneof(edge, fc.double(), fc.integer({ min: -5, max: 100 }));
  const cell = fc.oneof(
    { weight: 6, arbitrary: plainNumber },
    { weight: 1, arbitrary: fc.constantFrom(null, "", "7", true) },
  );
  const range = fc.oneof(
    fc.array(cell, { minLength: 1, maxLength: 6 }).map((row) => [row]),
    fc.array(cell, { minLength: 1, maxLength: 6 }).map((column) => column.map((value) => [value])),
    fc.array(fc.array(cell, { minLength: 0, maxLength: 3 }), { minLength: 0, maxLength: 3 }),
  );
  const argument = fc.oneof(
    { weight: 4, arbitrary: plainNumber },
    { weight: 3, arbitrary: range },
    { weight: 2, arbitrary: anyArgument },
  );

  it.each(Object.keys(SIGNATURES) as (keyof typeof SIGNATURES)[])(
    "reads %s's arguments exactly as the full checks do, result or problem",
    (name) => {
      const parameters = SIGNATURES[name].parameters as readonly Parameter[];
      fc.assert(
        fc.property(fc.array(argument, { minLength: parameters.length, maxLength: parameters.length }), (values) => {
          expect(outcome(() => readArguments(parameters, values))).toEqual(
            outcome(() => readArgumentsInFull(parameters, values)),
          );
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
  );
});
