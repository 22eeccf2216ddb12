import { useCallback, useState } from "react";
import { setAt, type PlanDraft, type PlanPath } from "../draft/path";

export interface PlanDraftState {
  readonly draft: PlanDraft;
  /** Bumped whenever the whole plan is replaced (an example, a file, the workbook), so editors start afresh. */
  readonly generation: number;
  readonly setField: (path: PlanPath, value: unknown) => void;
  /** A compound edit applied at once (a renamed row and the references that follow it). */
  readonly updateDraft: (update: (draft: PlanDraft) => PlanDraft) => void;
  /** Replaces the whole plan (a starter, a file, the workbook's plan) and resets the editors. */
  readonly replaceDraft: (draft: PlanDraft) => void;
}

/**
 * The plan being edited. What is derived from it (validation, figures) comes from the plan core, which loads with
 * the editor after the first paint (see `derivePlanEditor`); the draft itself is kept from the first render on.
 */
export function usePlanDraft(initialDraft: PlanDraft): PlanDraftState {
  const [state, setState] = useState({ draft: initialDraft, generation: 0 });

  const setField = useCallback((path: PlanPath, value: unknown) => {
    setState((current) => ({ ...current, draft: setAt(current.draft, path, value) }));
  }, []);
  const updateDraft = useCallback((update: (draft: PlanDraft) => PlanDraft) => {
    setState((current) => ({ ...current, draft: update(current.draft) }));
  }, []);
  const replaceDraft = useCallback((next: PlanDraft) => {
    setState((current) => ({ draft: next, generation: current.generation + 1 }));
  }, []);

  return { draft: state.draft, generation: state.generation, setField, updateDraft, replaceDraft };
}
