import fc from "fast-check";
import {
  capacityPerPeriod,
  hiringPlan,
  productiveRepsPerPeriod,
  rampFactor,
  repsPerPeriod,
  type Ramp,
} from "../../src/plan";

/**
 * The reference implementation: the convention written out term by term, as the quadratic code before it computed it:
 * starting × stay^(t + 1) + Σ hires(h) × ramp(t − h) × stay^(t − h), and with departures the fully ramped pool checked
 * cohort by cohort.
 */
function productiveRepsByDefinition(
  hires: readonly number[],
  ramp: Ramp,
  starting: number,
  attrition: { rate: number } | { departures: readonly number[] },
): number[] {
  if ("rate" in attrition) {
    const stay = 1 - attrition.rate;
    return hires.map((_, t) => {
      let reps = starting * stay ** (t + 1);
      for (let h = 0; h <= t; h++) reps += hires[h]! * rampFactor(t - h, ramp) * stay ** (t - h);
      return reps;
    });
  }
  let departedBefore = 0;
  return hires.map((_, t) => {
    let reps = starting - departedBefore;
    let fullyRamped = starting;
    for (let h = 0; h <= t; h++) {
      const factor = rampFactor(t - h, ramp);
      reps += hires[h]! * factor;
      if (factor >= 1) fullyRamped += hires[h]!;
    }
    departedBefore += attrition.departures[t]!;
    if (departedBefore > fullyRamped) throw new Error(`departures exceed the ramped reps in period ${t + 1}`);
    return reps;
  });
}

/**
 * The fast computation adds the same non-negative terms in another order, so it may differ from the reference by
 * floating-point rounding: a few units in the 16th significant digit (measured: at most 1.1E-15 relative over 180,000
 * random periods). Rounded to Excel's 15 digits the two agree but where a value sits on a rounding boundary, so the
 * tolerance is stated relative: 4E-15, under one unit of the 15th digit.
 */
const RELATIVE_TOLERANCE = 4e-15;

function expectWithinRounding(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, t) => {
    const wanted = expected[t]!;
    if (Math.abs(value - wanted) > RELATIVE_TOLERANCE * Math.abs(wanted)) {
      throw new Error(`period ${t}: ${value} differs from ${wanted} by more than floating-point rounding`);
    }
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
    // Starting reps, in place before the first month, go through its attrition: 9, 8.1, 7.29; the two hires, hired in
    // the first month: 2, 1.8, 1.62.
    expect(reps[0]).toBeCloseTo(11, 12);
    expect(reps[1]).toBeCloseTo(9.9, 12);
    expect(reps[2]).toBeCloseTo(8.91, 12);
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

  it("gives the sum of every cohort's ramp × survival term to floating-point rounding, for any hires, ramp and attrition", () => {
    const ramp = fc.oneof(
      fc.integer({ min: 0, max: 40 }),
      fc.double({ min: 0, max: 40, noNaN: true }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
      fc.array(fc.constantFrom(0, 0.5, 1), { minLength: 1, maxLength: 6 }),
    );
    const hiresAmount = fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 5 }),
      fc.double({ min: 0, max: 5, noNaN: true }),
      fc.double({ min: 0, max: 1e12, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(hiresAmount, { maxLength: 150 }),
        ramp,
        fc.integer({ min: 0, max: 20 }),
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
        (hires, rampValue, starting, rate) => {
          const reps = productiveRepsPerPeriod({
            hires,
            quotaPerPeriod: 1,
            ramp: rampValue,
            startingReps: starting,
            attrition: { kind: "rate", ratePerPeriod: rate },
          });
          expectWithinRounding(reps, productiveRepsByDefinition(hires, rampValue, starting, { rate }));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("with departures, gives the reference's reps and refuses exactly where it does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 60 }),
        fc.oneof(fc.integer({ min: 0, max: 8 }), fc.array(fc.constantFrom(0, 0.25, 1), { minLength: 1, maxLength: 6 })),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 60, maxLength: 60 }),
        (hires, rampValue, starting, allDepartures) => {
          const departures = allDepartures.slice(0, hires.length);
          let expected: number[] | Error;
          try {
            expected = productiveRepsByDefinition(hires, rampValue, starting, { departures });
          } catch (error) {
            expected = error as Error;
          }
          const compute = () =>
            productiveRepsPerPeriod({
              hires,
              quotaPerPeriod: 1,
              ramp: rampValue,
              startingReps: starting,
              attrition: { kind: "departures", departures },
            });
          if (expected instanceof Error) {
            const period = /period (\d+)/.exec(expected.message)![1]!;
            expect(compute).toThrow(`departures through period ${period} `);
          } else {
            expectWithinRounding(compute(), expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("takes time in proportion to the periods on a linear ramp, however long the ramp", () => {
    // Not a timing: the reference's term count. 20,000 periods on a 10,000-period ramp is 200 million terms term by
    // term; the fast path adds a few per period. Compared at a few sampled periods against the reference's sums.
    const hires = Array.from({ length: 20_000 }, (_, t) => (t % 7 === 0 ? 3 : t % 5 === 0 ? 1.5 : 0));
    const reps = productiveRepsPerPeriod({
      hires,
      quotaPerPeriod: 1,
      ramp: 10_000.5,
      startingReps: 4,
      attrition: { kind: "rate", ratePerPeriod: 0.0001 },
    });
    const stay = 1 - 0.0001;
    for (const t of [0, 1, 9_999, 10_000, 10_001, 15_000, 19_999]) {
      let expected = 4 * stay ** (t + 1);
      for (let h = 0; h <= t; h++) expected += hires[h]! * rampFactor(t - h, 10_000.5) * stay ** (t - h);
      expect(Math.abs(reps[t]! - expected)).toBeLessThanOrEqual(1e-12 * expected);
    }
  });
});

describe("capacity and the hiring grid: one headcount", () => {
  const monthly = 1 - (1 - 0.5) ** (1 / 12);
  const targets = [10, 10, 10, 12, 12, 12, 12, 12, 14, 14, 14, 14];

  it("with 50 % attrition, never counts more productive reps than the hiring grid's expected headcount", () => {
    const hiring = hiringPlan({ targetHeadcount: targets, startingHeadcount: 8, attritionRate: monthly });
    for (const ramp of [3, [0, 0.25, 0.5, 0.75], 0.5, 12] as const) {
      const productive = productiveRepsPerPeriod({
        hires: hiring.hires,
        quotaPerPeriod: 1,
        ramp,
        startingReps: 8,
        attrition: { kind: "rate", ratePerPeriod: monthly },
      });
      productive.forEach((reps, m) => expect(reps).toBeLessThanOrEqual(hiring.headcount[m]!));
    }
  });

  it("counts exactly the hiring grid's expected headcount when hires are productive at once", () => {
    const hiring = hiringPlan({ targetHeadcount: targets, startingHeadcount: 8, attritionRate: monthly });
    const input = {
      hires: hiring.hires,
      quotaPerPeriod: 1,
      ramp: 0,
      startingReps: 8,
      attrition: { kind: "rate" as const, ratePerPeriod: monthly },
    };
    expect(productiveRepsPerPeriod(input)).toEqual(hiring.headcount);
    expect(repsPerPeriod(input)).toEqual(hiring.headcount);
  });

  it("agree on any targets, starting headcount and rate: equal with no ramp, productive below with one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 36 }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.integer({ min: 1, max: 9 }),
        (target, starting, rate, rampMonths) => {
          const hiring = hiringPlan({ targetHeadcount: target, startingHeadcount: starting, attritionRate: rate });
          const reps = (ramp: Ramp) =>
            productiveRepsPerPeriod({
              hires: hiring.hires,
              quotaPerPeriod: 1,
              ramp,
              startingReps: starting,
              attrition: { kind: "rate", ratePerPeriod: rate },
            });
          expect(reps(0)).toEqual(hiring.headcount);
          reps(rampMonths).forEach((value, m) => expect(value).toBeLessThanOrEqual(hiring.headcount[m]!));
        },
      ),
      { numRuns: 300 },
    );
  });
});
