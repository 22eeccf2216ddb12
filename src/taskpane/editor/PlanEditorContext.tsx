import { createContext, useContext } from "react";
import type { PlanFigures } from "../../plan/calculate";
import type { PlanValidation } from "../../plan/validate";
import type { IssueIndex } from "../draft/issues";
import type { PlanDraft, PlanPath } from "../draft/path";

export interface PlanEditor {
  readonly draft: PlanDraft;
  /** Bumped whenever the whole plan is replaced (an example, a file, the workbook), so editors start afresh. */
  readonly generation: number;
  readonly validation: PlanValidation;
  readonly issues: IssueIndex;
  /** Every figure of the plan, when it is valid and computes. */
  readonly figures: PlanFigures | undefined;
  /** Why a valid plan's figures could not be computed (should not happen: the schema guards the math). */
  readonly calculationError: string | undefined;
  readonly setField: (path: PlanPath, value: unknown) => void;
  /** A compound edit applied at once (a renamed row and the references that follow it). */
  readonly updateDraft: (update: (draft: PlanDraft) => PlanDraft) => void;
}

export const PlanEditorContext = createContext<PlanEditor | undefined>(undefined);

export function usePlanEditor(): PlanEditor {
  const editor = useContext(PlanEditorContext);
  if (!editor) throw new Error("usePlanEditor must be used inside the PlanEditorContext provider.");
  return editor;
}
