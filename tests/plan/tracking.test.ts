import { attainmentOf, paceAttainment } from "../../src/plan";

describe("team attainment", () => {
  it("is the sum of actuals over the sum of quotas", () => {
    expect(attainmentOf([90, 120, 50], [100, 100, 100])).toBeCloseTo(260 / 300, 15);
  });

  it("with a threshold, is the share of reps at or above it, counting a rep exactly at it", () => {
    expect(attainmentOf([90, 120, 50], [100, 100, 100], 1)).toBeCloseTo(1 / 3, 15);
    expect(attainmentOf([90, 100, 50], [100, 100, 100], 0.9)).toBeCloseTo(2 / 3, 15);
  });

  it("compares ratios at Excel's 15 digits: 0.3 of a 0.1 quota is at 300 %", () => {
    expect(attainmentOf([0.1 * 3], [0.1], 3)).toBe(1);
  });

  it("skips a pair with a blank cell, and a pair of two zeros (two blank cells on Excel desktop)", () => {
    expect(attainmentOf([90, null, 50, 0], [100, 100, null, 0])).toBe(0.9);
    expect(attainmentOf([90, null, 50, 0], [100, 100, null, 0], 0.9)).toBe(1);
  });

  it("counts a 0 actual beside a quota as a rep who sold nothing", () => {
    expect(attainmentOf([0, 100], [100, 100], 1)).toBe(0.5);
  });

  it("refuses a quota of 0 beside an actual when measuring reps, but adds its actual to the team's sum", () => {
    expect(() => attainmentOf([10, 100], [0, 100], 1)).toThrow("quotas[0] must be greater than 0 beside an actual");
    expect(attainmentOf([10, 100], [0, 100])).toBeCloseTo(1.1, 15);
  });

  it("refuses ranges of different lengths, negative values and no quota to measure against", () => {
    expect(() => attainmentOf([1, 2], [1])).toThrow("quotas must hold one quota per actual (2)");
    expect(() => attainmentOf([-1], [1])).toThrow("actuals[0] must be 0 or more");
    expect(() => attainmentOf([1], [-1])).toThrow("quotas[0] must be 0 or more");
    expect(() => attainmentOf([1], [1], -1)).toThrow("threshold must be 0 or more");
    expect(() => attainmentOf([null, 0], [5, 0])).toThrow(
      "quotas must hold a quota greater than 0 in at least one pair",
    );
    expect(() => attainmentOf([null], [null], 1)).toThrow(
      "quotas must hold a quota greater than 0 in at least one pair",
    );
  });
});

describe("pace to the end of the period", () => {
  it("projects the bookings so far over the elapsed share of the period: 300,000 after 30 of 90 days is 0.9 of 1M", () => {
    expect(paceAttainment(300_000, 1_000_000, 30, 90)).toBeCloseTo(0.9, 15);
    expect(paceAttainment(1_000_000, 1_000_000, 90, 90)).toBe(1);
  });

  it("with weights, reads the elapsed share from them: a back-loaded quarter 1, 1, 2 after one month", () => {
    expect(paceAttainment(300_000, 1_000_000, 1, 3, [1, 1, 2])).toBeCloseTo(1.2, 15);
    expect(paceAttainment(300_000, 1_000_000, 2, 3, [1, 1, 2])).toBeCloseTo(0.6, 15);
  });

  it("refuses nothing elapsed rather than answering 0, and more elapsed than the period", () => {
    expect(() => paceAttainment(1, 10, 0, 90)).toThrow("elapsed must be greater than 0 and at most total (90)");
    expect(() => paceAttainment(1, 10, 91, 90)).toThrow("elapsed must be greater than 0 and at most total (90)");
    expect(() => paceAttainment(1, 10, 0, 3, [1, 1, 1])).toThrow(
      "elapsed must be a whole number from 1 to the number of weights (3)",
    );
    expect(() => paceAttainment(1, 10, 1.5, 3, [1, 1, 1])).toThrow(
      "elapsed must be a whole number from 1 to the number of weights (3)",
    );
  });

  it("refuses a total other than the number of weights, and elapsed weights all 0", () => {
    expect(() => paceAttainment(1, 10, 1, 90, [1, 1, 1])).toThrow("total must be the number of weights (3)");
    expect(() => paceAttainment(1, 10, 1, 3, [0, 1, 1])).toThrow(
      "weights must not all be 0 in the first 1 sub-periods",
    );
  });

  it("refuses a target of 0 and negative bookings", () => {
    expect(() => paceAttainment(1, 0, 1, 3)).toThrow("target must be greater than 0");
    expect(() => paceAttainment(-1, 10, 1, 3)).toThrow("actualToDate must be 0 or more");
  });
});
