/**
 * A fixed table of single-field extremes: every numeric field of both examples (found by walking the example plan
 * objects), set in turn to −1, 0, 1E-300, 1E-9, 0.5, 1E308 and the bounds the schema uses. Each case must either be
 * refused with issues that all name a field, or compute, lay out and hold only finite numbers. Recalculating every
 * accepted case in HyperFormula would take minutes (0.3 to 0.7 s a workbook), so a deterministic sample of the
 * accepted cases (every SAMPLE_EVERY-th) is recalculated and must have no error cell.
 *
 * The table is long (about 1,300 cases, 20 s on a loaded 2-core machine): locally every EXTREMES_STRIDE-th case
 * is checked (4: a fixed quarter, which still sets every field to about five of its values, different ones from
 * field to field), and recalculation samples as many of them; under TEST_SCALE=full (CI) every case (stride 1).
 */
import { examplePlan, type ExampleName } from "../../src/plan";
import { formatPath } from "../../src/plan/messages";
import { checkContract, numericPaths, recalculationProblems } from "../helpers/plan-contract";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { scaledCount } from "../helpers/test-scale";

const EXTREMES = [-1, 0, 1e-300, 1e-9, 0.5, 1e308];
/** The schema's bounds (bounds.ts and schema.ts): floors, ranges and maxima of the numeric fields. */
const BOUNDS = [1e-6, 0.01, 1, 5, 10, 12, 24, 31, 60, 1e4, 1e6, 1e9, 1e12];
const STRIDE = Math.max(1, scaledCount("EXTREMES_STRIDE", { local: 4, full: 1 }));
/** About 60 accepted cases of the whole table per recalculated sample, at any stride. */
const SAMPLE_EVERY = Math.max(1, Math.round(60 / STRIDE));

function setAt(target: unknown, path: readonly (string | number)[], value: number): void {
  let node = target as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

interface Case {
  readonly example: ExampleName;
  readonly field: string;
  readonly value: number;
  readonly plan: unknown;
}

const EXAMPLES: readonly ExampleName[] = ["en-saas", "fr-reference"];
const cases: Case[] = EXAMPLES.flatMap((example) =>
  numericPaths(examplePlan(example))
    .filter((path) => path[0] !== "schemaVersion")
    .flatMap((path) => [...EXTREMES, ...BOUNDS].map((value) => ({ example, path, value }))),
)
  .filter((_, index) => index % STRIDE === 0)
  .map(({ example, path, value }) => {
    const plan = structuredClone(examplePlan(example));
    setAt(plan, path, value);
    return { example, field: formatPath(path), value, plan };
  });

describe("every numeric field of both examples at its extremes", () => {
  let accepted = 0;
  /** Every SAMPLE_EVERY-th accepted case, kept for recalculation. */
  const sample: { name: string; spec: WorkbookSpec }[] = [];

  it("is either refused with every issue naming a field, or computes and lays out with finite numbers", () => {
    let refused = 0;
    const broken: string[] = [];
    for (const { example, field, value, plan } of cases) {
      const outcome = checkContract(plan);
      if (outcome.kind === "refused") refused++;
      else if (outcome.kind === "computed") {
        if (accepted % SAMPLE_EVERY === 0) sample.push({ name: `${example} ${field} = ${value}`, spec: outcome.spec });
        accepted++;
      } else broken.push(`${example} ${field} = ${value}: ${outcome.problems.join("; ")}`);
    }
    console.info(
      `${cases.length} single-field extremes (EXTREMES_STRIDE=${STRIDE}): ${refused} refused with a path, ${accepted} computed cleanly, ${broken.length} broken`,
    );
    expect(broken).toEqual([]);
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  });

  it("recalculates a deterministic sample of the accepted cases in HyperFormula without an error cell", () => {
    expect(sample.length).toBeGreaterThan(3);
    const problems = sample.flatMap(({ name, spec }) =>
      recalculationProblems(spec)
        .slice(0, 3)
        .map((problem) => `${name}: ${problem}`),
    );
    console.info(`${sample.length} of ${accepted} accepted extremes recalculated in HyperFormula`);
    expect(problems).toEqual([]);
  });
});
