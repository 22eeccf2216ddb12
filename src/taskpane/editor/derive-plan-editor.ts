import { calculatePlan, type PlanFigures } from "../../plan/calculate";
import { validatePlan, type PlanValidation } from "../../plan/validate";
import { indexIssues, type IssueIndex } from "../draft/issues";
import type { PlanDraft } from "../draft/path";
import type { UiLanguage } from "../i18n/language";

/** Everything the pane derives from the plan being edited. */
export interface DerivedPlanState {
  readonly validation: PlanValidation;
  readonly issues: IssueIndex;
  /** Every figure of the plan, when it is valid and computes. */
  readonly figures: PlanFigures | undefined;
  /** Why a valid plan's figures could not be computed (should not happen: the schema guards the math). */
  readonly calculationError: string | undefined;
}

/**
 * Validation in the pane's language, and the figures of the plan core's `calculatePlan` when the plan is valid (the
 * pane never computes a figure itself). Called on every change of the plan or the language.
 */
export function derivePlanEditor(draft: PlanDraft, language: UiLanguage): DerivedPlanState {
  const validation = validatePlan(draft, language);
  const issues = indexIssues(validation.ok ? [] : validation.issues);
  if (!validation.ok) return { validation, issues, figures: undefined, calculationError: undefined };
  try {
    return { validation, issues, figures: calculatePlan(validation.plan), calculationError: undefined };
  } catch (error) {
    return {
      validation,
      issues,
      figures: undefined,
      calculationError: error instanceof Error ? error.message : String(error),
    };
  }
}
