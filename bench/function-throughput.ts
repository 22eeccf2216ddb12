/**
 * Custom functions: calls per second of each PLAN.* function over 100,000 calls with realistic arguments, against the
 * formula engine (HyperFormula) recalculating the same computation written with the sheets' native formulas.
 */
import { HyperFormula } from "hyperformula";
import { EXCEL_LIKE_CONFIG, matchesPrediction } from "../tests/helpers/formula-engine";
import { BENCH_SHEET, FUNCTION_CASES, type FunctionCase, type NativeModel } from "./function-cases";
import { ratioOf, type Figure } from "./report";
import { repeatWithinMs, summarize, timeMs, type Summary } from "./stats";

export interface ThroughputOptions {
  /** PLAN.* calls per measured run (100,000). */
  readonly planCalls: number;
  /** Measured runs of the PLAN.* calls: at least `min`, at most `max`, stopping after `budgetMs` of runs. */
  readonly planRuns: { readonly min: number; readonly max: number; readonly budgetMs: number };
  readonly engineRuns: number;
  /** Share of each case's engine calls to evaluate (1; less for a quick run). */
  readonly engineShare: number;
}

export interface FunctionThroughput {
  readonly formula: string;
  readonly scalar: boolean;
  /** PLAN.* calls per second (median of the runs, and spread). */
  readonly plan: Summary;
  /** Engine calls per second: recalculations of a call's native formulas. */
  readonly engine: Summary;
  readonly engineCalls: number;
  readonly engineFormulas: number;
  readonly agreement: { readonly agree: number; readonly sampled: number };
}

const SECTION = "Custom functions";

/** Formulas of the calls themselves (the relay cells left out). */
function formulaCount(model: NativeModel): number {
  let count = 0;
  for (const row of model.sheets[BENCH_SHEET]!) {
    for (const value of row) if (typeof value === "string" && value.startsWith("=")) count++;
  }
  return count;
}

/** Rates from run times: `count` per run, run times in ms. Slowest run = lowest rate. */
function rates(count: number, runsMs: readonly number[]): Summary {
  return summarize(runsMs.map((ms) => (count * 1000) / ms));
}

function measurePlan(functionCase: FunctionCase, options: ThroughputOptions) {
  const prepared = functionCase.prepare(options.planCalls);
  let checksum = 0;
  const runsMs = repeatWithinMs(() => (checksum += prepared.run()), {
    minRuns: options.planRuns.min,
    maxRuns: options.planRuns.max,
    budgetMs: options.planRuns.budgetMs,
  });
  if (!Number.isFinite(checksum)) throw new Error(`${functionCase.formula}: the calls gave a non-finite checksum`);
  return { prepared, rate: rates(options.planCalls, runsMs) };
}

export function measureFunctions(
  options: ThroughputOptions,
  onCase: (formula: string) => void = () => undefined,
): FunctionThroughput[] {
  return FUNCTION_CASES.map((functionCase) => {
    onCase(functionCase.formula);
    const { prepared, rate: plan } = measurePlan(functionCase, options);
    const engineCalls = Math.max(1, Math.round(functionCase.engineCalls * options.engineShare));
    const model = prepared.native(engineCalls);
    const engine = HyperFormula.buildFromSheets({ ...model.sheets }, EXCEL_LIKE_CONFIG);
    try {
      const sheet = engine.getSheetId(BENCH_SHEET)!;
      const assume = (choice: 0 | 1) =>
        engine.batch(() => {
          for (const input of model.shared) {
            engine.setCellContents({ sheet, row: input.row, col: input.column }, [[input.values[choice]]]);
          }
        });
      // A warm-up recalculation, then runs alternating the two values; the calls were prepared with the first.
      assume(1);
      const runsMs = Array.from({ length: options.engineRuns }, (_, run) =>
        timeMs(() => assume(run % 2 === 0 ? 0 : 1)),
      );
      if (options.engineRuns % 2 === 0) assume(0);
      const step = Math.max(1, Math.floor(engineCalls / 1000));
      let agree = 0;
      let sampled = 0;
      for (let index = 0; index < engineCalls; index += step) {
        const expected = prepared.result(index);
        const cells = model.resultCells(index);
        const same =
          expected.length === cells.length &&
          cells.every(({ row, column }, k) =>
            matchesPrediction(engine.getCellValue({ sheet, row, col: column }), expected[k]!),
          );
        sampled++;
        if (same) agree++;
      }
      return {
        formula: functionCase.formula,
        scalar: functionCase.scalar,
        plan,
        engine: rates(engineCalls, runsMs),
        engineCalls,
        engineFormulas: formulaCount(model),
        agreement: { agree, sampled },
      };
    } finally {
      engine.destroy();
    }
  });
}

export function functionFigures(results: readonly FunctionThroughput[], options: ThroughputOptions): Figure[] {
  return results.map((result) => {
    const functionCase = FUNCTION_CASES.find((candidate) => candidate.formula === result.formula)!;
    return {
      section: SECTION,
      name: `${result.formula}: calls per second over ${options.planCalls.toLocaleString("en-US")} calls`,
      value: result.plan.median,
      unit: "calls/s",
      spread: { min: result.plan.min, max: result.plan.max, runs: result.plan.runs },
      baseline: {
        label: "HyperFormula, native formulas",
        value: result.engine.median,
        spread: { min: result.engine.min, max: result.engine.max, runs: result.engine.runs },
      },
      ratio: ratioOf(result.plan.median, result.engine.median),
      note:
        `${functionCase.arguments}. Engine: ${result.engineCalls.toLocaleString("en-US")} calls ` +
        `(${result.engineFormulas.toLocaleString("en-US")} formulas) recalculated; results agree on ` +
        `${result.agreement.agree}/${result.agreement.sampled} sampled calls`,
    };
  });
}
