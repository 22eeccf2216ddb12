import fc from "fast-check";
import { overlayHeadcount, pipelineCoverage, pipelineToCreate, quotaToAssign } from "../../src/plan";

describe("pipeline to create per period", () => {
  it("creates in period t the coverage times the new business closing lag periods later, 0 beyond the plan", () => {
    expect(pipelineToCreate([100, 200, 300], 3, 1, 0.5)).toEqual([300, 450, 0]);
    expect(pipelineToCreate([100, 200, 300], 3, 2)).toEqual([900, 0, 0]);
    expect(pipelineToCreate([100, 200, 300], 3, 3)).toEqual([0, 0, 0]);
  });

  it("without a lag or share, is each period's bookings times the coverage", () => {
    expect(pipelineToCreate([100, 0, 250], 4)).toEqual([400, 0, 1000]);
  });

  it("refuses negative bookings, a negative coverage, a fractional or negative lag and a share outside [0, 1]", () => {
    expect(() => pipelineToCreate([1, -1], 3)).toThrow("bookings[1] must be 0 or more");
    expect(() => pipelineToCreate([1], -3)).toThrow("coverage must be 0 or more");
    expect(() => pipelineToCreate([1], 3, 1.5)).toThrow("lagPeriods must be a whole number, 0 or more");
    expect(() => pipelineToCreate([1], 3, -1)).toThrow("lagPeriods must be a whole number, 0 or more");
    expect(() => pipelineToCreate([1], 3, 0, 1.2)).toThrow("newBusinessShare must be from 0 to 1");
  });

  it("is as long as the bookings, and shifting by the lag never invents pipeline", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e6 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 40 }),
        (bookings, lag) => {
          const pipeline = pipelineToCreate(bookings, 2, lag);
          expect(pipeline).toHaveLength(bookings.length);
          const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
          expect(sum(pipeline)).toBe(2 * sum(bookings.slice(lag)));
        },
      ),
    );
  });
});

describe("pipeline coverage", () => {
  it("gives the published rule: 3× at a one-in-three win rate, 4× at 25 %, 2× at 50 %", () => {
    // getfairview.com/blog/pipeline-coverage-ratio: "At a 33% win rate, you need roughly 3× coverage … At 25%,
    // you need 4×. At 50%, you need 2×."
    expect(pipelineCoverage(1 / 3)).toBe(3);
    expect(pipelineCoverage(0.25)).toBe(4);
    expect(pipelineCoverage(0.5)).toBe(2);
  });

  it("needs coverage only for the bookings not created and closed within the period", () => {
    expect(pipelineCoverage(0.25, 0.2)).toBeCloseTo(3.2, 14);
    expect(pipelineCoverage(0.25, 1)).toBe(0);
  });

  it("refuses a win rate of 0 or above 1 and a share outside [0, 1]", () => {
    expect(() => pipelineCoverage(0)).toThrow("winRate must be greater than 0 and at most 1");
    expect(() => pipelineCoverage(1.5)).toThrow("winRate must be greater than 0 and at most 1");
    expect(() => pipelineCoverage(0.3, -0.1)).toThrow("createAndCloseShare must be from 0 to 1");
  });
});

describe("quota to assign", () => {
  it("assigns 1.2M of quota for a 1M plan at a 20 % over-assignment", () => {
    expect(quotaToAssign(1_000_000, 0.2)).toBe(1_200_000);
    expect(quotaToAssign(1_000_000, 0)).toBe(1_000_000);
  });

  it("refuses a negative over-assignment (quotas adding up to less than the plan) and a negative capacity", () => {
    expect(() => quotaToAssign(1_000_000, -0.1)).toThrow("overAssignment must be 0 or more");
    expect(() => quotaToAssign(-1, 0.2)).toThrow("capacity must be 0 or more");
  });
});

describe("overlay headcount", () => {
  it("rounds the overlay roles up to whole people: 10 reps at 4 per sales engineer need 3", () => {
    expect(overlayHeadcount(10, 4)).toBe(3);
    expect(overlayHeadcount(8, 4)).toBe(2);
    expect(overlayHeadcount(0, 4)).toBe(0);
  });

  it("rounds at Excel's 15 digits: 0.3 supported at 0.1 each is 3, not 4", () => {
    expect(overlayHeadcount(0.1 * 3, 0.1)).toBe(3);
  });

  it("refuses a ratio of 0 and negative headcount", () => {
    expect(() => overlayHeadcount(10, 0)).toThrow("peoplePerOverlay must be greater than 0");
    expect(() => overlayHeadcount(-1, 4)).toThrow("supportedHeadcount must be 0 or more");
  });
});
