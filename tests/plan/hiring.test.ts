import { hiringPlan, requisitionSchedule } from "../../src/plan";

describe("the hiring plan", () => {
  it("refuses a negative target and an attrition rate of 1", () => {
    expect(() => hiringPlan({ targetHeadcount: [1, -2] })).toThrow("targetHeadcount[1] must be 0 or more");
    expect(() => hiringPlan({ targetHeadcount: [1], attritionRate: 1 })).toThrow(
      "attritionRate must be 0 or more and less than 1",
    );
  });

  it("hires the gap to the target, rounded up, after attrition", () => {
    const plan = hiringPlan({ targetHeadcount: [10, 10, 10], startingHeadcount: 8, attritionRate: 0.1 });
    expect(plan.hires).toEqual([3, 1, 1]);
    expect(plan.headcount[0]).toBeCloseTo(10.2, 12);
    expect(plan.headcount[1]).toBeCloseTo(10.18, 12);
    expect(plan.headcount[2]).toBeCloseTo(10.162, 12);
  });

  it("hires nobody for floating-point noise: a target of 0.1 × 3 with 0.3 people in place", () => {
    expect(hiringPlan({ targetHeadcount: [0.1 * 3], startingHeadcount: 0.3 }).hires).toEqual([0]);
    // The same noise after attrition: 10 × (1 − 0.1) is 9 to 15 digits.
    expect(
      hiringPlan({ targetHeadcount: [9.000000000000002], startingHeadcount: 10, attritionRate: 0.1 }).hires,
    ).toEqual([0]);
    // A real shortfall still hires.
    expect(hiringPlan({ targetHeadcount: [0.31], startingHeadcount: 0.3 }).hires).toEqual([1]);
  });

  it("never hires a negative number when the team is above target", () => {
    expect(hiringPlan({ targetHeadcount: [3, 3], startingHeadcount: 5 }).hires).toEqual([0, 0]);
  });

  it("steps up hiring when the target grows", () => {
    expect(hiringPlan({ targetHeadcount: [4, 4, 7, 7], startingHeadcount: 4 }).hires).toEqual([0, 0, 3, 0]);
  });
});

describe("requisitions", () => {
  it("refuses a negative or fractional lead time", () => {
    expect(() => requisitionSchedule([1], -1)).toThrow("leadTimePeriods must be a whole number, 0 or more");
  });

  it("opens each requisition lead-time periods before the hire, and counts the ones already late", () => {
    expect(requisitionSchedule([2, 0, 1, 3], 2)).toEqual({ byPeriod: [1, 3, 0, 0], overdueAtStart: 2 });
    expect(requisitionSchedule([2, 0, 1], 0)).toEqual({ byPeriod: [2, 0, 1], overdueAtStart: 0 });
  });
});
