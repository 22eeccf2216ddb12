import { createContext, useContext } from "react";
import type { DerivedPlanState } from "./derive-plan-editor";
import type { PlanDraftState } from "./usePlanDraft";

/** The plan being edited and what is derived from it; the editor's components only render once both are there. */
export type PlanEditor = Omit<PlanDraftState, "replaceDraft"> & DerivedPlanState;

export const PlanEditorContext = createContext<PlanEditor | undefined>(undefined);

export function usePlanEditor(): PlanEditor {
  const editor = useContext(PlanEditorContext);
  if (!editor) throw new Error("usePlanEditor must be used inside the PlanEditorContext provider.");
  return editor;
}
