import { annualToPeriodicAttrition, periodicToAnnualAttrition } from "../../src/plan";

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
