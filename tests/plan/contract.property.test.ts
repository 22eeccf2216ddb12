/**
 * Property: validation is the whole contract. Plans built from an example or from the generator (many rows), with
 * several numeric fields set to extreme values (tiny, huge, boundaries, random magnitudes), are either refused with
 * every issue naming a field, or they compute with finite figures, lay out with finite numbers, and recalculate in
 * HyperFormula without an error cell.
 *
 * Runs: PROPERTY_RUNS (30 locally, to keep `npm test` short on a shared machine; 200 under TEST_SCALE=full in CI),
 * from the fixed seed PROPERTY_SEED (default 20261208): the local runs are the first of CI's, and a failure repeats.
 */
import fc from "fast-check";
import { examplePlan } from "../../src/plan";
import { checkContract, numericPaths, recalculationProblems } from "../helpers/plan-contract";
import { generatePlanInput } from "../helpers/plan-generator";
import { PROPERTY_SEED as SEED, scaledCount } from "../helpers/test-scale";

const RUNS = scaledCount("PROPERTY_RUNS", { local: 30, full: 200 });

const magnitude = fc.oneof(
  fc.constantFrom(-1, 0, 5e-324, 1e-300, 1e-9, 1e-6, 0.01, 0.5, 1, 5, 12, 24, 31, 60, 1e6, 1e9, 1e12, 1e15, 1e308),
  fc.double({ min: 1e-12, max: 1, noNaN: true }),
  fc.double({ min: 1, max: 1e13, noNaN: true }),
  fc.integer({ min: 0, max: 100 }),
);

/** A base plan: one of the examples, or a generated plan of up to a few hundred rows. */
const basePlan = fc.oneof(
  fc.constantFrom("en-saas", "fr-reference").map((name) => structuredClone(examplePlan(name)) as unknown),
  fc
    .record({
      size: fc.integer({ min: 20, max: 200 }),
      seed: fc.integer({ min: 1, max: 1000 }),
      granularity: fc.constantFrom("quarter" as const, "month" as const),
      funnelRounding: fc.constantFrom("up" as const, "none" as const),
      horizonMonths: fc.constantFrom(12, 13, 36, 60),
    })
    .map(({ size, ...options }) => generatePlanInput(size, options) as unknown),
);

function setAt(target: unknown, path: readonly (string | number)[], value: number): void {
  let node = target as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

describe("validation is the whole contract", () => {
  it("accepts only plans that compute, lay out and recalculate with finite numbers; refuses others by field", () => {
    let accepted = 0;
    fc.assert(
      fc.property(basePlan, fc.array(fc.tuple(fc.nat(), magnitude), { minLength: 1, maxLength: 6 }), (plan, edits) => {
        const paths = numericPaths(plan).filter((path) => path[0] !== "schemaVersion");
        for (const [pick, value] of edits) setAt(plan, paths[pick % paths.length]!, value);
        const outcome = checkContract(plan);
        if (outcome.kind === "broken") throw new Error(outcome.problems.join("\n"));
        if (outcome.kind === "computed") {
          accepted++;
          const problems = recalculationProblems(outcome.spec);
          if (problems.length > 0) throw new Error(problems.slice(0, 5).join("\n"));
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.info(
      `${RUNS} generated plans (PROPERTY_RUNS=${RUNS}, PROPERTY_SEED=${SEED}) with extreme fields: ${accepted} accepted and recalculated cleanly`,
    );
  });
});
