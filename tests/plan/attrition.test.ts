import { annualToPeriodicAttrition, periodicToAnnualAttrition, survivalProbability } from "../../src/plan";

describe("attrition conversion", () => {
  it("refuses a rate of 1 or more", () => {
    expect(() => annualToPeriodicAttrition(1, 12)).toThrow("annualRate must be 0 or more and less than 1");
  });

  it("compounds an annual rate into a monthly one: 20 % a year is 1.842 % a month", () => {
    expect(annualToPeriodicAttrition(0.2, 12)).toBeCloseTo(0.018423, 6);
    expect(annualToPeriodicAttrition(0.2, 4)).toBeCloseTo(0.054258, 6);
  });

  it("round-trips", () => {
    expect(periodicToAnnualAttrition(annualToPeriodicAttrition(0.3, 12), 12)).toBeCloseTo(0.3, 12);
  });
});

describe("survival probability", () => {
  it("compounds the per-period rate: a 20 % annual rate leaves 80 % after 12 months", () => {
    const monthly = annualToPeriodicAttrition(0.2, 12);
    expect(survivalProbability(monthly, 0)).toBe(1);
    expect(survivalProbability(monthly, 12)).toBeCloseTo(0.8, 12);
    expect(() => survivalProbability(1, 3)).toThrow("ratePerPeriod must be 0 or more and less than 1");
  });
});
