import fc from "fast-check";
import { capacityPerPeriod, productiveRepsPerPeriod, rampFactor, repsPerPeriod, type Ramp } from "../../src/plan";

/** The convention written out term by term: starting × stay^t + Σ hires(h) × ramp(t − h) × stay^(t − h). */
function productiveRepsByDefinition(hires: readonly number[], ramp: Ramp, starting: number, rate: number): number[] {
  const stay = 1 - rate;
  return hires.map((_, t) => {
    let reps = starting * stay ** t;
    for (let h = 0; h <= t; h++) reps += hires[h]! * rampFactor(t - h, ramp) * stay ** (t - h);
    return reps;
  });
}

describe("capacity per period", () => {
  it("refuses negative hires, a quota of 0 and a departure list of the wrong length", () => {
    expect(() => capacityPerPeriod({ hires: [1, -1], quotaPerPeriod: 10, ramp: 0 })).toThrow(
      "hires[1] must be 0 or more",
    );
    expect(() => capacityPerPeriod({ hires: [1], quotaPerPeriod: 0, ramp: 0 })).toThrow(
      "quotaPerPeriod must be greater than 0",
    );
    expect(() =>
      capacityPerPeriod({
        hires: [1, 1],
        quotaPerPeriod: 10,
        ramp: 0,
        attrition: { kind: "departures", departures: [0] },
      }),
    ).toThrow("attrition must hold one departure count per period (2)");
    expect(() =>
      capacityPerPeriod({ hires: [1], quotaPerPeriod: 10, ramp: 0, attrition: { kind: "rate", ratePerPeriod: 1 } }),
    ).toThrow("attrition must be 0 or more and less than 1");
  });

  it("counts starting reps fully and new hires by their ramp", () => {
    // 2 ramped reps, 1 hire in period 0 with a 2-period linear ramp: 2, 2.5, 3 productive reps.
    expect(capacityPerPeriod({ hires: [1, 0, 0], quotaPerPeriod: 10_000, ramp: 2, startingReps: 2 })).toEqual([
      20_000, 25_000, 30_000,
    ]);
  });

  it("applies attainment", () => {
    expect(
      capacityPerPeriod({ hires: [0], quotaPerPeriod: 10_000, ramp: 0, startingReps: 3, attainment: 0.8 }),
    ).toEqual([24_000]);
  });

  it("with an attrition rate, weighs every rep by its chance of still being there", () => {
    const reps = productiveRepsPerPeriod({
      hires: [2, 0, 0],
      quotaPerPeriod: 1,
      ramp: 0,
      startingReps: 10,
      attrition: { kind: "rate", ratePerPeriod: 0.1 },
    });
    // Starting reps: 10, 9, 8.1; the two hires: 2, 1.8, 1.62.
    expect(reps[0]).toBeCloseTo(12, 12);
    expect(reps[1]).toBeCloseTo(10.8, 12);
    expect(reps[2]).toBeCloseTo(9.72, 12);
  });

  it("with departure counts, removes leavers from the ramped pool after the period they leave", () => {
    const input = {
      hires: [0, 0, 0],
      quotaPerPeriod: 100,
      ramp: 0,
      startingReps: 5,
      attrition: { kind: "departures" as const, departures: [1, 0, 2] },
    };
    expect(capacityPerPeriod(input)).toEqual([500, 400, 400]);
    expect(repsPerPeriod(input)).toEqual([5, 4, 4]);
  });

  it("refuses more departures than fully ramped reps", () => {
    expect(() =>
      capacityPerPeriod({
        hires: [1, 0],
        quotaPerPeriod: 100,
        ramp: 3,
        attrition: { kind: "departures", departures: [1, 0] },
      }),
    ).toThrow("attrition departures through period 1 (1) exceed the fully ramped reps available (0)");
  });

  it("computes a published-style ramp example: 3 hires a month on a 3-month ramp reach 6 productive reps by month 3", () => {
    const reps = productiveRepsPerPeriod({ hires: [3, 3, 3, 3], quotaPerPeriod: 1, ramp: 3 });
    expect(reps.map((r) => Math.round(r * 1e12) / 1e12)).toEqual([0, 1, 3, 6]);
  });

  it("gives, to the last bit, the sum of every cohort's ramp × survival term, for any hires, ramp and rate", () => {
    const ramp = fc.oneof(
      fc.integer({ min: 0, max: 12 }),
      fc.double({ min: 0, max: 12, noNaN: true }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 5, noNaN: true })), {
          maxLength: 60,
        }),
        ramp,
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (hires, rampValue, starting, rate) => {
          const reps = productiveRepsPerPeriod({
            hires,
            quotaPerPeriod: 1,
            ramp: rampValue,
            startingReps: starting,
            attrition: { kind: "rate", ratePerPeriod: rate },
          });
          const expected = productiveRepsByDefinition(hires, rampValue, starting, rate);
          expect(reps.length).toBe(expected.length);
          reps.forEach((value, t) => expect(Object.is(value, expected[t])).toBe(true));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
