import type { PlanIssue } from "../../plan/validate";

/**
 * The plan fields the pane shows and takes in percent (25 for 0.25; their NumberField has `scale="percent"`), as
 * patterns of the issue's field path. A problem away from its field (the results' problem list, a file's problems)
 * words their bounds as percentages too, so it says what the field says.
 */
const PERCENT_FIELDS: readonly RegExp[] = [
  /^objectives\.(winRateTarget|annualGrowthRate)$/,
  /^objectives\.funnel\[\d+\]\.conversionRate$/,
  /^organization\.roles\[\d+\]\.(utilization|attritionRateAnnual|quotaAttainment|targetShare)$/,
  /^objectives\.(createAndCloseShare|newBusinessShare)$/,
  /^objectives\.pipelineSources\[\d+\]\.share$/,
  /^organization\.quotaOverAssignment$/,
  /^scenarios\[\d+\]\.overrides\.(annualGrowthRate|winRateTarget|utilization|quotaAttainment|attritionRateAnnual)$/,
  /^scenarios\[\d+\]\.overrides\.conversionRates\.[A-Za-z0-9_-]+$/,
];

export function isPercentField(field: string): boolean {
  return PERCENT_FIELDS.some((pattern) => pattern.test(field));
}

/** An issue's problem as its field shows it: bounds in percent on a percentage field ("at most 100 %"). */
export function problemAsShown(issue: PlanIssue): string {
  return isPercentField(issue.field) ? issue.percentProblem : issue.problem;
}
