import { roundDown, roundHalfUp, roundUp, toExcelPrecision } from "../../src/plan/excel-precision";

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
});
