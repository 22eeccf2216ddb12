import fc from "fast-check";
import {
  capacityPerPeriod,
  forwardFunnel,
  repsPerPeriod,
  reverseFunnel,
  splitByWeights,
  type Ramp,
} from "../../src/plan";

const rate = fc.double({ min: 0.01, max: 1, noNaN: true });
const rates = fc.array(rate, { minLength: 1, maxLength: 8 });
const deals = fc.integer({ min: 0, max: 100_000 });

describe("properties of the plan math", () => {
  it("forward(reverse(deals)) reaches at least the deals", () => {
    fc.assert(
      fc.property(deals, rates, (target, conversionRates) => {
        const top = reverseFunnel(target, conversionRates)[0]!;
        return forwardFunnel(top, conversionRates).deals >= target * (1 - 1e-12);
      }),
      { numRuns: 1000 },
    );
  });

  it("the reverse funnel grows with the target", () => {
    fc.assert(
      fc.property(deals, deals, rates, (a, b, conversionRates) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const smallVolumes = reverseFunnel(small, conversionRates);
        const largeVolumes = reverseFunnel(large, conversionRates);
        return smallVolumes.every((volume, index) => volume <= largeVolumes[index]!);
      }),
      { numRuns: 1000 },
    );
  });

  it("the reverse funnel shrinks as any rate grows", () => {
    fc.assert(
      fc.property(deals, rates, fc.nat(), rate, (target, conversionRates, pick, bump) => {
        const index = pick % conversionRates.length;
        const higher = [...conversionRates];
        higher[index] = Math.max(conversionRates[index]!, bump);
        const before = reverseFunnel(target, conversionRates);
        const after = reverseFunnel(target, higher);
        return after.every((volume, i) => volume <= before[i]!);
      }),
      { numRuns: 1000 },
    );
  });

  it("a whole-number split always sums to its total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc
          .array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 24 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = splitByWeights(total, weights, true);
          return parts.reduce((a, b) => a + b, 0) === total && parts.every((p) => Number.isInteger(p) && p >= 0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("capacity never exceeds reps × quota × attainment", () => {
    const ramp: fc.Arbitrary<Ramp> = fc.oneof(
      fc.integer({ min: 0, max: 12 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 36 }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        ramp,
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (hires, quota, rampValue, starting, attritionRate, attainment) => {
          const input = {
            hires,
            quotaPerPeriod: quota,
            ramp: rampValue,
            startingReps: starting,
            attrition: { kind: "rate" as const, ratePerPeriod: attritionRate },
            attainment,
          };
          const capacity = capacityPerPeriod(input);
          const reps = repsPerPeriod(input);
          return capacity.every((value, t) => value >= 0 && value <= reps[t]! * quota * attainment * (1 + 1e-12));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
