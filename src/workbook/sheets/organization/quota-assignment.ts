/**
 * Step 3's quota and cost blocks (src/plan/pipeline-timing.ts): quota to assign per quarter (capacity × (1 +
 * over-assignment)) for each quota role and in total, each fully ramped rep's quota, the day-1 pipeline, the capacity
 * waterfall per quota role, and the cost of sales with each quota role's quota-to-OTE ratio. Native formulas on the
 * sheet's own rows and inputs, each with the plan core's prediction.
 */
import type { CellPosition } from "../../address";
import { formulaCell, headerCell, headingCell, labelCell, noteCell, ref, valueCell } from "../../sheet-builder";
import { external } from "../context";
import type { CapacityRows } from "./capacity";
import { gridColumn, type OrganizationTableFrame, type RoleRow } from "./frame";

/** Quota to assign and quota per ramped rep by quarter for each quota role, then the total and the day-1 pipeline. */
export function quotaAssignmentBlock(
  frame: OrganizationTableFrame,
  quotaRoles: readonly RoleRow[],
  capacity: CapacityRows,
  overAssignment: CellPosition,
): void {
  const { context, objectives, sheet, table } = frame;
  const { figures, text, formats, sheetNames } = context;
  const t = text.organization;
  const pipeline = figures.pipeline;
  const quarters = figures.quarters;
  const top = sheet.lastRow() + 2;
  const block = sheet.block("quotaAssignment");
  block.set({ row: top, column: 0 }, headingCell(t.quotaAssignmentSection, 2));
  block.set({ row: top + 1, column: 0 }, noteCell(t.overAssignmentNote));
  block.set({ row: top + 2, column: 1 }, labelCell(t.fiscalQuarter));
  quarters.forEach((quarter, q) => block.set({ row: top + 2, column: gridColumn(q) }, headerCell(quarter.label)));
  const uplift = `(1+${ref(overAssignment, true)})`;
  const roleRow = (r: number, line: 0 | 1) => top + 3 + 2 * r + line;
  quotaRoles.forEach((entry, r) => {
    const timing = pipeline.quotaRoles[r]!;
    const cell = (key: string) => ref({ row: entry.row, column: table.column(key) }, true);
    [t.quotaToAssign, t.quotaPerRampedRep].forEach((label, line) => {
      block.set({ row: roleRow(r, line as 0 | 1), column: 0 }, valueCell(entry.role.title));
      block.set({ row: roleRow(r, line as 0 | 1), column: 1 }, labelCell(label));
    });
    const capacityRow = capacity.roles.get(entry)!.quarterlyCapacityRow;
    quarters.forEach((quarter, q) => {
      const column = gridColumn(q);
      block.set(
        { row: roleRow(r, 0), column },
        formulaCell(
          `=${ref({ row: capacityRow, column })}*${uplift}`,
          timing.quotaToAssignByQuarter[q]!,
          formats.currency,
        ),
      );
      block.set(
        { row: roleRow(r, 1), column },
        formulaCell(
          `=${cell("quota")}*${quarter.monthIndices.length}*${cell("attainment")}*${uplift}`,
          timing.quotaPerRampedRepByQuarter[q]!,
          formats.currency,
        ),
      );
    });
  });
  const totalRow = roleRow(quotaRoles.length, 0);
  const dayOneRow = totalRow + 1;
  block.set({ row: totalRow, column: 0 }, labelCell(t.allQuotaRoles));
  block.set({ row: totalRow, column: 1 }, labelCell(t.quotaToAssign));
  block.set({ row: dayOneRow, column: 0 }, labelCell(t.allQuotaRoles));
  block.set({ row: dayOneRow, column: 1 }, labelCell(t.dayOnePipeline));
  const objectivesSheet = sheetNames.objectives;
  quarters.forEach((_, q) => {
    const column = gridColumn(q);
    block.set(
      { row: totalRow, column },
      formulaCell(
        `=SUM(${quotaRoles.map((_role, r) => ref({ row: roleRow(r, 0), column })).join(",")})`,
        pipeline.quotaToAssignByQuarter![q]!,
        formats.currency,
      ),
    );
    block.set(
      { row: dayOneRow, column },
      formulaCell(
        `=${ref({ row: totalRow, column })}*${external(objectivesSheet, objectives.pipeline.newBusinessShare)}*${external(objectivesSheet, objectives.pipeline.coverage)}`,
        pipeline.dayOnePipelineByQuarter![q]!,
        formats.currency,
      ),
    );
  });
}

/** Per quota role and quarter: reps at start, hires, departures (the balance), reps at end, ramped rep equivalents. */
export function capacityWaterfallBlock(
  frame: OrganizationTableFrame,
  quotaRoles: readonly RoleRow[],
  capacity: CapacityRows,
): void {
  const { context, sheet, table, rows } = frame;
  const { figures, text, formats } = context;
  const t = text.organization;
  const quarters = figures.quarters;
  const top = sheet.lastRow() + 2;
  const block = sheet.block("capacityWaterfall");
  block.set({ row: top, column: 0 }, headingCell(t.waterfallSection, 2));
  block.set({ row: top + 1, column: 1 }, labelCell(t.fiscalQuarter));
  quarters.forEach((quarter, q) => block.set({ row: top + 1, column: gridColumn(q) }, headerCell(quarter.label)));
  const lines = [t.repsAtStart, t.hires, t.departures, t.repsAtEnd, t.rampedRepEquivalents];
  quotaRoles.forEach((entry, r) => {
    const index = entry.row - table.firstRow;
    const waterfall = figures.pipeline.quotaRoles[r]!.waterfall;
    const [startRow, hiresRow, departuresRow, endRow, rampedRow] = lines.map((_, l) => top + 2 + 5 * r + l) as [
      number,
      number,
      number,
      number,
      number,
    ];
    lines.forEach((label, l) => {
      block.set({ row: top + 2 + 5 * r + l, column: 0 }, valueCell(entry.role.title));
      block.set({ row: top + 2 + 5 * r + l, column: 1 }, labelCell(label));
    });
    const productiveRepsRow = capacity.roles.get(entry)!.productiveRepsRow;
    quarters.forEach((quarter, q) => {
      const column = gridColumn(q);
      const at = (row: number) => ref({ row, column });
      const w = waterfall[q]!;
      block.set(
        { row: startRow, column },
        formulaCell(
          q === 0
            ? `=${ref({ row: entry.row, column: table.column("current") }, true)}`
            : `=${ref({ row: endRow, column: column - 1 })}`,
          w.repsAtStart,
          formats.oneDecimal,
        ),
      );
      block.set(
        { row: hiresRow, column },
        formulaCell(`=${ref({ row: rows.quarterRow(index, 0), column })}`, w.hires, formats.whole),
      );
      block.set(
        { row: endRow, column },
        formulaCell(`=${ref({ row: rows.quarterRow(index, 1), column })}`, w.repsAtEnd, formats.oneDecimal),
      );
      block.set(
        { row: departuresRow, column },
        formulaCell(`=${at(startRow)}+${at(hiresRow)}-${at(endRow)}`, w.departures, formats.oneDecimal),
      );
      const lastMonth = quarter.monthIndices[quarter.monthIndices.length - 1]!;
      block.set(
        { row: rampedRow, column },
        formulaCell(
          `=${ref({ row: productiveRepsRow, column: gridColumn(lastMonth) })}`,
          w.rampedRepEquivalents,
          formats.oneDecimal,
        ),
      );
    });
  });
}

/** Cost of sales (plan year 1's team cost ÷ its revenue target) and each quota role's yearly quota ÷ OTE. */
export function costOfSalesBlock(
  frame: OrganizationTableFrame,
  quotaRoles: readonly RoleRow[],
  totalCost: CellPosition,
): void {
  const { context, objectives, sheet, table } = frame;
  const { figures, text, formats, sheetNames } = context;
  const t = text.organization;
  const top = sheet.lastRow() + 2;
  const block = sheet.block("costOfSales");
  block.set({ row: top, column: 0 }, headingCell(t.costSection, 2));
  block.set({ row: top + 1, column: 0 }, labelCell(t.costOfSales, 1));
  block.set(
    { row: top + 1, column: 2 },
    formulaCell(
      `=${ref(totalCost, true)}/${external(sheetNames.objectives, objectives.revenueTargetByYear[0]!)}`,
      figures.pipeline.costOfSales,
      formats.percent,
    ),
  );
  block.set({ row: top + 2, column: 0 }, noteCell(t.quotaToOteNote));
  quotaRoles.forEach((entry, r) => {
    const ratio = figures.pipeline.quotaRoles[r]!.quotaToOte;
    const row = top + 3 + r;
    const cell = (key: string) => ref({ row: entry.row, column: table.column(key) }, true);
    block.set({ row, column: 0 }, valueCell(entry.role.title));
    block.set({ row, column: 1 }, labelCell(t.quotaToOte));
    if (ratio !== undefined) {
      block.set({ row, column: 2 }, formulaCell(`=${cell("quota")}*12/${cell("ote")}`, ratio, formats.oneDecimal));
    }
  });
}
