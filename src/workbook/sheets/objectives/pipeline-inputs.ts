/**
 * The pipeline inputs of step 2: sales cycle, pipeline coverage (empty: derived from the win rate), the
 * create-and-close and new-business shares, and the pipeline sources with their shares. Their ranges are the plan's
 * own (PLAN_LIMITS.fields), so the data validations and the schema accept the same values.
 */
import type { PipelineSourceShare } from "../../../plan/schema";
import { PLAN_LIMITS, type FieldRange } from "../../../plan/bounds";
import type { CellPosition } from "../../address";
import { inputColumn, placeInput, type InputKind } from "../../inputs";
import { headingCell, labelCell, listTable, type ListTable, type SheetBuilder } from "../../sheet-builder";
import type { LayoutContext } from "../context";

const RANGE = PLAN_LIMITS.fields;

/** Where the pipeline inputs landed, for the formulas that will read them. */
export interface PipelineInputCells {
  readonly salesCycleMonths: CellPosition;
  readonly pipelineCoverage: CellPosition;
  readonly createAndCloseShare: CellPosition;
  readonly newBusinessShare: CellPosition;
}

/** Columns of the pipeline inputs: labels in E:F, values in G, between the step's inputs and the funnel chart. */
const LABEL_COLUMN = 4;
const VALUE_COLUMN = 6;

/** A number input whose data validation offers exactly `range`. */
function numberKind(
  format: string,
  range: FieldRange,
  whole: boolean,
  errorMessage: string,
  optional = false,
): InputKind {
  return {
    type: "number",
    format,
    style: "input",
    validation: { rule: { kind: whole ? "whole" : "decimal", min: range.min, max: range.max }, errorMessage },
    ...(optional ? { optional } : {}),
  };
}

const shareKind = (context: LayoutContext) =>
  numberKind(context.formats.percent, RANGE.share, false, context.text.objectives.shareValidation);

/**
 * The four pipeline inputs beside the step's other inputs (rows 4 to 8), above every table of the sheet so the
 * tables can grow without moving them.
 */
export function pipelineInputsBlock(context: LayoutContext, sheet: SheetBuilder): PipelineInputCells {
  const { plan, text, formats } = context;
  const t = text.objectives;
  const objectives = plan.objectives;
  const block = sheet.block("pipelineInputs");
  const top = 3;
  block.set({ row: top, column: LABEL_COLUMN }, headingCell(t.pipelineSection, 2));
  const input = (
    row: number,
    field: typeof t.salesCycleMonths,
    path: string,
    value: number | undefined,
    kind: InputKind,
  ) => {
    block.set({ row, column: LABEL_COLUMN }, labelCell(field.header, 1));
    return placeInput(sheet, block, { row, column: VALUE_COLUMN }, value, path, field, kind);
  };
  const salesCycleMonths = input(
    top + 1,
    t.salesCycleMonths,
    "objectives.salesCycleMonths",
    objectives.salesCycleMonths,
    numberKind(formats.whole, RANGE.salesCycleMonths, true, t.salesCycleValidation),
  );
  const pipelineCoverage = input(
    top + 2,
    t.pipelineCoverage,
    "objectives.pipelineCoverage",
    objectives.pipelineCoverage,
    numberKind(formats.general, RANGE.pipelineCoverage, false, t.coverageValidation, true),
  );
  const createAndCloseShare = input(
    top + 3,
    t.createAndCloseShare,
    "objectives.createAndCloseShare",
    objectives.createAndCloseShare,
    shareKind(context),
  );
  const newBusinessShare = input(
    top + 4,
    t.newBusinessShare,
    "objectives.newBusinessShare",
    objectives.newBusinessShare,
    shareKind(context),
  );
  return { salesCycleMonths, pipelineCoverage, createAndCloseShare, newBusinessShare };
}

/** The pipeline sources and their shares (adding up to 100 %), as a table from row `top`. */
export function pipelineSourcesBlock(context: LayoutContext, sheet: SheetBuilder, top: number): ListTable {
  const { plan, text, kinds } = context;
  const t = text.objectives;
  const block = sheet.block("pipelineSources");
  block.set({ row: top, column: 0 }, headingCell(t.pipelineSourcesSection, 2));
  return listTable<PipelineSourceShare>(sheet, block, {
    name: "PlanPipelineSources",
    anchor: { row: top + 1, column: 0 },
    items: plan.objectives.pipelineSources,
    binding: { list: "objectives.pipelineSources", label: t.pipelineSources },
    columns: [
      {
        key: "source",
        ...inputColumn("source", t.pipelineSource, kinds.choice(text.pipelineSources)),
        cell: (entry) => ({ value: text.pipelineSources[entry.source] }),
      },
      {
        key: "share",
        ...inputColumn("share", t.sourceShare, shareKind(context)),
        cell: (entry) => ({ value: entry.share }),
      },
    ],
  });
}
