/**
 * Core compute: what the product runs before writing anything, on each plan: validatePlan (the zod schema) on the
 * plan as JSON data, calculatePlan (every figure) and layoutWorkbook (the WorkbookSpec; it calls calculatePlan
 * itself). The pipeline figure is validate + layout, as the adapter runs them.
 */
import { calculatePlan, validatePlan } from "../src/plan";
import type { Plan } from "../src/plan";
import { layoutWorkbook } from "../src/workbook/layout";
import type { Figure } from "./report";
import { summarize, timeMs, type Summary } from "./stats";

export interface CoreCompute {
  readonly plan: string;
  readonly validate: Summary;
  readonly calculate: Summary;
  readonly layout: Summary;
  /** validate + layout, run after one another in each run. */
  readonly pipeline: Summary;
}

/** `runs` measured runs after `warmUp` unmeasured ones; each run validates, calculates and lays out once. */
export function measureCoreCompute(name: string, input: unknown, runs: number, warmUp: number): CoreCompute {
  const times = { validate: [] as number[], calculate: [] as number[], layout: [] as number[] };
  for (let run = 0; run < warmUp + runs; run++) {
    let plan: Plan | undefined;
    const validate = timeMs(() => {
      const result = validatePlan(input);
      if (!result.ok) throw new Error(`${name} is not a valid plan: ${result.issues[0]?.message}`);
      plan = result.plan;
    });
    const calculate = timeMs(() => void calculatePlan(plan!));
    const layout = timeMs(() => void layoutWorkbook(plan!, { generatedOn: "2027-01-15" }));
    if (run < warmUp) continue;
    times.validate.push(validate);
    times.calculate.push(calculate);
    times.layout.push(layout);
  }
  return {
    plan: name,
    validate: summarize(times.validate),
    calculate: summarize(times.calculate),
    layout: summarize(times.layout),
    pipeline: summarize(times.validate.map((ms, run) => ms + times.layout[run]!)),
  };
}

const spreadOf = (summary: Summary) => ({ min: summary.min, max: summary.max, runs: summary.runs });

export function coreComputeFigures(results: readonly CoreCompute[]): Figure[] {
  return results.flatMap((result) => [
    {
      section: "Core compute",
      name: `${result.plan}: validate + calculate + layout`,
      value: result.pipeline.median,
      unit: "ms",
      spread: spreadOf(result.pipeline),
      note:
        `validate ${result.validate.median.toFixed(1)} ms, calculate ${result.calculate.median.toFixed(1)} ms, ` +
        `layout (calculate included) ${result.layout.median.toFixed(1)} ms`,
    } satisfies Figure,
  ]);
}
