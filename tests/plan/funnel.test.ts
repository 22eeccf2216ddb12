import { backCalculateFunnel, dealsNeeded, forwardFunnel, reverseFunnel } from "../../src/plan";

describe("the reverse funnel", () => {
  it("refuses an empty list of rates and a rate outside (0, 1], naming it", () => {
    expect(() => reverseFunnel(14, [])).toThrow("conversionRates must hold at least one rate");
    expect(() => reverseFunnel(14, [0.1, 0])).toThrow("conversionRates[1] must be greater than 0 and at most 1");
    expect(() => reverseFunnel(14, [1.4])).toThrow("conversionRates[0] must be greater than 0 and at most 1");
  });

  it("refuses a negative or non-finite deal count", () => {
    expect(() => reverseFunnel(-1, [0.5])).toThrow("deals must be 0 or more");
    expect(() => reverseFunnel(Number.NaN, [0.5])).toThrow("deals must be a finite number");
  });

  it("computes the published example: 14 deals at 10 %, 35 %, 50 % and 40 % need 2,000 calls, 200, 70 and 35", () => {
    expect(reverseFunnel(14, [0.1, 0.35, 0.5, 0.4])).toEqual([2000, 200, 70, 35]);
  });

  it("rounds every stage up from the rounded stage below it", () => {
    // 10 deals at 30 %: 33.33 → 34 proposals; 34 at 30 % → 113.33 → 114 meetings (not ROUNDUP(111.1) = 112).
    expect(reverseFunnel(10, [0.3, 0.3])).toEqual([114, 34]);
  });

  it("gives exact volumes without rounding", () => {
    const [meetings, proposals] = reverseFunnel(10, [0.3, 0.3], "none");
    expect(proposals).toBeCloseTo(33.333333333, 8);
    expect(meetings).toBeCloseTo(111.111111111, 8);
  });

  it("does not turn binary floating-point noise into an extra lead (21 ÷ 0.7 is 30, not 31)", () => {
    expect(21 / 0.7).toBe(30.000000000000004);
    expect(reverseFunnel(21, [0.7])).toEqual([30]);
  });
});

describe("deals from revenue", () => {
  it("refuses a zero average deal value", () => {
    expect(() => dealsNeeded(1_000_000, 0)).toThrow("averageDealValue must be greater than 0");
  });

  it("rounds a fraction of a deal up", () => {
    expect(dealsNeeded(1_000_000, 30_000)).toBe(34);
    expect(dealsNeeded(1_000_000, 30_000, "none")).toBeCloseTo(33.3333333333, 8);
  });

  it("chains revenue, deals and the stages", () => {
    expect(
      backCalculateFunnel({
        revenueTarget: 1_400_000,
        averageDealValue: 100_000,
        conversionRates: [0.1, 0.35, 0.5, 0.4],
      }),
    ).toEqual({ deals: 14, stageVolumes: [2000, 200, 70, 35] });
  });
});

describe("the forward funnel", () => {
  it("multiplies the top volume by each rate on the way down", () => {
    const forward = forwardFunnel(2000, [0.1, 0.35, 0.5, 0.4]);
    expect(forward.stageVolumes.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([2000, 200, 70, 35]);
    expect(forward.deals).toBeCloseTo(14, 9);
  });
});
