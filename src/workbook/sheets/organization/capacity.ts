/**
 * Quota capacity: per month, productive reps = starting reps × (1 − r)^(t + 1) + SUMPRODUCT(hires so far, ramp
 * factors and survival in reverse order), which weights the hire of month h by ramp(t − h) × (1 − r)^(t − h) as
 * src/plan/capacity.ts does: the hiring grid's convention (starting reps go through the first month's attrition), so
 * with no ramp productive reps equal its expected headcount; capacity = reps × quota × attainment; then by quarter
 * against the role's share of the revenue target.
 */
import { cellAddress } from "../../address";
import {
  formulaCell,
  headerCell,
  headingCell,
  labelCell,
  rangeRef,
  ref,
  valueCell,
  type BlockBuilder,
} from "../../sheet-builder";
import { ALERT_FILL, ALERT_FONT } from "../../styles";
import { external } from "../context";
import { gridColumn, monthsOfQuarter, type OrganizationTableFrame, type RoleRow } from "./frame";
import { monthHeader } from "./month-header";

/** Where the quarterly capacity rows landed, for the capacity chart and the KPI sheet. */
export interface CapacityRows {
  readonly labelRow: number;
  readonly targetRow: number;
  readonly capacityRow: number;
  /** Each quota role's rows: productive reps by month, capacity by quarter. */
  readonly roles: ReadonlyMap<RoleRow, { readonly productiveRepsRow: number; readonly quarterlyCapacityRow: number }>;
}

/** Rows of the monthly capacity block's header. */
interface MonthlyRows {
  readonly sinceStartRow: number;
  readonly revenueRow: number;
}

export function capacityBlocks(frame: OrganizationTableFrame, quotaRoles: readonly RoleRow[]): CapacityRows {
  const { monthly, capacityRowOf, nextTop } = capacityByMonthBlock(frame, quotaRoles);
  const quarterly = capacityByQuarterBlock(frame, quotaRoles, {
    top: nextTop,
    revenueRow: monthly.revenueRow,
    capacityRowOf,
  });
  // The productive reps line sits just above the capacity line (CAPACITY_LINES' order).
  const roles = new Map(
    quotaRoles.map((entry, r) => [
      entry,
      { productiveRepsRow: capacityRowOf.get(entry)! - 1, quarterlyCapacityRow: quarterly.roleCapacityRow(r) },
    ]),
  );
  return { labelRow: quarterly.labelRow, targetRow: quarterly.targetRow, capacityRow: quarterly.capacityRow, roles };
}

/** The monthly block: month header, share of the year and revenue target by month, then each quota role's lines. */
function capacityByMonthBlock(
  frame: OrganizationTableFrame,
  quotaRoles: readonly RoleRow[],
): { monthly: MonthlyRows; capacityRowOf: ReadonlyMap<RoleRow, number>; nextTop: number } {
  const { context, objectives, sheet, rows } = frame;
  const { plan, figures, text, formats, sheetNames } = context;
  const t = text.organization;
  const top = rows.capacityTop;
  const block = sheet.block("capacityByMonth");
  block.set({ row: top, column: 0 }, headingCell(t.capacityMonthSection, 2));
  const labelRow = top + 1;
  const sinceStartRow = top + 2;
  const shareRow = top + 3;
  const revenueRow = top + 4;
  monthHeader(block, context, { label: labelRow, sinceStart: sinceStartRow });
  block.set({ row: shareRow, column: 1 }, labelCell(t.monthShare));
  block.set({ row: revenueRow, column: 1 }, labelCell(t.revenueTarget));
  const { granularity } = plan.objectives.seasonality;
  const weightCells = granularity === "quarter" ? objectives.quarterWeights : objectives.monthWeights!;
  const weightSum = `SUM(${external(sheetNames.objectives, weightCells[0]!)}:${cellAddress(weightCells[weightCells.length - 1]!, true)})`;
  figures.months.forEach((month, m) => {
    const column = gridColumn(m);
    const share =
      granularity === "quarter"
        ? `=${external(sheetNames.objectives, weightCells[month.fiscal.quarter - 1]!)}/(3*${weightSum})`
        : `=${external(sheetNames.objectives, weightCells[month.fiscalMonth - 1]!)}/${weightSum}`;
    block.set({ row: shareRow, column }, formulaCell(share, figures.monthShares[m]!, formats.percentPrecise));
    block.set(
      { row: revenueRow, column },
      formulaCell(
        `=${external(sheetNames.objectives, objectives.revenueTargetByYear[month.planYear]!)}*${ref({ row: shareRow, column })}`,
        figures.revenueTargetByMonth[m]!,
        formats.currency,
      ),
    );
  });

  const monthly = { sinceStartRow, revenueRow };
  const roleTop = (q: number) => revenueRow + 2 + q * (CAPACITY_LINES + 1);
  const capacityRowOf = new Map<RoleRow, number>();
  quotaRoles.forEach((entry, q) =>
    capacityRowOf.set(entry, capacityRoleRows(frame, block, entry, roleTop(q), monthly)),
  );
  return { monthly, capacityRowOf, nextTop: roleTop(quotaRoles.length) + 1 };
}

/** Lines per quota role in the monthly block: ramp, survival, both reversed, productive reps, capacity. */
const CAPACITY_LINES = 6;

/** One quota role's six monthly lines, from `top`; returns the row of its capacity line. */
function capacityRoleRows(
  frame: OrganizationTableFrame,
  block: BlockBuilder,
  entry: RoleRow,
  top: number,
  monthly: MonthlyRows,
): number {
  const { context, rows, table } = frame;
  const { figures, formats } = context;
  const t = context.text.organization;
  const months = figures.months;
  const count = months.length;
  const { role, figures: f } = entry;
  const abs = (key: string) => ref({ row: entry.row, column: table.column(key) }, true);
  const sinceStart = (column: number) => ref({ row: monthly.sinceStartRow, column }).replace(/(\d+)$/, "$$$1");
  const lines = [t.rampFactor, t.survival, t.rampReversed, t.survivalReversed, t.productiveReps, t.capacity];
  const [rampRow, survivalRow, rampReversedRow, survivalReversedRow, repsRow, capacityRow] = lines.map(
    (_, l) => top + l,
  ) as [number, number, number, number, number, number];
  lines.forEach((label, l) => {
    block.set({ row: top + l, column: 0 }, valueCell(role.title));
    block.set({ row: top + l, column: 1 }, labelCell(label));
  });
  const hiresRow = rows.hiringRow(entry.row - table.firstRow, 1);
  const stay = `(1-${abs("monthlyAttrition")})`;
  months.forEach((_, m) => {
    const column = gridColumn(m);
    const mirror = gridColumn(count - 1 - m);
    block.set(
      { row: rampRow, column },
      typeof role.ramp === "number"
        ? formulaCell(
            `=IF(${abs("ramp")}=0,1,MIN(${sinceStart(column)}/${abs("ramp")},1))`,
            f.rampByMonthsSinceHire![m]!,
            formats.percent,
          )
        : valueCell(f.rampByMonthsSinceHire![m]!, formats.percent),
    );
    block.set(
      { row: survivalRow, column },
      formulaCell(`=${stay}^${sinceStart(column)}`, f.survivalByMonthsSinceHire![m]!, formats.percent),
    );
    block.set(
      { row: rampReversedRow, column },
      formulaCell(
        `=${ref({ row: rampRow, column: mirror })}`,
        f.rampByMonthsSinceHire![count - 1 - m]!,
        formats.percent,
      ),
    );
    block.set(
      { row: survivalReversedRow, column },
      formulaCell(
        `=${ref({ row: survivalRow, column: mirror })}`,
        f.survivalByMonthsSinceHire![count - 1 - m]!,
        formats.percent,
      ),
    );
    const hires = rangeRef({ row: hiresRow, column: gridColumn(0) }, { row: hiresRow, column });
    const reversed = (row: number) =>
      rangeRef({ row, column: gridColumn(count - 1 - m) }, { row, column: gridColumn(count - 1) });
    block.set(
      { row: repsRow, column },
      formulaCell(
        `=${abs("current")}*${stay}^(${sinceStart(column)}+1)+SUMPRODUCT(${hires},${reversed(rampReversedRow)},${reversed(survivalReversedRow)})`,
        f.productiveRepsByMonth![m]!,
        formats.oneDecimal,
      ),
    );
    block.set(
      { row: capacityRow, column },
      formulaCell(
        `=${ref({ row: repsRow, column })}*${abs("quota")}*${abs("attainment")}`,
        f.capacityByMonth![m]!,
        formats.currency,
      ),
    );
  });
  return capacityRow;
}

/** Capacity against target by quarter: all quota roles, then each role's share of the target and its capacity. */
function capacityByQuarterBlock(
  frame: OrganizationTableFrame,
  quotaRoles: readonly RoleRow[],
  layout: { top: number; revenueRow: number; capacityRowOf: ReadonlyMap<RoleRow, number> },
): Omit<CapacityRows, "roles"> & { readonly roleCapacityRow: (r: number) => number } {
  const { context, sheet, table } = frame;
  const { figures, text, formats } = context;
  const t = text.organization;
  const quarters = figures.quarters;
  const abs = (row: number, key: string) => ref({ row, column: table.column(key) }, true);
  const quarterly = sheet.block("capacityByQuarter");
  const qTop = layout.top;
  quarterly.set({ row: qTop, column: 0 }, headingCell(t.capacityQuarterSection, 2));
  quarterly.set({ row: qTop + 1, column: 1 }, labelCell(t.fiscalQuarter));
  quarters.forEach((quarter, q) => quarterly.set({ row: qTop + 1, column: gridColumn(q) }, headerCell(quarter.label)));
  const totalTargetRow = qTop + 2;
  const totalCapacityRow = qTop + 3;
  const roleTargetRow = (q: number) => qTop + 4 + 2 * q;
  const roleCapacityRow = (q: number) => qTop + 5 + 2 * q;
  [t.revenueTarget, t.totalCapacity].forEach((label, line) => {
    quarterly.set({ row: totalTargetRow + line, column: 0 }, labelCell(t.allQuotaRoles));
    quarterly.set({ row: totalTargetRow + line, column: 1 }, labelCell(label));
  });
  quarters.forEach((_, q) => {
    const column = gridColumn(q);
    quarterly.set(
      { row: totalTargetRow, column },
      formulaCell(
        `=SUM(${monthsOfQuarter(context, q, layout.revenueRow)})`,
        figures.revenueTargetByQuarter[q]!,
        formats.currency,
      ),
    );
    quarterly.set(
      { row: totalCapacityRow, column },
      formulaCell(
        `=SUM(${quotaRoles.map((_, r) => ref({ row: roleCapacityRow(r), column })).join(",")})`,
        figures.capacityByQuarter![q]!,
        formats.currency,
      ),
    );
  });
  quotaRoles.forEach((entry, r) => {
    const { role, figures: f } = entry;
    [t.roleTarget, t.capacity].forEach((label, line) => {
      quarterly.set({ row: roleTargetRow(r) + line, column: 0 }, valueCell(role.title));
      quarterly.set({ row: roleTargetRow(r) + line, column: 1 }, labelCell(label));
    });
    quarters.forEach((_, q) => {
      const column = gridColumn(q);
      quarterly.set(
        { row: roleTargetRow(r), column },
        formulaCell(
          `=${ref({ row: totalTargetRow, column })}*${abs(entry.row, "share")}`,
          f.revenueTargetByQuarter![q]!,
          formats.currency,
        ),
      );
      quarterly.set(
        { row: roleCapacityRow(r), column },
        formulaCell(
          `=SUM(${monthsOfQuarter(context, q, layout.capacityRowOf.get(entry)!)})`,
          f.capacityByQuarter![q]!,
          formats.currency,
        ),
      );
    });
    const first = { row: roleCapacityRow(r), column: gridColumn(0) };
    sheet.highlight(
      { start: first, end: { row: roleCapacityRow(r), column: gridColumn(quarters.length - 1) } },
      `=${ref(first)}<${ref({ row: roleTargetRow(r), column: gridColumn(0) })}`,
      { fill: ALERT_FILL, fontColor: ALERT_FONT },
    );
  });
  const firstTotal = { row: totalCapacityRow, column: gridColumn(0) };
  sheet.highlight(
    { start: firstTotal, end: { row: totalCapacityRow, column: gridColumn(quarters.length - 1) } },
    `=${ref(firstTotal)}<${ref({ row: totalTargetRow, column: gridColumn(0) })}`,
    { fill: ALERT_FILL, fontColor: ALERT_FONT },
  );
  return { labelRow: qTop + 1, targetRow: totalTargetRow, capacityRow: totalCapacityRow, roleCapacityRow };
}
