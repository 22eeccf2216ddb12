import { repeatWithinMs, summarize } from "../../bench/stats";

describe("benchmark statistics", () => {
  it("give the median of an odd and of an even number of runs, with the fastest and slowest", () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: 3 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, runs: 4 });
    expect(() => summarize([])).toThrow("summarize needs at least one value");
  });

  it("repeat a run at least the minimum and at most the maximum number of times, after one warm-up", () => {
    let calls = 0;
    expect(repeatWithinMs(() => void calls++, { minRuns: 3, maxRuns: 5, budgetMs: 0 })).toHaveLength(3);
    expect(calls).toBe(4);
    expect(repeatWithinMs(() => undefined, { minRuns: 1, maxRuns: 5, budgetMs: 60_000 })).toHaveLength(5);
  });
});
