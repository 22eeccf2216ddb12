/**
 * The monthly pipeline timing table of step 2 (src/plan/pipeline-timing.ts): the coverage used, each month's bookings
 * to close (the revenue target by seasonality), the pipeline they need (bookings × new-business share × coverage),
 * the pipeline to create a sales cycle earlier (an INDEX offset by the sales cycle, 0 beyond the horizon), the overdue
 * pipeline for the first sales cycle's closes, and each source's share of the pipeline to create. Every figure is a
 * native formula on the inputs, with the plan core's prediction.
 */
import { cellAddress, type CellPosition } from "../../address";
import {
  formulaCell,
  headingCell,
  labelCell,
  noteCell,
  rangeRef,
  ref,
  refRowFixed,
  type ListTable,
  type SheetBuilder,
} from "../../sheet-builder";
import type { LayoutContext } from "../context";
import { gridColumn } from "../organization/frame";
import { monthHeader } from "../organization/month-header";
import type { PipelineInputCells } from "./pipeline-inputs";

/** The step 2 cells the table reads. */
export interface PipelineTimingInputs {
  readonly inputs: PipelineInputCells;
  readonly sources: ListTable;
  readonly winRate: CellPosition;
  readonly revenueTargetByYear: readonly CellPosition[];
  readonly quarterWeights: readonly CellPosition[];
  readonly monthWeights: readonly CellPosition[] | undefined;
}

/** Where the table's figures landed: the coverage used and each month's pipeline to create. */
export interface PipelineTimingCells {
  readonly coverage: CellPosition;
  readonly overdue: CellPosition;
  readonly pipelineToCreate: readonly CellPosition[];
}

export function pipelineTimingBlock(
  context: LayoutContext,
  sheet: SheetBuilder,
  top: number,
  cells: PipelineTimingInputs,
): PipelineTimingCells {
  const { plan, figures, text, formats } = context;
  const t = text.objectives;
  const pipeline = figures.pipeline;
  const months = figures.months;
  const count = months.length;
  const block = sheet.block("pipelineTiming");
  block.set({ row: top, column: 0 }, headingCell(t.pipelineTimingSection, 2));
  block.set({ row: top + 1, column: 0 }, noteCell(t.pipelineTimingNote));
  const abs = (position: CellPosition) => ref(position, true);
  const { inputs } = cells;

  const coverage = { row: top + 2, column: 2 };
  block.set({ row: top + 2, column: 0 }, labelCell(t.coverageUsed, 1));
  block.set(
    coverage,
    formulaCell(
      `=IF(${abs(inputs.pipelineCoverage)}="",(1-${abs(inputs.createAndCloseShare)})/${abs(cells.winRate)},${abs(inputs.pipelineCoverage)})`,
      pipeline.coverage,
      formats.oneDecimal,
    ),
  );

  const labelRow = top + 5;
  const numberRow = top + 6;
  const shareRow = top + 7;
  const bookingsRow = top + 8;
  const neededRow = top + 9;
  const toCreateRow = top + 10;
  monthHeader(block, context, { label: labelRow, number: numberRow });
  const labels: [number, string][] = [
    [shareRow, text.organization.monthShare],
    [bookingsRow, t.bookingsToClose],
    [neededRow, t.pipelineNeeded],
    [toCreateRow, t.pipelineToCreate],
  ];
  for (const [row, label] of labels) block.set({ row, column: 1 }, labelCell(label));
  const monthRange = (row: number) =>
    rangeRef({ row, column: gridColumn(0) }, { row, column: gridColumn(count - 1) }, true);

  // The share of the plan year, as the organization sheet's capacity section and calculatePlan's monthShares compute it.
  const { granularity } = plan.objectives.seasonality;
  const weights = granularity === "quarter" ? cells.quarterWeights : cells.monthWeights!;
  const weightSum = `SUM(${abs(weights[0]!)}:${cellAddress(weights[weights.length - 1]!, true)})`;
  const cycle = abs(inputs.salesCycleMonths);
  const pipelineToCreate = months.map((month, m) => {
    const column = gridColumn(m);
    const at = (row: number) => ref({ row, column });
    block.set(
      { row: shareRow, column },
      formulaCell(
        granularity === "quarter"
          ? `=${abs(weights[month.fiscal.quarter - 1]!)}/(3*${weightSum})`
          : `=${abs(weights[month.fiscalMonth - 1]!)}/${weightSum}`,
        figures.monthShares[m]!,
        formats.percentPrecise,
      ),
    );
    block.set(
      { row: bookingsRow, column },
      formulaCell(
        `=${abs(cells.revenueTargetByYear[month.planYear]!)}*${at(shareRow)}`,
        pipeline.bookingsByMonth[m]!,
        formats.currency,
      ),
    );
    block.set(
      { row: neededRow, column },
      formulaCell(
        `=${at(bookingsRow)}*${abs(inputs.newBusinessShare)}*${abs(coverage)}`,
        pipeline.pipelineNeededByMonth[m]!,
        formats.currency,
      ),
    );
    const monthNumber = refRowFixed({ row: numberRow, column });
    return block.set(
      { row: toCreateRow, column },
      formulaCell(
        `=IF(${monthNumber}+${cycle}>${count},0,INDEX(${monthRange(neededRow)},1,${monthNumber}+${cycle}))`,
        pipeline.pipelineToCreateByMonth[m]!,
        formats.currency,
      ),
    );
  });

  const overdue = { row: top + 3, column: 2 };
  block.set({ row: top + 3, column: 0 }, labelCell(t.overduePipeline, 1));
  block.set(
    overdue,
    formulaCell(
      `=SUMIFS(${monthRange(neededRow)},${monthRange(numberRow)},"<="&${cycle})`,
      pipeline.overduePipeline,
      formats.currency,
    ),
  );

  // One row per listed source: its share of each month's pipeline to create.
  plan.objectives.pipelineSources.forEach((entry, index) => {
    const row = toCreateRow + 1 + index;
    block.set({ row, column: 1 }, labelCell(t.sourcePipeline(text.pipelineSources[entry.source])));
    const share = abs(cells.sources.cell(index, "share"));
    months.forEach((_, m) => {
      const column = gridColumn(m);
      block.set(
        { row, column },
        formulaCell(
          `=${ref({ row: toCreateRow, column })}*${share}`,
          pipeline.sources[index]!.pipelineToCreateByMonth[m]!,
          formats.currency,
        ),
      );
    });
  });
  return { coverage, overdue, pipelineToCreate };
}
