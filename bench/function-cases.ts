/**
 * The PLAN.* calls the benchmark makes, with realistic arguments, and for each the same computation written with the
 * native formulas the generated sheets use, for the formula engine (HyperFormula) to evaluate.
 *
 * PLAN side: the exported functions of src/functions/functions.ts, called as Excel calls them (numbers, 2-D arrays for
 * range arguments, `null` for an omitted optional argument), over prepared arguments.
 *
 * Engine side: one sheet where each call is a row (or a block of rows) of inputs and the native formulas computing its
 * result, and every call depends on shared input cells (an assumption of the model: utilization, the average deal
 * value, the ramp, the attrition rate…). Changing the shared cells makes the engine recalculate every call's chain:
 * that recalculation is what is timed, the engine's cost of what PLAN.* computes. A call of an array function is many
 * formulas (FUNNEL 7, CAPACITY 360), so the engine evaluates fewer calls of those than the 100,000 PLAN calls, and both
 * sides are reported per call.
 */
import type { RawCellContent } from "hyperformula";
import {
  attainment,
  capacity,
  coverage,
  fiscalQuarter,
  funnel,
  headcount,
  hires,
  overlay,
  pace,
  pipeline,
  quota,
  ramp,
  repsNeeded,
  split,
} from "../src/functions/functions";
import { columnLetters } from "../src/workbook/address";
import { NAMES } from "../src/workbook/sheets/context";
import { fiscalQuarterFormula } from "../src/workbook/sheets/execution";
import { seededRandom } from "./random";

/** A shared input cell (0-based) and the two values the benchmark alternates; calls are prepared with the first. */
export interface SharedInput {
  readonly row: number;
  readonly column: number;
  readonly values: readonly [number, number];
}

/** The engine's model of the calls: cells by sheet, the shared inputs, and where each call's result is. */
export interface NativeModel {
  /** The calls on BENCH_SHEET (shared inputs on its first row), the relay cells on RELAY_SHEET. */
  readonly sheets: Readonly<Record<string, RawCellContent[][]>>;
  /** On BENCH_SHEET. */
  readonly shared: readonly SharedInput[];
  /** Cells (0-based, on BENCH_SHEET) holding call `index`'s result, in the order of the PLAN result's values. */
  resultCells(index: number): readonly { readonly row: number; readonly column: number }[];
}

export interface PreparedCalls {
  /** Makes every prepared call once; returns a checksum of the results, so no call can be optimized away. */
  run(): number;
  /** The result of call `index`, flattened (a number or text, or the values of a spilled array). */
  result(index: number): readonly (number | string)[];
  /** The same computation for the first `count` calls, as native formulas. */
  native(count: number): NativeModel;
}

export interface FunctionCase {
  readonly formula: `PLAN.${string}`;
  /** Scalar functions carry the 1 million calls per second budget. */
  readonly scalar: boolean;
  /** The arguments, in words, for the report. */
  readonly arguments: string;
  /** The native formulas of one call, in words. */
  readonly nativeFormulas: string;
  /** Calls the engine evaluates (each of several formulas for the array functions). */
  readonly engineCalls: number;
  prepare(calls: number): PreparedCalls;
}

const cell = (column: number, row: number, absolute = false) =>
  absolute ? `$${columnLetters(column)}$${row + 1}` : `${columnLetters(column)}${row + 1}`;

const flatten = (grid: readonly (readonly (number | string)[])[]): (number | string)[] => grid.flat();

/** The sheet the calls are laid out on. */
export const BENCH_SHEET = "Bench";

/**
 * The shared inputs reach the calls through relay cells (`=Bench!$D$1`), one per 256 calls. HyperFormula checks each
 * new dependency against the cell's existing dependents, so one cell read directly by 100,000 formulas would make
 * building the engine quadratic (minutes); through relays it takes seconds. A call's formulas are unchanged but for
 * the address they read the assumption from, and the relays add one trivial formula per 256 calls.
 */
export const RELAY_SHEET = "Relays";
const CALLS_PER_RELAY = 256;

/** The reference call `index` reads shared input `k` through. */
function sharedRef(index: number, k: number): string {
  return `${RELAY_SHEET}!$${columnLetters(k)}$${Math.floor(index / CALLS_PER_RELAY) + 1}`;
}

/** The model of `count` calls laid out in `rows`, with the relay sheet for its shared inputs. */
function nativeModel(
  rows: RawCellContent[][],
  shared: readonly SharedInput[],
  count: number,
  resultCells: NativeModel["resultCells"],
): NativeModel {
  const relays = Array.from({ length: Math.ceil(count / CALLS_PER_RELAY) }, () =>
    shared.map((input) => `=${BENCH_SHEET}!${cell(input.column, input.row, true)}`),
  );
  return { sheets: { [BENCH_SHEET]: rows, [RELAY_SHEET]: relays }, shared, resultCells };
}

/** Calls start on the second row; the first holds the shared inputs. */
const FIRST = 1;

const headcountCase: FunctionCase = {
  formula: "PLAN.HEADCOUNT",
  scalar: true,
  arguments: "workload 0-500 (1 decimal), capacity 1-60 a day, utilization 80 %",
  nativeFormulas: "ROUNDUP(workload/(capacity*utilization),0), as the Organization sheet",
  engineCalls: 100_000,
  prepare(calls) {
    const random = seededRandom(11);
    const workload = Array.from({ length: calls }, () => random.between(0, 500, 1));
    const capacityPerPerson = Array.from({ length: calls }, () => random.between(1, 60, 1));
    const shared: SharedInput = { row: 0, column: 3, values: [0.8, 0.75] };
    const utilization = shared.values[0];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) checksum += headcount(workload[i]!, capacityPerPerson[i]!, utilization);
        return checksum;
      },
      result: (i) => [headcount(workload[i]!, capacityPerPerson[i]!, utilization)],
      native(count) {
        const rows: RawCellContent[][] = [[null, null, null, utilization]];
        for (let i = 0; i < count; i++) {
          const r = FIRST + i;
          rows.push([
            workload[i]!,
            capacityPerPerson[i]!,
            `=ROUNDUP(${cell(0, r)}/(${cell(1, r)}*${sharedRef(i, 0)}),0)`,
          ]);
        }
        return nativeModel(rows, [shared], count, (i) => [{ row: FIRST + i, column: 2 }]);
      },
    };
  },
};

const repsNeededCase: FunctionCase = {
  formula: "PLAN.REPSNEEDED",
  scalar: true,
  arguments: "target 0.1-50 M, quota 50 k-1.5 M, attainment 85 %",
  nativeFormulas: "ROUNDUP(target/(quota*attainment),0), as the Organization sheet",
  engineCalls: 100_000,
  prepare(calls) {
    const random = seededRandom(12);
    const target = Array.from({ length: calls }, () => random.between(100_000, 50_000_000));
    const quota = Array.from({ length: calls }, () => random.integer(50, 1_500) * 1_000);
    const shared: SharedInput = { row: 0, column: 3, values: [0.85, 0.8] };
    const attainment = shared.values[0];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) checksum += repsNeeded(target[i]!, quota[i]!, attainment);
        return checksum;
      },
      result: (i) => [repsNeeded(target[i]!, quota[i]!, attainment)],
      native(count) {
        const rows: RawCellContent[][] = [[null, null, null, attainment]];
        for (let i = 0; i < count; i++) {
          const r = FIRST + i;
          rows.push([target[i]!, quota[i]!, `=ROUNDUP(${cell(0, r)}/(${cell(1, r)}*${sharedRef(i, 0)}),0)`]);
        }
        return nativeModel(rows, [shared], count, (i) => [{ row: FIRST + i, column: 2 }]);
      },
    };
  },
};

const STAGES = 6;

const funnelCase: FunctionCase = {
  formula: "PLAN.FUNNEL",
  scalar: false,
  arguments: `target 0.1-50 M, deal 25 k, ${STAGES} conversion rates 10-90 % (a column), rounded up`,
  nativeFormulas: `deals ROUNDUP(target/deal,0) then ${STAGES} stages ROUNDUP(next/rate,0): 7 formulas, as the Objectives sheet`,
  engineCalls: 7_000,
  prepare(calls) {
    const random = seededRandom(13);
    const target = Array.from({ length: calls }, () => random.between(100_000, 50_000_000));
    const rates = Array.from({ length: calls }, () =>
      Array.from({ length: STAGES }, () => [random.between(0.1, 0.9, 2)]),
    );
    const shared: SharedInput = { row: 0, column: 0, values: [25_000, 30_000] };
    const deal = shared.values[0];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) checksum += funnel(target[i]!, deal, rates[i]!)[0]![0]!;
        return checksum;
      },
      result: (i) => flatten(funnel(target[i]!, deal, rates[i]!)),
      native(count) {
        // Row: target, the rates, deals, then the stages from the bottom of the funnel up.
        const rows: RawCellContent[][] = [[deal]];
        const dealsColumn = 1 + STAGES;
        for (let i = 0; i < count; i++) {
          const r = FIRST + i;
          const row: RawCellContent[] = [target[i]!, ...rates[i]!.map(([rate]) => rate!)];
          row[dealsColumn] = `=ROUNDUP(${cell(0, r)}/${sharedRef(i, 0)},0)`;
          for (let k = 0; k < STAGES; k++) {
            // Stage STAGES-1-k = the stage below it ÷ its rate (rate column STAGES-k).
            row[dealsColumn + 1 + k] = `=ROUNDUP(${cell(dealsColumn + k, r)}/${cell(STAGES - k, r)},0)`;
          }
          rows.push(row);
        }
        // Top of the funnel first, then the deals.
        return nativeModel(rows, [shared], count, (i) =>
          Array.from({ length: STAGES + 1 }, (_, k) => ({ row: FIRST + i, column: dealsColumn + STAGES - k })),
        );
      },
    };
  },
};

const rampCase: FunctionCase = {
  formula: "PLAN.RAMP",
  scalar: true,
  arguments: "periods since hire -2 to 24, a linear ramp of 3 months (one cell)",
  nativeFormulas: "IF(k<0,0,IF(N=0,1,MIN(k/N,1))), as the Organization sheet's ramp row",
  engineCalls: 100_000,
  prepare(calls) {
    const random = seededRandom(14);
    const periods = Array.from({ length: calls }, () => random.integer(-2, 24));
    const shared: SharedInput = { row: 0, column: 3, values: [3, 4] };
    // Excel passes a range argument as a 2-D array, a single cell as 1×1.
    const months = [[shared.values[0]]];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) checksum += ramp(periods[i]!, months);
        return checksum;
      },
      result: (i) => [ramp(periods[i]!, months)],
      native(count) {
        const rows: RawCellContent[][] = [[null, null, null, shared.values[0]]];
        for (let i = 0; i < count; i++) {
          const k = cell(0, FIRST + i);
          const n = sharedRef(i, 0);
          rows.push([periods[i]!, `=IF(${k}<0,0,IF(${n}=0,1,MIN(${k}/${n},1)))`]);
        }
        return nativeModel(rows, [shared], count, (i) => [{ row: FIRST + i, column: 1 }]);
      },
    };
  },
};

const PERIODS = 60;

const capacityCase: FunctionCase = {
  formula: "PLAN.CAPACITY",
  scalar: false,
  arguments: `${PERIODS} periods of hires 0-3 (a row), quota 20-80 k, ramp 3 months, 0-10 starting reps, attrition 1.5 % a month, attainment 70-100 %`,
  nativeFormulas: `the cohort rows of the Organization sheet: ramp, survival, both reversed, reps = start×stay^(t+1) + SUMPRODUCT(hires, ramp reversed, survival reversed), capacity: ${6 * PERIODS} formulas`,
  engineCalls: 150,
  prepare(calls) {
    const random = seededRandom(15);
    const hiresByCall = Array.from({ length: calls }, () => [
      Array.from({ length: PERIODS }, () => (random.next() < 0.7 ? 0 : random.integer(1, 3))),
    ]);
    const quota = Array.from({ length: calls }, () => random.integer(20, 80) * 1_000);
    const starting = Array.from({ length: calls }, () => random.integer(0, 10));
    const attainment = Array.from({ length: calls }, () => random.between(0.7, 1, 2));
    const rampShared: SharedInput = { row: 0, column: 0, values: [3, 4] };
    const attritionShared: SharedInput = { row: 0, column: 1, values: [0.015, 0.02] };
    const rampMonths = [[rampShared.values[0]]];
    const attrition = [[attritionShared.values[0]]];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) {
          checksum += capacity(hiresByCall[i]!, quota[i]!, rampMonths, starting[i], attrition, attainment[i])[0]![0]!;
        }
        return checksum;
      },
      result: (i) => flatten(capacity(hiresByCall[i]!, quota[i]!, rampMonths, starting[i], attrition, attainment[i])),
      native(count) {
        // Row 1: ramp months, attrition rate, then the months since the start (0…59) from column D. Per call, 7 rows:
        // inputs (starting reps, quota, attainment, hires by month), ramp, survival, ramp reversed, survival reversed,
        // productive reps, capacity; months in columns D onwards, as the sheet lays them out.
        const first = 3;
        const last = first + PERIODS - 1;
        const rows: RawCellContent[][] = [
          [rampShared.values[0], attritionShared.values[0], null, ...Array.from({ length: PERIODS }, (_, m) => m)],
        ];
        const sinceStart = (column: number) => `${columnLetters(column)}$1`;
        for (let i = 0; i < count; i++) {
          const top = FIRST + 7 * i;
          const [inputs, rampRow, survivalRow, rampReversed, survivalReversed, reps, capacityRow] = Array.from(
            { length: 7 },
            (_, line) => top + line,
          ) as [number, number, number, number, number, number, number];
          const block: RawCellContent[][] = Array.from({ length: 7 }, () => []);
          const months = sharedRef(i, 0);
          const rate = sharedRef(i, 1);
          block[0] = [starting[i]!, quota[i]!, attainment[i]!, ...hiresByCall[i]![0]!];
          for (let m = 0; m < PERIODS; m++) {
            const column = first + m;
            const mirror = last - m;
            block[rampRow - top]![column] = `=IF(${months}=0,1,MIN(${sinceStart(column)}/${months},1))`;
            block[survivalRow - top]![column] = `=(1-${rate})^${sinceStart(column)}`;
            block[rampReversed - top]![column] = `=${cell(mirror, rampRow)}`;
            block[survivalReversed - top]![column] = `=${cell(mirror, survivalRow)}`;
            const hiresSoFar = `$${columnLetters(first)}${inputs + 1}:${cell(column, inputs)}`;
            const reversed = (row: number) => `${cell(mirror, row)}:$${columnLetters(last)}${row + 1}`;
            block[reps - top]![column] =
              `=$A${inputs + 1}*(1-${rate})^(${sinceStart(column)}+1)+SUMPRODUCT(${hiresSoFar},${reversed(rampReversed)},${reversed(survivalReversed)})`;
            block[capacityRow - top]![column] = `=${cell(column, reps)}*$B${inputs + 1}*$C${inputs + 1}`;
          }
          rows.push(...block);
        }
        return nativeModel(rows, [rampShared, attritionShared], count, (i) =>
          Array.from({ length: PERIODS }, (_, m) => ({ row: FIRST + 7 * i + 6, column: first + m })),
        );
      },
    };
  },
};

const HIRING_PERIODS = 24;

const hiresCase: FunctionCase = {
  formula: "PLAN.HIRES",
  scalar: false,
  arguments: `${HIRING_PERIODS} monthly headcount targets (a column) growing from 5-30, starting headcount, attrition 1.5 % a month`,
  nativeFormulas: `hires MAX(0,ROUNDUP(target-previous*(1-r),0)) and headcount previous*(1-r)+hires per month: ${2 * HIRING_PERIODS} formulas, as the Organization sheet`,
  engineCalls: 1_000,
  prepare(calls) {
    const random = seededRandom(16);
    const targets = Array.from({ length: calls }, () => {
      let target = random.integer(5, 30);
      return Array.from({ length: HIRING_PERIODS }, () => [(target += random.integer(0, 2))]);
    });
    const startingHeadcount = targets.map((column) => random.integer(0, column[0]![0]!));
    const shared: SharedInput = { row: 0, column: 0, values: [0.015, 0.02] };
    const rate = shared.values[0];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) checksum += hires(targets[i]!, startingHeadcount[i], rate)[0]![0]!;
        return checksum;
      },
      result: (i) => flatten(hires(targets[i]!, startingHeadcount[i], rate)),
      native(count) {
        // Per row: starting headcount, the targets, the hires, the headcounts.
        const targetColumn = (t: number) => 1 + t;
        const hiresColumn = (t: number) => 1 + HIRING_PERIODS + t;
        const headcountColumn = (t: number) => 1 + 2 * HIRING_PERIODS + t;
        const rows: RawCellContent[][] = [[rate]];
        for (let i = 0; i < count; i++) {
          const r = FIRST + i;
          const row: RawCellContent[] = [startingHeadcount[i]!, ...targets[i]!.map(([target]) => target!)];
          for (let t = 0; t < HIRING_PERIODS; t++) {
            const previous = t === 0 ? cell(0, r) : cell(headcountColumn(t - 1), r);
            row[hiresColumn(t)] = `=MAX(0,ROUNDUP(${cell(targetColumn(t), r)}-${previous}*(1-${sharedRef(i, 0)}),0))`;
            row[headcountColumn(t)] = `=${previous}*(1-${sharedRef(i, 0)})+${cell(hiresColumn(t), r)}`;
          }
          rows.push(row);
        }
        return nativeModel(rows, [shared], count, (i) =>
          Array.from({ length: HIRING_PERIODS }, (_, t) => ({ row: FIRST + i, column: hiresColumn(t) })),
        );
      },
    };
  },
};

const QUARTERS = 4;

const splitCase: FunctionCase = {
  formula: "PLAN.SPLIT",
  scalar: false,
  arguments: "a whole total (120 deals) by 4 quarterly weights 0.5-1.5 (a row), whole parts",
  nativeFormulas:
    "the Objectives sheet's largest-remainder columns per quarter: share, ROUND(total*share,6), INT, ROUND(remainder,6), rank, part: 24 formulas",
  engineCalls: 2_000,
  prepare(calls) {
    const random = seededRandom(17);
    const weights = Array.from({ length: calls }, () => [
      Array.from({ length: QUARTERS }, () => random.between(0.5, 1.5, 2)),
    ]);
    const shared: SharedInput = { row: 0, column: 0, values: [120, 97] };
    const total = shared.values[0];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) checksum += split(total, weights[i]!, true)[0]![0]!;
        return checksum;
      },
      result: (i) => flatten(split(total, weights[i]!, true)),
      native(count) {
        // Per row, one group of 4 columns per step: weights, shares, exact, whole, remainder, rank, part.
        const at = (step: number, q: number) => step * QUARTERS + q;
        const rows: RawCellContent[][] = [[total]];
        for (let i = 0; i < count; i++) {
          const r = FIRST + i;
          const ref = (step: number, q: number) => cell(at(step, q), r);
          const group = (step: number) => `${ref(step, 0)}:${ref(step, QUARTERS - 1)}`;
          const row: RawCellContent[] = [...weights[i]![0]!];
          for (let q = 0; q < QUARTERS; q++) {
            row[at(1, q)] = `=${ref(0, q)}/SUM(${group(0)})`;
            row[at(2, q)] = `=ROUND(${sharedRef(i, 0)}*${ref(1, q)},6)`;
            row[at(3, q)] = `=INT(${ref(2, q)})`;
            row[at(4, q)] = `=ROUND(${ref(2, q)}-${ref(3, q)},6)`;
            // Ties go to the earlier quarter, as the sheet ranks them.
            const comparisons = Array.from({ length: QUARTERS }, (_, other) => other)
              .filter((other) => other !== q)
              .map((other) => `IF(${ref(4, other)}${other < q ? ">=" : ">"}${ref(4, q)},1,0)`);
            row[at(5, q)] = `=1+${comparisons.join("+")}`;
            row[at(6, q)] = `=${ref(3, q)}+IF(${ref(5, q)}<=${sharedRef(i, 0)}-SUM(${group(3)}),1,0)`;
          }
          rows.push(row);
        }
        return nativeModel(rows, [shared], count, (i) =>
          Array.from({ length: QUARTERS }, (_, q) => ({ row: FIRST + i, column: at(6, q) })),
        );
      },
    };
  },
};

const fiscalQuarterCase: FunctionCase = {
  formula: "PLAN.FISCALQUARTER",
  scalar: true,
  arguments: "a date serial in 2023-2031, fiscal year starting in April",
  nativeFormulas:
    '"FY"&(YEAR(d)+IF(AND(start>1,MONTH(d)>=start),1,0))&" Q"&(INT(MOD(MONTH(d)-start+12,12)/3)+1), as the Execution sheet',
  engineCalls: 100_000,
  prepare(calls) {
    const random = seededRandom(18);
    const dates = Array.from({ length: calls }, () => random.integer(44_927, 48_213));
    const shared: SharedInput = { row: 0, column: 3, values: [4, 7] };
    const startMonth = shared.values[0];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) checksum += fiscalQuarter(dates[i]!, startMonth).length;
        return checksum;
      },
      result: (i) => [fiscalQuarter(dates[i]!, startMonth)],
      native(count) {
        const rows: RawCellContent[][] = [[null, null, null, startMonth]];
        // The sheet's formula reads the start month through the name FiscalYearStartMonth, a one-cell reference.
        for (let i = 0; i < count; i++) {
          const formula = fiscalQuarterFormula(cell(0, FIRST + i))
            .split(NAMES.fiscalYearStartMonth)
            .join(sharedRef(i, 0));
          rows.push([dates[i]!, formula]);
        }
        return nativeModel(rows, [shared], count, (i) => [{ row: FIRST + i, column: 1 }]);
      },
    };
  },
};

const PIPELINE_MONTHS = 12;
const PIPELINE_LAG = 2;
const NEW_BUSINESS_SHARE = 0.7;

const pipelineCase: FunctionCase = {
  formula: "PLAN.PIPELINE",
  scalar: false,
  arguments: `${PIPELINE_MONTHS} monthly bookings 50-200 k (a row), coverage 3x, a ${PIPELINE_LAG}-month lag, 70 % new business`,
  nativeFormulas: `IF(t+lag<=${PIPELINE_MONTHS},INDEX(bookings,1,t+lag)*share*coverage,0) per month: ${PIPELINE_MONTHS} formulas`,
  engineCalls: 4_000,
  prepare(calls) {
    const random = seededRandom(19);
    const bookings = Array.from({ length: calls }, () => [
      Array.from({ length: PIPELINE_MONTHS }, () => random.integer(50, 200) * 1000),
    ]);
    const shared: SharedInput = { row: 0, column: 0, values: [3, 3.5] };
    const coverageValue = shared.values[0];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) {
          checksum += pipeline(bookings[i]!, coverageValue, PIPELINE_LAG, NEW_BUSINESS_SHARE)[0]![0]!;
        }
        return checksum;
      },
      result: (i) => flatten(pipeline(bookings[i]!, coverageValue, PIPELINE_LAG, NEW_BUSINESS_SHARE)),
      native(count) {
        const rows: RawCellContent[][] = [[coverageValue]];
        for (let i = 0; i < count; i++) {
          const r = FIRST + i;
          const range = `${cell(0, r, true)}:${cell(PIPELINE_MONTHS - 1, r, true)}`;
          const row: RawCellContent[] = [...bookings[i]![0]!];
          for (let t = 0; t < PIPELINE_MONTHS; t++) {
            const close = `${t + 1}+${PIPELINE_LAG}`;
            row[PIPELINE_MONTHS + t] =
              `=IF(${close}<=${PIPELINE_MONTHS},INDEX(${range},1,${close})*${NEW_BUSINESS_SHARE}*${sharedRef(i, 0)},0)`;
          }
          rows.push(row);
        }
        return nativeModel(rows, [shared], count, (i) =>
          Array.from({ length: PIPELINE_MONTHS }, (_, t) => ({ row: FIRST + i, column: PIPELINE_MONTHS + t })),
        );
      },
    };
  },
};

const coverageCase: FunctionCase = {
  formula: "PLAN.COVERAGE",
  scalar: true,
  arguments: "win rate 15-50 % (whole percents), 10 % of bookings created and closed within the period",
  nativeFormulas: "(1-share)/win_rate",
  engineCalls: 100_000,
  prepare(calls) {
    const random = seededRandom(20);
    const winRate = Array.from({ length: calls }, () => random.integer(15, 50) / 100);
    const shared: SharedInput = { row: 0, column: 3, values: [0.1, 0.2] };
    const share = shared.values[0];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) checksum += coverage(winRate[i]!, share);
        return checksum;
      },
      result: (i) => [coverage(winRate[i]!, share)],
      native(count) {
        const rows: RawCellContent[][] = [[null, null, null, share]];
        for (let i = 0; i < count; i++) rows.push([winRate[i]!, `=(1-${sharedRef(i, 0)})/${cell(0, FIRST + i)}`]);
        return nativeModel(rows, [shared], count, (i) => [{ row: FIRST + i, column: 1 }]);
      },
    };
  },
};

const quotaCase: FunctionCase = {
  formula: "PLAN.QUOTA",
  scalar: false,
  arguments: `${QUARTERS} quarterly capacities 200-900 k (a row), 20 % over-assignment`,
  nativeFormulas: `capacity*(1+over_assignment) per quarter: ${QUARTERS} formulas`,
  engineCalls: 25_000,
  prepare(calls) {
    const random = seededRandom(21);
    const capacities = Array.from({ length: calls }, () => [
      Array.from({ length: QUARTERS }, () => random.integer(200, 900) * 1000),
    ]);
    const shared: SharedInput = { row: 0, column: 0, values: [0.2, 0.15] };
    const overAssignment = shared.values[0];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) checksum += quota(capacities[i]!, overAssignment)[0]![0]!;
        return checksum;
      },
      result: (i) => flatten(quota(capacities[i]!, overAssignment)),
      native(count) {
        const rows: RawCellContent[][] = [[overAssignment]];
        for (let i = 0; i < count; i++) {
          const r = FIRST + i;
          const row: RawCellContent[] = [...capacities[i]![0]!];
          for (let q = 0; q < QUARTERS; q++) row[QUARTERS + q] = `=${cell(q, r)}*(1+${sharedRef(i, 0)})`;
          rows.push(row);
        }
        return nativeModel(rows, [shared], count, (i) =>
          Array.from({ length: QUARTERS }, (_, q) => ({ row: FIRST + i, column: QUARTERS + q })),
        );
      },
    };
  },
};

const OVERLAY_TEAMS = 6;

const overlayCase: FunctionCase = {
  formula: "PLAN.OVERLAY",
  scalar: false,
  arguments: `reps in ${OVERLAY_TEAMS} teams, 0-40 each (a row), 4 reps per sales engineer`,
  nativeFormulas: `ROUNDUP(reps/people_per_overlay,0) per team: ${OVERLAY_TEAMS} formulas`,
  engineCalls: 15_000,
  prepare(calls) {
    const random = seededRandom(22);
    const reps = Array.from({ length: calls }, () => [
      Array.from({ length: OVERLAY_TEAMS }, () => random.integer(0, 40)),
    ]);
    const shared: SharedInput = { row: 0, column: 0, values: [4, 5] };
    const perOverlay = shared.values[0];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) checksum += overlay(reps[i]!, perOverlay)[0]![0]!;
        return checksum;
      },
      result: (i) => flatten(overlay(reps[i]!, perOverlay)),
      native(count) {
        const rows: RawCellContent[][] = [[perOverlay]];
        for (let i = 0; i < count; i++) {
          const r = FIRST + i;
          const row: RawCellContent[] = [...reps[i]![0]!];
          for (let k = 0; k < OVERLAY_TEAMS; k++) {
            row[OVERLAY_TEAMS + k] = `=ROUNDUP(${cell(k, r)}/${sharedRef(i, 0)},0)`;
          }
          rows.push(row);
        }
        return nativeModel(rows, [shared], count, (i) =>
          Array.from({ length: OVERLAY_TEAMS }, (_, k) => ({ row: FIRST + i, column: OVERLAY_TEAMS + k })),
        );
      },
    };
  },
};

const TEAM_REPS = 10;

const attainmentCase: FunctionCase = {
  formula: "PLAN.ATTAINMENT",
  scalar: false,
  arguments: `a team of ${TEAM_REPS} reps: actuals 0-150 k and quotas 80-120 k (rows), share of reps at 100 % or more`,
  nativeFormulas: `IF(actual/quota>=threshold,1,0) per rep, then their SUM/${TEAM_REPS}: ${TEAM_REPS + 1} formulas`,
  engineCalls: 8_000,
  prepare(calls) {
    const random = seededRandom(23);
    const actuals = Array.from({ length: calls }, () => [
      Array.from({ length: TEAM_REPS }, () => random.integer(0, 150) * 1000),
    ]);
    const quotas = Array.from({ length: calls }, () => [
      Array.from({ length: TEAM_REPS }, () => random.integer(80, 120) * 1000),
    ]);
    const shared: SharedInput = { row: 0, column: 0, values: [1, 0.8] };
    const threshold = shared.values[0];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) checksum += attainment(actuals[i]!, quotas[i]!, threshold);
        return checksum;
      },
      result: (i) => [attainment(actuals[i]!, quotas[i]!, threshold)],
      native(count) {
        // Per row: actuals, quotas, one flag per rep, the share.
        const flag = (k: number) => 2 * TEAM_REPS + k;
        const shareColumn = 3 * TEAM_REPS;
        const rows: RawCellContent[][] = [[threshold]];
        for (let i = 0; i < count; i++) {
          const r = FIRST + i;
          const row: RawCellContent[] = [...actuals[i]![0]!, ...quotas[i]![0]!];
          for (let k = 0; k < TEAM_REPS; k++) {
            row[flag(k)] = `=IF(${cell(k, r)}/${cell(TEAM_REPS + k, r)}>=${sharedRef(i, 0)},1,0)`;
          }
          row[shareColumn] = `=SUM(${cell(flag(0), r)}:${cell(flag(TEAM_REPS - 1), r)})/${TEAM_REPS}`;
          rows.push(row);
        }
        return nativeModel(rows, [shared], count, (i) => [{ row: FIRST + i, column: shareColumn }]);
      },
    };
  },
};

const PACE_MONTHS = 3;

const paceCase: FunctionCase = {
  formula: "PLAN.PACE",
  scalar: false,
  arguments: `bookings to date 0-1.2 M after 1-${PACE_MONTHS} months, target 1 M, ${PACE_MONTHS} monthly weights 0.8-1.5 (a row)`,
  nativeFormulas: "(actual/((w1*(1<=e)+w2*(2<=e)+w3*(3<=e))/SUM(weights)))/target: 1 formula",
  engineCalls: 100_000,
  prepare(calls) {
    const random = seededRandom(24);
    const actual = Array.from({ length: calls }, () => random.integer(0, 1200) * 1000);
    const elapsed = Array.from({ length: calls }, () => random.integer(1, PACE_MONTHS));
    const weights = Array.from({ length: calls }, () => [
      Array.from({ length: PACE_MONTHS }, () => random.between(0.8, 1.5, 2)),
    ]);
    const shared: SharedInput = { row: 0, column: 0, values: [1_000_000, 1_200_000] };
    const target = shared.values[0];
    return {
      run() {
        let checksum = 0;
        for (let i = 0; i < calls; i++) checksum += pace(actual[i]!, target, elapsed[i]!, PACE_MONTHS, weights[i]);
        return checksum;
      },
      result: (i) => [pace(actual[i]!, target, elapsed[i]!, PACE_MONTHS, weights[i])],
      native(count) {
        // Per row: actual, elapsed, the weights, the projection.
        const rows: RawCellContent[][] = [[target]];
        for (let i = 0; i < count; i++) {
          const r = FIRST + i;
          const weight = (k: number) => cell(2 + k, r);
          const elapsedWeight = Array.from({ length: PACE_MONTHS }, (_, k) => `${weight(k)}*(${k + 1}<=${cell(1, r)})`);
          const share = `(${elapsedWeight.join("+")})/SUM(${weight(0)}:${weight(PACE_MONTHS - 1)})`;
          rows.push([actual[i]!, elapsed[i]!, ...weights[i]![0]!, `=(${cell(0, r)}/(${share}))/${sharedRef(i, 0)}`]);
        }
        return nativeModel(rows, [shared], count, (i) => [{ row: FIRST + i, column: 2 + PACE_MONTHS }]);
      },
    };
  },
};

export const FUNCTION_CASES: readonly FunctionCase[] = [
  headcountCase,
  repsNeededCase,
  funnelCase,
  rampCase,
  capacityCase,
  hiresCase,
  splitCase,
  fiscalQuarterCase,
  pipelineCase,
  coverageCase,
  quotaCase,
  overlayCase,
  attainmentCase,
  paceCase,
];

// ---------------------------------------------------------------------------------------------------------------
// Large ranges: every PLAN.* function given a whole column, and the range functions given the largest range they
// accept, each either answering or refused with its message within a second.
// ---------------------------------------------------------------------------------------------------------------

/** The cells of a whole Excel column. */
export const FULL_COLUMN_CELLS = 1_048_576;

/** One call on a large range; `prepare` builds the arguments (not timed) and returns the call (timed). */
export interface RangeCase {
  readonly formula: `PLAN.${string}`;
  /** The range in words, for the report. */
  readonly range: string;
  prepare(): () => unknown;
}

/** A column of `cells` values, as Excel passes a range (a 2-D array, one row per cell). */
function columnOf(cells: number, value: (index: number) => number): number[][] {
  return Array.from({ length: cells }, (_, index) => [value(index)]);
}

const WHOLE_COLUMN = `a whole column (${FULL_COLUMN_CELLS.toLocaleString("en-US")} cells)`;

/**
 * The cases: each function on a whole column, then each range function at its limit (src/functions/arguments.ts
 * MAX_RANGE_CELLS, and 1,000 fractions for PLAN.CAPACITY's listed ramp) with its slowest kind of arguments.
 */
export function rangeCases(maxCells: number, maxRampCells: number): RangeCase[] {
  const limit = `${maxCells.toLocaleString("en-US")} cells`;
  const hiresColumn = (cells: number) => columnOf(cells, (i) => (i % 7 === 0 ? 2 : i % 5 === 0 ? 1 : 0));
  const listedRamp = [Array.from({ length: maxRampCells }, (_, k) => k / maxRampCells)];
  const asAny = (value: unknown) => value as number;
  return [
    {
      formula: "PLAN.HEADCOUNT",
      range: `workload: ${WHOLE_COLUMN}`,
      prepare: () => {
        const workload = columnOf(FULL_COLUMN_CELLS, (i) => i % 500);
        return () => headcount(asAny(workload), 20, 0.8);
      },
    },
    {
      formula: "PLAN.REPSNEEDED",
      range: `revenue_target: ${WHOLE_COLUMN}`,
      prepare: () => {
        const target = columnOf(FULL_COLUMN_CELLS, (i) => 100_000 + i);
        return () => repsNeeded(asAny(target), 500_000, 0.85);
      },
    },
    {
      formula: "PLAN.COVERAGE",
      range: `win_rate: ${WHOLE_COLUMN}`,
      prepare: () => {
        const winRates = columnOf(FULL_COLUMN_CELLS, (i) => 0.1 + (i % 90) / 100);
        return () => coverage(asAny(winRates), 0.1);
      },
    },
    {
      formula: "PLAN.FISCALQUARTER",
      range: `date: ${WHOLE_COLUMN}`,
      prepare: () => {
        const dates = columnOf(FULL_COLUMN_CELLS, (i) => 44_927 + (i % 3_000));
        return () => fiscalQuarter(asAny(dates), 4);
      },
    },
    ...(
      [
        ["whole column", FULL_COLUMN_CELLS, WHOLE_COLUMN],
        ["limit", maxCells, limit],
      ] as const
    ).flatMap(([, cells, words]): RangeCase[] => [
      {
        formula: "PLAN.FUNNEL",
        range: `conversion_rates: ${words} of 100 %`,
        prepare: () => {
          const rates = columnOf(cells, () => 1);
          return () => funnel(12_000_000, 25_000, rates);
        },
      },
      {
        formula: "PLAN.RAMP",
        range: `ramp: ${words} of fractions`,
        prepare: () => {
          const fractions = columnOf(cells, (i) => (i % 100) / 100);
          return () => ramp(cells - 1, fractions);
        },
      },
      {
        formula: "PLAN.CAPACITY",
        range: `hires: ${words}, a listed ramp of ${maxRampCells.toLocaleString("en-US")} fractions, 1.5 % attrition`,
        prepare: () => {
          const byPeriod = hiresColumn(cells);
          return () => capacity(byPeriod, 50_000, listedRamp, 10, [[0.015]], 0.9);
        },
      },
      {
        formula: "PLAN.CAPACITY",
        range: `hires and departures: ${words} each, a linear ramp of 3 periods`,
        prepare: () => {
          const byPeriod = hiresColumn(cells);
          const departures = columnOf(cells, () => 0);
          return () => capacity(byPeriod, 50_000, [[3]], 10, departures, 0.9);
        },
      },
      {
        formula: "PLAN.HIRES",
        range: `target_headcount: ${words}`,
        prepare: () => {
          const targets = columnOf(cells, (i) => 10 + (i % 13));
          return () => hires(targets, 5, 0.015);
        },
      },
      {
        formula: "PLAN.SPLIT",
        range: `weights: ${words}, whole parts`,
        prepare: () => {
          const weights = columnOf(cells, (i) => 0.5 + (i % 97) / 97);
          return () => split(cells * 3 + 1, weights, true);
        },
      },
      {
        formula: "PLAN.PIPELINE",
        range: `bookings: ${words}, a 2-period lag`,
        prepare: () => {
          const bookings = columnOf(cells, (i) => 50_000 + (i % 150) * 1000);
          return () => pipeline(bookings, 3, 2, 0.7);
        },
      },
      {
        formula: "PLAN.QUOTA",
        range: `capacity: ${words}`,
        prepare: () => {
          const capacities = columnOf(cells, (i) => 200_000 + (i % 700) * 1000);
          return () => quota(capacities, 0.2);
        },
      },
      {
        formula: "PLAN.OVERLAY",
        range: `supported_headcount: ${words}`,
        prepare: () => {
          const reps = columnOf(cells, (i) => i % 41);
          return () => overlay(reps, 4);
        },
      },
      {
        formula: "PLAN.ATTAINMENT",
        range: `actuals and quotas: ${words} each, threshold 100 %`,
        prepare: () => {
          const actuals = columnOf(cells, (i) => (i % 151) * 1000);
          const quotas = columnOf(cells, (i) => 80_000 + (i % 41) * 1000);
          return () => attainment(actuals, quotas, 1);
        },
      },
      {
        formula: "PLAN.PACE",
        range: `weights: ${words}`,
        prepare: () => {
          const weights = columnOf(cells, (i) => 0.5 + (i % 97) / 97);
          return () => pace(300_000, 1_000_000, Math.ceil(cells / 3), cells, weights);
        },
      },
    ]),
  ];
}
