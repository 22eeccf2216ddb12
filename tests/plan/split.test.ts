import fc from "fast-check";
import { largestRemainderSplit, splitByWeights } from "../../src/plan";

/**
 * The reference implementation of the ranks, as the sheet's rank formula states them and as the quadratic code before
 * computed them: 1 + the count of remainders larger, or equal and earlier.
 */
function ranksByCounting(remainders: readonly number[]): number[] {
  return remainders.map(
    (remainder, index) =>
      1 + remainders.filter((other, j) => other > remainder || (other === remainder && j < index)).length,
  );
}

describe("splitting a total by weights", () => {
  it("refuses negative weights, all-zero weights and a fractional total in whole mode", () => {
    expect(() => splitByWeights(10, [1, -1])).toThrow("weights[1] must be 0 or more");
    expect(() => splitByWeights(10, [0, 0])).toThrow("weights must not all be zero");
    expect(() => splitByWeights(10.5, [1, 1], true)).toThrow(
      "total must be a whole number, 0 or more, to be split into whole parts",
    );
  });

  it("splits proportionally", () => {
    expect(splitByWeights(1_200_000, [1, 1.1, 0.7, 1.2])).toEqual([300_000, 330_000, 210_000, 360_000]);
  });

  it("gives the units left over to the largest remainders, ties to the earliest period", () => {
    expect(splitByWeights(10, [1, 1, 1], true)).toEqual([4, 3, 3]);
    expect(splitByWeights(11, [1, 1, 1], true)).toEqual([4, 4, 3]);
    expect(splitByWeights(7, [1, 2, 4], true)).toEqual([1, 2, 4]);
    expect(splitByWeights(100, [0.8, 1, 1, 1.4], true)).toEqual([19, 24, 24, 33]);
  });

  it("refuses weights whose sum is beyond the largest number instead of giving every part 0", () => {
    expect(() => splitByWeights(10, [1e308, 1e308])).toThrow("weights must add up to a finite number");
  });

  it("refuses a whole total too large for its parts to add up to it exactly", () => {
    expect(() => splitByWeights(1e300, [1, 1, 1], true)).toThrow(
      "total is too large to be split into whole parts that add up to it exactly",
    );
    expect(splitByWeights(1e12, [1, 1, 1], true)).toEqual([333_333_333_334, 333_333_333_333, 333_333_333_333]);
  });

  it("gives a zero-weight period nothing", () => {
    expect(splitByWeights(5, [0, 1, 0], true)).toEqual([0, 5, 0]);
  });

  it("exposes every step of the largest remainder method, as the seasonality table's helper columns show it", () => {
    expect(largestRemainderSplit(100, [0.8, 1, 1, 1.4])).toEqual({
      shares: [0.8, 1, 1, 1.4].map((weight) => weight / (0.8 + 1 + 1 + 1.4)),
      exact: [19.047619, 23.809524, 23.809524, 33.333333],
      wholeParts: [19, 23, 23, 33],
      remainders: [0.047619, 0.809524, 0.809524, 0.333333],
      ranks: [4, 1, 2, 3],
      leftover: 2,
      parts: [19, 24, 24, 33],
    });
  });

  it("treats remainders equal to 6 decimals as a tie even when float noise differs, so every engine agrees", () => {
    // 27.275 − 27 is 0.27499999999999858 and 13.275 − 13 is 0.27500000000000036: a tie, so the earlier period wins.
    const split = largestRemainderSplit(100, [27.275, 13.275, 59.2, 0.25]);
    expect(split.remainders.slice(0, 2)).toEqual([0.275, 0.275]);
    expect(split.parts).toEqual([28, 13, 59, 0]);
  });

  it("ranks remainders exactly as counting larger-or-earlier ones does, with many ties, on any weights", () => {
    const weight = fc.oneof(
      fc.constantFrom(0, 1, 2, 0.5, 1.5),
      fc.integer({ min: 0, max: 1_000 }).map((w) => w / 100),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(weight, { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 10_000 }),
        (weights, total) => {
          fc.pre(weights.some((w) => w > 0));
          const split = largestRemainderSplit(total, weights);
          expect(split.ranks).toEqual(ranksByCounting(split.remainders));
          expect(split.parts.reduce((a, b) => a + b, 0)).toBe(total);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("splits 200,000 weights, far beyond what a quadratic ranking could (40 billion comparisons)", () => {
    const weights = Array.from({ length: 200_000 }, (_, i) => 1 + (i % 97) / 7);
    const split = largestRemainderSplit(1_000_003, weights);
    expect(split.parts.reduce((a, b) => a + b, 0)).toBe(1_000_003);
    expect([...split.ranks].sort((a, b) => a - b)).toEqual(Array.from({ length: 200_000 }, (_, i) => i + 1));
  });
});
