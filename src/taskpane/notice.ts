import type { PlanDraft } from "./draft/path";
import type { Catalog } from "./i18n/en";

/**
 * A message above the editor. Its text is read from the catalog when it is shown, so a notice raised before the full
 * catalog has loaded (a saved plan that could not be read, the workbook's plan restored) is shown in full once it has.
 */
export interface Notice {
  readonly intent: "info" | "success" | "warning" | "error";
  readonly text: (t: Catalog) => string;
  /** The plan that an undo brings back. */
  readonly undo?: PlanDraft;
  /**
   * A plan saved on this computer that the pane offers but never loads by itself inside a workbook (it may belong to
   * another workbook): the user opens it, or not.
   */
  readonly offer?: PlanDraft;
}
