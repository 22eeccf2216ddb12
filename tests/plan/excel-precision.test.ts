import fc from "fast-check";
import { roundDown, roundHalfUp, roundUp, toExcelPrecision } from "../../src/plan/excel-precision";

/** ROUNDUP's definition, step by step through 15 significant digits: what roundUp must return for every input. */
function roundUpByDefinition(x: number, digits = 0): number {
  const scale = 10 ** digits;
  const magnitude = Math.ceil(toExcelPrecision(Math.abs(toExcelPrecision(x)) * scale));
  return toExcelPrecision((Math.sign(x) * magnitude) / scale) + 0;
}

/** Doubles a few units in the last place away from `value`. */
function near(value: number, ulps: number): number {
  const buffer = new DataView(new ArrayBuffer(8));
  buffer.setFloat64(0, value);
  buffer.setBigInt64(0, buffer.getBigInt64(0) + BigInt(ulps));
  return buffer.getFloat64(0);
}

describe("Excel precision helpers", () => {
  it("reduce a value to 15 significant digits as Excel stores it", () => {
    expect(toExcelPrecision(0.1 + 0.2)).toBe(0.3);
    expect(toExcelPrecision((0.1 * 3) / 0.1)).toBe(3);
    expect(toExcelPrecision(2 / 3)).toBe(0.666666666666667);
    expect(toExcelPrecision(1e20 / 3)).toBe(3.33333333333333e19);
  });

  it("round up 0.1 × 3 ÷ 0.1 to 3, as Excel's ROUNDUP does", () => {
    expect(Math.ceil((0.1 * 3) / 0.1)).toBe(4);
    expect(roundUp((0.1 * 3) / 0.1)).toBe(3);
  });

  it("round 1102.4999999999998 half up to 1103, as Excel's ROUND does", () => {
    expect(Math.round(1102.4999999999998)).toBe(1102);
    expect(roundHalfUp(1102.4999999999998)).toBe(1103);
  });

  it("round away from zero for negative values, like ROUNDUP and ROUND", () => {
    expect(roundUp(-2.1)).toBe(-3);
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundDown(-2.9)).toBe(-2);
  });

  it("round to a number of digits on either side of the decimal point", () => {
    expect(roundUp(1.001, 2)).toBe(1.01);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundUp(1234, -2)).toBe(1300);
    expect(roundDown(1299, -2)).toBe(1200);
  });

  it("never return negative zero", () => {
    expect(Object.is(roundUp(-0.0), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-0.2), 0)).toBe(true);
  });

  it("refuse a number of digits Excel would not accept", () => {
    expect(() => roundUp(1, 0.5)).toThrow("digits must be a whole number from -15 to 15 (got 0.5)");
  });

  it("round up exactly as the step-by-step definition on any double, near whole numbers and quotients included", () => {
    const wholeOrNear = fc
      .tuple(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: -40, max: 40 }))
      .map(([whole, ulps]) => (whole === 0 ? ulps * 1e-300 : near(whole, ulps)));
    const quotient = fc
      .tuple(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 100 }),
      )
      .map(([a, b, c]) => (a / 10 / (b / 100)) * (c / 100));
    const large = fc.double({ min: 1e13, max: 1e16, noNaN: true }).chain((x) => fc.constantFrom(x, Math.floor(x), -x));
    const edges = fc.constantFrom(
      0,
      -0,
      0.5,
      -0.5,
      1e15,
      1e15 - 1,
      1e15 - 0.5,
      (0.1 * 3) / 0.1,
      NaN,
      Infinity,
      -Infinity,
    );
    fc.assert(
      fc.property(fc.oneof(fc.double(), wholeOrNear, quotient, large, edges), (x) => {
        expect(Object.is(roundUp(x), roundUpByDefinition(x))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});
