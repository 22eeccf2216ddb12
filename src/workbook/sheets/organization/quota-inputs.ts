import { PLAN_LIMITS } from "../../../plan/bounds";
import type { CellPosition } from "../../address";
import { placeInput } from "../../inputs";
import { headingCell, labelCell } from "../../sheet-builder";
import type { OrganizationFrame } from "./frame";

const RANGE = PLAN_LIMITS.fields.quotaOverAssignment;

/** The quota assignment inputs, beside the key figures: the over-assignment (0 % to 100 %). */
export function quotaInputsBlock(frame: OrganizationFrame): { readonly quotaOverAssignment: CellPosition } {
  const { context, sheet } = frame;
  const { plan, formats } = context;
  const t = context.text.organization;
  const block = sheet.block("quotaInputs");
  block.set({ row: 3, column: 4 }, headingCell(t.quotaSection, 2));
  block.set({ row: 4, column: 4 }, labelCell(t.quotaOverAssignment.header, 1));
  const quotaOverAssignment = placeInput(
    sheet,
    block,
    { row: 4, column: 6 },
    plan.organization.quotaOverAssignment,
    "organization.quotaOverAssignment",
    t.quotaOverAssignment,
    {
      type: "number",
      format: formats.percent,
      style: "input",
      validation: {
        rule: { kind: "decimal", min: RANGE.min, max: RANGE.max },
        errorMessage: t.overAssignmentValidation,
      },
    },
  );
  return { quotaOverAssignment };
}
