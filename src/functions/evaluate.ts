/**
 * The shared body of every PLAN.* function: read and check the arguments from the function's signature, call the
 * plan core, check the result, and turn any failure into a CustomFunctions.Error in the user's language.
 * A function therefore returns a finite number, a rectangular array of finite numbers or a text, or throws a
 * CustomFunctions.Error: never NaN, an infinity, -0, or another exception.
 */
import { readArguments, type ArgumentsOf, type Parameter } from "./arguments";
import { ArgumentProblem, toCustomFunctionsError } from "./errors";
import type { MessageLocale } from "./messages";

export interface FunctionSignature {
  /** The name the user types, `PLAN.HEADCOUNT`. */
  readonly formula: `PLAN.${string}`;
  /** The arguments in order, with their kinds, defaults and accepted ranges. */
  readonly parameters: readonly Parameter[];
  /** Core field name (camelCase, without an index) → argument name, to name arguments in the core's errors. */
  readonly coreFields: Readonly<Record<string, string>>;
}

export type FunctionResult = number | string | number[][];

function finiteNumber(value: number): number {
  // Beyond Excel's number range. Excel's own formulas give #NUM! (=10^308*10), which cannot carry a message: #VALUE!
  // with the message says which function could not give a result (docs: excel/custom-functions-errors.md).
  if (!Number.isFinite(value)) throw new ArgumentProblem("outOfRange");
  return value + 0; // -0 shows as 0 in Excel, but is not 0 for Object.is: normalize it
}

function checkedResult<R extends FunctionResult>(result: R): R {
  if (typeof result === "number") return finiteNumber(result) as R;
  if (typeof result === "string") return result;
  return result.map((row) => row.map(finiteNumber)) as R;
}

export function evaluate<S extends FunctionSignature, R extends FunctionResult>(
  signature: S,
  locale: MessageLocale,
  values: readonly unknown[],
  compute: (args: ArgumentsOf<S["parameters"]>) => R,
): R {
  try {
    return checkedResult(compute(readArguments(signature.parameters, values)));
  } catch (error) {
    throw toCustomFunctionsError(error, signature, locale);
  }
}
