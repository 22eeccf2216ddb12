import { headcount } from "../../src/functions/functions";

function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected the function to throw");
}

describe("PLAN.HEADCOUNT", () => {
  it("refuses text in a number argument, naming the argument", () => {
    const error = errorOf(() => headcount("lots" as unknown as number, 20));
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    expect(error.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(error.message).toBe('workload must be a number (got the text "lots")');
  });

  it("refuses a negative workload and a capacity of zero, naming the range", () => {
    expect(errorOf(() => headcount(-1, 20)).message).toBe("workload must be 0 or more");
    expect(errorOf(() => headcount(200, 0)).message).toBe("capacity_per_person must be greater than 0");
  });

  it("refuses NaN and infinities", () => {
    expect(errorOf(() => headcount(Number.NaN, 20)).message).toBe("workload must be a finite number");
    expect(errorOf(() => headcount(200, Number.POSITIVE_INFINITY)).message).toBe(
      "capacity_per_person must be a finite number",
    );
  });

  it("treats an empty workload cell as 0", () => {
    expect(headcount(null as unknown as number, 20)).toBe(0);
  });

  it("gives the reference plan's 10 business developers for 200 emails a day at 20 each", () => {
    expect(headcount(200, 20)).toBe(10);
  });

  it("rounds any fraction of a person up", () => {
    expect(headcount(201, 20)).toBe(11);
  });

  it("rounds as Excel does after 15 significant digits (0.1 × 3 ÷ 0.1 people is 3, not 4)", () => {
    expect(headcount(0.1 * 3, 0.1)).toBe(3);
  });
});
