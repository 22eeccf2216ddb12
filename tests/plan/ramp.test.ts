import { rampFactor, rampFactors, rampLength } from "../../src/plan";

describe("the ramp", () => {
  it("refuses a negative length, an empty list and a fraction above 1", () => {
    expect(() => rampFactor(1, -1)).toThrow("ramp must be 0 or more months, or a list of fractions from 0 to 1");
    expect(() => rampFactor(1, [])).toThrow("ramp must hold at least one fraction");
    expect(() => rampFactor(1, [0.5, 1.5])).toThrow("ramp[1] must be from 0 to 1");
  });

  it("refuses a fractional number of periods", () => {
    expect(() => rampFactor(1.5, 3)).toThrow("periodsSinceHire must be a whole number of periods");
  });

  it("is linear over N periods: the hire period counts 0, then k ÷ N up to 1", () => {
    expect([0, 1, 2, 3, 4].map((k) => rampFactor(k, 3))).toEqual([0, 1 / 3, 2 / 3, 1, 1]);
  });

  it("makes a new hire fully productive at once when N is 0", () => {
    expect(rampFactor(0, 0)).toBe(1);
  });

  it("follows an explicit list, then counts 1 once the list ends", () => {
    expect([0, 1, 2, 3, 10].map((k) => rampFactor(k, [0.25, 0.5, 0.75]))).toEqual([0.25, 0.5, 0.75, 1, 1]);
  });

  it("counts 0 before the hire", () => {
    expect(rampFactor(-1, 3)).toBe(0);
    expect(rampFactor(-2, [0.5])).toBe(0);
  });

  it("says how many periods a ramp lasts", () => {
    expect(rampLength(3)).toBe(3);
    expect(rampLength(0)).toBe(0);
    expect(rampLength([0.25, 0.5, 1, 1])).toBe(2);
  });
});

describe("the ramp's factors", () => {
  it("lists the factor of each month since the hire, 1 once the ramp is over", () => {
    expect(rampFactors(2, 4)).toEqual([0, 0.5, 1, 1]);
    expect(rampFactors([0.25, 0.5], 4)).toEqual([0.25, 0.5, 1, 1]);
    expect(rampFactors(0, 2)).toEqual([1, 1]);
  });
});
