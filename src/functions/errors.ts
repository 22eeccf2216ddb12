/**
 * How a PLAN.* function reports a problem. Reading an argument or computing a result raises an `ArgumentProblem`
 * (a catalog key, the argument it is about and what was received); the plan core raises `PlanMathError` (a field
 * in the core's camelCase terms and an English rule). `toCustomFunctionsError` turns either, and anything else, into
 * the only thing a function ever throws: a `CustomFunctions.Error` whose message names the argument and the accepted
 * range in the user's language. Every failure is #VALUE!, a result beyond Excel's number range included: Excel shows
 * a custom message only with #VALUE! and #N/A (docs: excel/custom-functions-errors.md), never with #NUM!, and each
 * failure here has something to say. Excel shows the message in the cell's error tooltip.
 */
import { PlanMathError } from "../plan/errors";
import { renderFunctionMessage, type FunctionMessageKey, type MessageLocale, type MessageParams } from "./messages";

/** Who a message is about: an argument, or one item (1-based, in reading order) of a range argument. */
export interface Subject {
  readonly argument: string;
  readonly index?: number;
}

/** What an argument received, for "(got …)". */
export type Received =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "range" }
  | { readonly kind: "other"; readonly type: string };

export class ArgumentProblem extends Error {
  constructor(
    readonly key: FunctionMessageKey,
    readonly subject?: Subject,
    readonly params: MessageParams = {},
    readonly received?: Received,
  ) {
    super(key);
    this.name = "ArgumentProblem";
  }
}

/** Describes a received value: text (shortened), a boolean, a range, or a value of another type. */
export function describeReceived(value: unknown): Received {
  if (typeof value === "string") return { kind: "text", text: value.length > 20 ? `${value.slice(0, 20)}…` : value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "number") return { kind: "number", value };
  if (Array.isArray(value)) return { kind: "range" };
  return { kind: "other", type: value === null ? "null" : typeof value };
}

/** What a function needs to know to turn a core error into its own terms. */
export interface ErrorContext {
  /** The formula name, `PLAN.CAPACITY`. */
  readonly formula: string;
  /** Core field name (camelCase, without an index) → the function's argument name (snake_case). */
  readonly coreFields: Readonly<Record<string, string>>;
}

interface CoreRule {
  readonly pattern: RegExp;
  readonly key: FunctionMessageKey;
  readonly params?: (match: RegExpExecArray) => MessageParams;
}

/**
 * The plan core's rules (the `rule` of a PlanMathError, see src/plan/errors.ts and its callers) and the catalog
 * message each becomes. Most are also checked earlier from the argument table; the core remains the authority, so
 * whatever it refuses is still reported in the user's language.
 */
export const CORE_RULES: readonly CoreRule[] = [
  { pattern: /^must be a finite number$/, key: "finite" },
  { pattern: /^must be greater than 0$/, key: "positive" },
  { pattern: /^must be 0 or more$/, key: "nonNegative" },
  { pattern: /^must be greater than 0 and at most 1$/, key: "rate" },
  { pattern: /^must be 0 or more and less than 1$/, key: "attritionRate" },
  { pattern: /^must be from 0 to 1$/, key: "fraction" },
  { pattern: /^must be a whole number of periods$/, key: "wholePeriods" },
  { pattern: /^must be a whole number, 0 or more$/, key: "wholeNonNegative" },
  {
    pattern: /^must hold one quota per actual \((\d+)\)$/,
    key: "onePerActual",
    params: (match) => ({ count: Number(match[1]) }),
  },
  { pattern: /^must be greater than 0 beside an actual$/, key: "quotaBesideActual" },
  { pattern: /^must hold a quota greater than 0 in at least one pair$/, key: "noQuota" },
  {
    pattern: /^must be greater than 0 and at most total \((.+)\)$/,
    key: "elapsedShare",
    params: (match) => ({ total: Number(match[1]) }),
  },
  {
    pattern: /^must be a whole number from 1 to the number of weights \((\d+)\)$/,
    key: "elapsedWeights",
    params: (match) => ({ count: Number(match[1]) }),
  },
  {
    pattern: /^must be the number of weights \((\d+)\)$/,
    key: "totalWeights",
    params: (match) => ({ count: Number(match[1]) }),
  },
  {
    pattern: /^must not all be 0 in the first (\d+) sub-periods$/,
    key: "elapsedWeightsZero",
    params: (match) => ({ elapsed: Number(match[1]) }),
  },
  { pattern: /^must be a whole number from 1 to 12$/, key: "month" },
  { pattern: /^must be 0 or more months, or a list of fractions from 0 to 1$/, key: "rampPeriods" },
  { pattern: /^must hold at least one (rate|fraction|weight)$/, key: "emptyRange" },
  { pattern: /^must not all be zero$/, key: "weightsAllZero" },
  { pattern: /^must add up to a finite number$/, key: "weightsTooLarge" },
  {
    pattern: /^must hold one departure count per period \((\d+)\)$/,
    key: "periodsMismatch",
    params: (match) => ({ count: Number(match[1]) }),
  },
  {
    pattern: /^departures through period (\d+) \((.+)\) exceed the fully ramped reps available \((.+)\)$/,
    key: "departuresExceedRamped",
    params: (match) => ({ period: Number(match[1]), departed: Number(match[2]), available: Number(match[3]) }),
  },
  { pattern: /^must be a whole number, 0 or more, to be split into whole parts$/, key: "wholeTotal" },
  { pattern: /^is too large to be split into whole parts that add up to it exactly$/, key: "splitInexact" },
  { pattern: /^must be an Excel date from /, key: "date" },
  { pattern: /^must be a real date written YYYY-MM-DD/, key: "date" },
  { pattern: /^must be 1900-03-01 or later$/, key: "date" },
];

function subjectOfCoreField(field: string, context: ErrorContext): Subject {
  const match = /^(\w+)(?:\[(\d+)\])?$/.exec(field);
  const base = match?.[1] ?? field;
  const argument = context.coreFields[base] ?? base;
  return match?.[2] === undefined ? { argument } : { argument, index: Number(match[2]) + 1 };
}

function renderSubject(locale: MessageLocale, subject: Subject | undefined): string {
  if (!subject) return "";
  if (subject.index === undefined) return subject.argument;
  return renderFunctionMessage(locale, "item", { argument: subject.argument, index: subject.index });
}

function renderReceived(locale: MessageLocale, received: Received | undefined): string {
  switch (received?.kind) {
    case undefined:
      return "";
    case "text":
      return renderFunctionMessage(locale, "gotText", { text: received.text });
    case "boolean":
      return renderFunctionMessage(locale, received.value ? "gotTrue" : "gotFalse", {});
    case "number":
      return renderFunctionMessage(locale, "gotNumber", { number: received.value });
    case "range":
      return renderFunctionMessage(locale, "gotRange", {});
    case "other":
      return renderFunctionMessage(locale, "gotOther", { type: received.type });
  }
}

/** The problem's sentence in the given language. */
export function renderProblem(problem: ArgumentProblem, locale: MessageLocale, formula: string): string {
  return renderFunctionMessage(locale, problem.key, {
    ...problem.params,
    subject: renderSubject(locale, problem.subject),
    got: renderReceived(locale, problem.received),
    function: formula,
  });
}

/** The core's error as a problem in the function's terms, or undefined for a rule the catalog does not know. */
export function problemFromCore(error: PlanMathError, context: ErrorContext): ArgumentProblem | undefined {
  const subject = subjectOfCoreField(error.field, context);
  const isArgument = Object.hasOwn(context.coreFields, /^\w+/.exec(error.field)?.[0] ?? "");
  if (!isArgument && error.rule === "must be a finite number") {
    // An intermediate value (the deals of a funnel) overflowed: the arguments are valid, the result is out of range.
    return new ArgumentProblem("outOfRange");
  }
  for (const rule of CORE_RULES) {
    const match = rule.pattern.exec(error.rule);
    if (match) return new ArgumentProblem(rule.key, subject, rule.params?.(match) ?? {});
  }
  return undefined;
}

/** Anything a function's body threw, as the CustomFunctions.Error Excel shows. */
export function toCustomFunctionsError(
  error: unknown,
  context: ErrorContext,
  locale: MessageLocale,
): CustomFunctions.Error {
  const problem =
    error instanceof ArgumentProblem
      ? error
      : error instanceof PlanMathError
        ? problemFromCore(error, context)
        : undefined;
  if (problem) {
    return new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      renderProblem(problem, locale, context.formula),
    );
  }
  if (error instanceof PlanMathError) {
    // A core rule the catalog does not translate yet: still name the argument, with the core's English rule.
    const subject = renderSubject(locale, subjectOfCoreField(error.field, context));
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `${subject} ${error.rule}`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    renderFunctionMessage(locale, "unexpected", { function: context.formula, detail }),
  );
}
