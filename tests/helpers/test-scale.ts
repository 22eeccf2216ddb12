/**
 * How much the long-running suites run. `npm test` runs their local counts, which keep it under three minutes on a
 * two-core machine; `.ci/run` sets TEST_SCALE=full for the full counts. Each count can also be set on its own with
 * its environment variable, for example `PROPERTY_RUNS=500 npx jest tests/plan/contract.property.test.ts`.
 * docs/testing.md lists every count with its local and full values. The cases a smaller count drops are always the
 * same ones (fixed seeds and strides), so a failure seen once is seen again with the same command.
 */

const SCALES = ["local", "full"] as const;
export type TestScale = (typeof SCALES)[number];

function readScale(): TestScale {
  const raw = process.env.TEST_SCALE;
  if (raw === undefined || raw === "") return "local";
  if ((SCALES as readonly string[]).includes(raw)) return raw as TestScale;
  throw new Error(`TEST_SCALE must be "local" or "full" (got "${raw}")`);
}

export const TEST_SCALE: TestScale = readScale();

/** Whether the full counts are asked for: by TEST_SCALE=full, or for this count alone by setting its variable. */
export function isFullScale(variable?: string): boolean {
  return TEST_SCALE === "full" || (variable !== undefined && (process.env[variable] ?? "") !== "");
}

/**
 * The count named by `variable`: its value when set (a whole number, 0 or more), else `counts.full` under
 * TEST_SCALE=full, else `counts.local`.
 */
export function scaledCount(variable: string, counts: { readonly local: number; readonly full: number }): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return counts[TEST_SCALE];
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${variable} must be a whole number, 0 or more (got "${raw}")`);
  }
  return value;
}

/**
 * The rows of the large generated plan that the adapter, the .xlsx conformance and the formula-engine suites write,
 * read back, validate and recalculate (tests/excel/real-layout, tests/xlsx/excel-conformance,
 * tests/workbook/layout-engine): 400 locally, 1,700 under TEST_SCALE=full (CI), where an update's writes go beyond
 * the 4 MB request budget and split in two requests.
 */
export const LARGE_PLAN_ROWS = scaledCount("LARGE_PLAN_ROWS", { local: 400, full: 1700 });

/**
 * The seed of the sampled property suites (fast-check): fixed, so that the local runs are the first of CI's and a
 * failure repeats with the same command; set PROPERTY_SEED to explore other cases.
 */
export const PROPERTY_SEED = scaledCount("PROPERTY_SEED", { local: 20261208, full: 20261208 });

/**
 * Runs and seed of a tests/functions property that types each case into a HyperFormula sheet and compares the
 * function with the native formulas ("matches … on any valid …"): a quarter of `full` locally (at least 10), `full`
 * (each suite's own count, 50 to 200) under TEST_SCALE=full. FORMULA_PROPERTY_RUNS sets one count for all of them.
 */
export function nativeFormulaRuns(full: number): { readonly numRuns: number; readonly seed: number } {
  const local = Math.max(10, Math.ceil(full / 4));
  return { numRuns: scaledCount("FORMULA_PROPERTY_RUNS", { local, full }), seed: PROPERTY_SEED };
}
