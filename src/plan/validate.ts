/**
 * Where plan data enters the product (a JSON file, the task pane's form, the sheets read back): parse it with the
 * schema and turn every problem into a message that names the field, in English or French.
 */
import type { z } from "zod";
import {
  decodeMessage,
  formatPath,
  renderMessage as renderPlain,
  type MessageKey,
  type MessageLocale,
  type RenderOptions,
} from "./messages";
import { planSchema, SCHEMA_VERSION, type Plan } from "./schema";

export interface PlanIssue {
  /** The field's path as segments: `["objectives", "funnel", 2, "conversionRate"]`. */
  readonly path: readonly (string | number)[];
  /** The path as text: `objectives.funnel[2].conversionRate`. */
  readonly field: string;
  /** The problem, without the path: `must be greater than 0 and at most 1`. */
  readonly problem: string;
  /** The full sentence: `objectives.funnel[2].conversionRate must be greater than 0 and at most 1`. */
  readonly message: string;
  /**
   * The problem for a field the user types in percent (the pane shows 25 for 0.25): its bounds as percentages,
   * `must be greater than 0 % and at most 100 %`.
   */
  readonly percentProblem: string;
}

export type PlanValidation =
  { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly issues: readonly PlanIssue[] };

type ZodIssue = z.core.$ZodIssue;

const TYPE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  number: "number",
  int: "integer",
  string: "text",
  boolean: "boolean",
  array: "list",
  object: "object",
};

function describeIssue(issue: ZodIssue, locale: MessageLocale, options: RenderOptions): string {
  const renderMessage = (
    at: MessageLocale,
    key: MessageKey,
    params: Readonly<Record<string, string | number>> = {},
  ): string => renderPlain(at, key, params, options);
  const named = decodeMessage(issue.message);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return renderMessage(locale, "required");
      // 1e400 typed in a field parses as Infinity: a number, but too large for any figure.
      if (issue.input === Infinity || issue.input === -Infinity) return renderMessage(locale, "notFinite");
      return renderMessage(locale, TYPE_MESSAGES[issue.expected] ?? "object");
    case "too_small": {
      const min = Number(issue.minimum);
      if (named) return renderMessage(locale, named.key, { min, count: min, ...named.params });
      if (issue.origin === "string") return renderMessage(locale, "nonEmpty");
      if (issue.origin === "array") return renderMessage(locale, "minItems", { min });
      if (min === 0) return renderMessage(locale, issue.inclusive ? "nonNegative" : "positive");
      return renderMessage(locale, issue.inclusive ? "min" : "above", { min });
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (named) return renderMessage(locale, named.key, { max, count: max, ...named.params });
      if (issue.origin === "string") return renderMessage(locale, "maxLength", { max });
      if (issue.origin === "array") return renderMessage(locale, "maxItems", { max });
      return renderMessage(locale, "max", { max });
    }
    case "invalid_value":
      if (issue.input === undefined) return renderMessage(locale, "required");
      if (named?.key === "schemaVersion") {
        return renderMessage(locale, "schemaVersion", {
          expected: SCHEMA_VERSION,
          actual: JSON.stringify(issue.input),
        });
      }
      return renderMessage(locale, "oneOf", { options: issue.values.map((value) => String(value)).join(", ") });
    case "invalid_union":
      // A discriminated union whose discriminator matches none of its options.
      if ("options" in issue && Array.isArray(issue.options)) {
        return renderMessage(locale, "oneOf", { options: (issue.options as unknown[]).map(String).join(", ") });
      }
      return renderMessage(locale, named?.key ?? "object", named?.params);
    case "unrecognized_keys":
      return renderMessage(locale, "unknownKeys", { keys: issue.keys.join(", ") });
    case "invalid_format":
    case "custom":
    case "not_multiple_of":
    case "invalid_key":
    case "invalid_element":
      return named ? renderMessage(locale, named.key, named.params) : issue.message;
  }
}

/**
 * Turns zod issues into sentences naming the field, in the given language. Two checks of one field that fail with
 * the same sentence (a currency `eur` fails both the pattern and the known-code check) are said once.
 */
export function formatIssues(issues: readonly ZodIssue[], locale: MessageLocale): PlanIssue[] {
  const formatted: PlanIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
    const field = formatPath(path);
    const problem = describeIssue(issue, locale, {});
    const percentProblem = describeIssue(issue, locale, { percent: true });
    const message = `${field} ${problem}`;
    if (!formatted.some((known) => known.message === message)) {
      formatted.push({ path, field, problem, message, percentProblem });
    }
  }
  return formatted;
}

/**
 * Validates unknown data as a plan (defaults applied). Messages are in `locale` (English by default). Never throws.
 */
export function validatePlan(data: unknown, locale: MessageLocale = "en-US"): PlanValidation {
  const result = planSchema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, plan: result.data };
  return { ok: false, issues: formatIssues(result.error.issues, locale) };
}

/** Thrown by `parsePlan`: the plan is invalid; `issues` says where and why. */
export class PlanValidationError extends Error {
  constructor(readonly issues: readonly PlanIssue[]) {
    super(`The plan is not valid:\n${issues.map((issue) => `- ${issue.message}`).join("\n")}`);
    this.name = "PlanValidationError";
  }
}

/** Validates and returns the plan, or throws a PlanValidationError listing every problem. */
export function parsePlan(data: unknown, locale: MessageLocale = "en-US"): Plan {
  const result = validatePlan(data, locale);
  if (!result.ok) throw new PlanValidationError(result.issues);
  return result.plan;
}
