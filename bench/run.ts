/**
 * `npm run bench`: measures generation round trips and payload, core compute, custom function throughput and load
 * size, each beside its baseline, prints the figures and a PASS/OVER line per budget, and writes bench/results.json.
 * A benchmark, not a test: it exits 0 whatever the timings (non-zero only when a measurement itself crashed).
 *
 *   npm run bench                      everything, writes bench/results.json
 *   npm run bench -- --only functions  some sections (round-trips, compute, functions, ranges, load, crm, crm-write); nothing written
 *   npm run bench -- --quick           fewer runs and engine calls, to try it out; nothing written
 */
// The CustomFunctions stand-in first, so the functions can construct their errors outside Office.
import "../src/functions/outside-office";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXCEL_WEB_PAYLOAD_LIMIT_BYTES } from "../src/excel/request-budget";
import { examplePlan, parsePlan, type PlanInput } from "../src/plan";
import { generatePlanInput } from "../tests/helpers/plan-generator";
import { loadSizeFigures, measureLoadSizes, scriptOf, type LoadSizes } from "./bundle-size";
import { coreComputeFigures, measureCoreCompute, type CoreCompute } from "./core-compute";
import { crmImportFigures, measureCrmImport, type CrmImportMeasurement } from "./crm-import";
import { actualsWriteFigures, measureActualsWrite, type ActualsWriteMeasurement } from "./actuals-write";
import { measureFirstRender, type RenderMeasurement } from "./first-render";
import { MAX_RANGE_CELLS } from "../src/functions/arguments";
import { SIGNATURES } from "../src/functions/signatures";
import { rangeCases, type RangeCase } from "./function-cases";
import { functionFigures, measureFunctions, type FunctionThroughput } from "./function-throughput";
import { describeMachine, machineLine } from "./machine";
import {
  budgetLines,
  budgetTable,
  checkBudget,
  figuresTables,
  formatBytes,
  formatRate,
  ratioOf,
  type BudgetCheck,
  type Figure,
} from "./report";
import { measureRoundTrips, roundTripFigures, type PlanRoundTrips } from "./round-trips";

const SECTIONS = ["round-trips", "compute", "functions", "ranges", "load", "crm", "crm-write"] as const;
type Section = (typeof SECTIONS)[number];

const BUDGETS = {
  generationSyncs: 3,
  /** A generation plus the one round trip that reads the sheets back. */
  updateSyncs: 5,
  payloadBytes: EXCEL_WEB_PAYLOAD_LIMIT_BYTES,
  pipelineMs: 200,
  /** The same with ten scenarios: each is one more calculatePlan and a column of the Scenarios sheet. */
  scenariosPipelineMs: 400,
  paneScriptRatio: 1.3,
  scalarCallsPerSecond: 1_000_000,
  /** Every PLAN.* call on a whole column, or on the largest range it accepts: an answer or a refusal within 1 s. */
  rangeCallMs: 1_000,
  /** A monthly import the user waits for: a large CRM's year of deals in seconds, not minutes. */
  crmDealsMs: 5_000,
  crmActivitiesMs: 15_000,
  /**
   * Writing those records into Excel: about 100 MB of cells at 4 MB a request, so some 26 write requests and the
   * reads before them; describing them (one object per cell) in seconds.
   */
  crmWriteSyncs: 40,
  crmLayoutMs: 10_000,
} as const;

const CRM_SIZES = { deals: 100_000, activities: 500_000 } as const;

/** The example plans by name, then generated plans of about 100, 1,000 and 5,000 list rows. */
const PLAN_SIZES = [100, 1_000, 5_000] as const;
const EXAMPLES = ["fr-reference", "en-saas"] as const;

function planInputs(): { name: string; input: unknown }[] {
  return [
    ...EXAMPLES.map((name) => ({ name: `example ${name}`, input: examplePlan(name) })),
    ...PLAN_SIZES.map((size) => ({
      name: `generated, ${size.toLocaleString("en-US")} rows`,
      input: generatePlanInput(size),
    })),
    { name: `generated, 5,000 rows, ${SCENARIO_COUNT} scenarios`, input: withScenarios(generatePlanInput(5_000)) },
  ];
}

const SCENARIO_COUNT = 10;

/** The plan with the most scenarios a plan holds, each overriding a few drivers, all valid. */
function withScenarios(input: PlanInput): PlanInput {
  const dealValue = input.objectives.averageDealValue;
  return {
    ...input,
    scenarios: Array.from({ length: SCENARIO_COUNT }, (_, index) => ({
      id: `scenario-${index + 1}`,
      name: `Scenario ${index + 1}`,
      overrides: {
        averageDealValue: Math.round(dealValue * (0.9 + index / 50) * 100) / 100,
        capacityFactor: 0.9 + index / 50,
        ...(index % 2 === 0 ? { quotaAttainment: 0.8 } : { utilization: 0.9 }),
      },
    })),
  };
}

interface Options {
  readonly sections: readonly Section[];
  readonly quick: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  let sections: Section[] = [...SECTIONS];
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    if (argument === "--quick") quick = true;
    else if (argument === "--only" || argument.startsWith("--only=")) {
      const list = argument === "--only" ? argv[++i] : argument.slice("--only=".length);
      const wanted = (list ?? "").split(",").filter(Boolean);
      const unknown = wanted.filter((name) => !(SECTIONS as readonly string[]).includes(name));
      if (wanted.length === 0 || unknown.length > 0) {
        throw new Error(`--only takes sections among ${SECTIONS.join(", ")} (got "${list ?? ""}")`);
      }
      sections = wanted as Section[];
    } else throw new Error(`unknown option ${argument}; see the top of bench/run.ts`);
  }
  return { sections, quick };
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function roundTripsSection(): Promise<PlanRoundTrips[]> {
  const results: PlanRoundTrips[] = [];
  for (const { name, input } of planInputs()) {
    log(`round trips: ${name}`);
    results.push(await measureRoundTrips(name, parsePlan(input)));
  }
  return results;
}

function computeSection(quick: boolean): CoreCompute[] {
  return planInputs().map(({ name, input }) => {
    log(`core compute: ${name}`);
    const large = name.includes("5,000");
    // Three warm-ups for the large plan: V8 optimizes the layout's hot paths only after a few full runs.
    return measureCoreCompute(name, input, quick ? 3 : large ? 7 : 11, large ? 3 : 2);
  });
}

function roundTripBudgets(results: readonly PlanRoundTrips[]): BudgetCheck[] {
  const worst = (pick: (result: PlanRoundTrips) => number) =>
    results.reduce((best, result) => (pick(result) > pick(best) ? result : best), results[0]!);
  const generate = worst((result) => result.generate.syncs);
  const update = worst((result) => result.update.syncs);
  const payloads = results.flatMap((result) => [
    { bytes: result.generate.largestRequestBytes, what: `${result.plan}, generate, request` },
    { bytes: result.generate.largestResponseBytes, what: `${result.plan}, generate, response` },
    { bytes: result.update.largestRequestBytes, what: `${result.plan}, update, request` },
    { bytes: result.update.largestResponseBytes, what: `${result.plan}, update, response` },
  ]);
  const largest = payloads.reduce((best, payload) => (payload.bytes > best.bytes ? payload : best), payloads[0]!);
  return [
    checkBudget(
      `Generation: at most ${BUDGETS.generationSyncs} syncs, every plan`,
      generate.generate.syncs,
      { atMost: BUDGETS.generationSyncs },
      (syncs) => `at most ${syncs} (${generate.plan}); naive writer ${generate.naive.syncs.toLocaleString("en-US")}`,
    ),
    checkBudget(
      `Update: at most ${BUDGETS.updateSyncs} syncs (a generation + the read, one round trip per 4 MB of sheets), every plan`,
      update.update.syncs,
      { atMost: BUDGETS.updateSyncs },
      (syncs) => `at most ${syncs} (${update.plan})`,
    ),
    checkBudget(
      `No request or response over 5 MB (${BUDGETS.payloadBytes.toLocaleString("en-US")} bytes), generate and update`,
      largest.bytes,
      { atMost: BUDGETS.payloadBytes - 1 },
      (bytes) => `largest ${bytes.toLocaleString("en-US")} B = ${formatBytes(bytes)} (${largest.what})`,
    ),
  ];
}

function computeBudgets(results: readonly CoreCompute[]): BudgetCheck[] {
  const large = results.find((result) => result.plan.includes("5,000") && !result.plan.includes("scenarios"));
  const scenarios = results.find((result) => result.plan.includes("scenarios"));
  return [
    checkBudget(
      `validate + calculate + layout of a 5,000-row plan with ${SCENARIO_COUNT} scenarios under ${BUDGETS.scenariosPipelineMs} ms (median)`,
      scenarios?.pipeline.median ?? null,
      { atMost: BUDGETS.scenariosPipelineMs },
      (ms) => `${ms.toFixed(0)} ms (layout ${scenarios!.layout.median.toFixed(0)} ms of it)`,
    ),
    checkBudget(
      `validate + calculate + layout of a 5,000-row plan under ${BUDGETS.pipelineMs} ms (median)`,
      large?.pipeline.median ?? null,
      { atMost: BUDGETS.pipelineMs },
      (ms) =>
        `${ms.toFixed(0)} ms (layout ${large!.layout.median.toFixed(0)} ms of it, calculate included; validate ${large!.validate.median.toFixed(0)} ms)`,
    ),
  ];
}

function functionBudgets(results: readonly FunctionThroughput[]): BudgetCheck[] {
  return results
    .filter((result) => result.scalar)
    .map((result) =>
      checkBudget(
        `${result.formula} at least 1 million calls per second (median)`,
        result.plan.median,
        { atLeast: BUDGETS.scalarCallsPerSecond },
        (rate) => `${formatRate(rate)} (slowest run ${formatRate(result.plan.min)})`,
      ),
    );
}

interface RangeCall {
  readonly formula: string;
  readonly range: string;
  /** Median of the runs: wall-clock time, and CPU time (user + system) of this process during the call. */
  readonly wallMs: number;
  readonly cpuMs: number;
  /** "1,048,577 values" or "refused: <message>". */
  readonly outcome: string;
}

function outcomeOf(call: () => unknown): string {
  try {
    const result = call();
    const count = Array.isArray(result) ? (result as unknown[][]).reduce((sum, row) => sum + row.length, 0) : 1;
    return `answered, ${count.toLocaleString("en-US")} value${count === 1 ? "" : "s"}`;
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function measureRangeCall(rangeCase: RangeCase, runs: number): RangeCall {
  const call = rangeCase.prepare();
  const outcome = outcomeOf(call);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    outcomeOf(call);
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  return { formula: rangeCase.formula, range: rangeCase.range, wallMs: median(wall), cpuMs: median(cpu), outcome };
}

function rangesSection(quick: boolean): RangeCall[] {
  const maxRampCells = SIGNATURES.capacity.parameters[2].maxCells;
  return rangeCases(MAX_RANGE_CELLS, maxRampCells).map((rangeCase) => {
    log(`large ranges: ${rangeCase.formula}, ${rangeCase.range}`);
    return measureRangeCall(rangeCase, quick ? 1 : 3);
  });
}

function rangeFigures(results: readonly RangeCall[]): Figure[] {
  return results.map((result) => ({
    section: "Large ranges",
    name: `${result.formula}, ${result.range}: CPU time (median)`,
    value: result.cpuMs,
    unit: "ms",
    note: `${result.outcome.length > 120 ? `${result.outcome.slice(0, 117)}...` : result.outcome}; wall clock ${result.wallMs.toFixed(0)} ms`,
  }));
}

/**
 * On CPU time: the call is single-threaded, so on an idle machine its wall-clock time is its CPU time; on a machine
 * shared with other work the wall clock also counts the waiting (both are printed).
 */
function rangeBudgets(results: readonly RangeCall[]): BudgetCheck[] {
  return results.map((result) =>
    checkBudget(
      `${result.formula}, ${result.range}: answered or refused within ${BUDGETS.rangeCallMs} ms`,
      result.cpuMs,
      { atMost: BUDGETS.rangeCallMs },
      (ms) => `${ms.toFixed(0)} ms CPU (wall ${result.wallMs.toFixed(0)} ms), ${result.outcome.split(":")[0]}`,
    ),
  );
}

function crmBudgets(results: readonly CrmImportMeasurement[]): BudgetCheck[] {
  const [deals, activities] = results;
  const describe = (result: CrmImportMeasurement | undefined) => (ms: number) =>
    `${ms.toFixed(0)} ms (${result?.rows.toLocaleString("en-US") ?? "?"} rows; slowest run ${result?.spread.max.toFixed(0) ?? "?"} ms)`;
  return [
    checkBudget(
      `parse + normalise ${CRM_SIZES.deals.toLocaleString("en-US")} deals under ${BUDGETS.crmDealsMs} ms (median)`,
      deals?.median ?? null,
      { atMost: BUDGETS.crmDealsMs },
      describe(deals),
    ),
    checkBudget(
      `parse + normalise ${CRM_SIZES.activities.toLocaleString("en-US")} activities under ${BUDGETS.crmActivitiesMs} ms (median)`,
      activities?.median ?? null,
      { atMost: BUDGETS.crmActivitiesMs },
      describe(activities),
    ),
  ];
}

function actualsWriteBudgets(result: ActualsWriteMeasurement): BudgetCheck[] {
  const what = `${CRM_SIZES.deals.toLocaleString("en-US")} deals + ${CRM_SIZES.activities.toLocaleString("en-US")} activities`;
  return [
    checkBudget(
      `importActuals of ${what}: at most ${BUDGETS.crmWriteSyncs} round trips`,
      result.syncs,
      { atMost: BUDGETS.crmWriteSyncs },
      (syncs) => `${syncs} syncs (${result.writeRequests} write requests)`,
    ),
    checkBudget(
      `importActuals of ${what}: every request and response within Excel on the web's 5 MB`,
      Math.max(result.largestRequestBytes, result.largestResponseBytes),
      { atMost: BUDGETS.payloadBytes },
      (bytes) => formatBytes(bytes),
    ),
    checkBudget(
      `layout of the workbook with ${what} under ${BUDGETS.crmLayoutMs} ms`,
      result.layoutMs,
      { atMost: BUDGETS.crmLayoutMs },
      (ms) => `${ms.toFixed(0)} ms (${result.tableCells.toLocaleString("en-US")} cells)`,
    ),
  ];
}

function loadBudgets(sizes: LoadSizes): BudgetCheck[] {
  const pane = scriptOf(sizes.product, "taskpane.js");
  const baseline = scriptOf(sizes.baseline, "taskpane.js");
  return (["minified", "gzip"] as const).map((kind) => {
    const ratio = ratioOf(pane?.[kind] ?? null, baseline?.[kind] ?? null);
    return checkBudget(
      `taskpane.js at most ${BUDGETS.paneScriptRatio}× the empty Fluent UI page, ${kind}`,
      ratio,
      { atMost: BUDGETS.paneScriptRatio },
      (value) => `${value.toFixed(2)}× (${formatBytes(pane![kind])} against ${formatBytes(baseline![kind])})`,
    );
  });
}

function firstRenderFigures(render: RenderMeasurement, runs: number): Figure[] {
  const name = "task pane's first render in Chromium (navigation start → first heading), median";
  const stepFormName = "task pane's step form in Chromium (navigation start → the step's heading), median";
  if (!render.measured) {
    return [
      { section: "Load size", name, value: null, unit: "ms", note: render.reason },
      { section: "Load size", name: stepFormName, value: null, unit: "ms", note: render.reason },
    ];
  }
  const baseline = {
    label: "empty Fluent UI page",
    value: render.baseline.median,
    spread: { min: render.baseline.min, max: render.baseline.max, runs },
  };
  return [
    {
      section: "Load size",
      name,
      value: render.firstRender.median,
      unit: "ms",
      spread: { min: render.firstRender.min, max: render.firstRender.max, runs },
      baseline,
      ratio: ratioOf(render.firstRender.median, render.baseline.median),
      note: "outside Office, office.js blocked, cold cache each run; the header and the step navigation",
    },
    {
      section: "Load size",
      name: stepFormName,
      value: render.stepForm.median,
      unit: "ms",
      spread: { min: render.stepForm.min, max: render.stepForm.max, runs },
      baseline,
      ratio: ratioOf(render.stepForm.median, render.baseline.median),
      note: "the same runs, until the editor's chunks (plan core, forms, catalog) have loaded and rendered",
    },
  ];
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const machine = describeMachine();
  const loadAverageAtStart = os.loadavg();
  log(`machine: ${machineLine(machine)}; load average ${loadAverageAtStart.map((x) => x.toFixed(2)).join(" ")}`);
  const figures: Figure[] = [];
  const budgets: BudgetCheck[] = [];
  const failures: string[] = [];

  const attempt = async (section: Section, run: () => Promise<void> | void): Promise<void> => {
    if (!options.sections.includes(section)) return;
    try {
      await run();
    } catch (error) {
      failures.push(`${section}: ${(error as Error).stack ?? String(error)}`);
      log(`${section} FAILED: ${(error as Error).message}`);
    }
  };

  await attempt("round-trips", async () => {
    const results = await roundTripsSection();
    figures.push(...roundTripFigures(results));
    budgets.push(...roundTripBudgets(results));
  });
  await attempt("compute", () => {
    const results = computeSection(options.quick);
    figures.push(
      ...coreComputeFigures(results).map((figure) => {
        if (!figure.name.includes("5,000")) return figure;
        const budget = figure.name.includes("scenarios") ? BUDGETS.scenariosPipelineMs : BUDGETS.pipelineMs;
        return { ...figure, baseline: { label: "budget", value: budget }, ratio: ratioOf(figure.value, budget) };
      }),
    );
    budgets.push(...computeBudgets(results));
  });
  await attempt("functions", () => {
    log("custom functions: PLAN.* calls and the formula engine's native formulas");
    const throughputOptions = {
      planCalls: 100_000,
      planRuns: options.quick ? { min: 3, max: 3, budgetMs: 0 } : { min: 5, max: 15, budgetMs: 4_000 },
      engineRuns: 3,
      engineShare: options.quick ? 0.05 : 1,
    };
    const results = measureFunctions(throughputOptions, (formula) => log(`custom functions: ${formula}`));
    figures.push(...functionFigures(results, throughputOptions));
    budgets.push(...functionBudgets(results));
  });
  await attempt("ranges", () => {
    log("large ranges: every PLAN.* function on a whole column, and at the largest range it accepts");
    const results = rangesSection(options.quick);
    figures.push(...rangeFigures(results));
    budgets.push(...rangeBudgets(results));
  });
  await attempt("load", async () => {
    log("load size: production build and the empty Fluent UI page");
    const sizes = await measureLoadSizes();
    figures.push(...loadSizeFigures(sizes));
    budgets.push(...loadBudgets(sizes));
    const runs = options.quick ? 3 : 5;
    log("load size: first render in Chromium");
    figures.push(
      ...firstRenderFigures(await measureFirstRender(sizes.product.directory, sizes.baseline.directory, runs), runs),
    );
  });

  await attempt("crm", () => {
    log("CRM import: parse and normalise synthetic exports");
    const results = measureCrmImport(CRM_SIZES, options.quick ? 1 : 3);
    figures.push(...crmImportFigures(results));
    budgets.push(...crmBudgets(results));
  });

  await attempt("crm-write", async () => {
    log("CRM import: write the records into Excel (the recording fake) at the request budget");
    const result = await measureActualsWrite(CRM_SIZES);
    figures.push(...actualsWriteFigures(result));
    budgets.push(...actualsWriteBudgets(result));
  });

  const durationSeconds = Math.round((performance.now() - started) / 100) / 10;
  const loadAverageAtEnd = os.loadavg();
  const output = [
    `## Benchmark results`,
    ``,
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine(machine)}; load average ` +
      `${loadAverageAtStart[0]!.toFixed(2)} at the start, ${loadAverageAtEnd[0]!.toFixed(2)} at the end; ` +
      `${durationSeconds} s.`,
    ``,
    figuresTables(figures),
    ``,
    `### Budgets`,
    ``,
    budgetTable(budgets),
    ``,
  ].join("\n");
  process.stdout.write(`${output}\n${budgetLines(budgets)}\n`);

  const complete = options.sections.length === SECTIONS.length && !options.quick && failures.length === 0;
  if (complete) {
    const file = path.join(__dirname, "results.json");
    const results = {
      command: "npm run bench",
      measuredAt: new Date().toISOString(),
      durationSeconds,
      machine: { ...machine, loadAverageAtStart, loadAverageAtEnd },
      figures,
      budgets,
    };
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${path.relative(process.cwd(), file)}`);
  } else {
    log("bench/results.json not written (a partial, quick or failed run)");
  }
  for (const failure of failures) process.stderr.write(`\n${failure}\n`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
