import fc from "fast-check";
import type { CellValue, RawCellContent } from "hyperformula";
import { capacity } from "../../src/functions/functions";
import { planFunctionsIn } from "../../src/functions/plan-functions";
import {
  anyArgument,
  anyLocale,
  expectResultOrCustomError,
  FUZZ_RUNS,
  isFiniteGrid,
  valueError,
} from "../helpers/custom-functions";
import { buildSheet } from "../helpers/plan-formula-engine";
import { nativeFormulaRuns } from "../helpers/test-scale";

const call = capacity as (...args: unknown[]) => number[][];
const french = planFunctionsIn("fr-FR");

/** Column letter of a 0-based index (A..Z, enough here). */
const col = (index: number) => String.fromCharCode(65 + index);

interface CapacityCase {
  readonly hires: readonly number[];
  readonly quota: number;
  /** N periods (linear) or fractions per period. */
  readonly ramp: number | readonly number[];
  readonly starting: number;
  readonly attrition: { readonly rate: number } | { readonly departures: readonly number[] };
  readonly attainment: number;
}

/**
 * A capacity model as a modeler builds it with native formulas: a cohort grid (one row per hiring period, one
 * column per period) whose cells are hires × ramp × survival, and a capacity column that adds the starting reps
 * (less departures, or times survival) to the column's sum, times quota and attainment. PLAN.CAPACITY sits next to
 * it, fed from the same cells. Returns the sheet and the two results, top to bottom.
 */
function capacitySheet(model: CapacityCase): { plan: CellValue[][]; native: CellValue[][] } {
  const n = model.hires.length;
  const first = 4; // hires start on row 4
  const rampRow = first + n + 1;
  const rampList = typeof model.ramp === "number" ? undefined : model.ramp;
  const rates = "rate" in model.attrition;
  const rows: RawCellContent[][] = [
    [
      model.quota,
      typeof model.ramp === "number" ? model.ramp : null,
      model.starting,
      rates ? model.attrition.rate : null,
      model.attainment,
    ],
    [],
    ["hires", "PLAN", "native", "departures", null, null, ...Array.from({ length: n }, (_, t) => t)],
  ];
  const rampRange = rampList ? `$A$${rampRow}:$${col(rampList.length - 1)}$${rampRow}` : "$B$1";
  const rampOf = (k: string) =>
    rampList ? `IF(${k}<COLUMNS(${rampRange}), INDEX(${rampRange}, 1, ${k}+1), 1)` : `IF($B$1=0, 1, MIN(${k}/$B$1, 1))`;
  const survival = (k: string) => (rates ? `(1-$D$1)^(${k})` : "1");
  for (let h = 0; h < n; h++) {
    const r = first + h;
    const row: RawCellContent[] = [
      model.hires[h]!,
      null,
      null,
      rates ? null : (model.attrition as { departures: readonly number[] }).departures[h]!,
      null,
      null,
    ];
    for (let t = 0; t < n; t++) {
      const k = `(${col(6 + t)}$3-${h})`;
      row.push(t < h ? 0 : `=$A${r}*${rampOf(k)}*${survival(k)}`);
    }
    const cohort = `SUM(${col(6 + h)}$${first}:${col(6 + h)}$${first + n - 1})`;
    // Starting reps are in place before the first period and go through its attrition, as in the hiring grid.
    const startingReps = rates ? `$C$1*(1-$D$1)^${h + 1}` : h === 0 ? "$C$1" : `($C$1-SUM($D$${first}:$D$${r - 1}))`;
    row[2] = `=(${startingReps}+${cohort})*$A$1*$E$1`;
    rows.push(row);
  }
  rows[first - 1]![1] =
    `=PLAN.CAPACITY(A${first}:A${first + n - 1}, A1, ${rampList ? rampRange : "B1"}, C1, ${rates ? "D1" : `D${first}:D${first + n - 1}`}, E1)`;
  rows.push([]);
  if (rampList) rows.push([...rampList]);
  const sheet = buildSheet(rows);
  return {
    plan: sheet.spill(`B${first}`),
    native: Array.from({ length: n }, (_, t) => [sheet.value(`C${first + t}`)]),
  };
}

/** Equal within floating-point noise: both sides add the same terms in a different order. */
function expectSameNumbers(actual: CellValue[][], expected: CellValue[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) => {
    expect(row.length).toBe(expected[r]!.length);
    row.forEach((value, c) => {
      const wanted = expected[r]![c] as number;
      expect(typeof value).toBe("number");
      expect(Math.abs((value as number) - wanted)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wanted)));
    });
  });
}

describe("PLAN.CAPACITY: argument count and shape", () => {
  it("names a missing required argument", () => {
    expect(valueError(() => call([[1, 0]], 10_000))).toBe("ramp is required");
  });

  it("refuses hires laid out in more than one row and column", () => {
    expect(
      valueError(() =>
        call(
          [
            [1, 0],
            [0, 1],
          ],
          10_000,
          [[2]],
        ),
      ),
    ).toBe("hires must be a single row or column (got 2 rows × 2 columns)");
  });

  it("refuses departures that are not one per period", () => {
    expect(valueError(() => call([[1, 0, 0]], 10_000, [[2]], 5, [[1, 0]]))).toBe(
      "attrition must be a single rate per period, or a row or column of departure counts, one per period (3 values)",
    );
    expect(valueError(() => french.capacity([[1, 0, 0]], 10_000, [[2]], 5, [[1, 0]]))).toBe(
      "attrition doit être un taux unique par période, ou une ligne ou colonne de nombres de départs, un par période (3 valeurs)",
    );
  });

  it("keeps the shape of hires: a row gives a row, a column a column", () => {
    expect(call([[1, 0, 0]], 10_000, [[2]], 2)).toEqual([[20_000, 25_000, 30_000]]);
    expect(call([[1], [0], [0]], 10_000, [[2]], 2)).toEqual([[20_000], [25_000], [30_000]]);
  });

  it("accepts departures laid out across when hires go down, as long as there is one per period", () => {
    expect(call([[0], [0], [0]], 100, [[0]], 5, [[1, 0, 2]])).toEqual([[500], [400], [400]]);
  });

  it("reads a single attrition cell as a rate, even for one period", () => {
    // A rate: the 5 starting reps go through the period's 50 % attrition (a departure count would leave 500).
    expect(call([[0]], 100, [[0]], 5, [[0.5]])).toEqual([[250]]);
  });
});

describe("PLAN.CAPACITY: types", () => {
  it("refuses text among the hires and a boolean quota", () => {
    expect(valueError(() => call([[1, "two", 0]], 10_000, [[2]]))).toBe(
      'item 2 of hires must be a number (got the text "two")',
    );
    expect(valueError(() => call([[1]], true, [[2]]))).toBe("quota_per_period must be a number (got TRUE)");
  });

  it("counts empty hire cells as no hires, on the web and on desktop", () => {
    const rows = [[1, null, null, "=PLAN.CAPACITY(A1:C1, 10000, 2, 2)"]];
    for (const emptyCellsAs of [null, 0] as const) {
      expect(buildSheet(rows, { emptyCellsAs }).spill("D1")).toEqual([[20_000, 25_000, 30_000]]);
    }
  });

  it("takes an omitted attrition as none and omitted starting reps and attainment as 0 and 100 %", () => {
    expect(call([[2, 0]], 1_000, [[1]])).toEqual([[0, 2_000]]);
    expect(call([[2, 0]], 1_000, [[1]], null, null, null)).toEqual([[0, 2_000]]);
  });
});

describe("PLAN.CAPACITY: domain", () => {
  it("refuses negative hires, a quota of 0 and negative starting reps, naming each", () => {
    expect(valueError(() => call([[1, -1]], 10_000, [[2]]))).toBe("item 2 of hires must be 0 or more");
    expect(valueError(() => call([[1]], 0, [[2]]))).toBe("quota_per_period must be greater than 0");
    expect(valueError(() => call([[1]], 10_000, [[2]], -3))).toBe("starting_reps must be 0 or more");
  });

  it("refuses an attrition rate of 100 % and a negative departure count", () => {
    expect(valueError(() => call([[1]], 10_000, [[2]], 3, [[1]]))).toBe("attrition must be 0 or more and less than 1");
    expect(valueError(() => call([[1, 0]], 10_000, [[2]], 3, [[1, -1]]))).toBe("item 2 of attrition must be 0 or more");
  });

  it("refuses more departures than fully ramped reps, saying when", () => {
    expect(valueError(() => call([[1, 0]], 100, [[3]], 0, [[1, 0]]))).toBe(
      "attrition: departures through period 1 (1) exceed the fully ramped reps available (0)",
    );
    expect(valueError(() => french.capacity([[1, 0]], 100, [[3]], 0.5, [[1, 0]]))).toBe(
      "attrition : les départs cumulés jusqu'à la période 1 (1) dépassent les commerciaux pleinement productifs disponibles (0,5)",
    );
  });

  it("refuses a ramp fraction above 1 and an attainment of 0", () => {
    expect(valueError(() => call([[1]], 10_000, [[0.5, 1.5]]))).toBe("item 2 of ramp must be from 0 to 1");
    expect(valueError(() => call([[1]], 10_000, [[2]], 0, null, 0))).toBe(
      "attainment must be greater than 0 and at most 1",
    );
  });

  it("answers #VALUE! with a message when capacity is beyond Excel's number range", () => {
    expect(valueError(() => call([[1e308]], 1e308, [[0]]))).toBe(
      "PLAN.CAPACITY cannot give a result within Excel's number range for these arguments",
    );
  });
});

describe("PLAN.CAPACITY: happy path", () => {
  it("counts starting reps fully and a new hire by a 2-period linear ramp: 20,000, 25,000, 30,000", () => {
    expect(call([[1], [0], [0]], 10_000, [[2]], 2)).toEqual([[20_000], [25_000], [30_000]]);
  });

  it("with an attrition rate, weighs every rep by its chance of still being there", () => {
    const productive = call([[2], [0], [0]], 1, [[0]], 10, [[0.1]]).map((row) => Number(row[0]!.toPrecision(12)));
    // Starting reps, there before the first period, go through its attrition: 9, 8.1, 7.29; the two hires: 2, 1.8, 1.62.
    expect(productive).toEqual([11, 9.9, 8.91]);
  });

  it("with departures, keeps a leaver for the period they leave and drops them after", () => {
    expect(call([[0, 0, 0]], 100, [[0]], 5, [[1, 0, 2]])).toEqual([[500, 400, 400]]);
  });

  it("matches the worked example of a cohort grid typed in cells, spill size included", () => {
    const { plan, native } = capacitySheet({
      hires: [3, 3, 3, 3],
      quota: 1,
      ramp: 3,
      starting: 0,
      attrition: { rate: 0 },
      attainment: 1,
    });
    // 3 hires a month on a 3-month ramp: 0, 1, 3 and 6 productive reps.
    expectSameNumbers(plan, [[0], [1], [3], [6]]);
    expectSameNumbers(plan, native);
  });

  it("matches a native cohort grid on any valid model, with rates or departures and linear or listed ramps", () => {
    const hires = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 8 });
    const ramp = fc.oneof(
      fc.integer({ min: 0, max: 6 }),
      fc.double({ min: 0.5, max: 6, noNaN: true }),
      fc.array(
        fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
        { minLength: 2, maxLength: 5 },
      ),
    );
    const model = fc
      .record({
        hires,
        quota: fc.integer({ min: 1, max: 200_000 }),
        ramp,
        starting: fc.integer({ min: 0, max: 30 }),
        rate: fc.integer({ min: 0, max: 30 }).map((p) => p / 100),
        departures: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }),
        useRate: fc.boolean(),
        attainment: fc.integer({ min: 50, max: 100 }).map((p) => p / 100),
      })
      .map(({ hires: h, departures, useRate, rate, starting, ...rest }): CapacityCase => {
        const leaving = departures.slice(0, h.length);
        // With one period, a single attrition cell is a rate (see "reads a single attrition cell as a rate").
        useRate = useRate || h.length === 1;
        // Departures come from ramped reps; enough starting reps keeps every model valid.
        const total = leaving.reduce((a, b) => a + b, 0);
        return {
          ...rest,
          hires: h,
          starting: useRate ? starting : starting + total,
          attrition: useRate ? { rate } : { departures: leaving },
        };
      });
    fc.assert(
      fc.property(model, (m) => {
        const { plan, native } = capacitySheet(m);
        expectSameNumbers(plan, native);
      }),
      nativeFormulaRuns(100),
    );
  });
});

describe("PLAN.CAPACITY: a realistic scenario", () => {
  it("models a year of account-executive capacity with a listed ramp, a 20 % yearly attrition and 85 % attainment", () => {
    const monthly = 1 - (1 - 0.2) ** (1 / 12);
    const model: CapacityCase = {
      hires: [2, 1, 0, 2, 0, 1, 0, 0, 2, 0, 1, 0],
      quota: 50_000,
      ramp: [0, 0.25, 0.5, 0.75],
      starting: 6,
      attrition: { rate: monthly },
      attainment: 0.85,
    };
    const { plan, native } = capacitySheet(model);
    expect(plan.length).toBe(12);
    expectSameNumbers(plan, native);
    // Month 1: six ramped reps after a month's attrition at 85 % of 50,000; the two hires of the month count 0.
    expect(plan[0]![0]).toBeCloseTo(6 * (1 - monthly) * 50_000 * 0.85, 6);
    // Month 2: 6 × (1 − r)² ramped reps plus the two January hires at 25 % and (1 − r), the February hire at 0.
    expect(plan[1]![0]).toBeCloseTo((6 * (1 - monthly) + 2 * 0.25) * (1 - monthly) * 50_000 * 0.85, 6);
  });
});

describe("PLAN.CAPACITY: fuzzing", () => {
  it("returns finite numbers shaped like hires or throws a CustomFunctions.Error in the caller's language", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { maxLength: 7 }), anyLocale, (args, locale) => {
        expectResultOrCustomError(
          () => (planFunctionsIn(locale).capacity as (...a: unknown[]) => unknown)(...args),
          (value) => isFiniteGrid(value) && value.flat().every((v) => v >= 0),
          locale,
          ["hires", "quota_per_period", "ramp", "starting_reps", "attrition", "attainment", "PLAN.CAPACITY"],
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("PLAN.CAPACITY: range size", () => {
  const column = (cells: number, value: number) => Array.from({ length: cells }, () => [value]);

  it("computes 100,000 periods on a ramp of 1,000 fractions", () => {
    const result = call(column(100_000, 1), 1, [Array.from({ length: 1_000 }, (_, k) => k / 1_000)]);
    expect(result.length).toBe(100_000);
    // From period 1,000 on, the 1,000 hires still ramping count Σ k/1000 = 499.5 and the others fully.
    expect(result[1_500]![0]).toBeCloseTo(501 + 499.5, 6);
  });

  it("refuses more than 100,000 periods of hires or departures, naming the argument and the limit", () => {
    expect(valueError(() => call(column(100_001, 0), 1, [[3]]))).toBe(
      "hires must hold at most 100,000 cells (got 100,001)",
    );
    expect(valueError(() => french.capacity(column(1_048_576, 0), 1, [[3]]))).toBe(
      "hires doit contenir au plus 100\u202F000 cellules (reçu : 1\u202F048\u202F576)",
    );
  });

  it("refuses a ramp of more than 1,000 fractions", () => {
    expect(valueError(() => call([[1, 0]], 1, column(1_001, 0.5)))).toBe(
      "ramp must hold at most 1,000 cells (got 1,001)",
    );
  });
});
