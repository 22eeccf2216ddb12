/**
 * Helpers for testing PLAN.* functions called directly, as Excel calls them: capture the CustomFunctions.Error a
 * call throws, and generate the values Excel (or a careless JavaScript caller) may pass, for fuzzing.
 */
import fc from "fast-check";
import type { MessageLocale } from "../../src/functions/messages";

export interface ThrownError {
  readonly code: string;
  readonly message: string;
}

/** The CustomFunctions.Error a call throws; fails the test if it returns or throws anything else. */
export function thrown(run: () => unknown): ThrownError {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (!(error instanceof CustomFunctions.Error)) throw error;
    return { code: String(error.code), message: error.message ?? "" };
  }
  throw new Error(`expected a CustomFunctions.Error, got the result ${JSON.stringify(result)}`);
}

/** The message of the #VALUE! error a call throws. */
export function valueError(run: () => unknown): string {
  const error = thrown(run);
  expect(error.code).toBe(CustomFunctions.ErrorCode.invalidValue);
  return error.message;
}

/** Numbers Excel or JavaScript can produce, edge cases included (NaN, infinities, -0, the extremes). */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, -0, 1, 0.5, 1e-320, 1e308, -1e308, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY),
);

/** One cell's value as Excel may pass it: a number, text, a boolean, or an empty cell (null, 0 or ""). */
export const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, "", true, false, "12", "2027-03-31", "abc") },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** A range as Excel passes it (rectangular), or as a careless caller might (ragged, empty, flat). */
export const anyRange: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }))
    .chain(([rows, columns]) =>
      fc.array(fc.array(anyCell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
    ),
  fc.array(fc.array(anyCell, { maxLength: 4 }), { maxLength: 4 }),
  fc.array(anyCell, { maxLength: 4 }),
);

/** Any argument: a cell value, a range, `undefined` (an argument a JavaScript caller left out), or an object. */
export const anyArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: anyCell },
  { weight: 3, arbitrary: anyRange },
  { weight: 1, arbitrary: fc.constantFrom(undefined, {}, Symbol.for("x")) },
);

export const anyLocale: fc.Arbitrary<MessageLocale> = fc.constantFrom("en-US", "fr-FR");

/** At least 1,000 runs per fuzzed property, as the issue asks; `FUZZ_RUNS=100000 npx jest tests/functions` digs deeper. */
export const FUZZ_RUNS = Math.max(1000, Number(process.env.FUZZ_RUNS ?? 0) || 0);

const ENGLISH_WORDS = /\b(must|got|item|cannot|failed|the|and|or)\b/;
const FRENCH_WORDS = /\b(doit|doivent|est|reçu|être|une?|les?|de|ne|ou)\b/;

/**
 * What every PLAN.* call must do whatever it is given: return what `isResult` accepts, or throw a
 * CustomFunctions.Error (#VALUE!, the code whose message Excel shows) whose message is a sentence in the requested language naming one of
 * the function's arguments or the function itself.
 */
export function expectResultOrCustomError(
  run: () => unknown,
  isResult: (value: unknown) => boolean,
  locale: MessageLocale,
  names: readonly string[],
): void {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    const { code, message } = error as ThrownError;
    // Excel shows a custom message only with #VALUE! and #N/A (docs: excel/custom-functions-errors.md).
    expect(code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(names.some((name) => message.includes(name))).toBe(true);
    // Leave out what is not the catalog's words: argument names and the received text, quoted.
    const words = message.replace(/«.*»|".*"/s, "").replace(/\b\w+_\w+\b/g, "");
    if (locale === "fr-FR") {
      expect(words).toMatch(FRENCH_WORDS);
      expect(words).not.toMatch(ENGLISH_WORDS);
    } else {
      expect(words).not.toMatch(/\b(doit|doivent|reçu|élément)\b/);
    }
    return;
  }
  expect(isResult(result)).toBe(true);
}

/** Values a model holds: 0, or from 1E-6 to `max`, with any binary digits (traps like 0.1 × 3 included). */
export function modelNumber(max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constant(0),
    fc.double({ min: 1e-6, max, noNaN: true }),
    fc.integer({ min: 1, max: Math.min(max, 1e6) }),
  );
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && !Object.is(value, -0);
}

/** A non-empty rectangular 2-D array of finite numbers. */
export function isFiniteGrid(value: unknown): value is number[][] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const rows = value as unknown[];
  const width = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : 0;
  return (
    width > 0 && rows.every((row) => Array.isArray(row) && row.length === width && row.every((v) => isFiniteNumber(v)))
  );
}
