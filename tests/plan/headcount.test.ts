import { revenueHeadcount, workloadHeadcount } from "../../src/plan";

describe("headcount from a workload", () => {
  it("refuses a negative workload, a capacity of 0 and a utilization outside (0, 1]", () => {
    expect(() => workloadHeadcount(-1, 20)).toThrow("workload must be 0 or more");
    expect(() => workloadHeadcount(200, 0)).toThrow("capacityPerPerson must be greater than 0");
    expect(() => workloadHeadcount(200, 20, 0)).toThrow("utilization must be greater than 0 and at most 1");
    expect(() => workloadHeadcount(200, 20, 1.2)).toThrow("utilization must be greater than 0 and at most 1");
  });

  it("gives the reference's 10 business developers for 200 emails a day at 20 each", () => {
    expect(workloadHeadcount(200, 20)).toBe(10);
  });

  it("accounts for utilization: 200 calls at 50 a day and 80 % of the time needs 5 people", () => {
    expect(workloadHeadcount(200, 50, 0.8)).toBe(5);
    expect(workloadHeadcount(201, 50, 0.8)).toBe(6);
  });

  it("needs nobody for no work", () => {
    expect(workloadHeadcount(0, 20)).toBe(0);
  });
});

describe("headcount from a revenue target", () => {
  it("refuses a quota of 0 and an attainment above 1", () => {
    expect(() => revenueHeadcount(1_000_000, 0)).toThrow("quotaPerRep must be greater than 0");
    expect(() => revenueHeadcount(1_000_000, 100_000, 1.1)).toThrow("attainment must be greater than 0 and at most 1");
  });

  it("divides the target by quota × attainment and rounds up", () => {
    expect(revenueHeadcount(1_200_000, 100_000, 0.8)).toBe(15);
    expect(revenueHeadcount(6_000_000, 600_000, 0.85)).toBe(12);
  });

  it("does not add a rep for floating-point noise (0.7 × 3 ÷ 0.7 reps is 3)", () => {
    expect(revenueHeadcount(0.7 * 3, 0.7)).toBe(3);
  });
});
