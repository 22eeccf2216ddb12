import { useCallback, useMemo, useState } from "react";
import { calculatePlan } from "../../plan/calculate";
import { validatePlan } from "../../plan/validate";
import { indexIssues } from "../draft/issues";
import { setAt, type PlanDraft, type PlanPath } from "../draft/path";
import type { UiLanguage } from "../i18n/language";
import type { PlanEditor } from "./PlanEditorContext";

export interface PlanEditorState extends PlanEditor {
  /** Replaces the whole plan (a starter, a file, the workbook's plan) and resets the editors. */
  readonly replaceDraft: (draft: PlanDraft) => void;
}

/**
 * The plan being edited and everything derived from it: validation in the pane's language on every change, and the
 * figures of the plan core's `calculatePlan` whenever the plan is valid (the pane never computes a figure itself).
 */
export function usePlanEditorState(initialDraft: PlanDraft, language: UiLanguage): PlanEditorState {
  const [state, setState] = useState({ draft: initialDraft, generation: 0 });
  const { draft, generation } = state;

  const validation = useMemo(() => validatePlan(draft, language), [draft, language]);
  const issues = useMemo(() => indexIssues(validation.ok ? [] : validation.issues), [validation]);
  const computed = useMemo(() => {
    if (!validation.ok) return { figures: undefined, error: undefined };
    try {
      return { figures: calculatePlan(validation.plan), error: undefined };
    } catch (error) {
      return { figures: undefined, error: error instanceof Error ? error.message : String(error) };
    }
  }, [validation]);

  const setField = useCallback((path: PlanPath, value: unknown) => {
    setState((current) => ({ ...current, draft: setAt(current.draft, path, value) }));
  }, []);
  const updateDraft = useCallback((update: (draft: PlanDraft) => PlanDraft) => {
    setState((current) => ({ ...current, draft: update(current.draft) }));
  }, []);
  const replaceDraft = useCallback((next: PlanDraft) => {
    setState((current) => ({ draft: next, generation: current.generation + 1 }));
  }, []);

  return {
    draft,
    generation,
    validation,
    issues,
    figures: computed.figures,
    calculationError: computed.error,
    setField,
    updateDraft,
    replaceDraft,
  };
}
