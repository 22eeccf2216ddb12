import type { CellPosition } from "../../address";
import {
  formulaCell,
  headingCell,
  labelCell,
  ref,
  refRowFixed,
  valueCell,
  type BlockBuilder,
} from "../../sheet-builder";
import { gridColumn, monthRange, type HiringLine, type OrganizationTableFrame, type RoleRow } from "./frame";
import { monthHeader } from "./month-header";

/** The monthly hiring grid: per role, target headcount, hires, headcount and requisitions (src/plan/hiring.ts). */
export function hiringBlock(frame: OrganizationTableFrame, requiredByYear: readonly CellPosition[][]): void {
  const { context, sheet, roleRows, rows } = frame;
  const t = context.text.organization;
  const hiring = sheet.block("hiring");
  hiring.set({ row: rows.hiringTop, column: 0 }, headingCell(t.hiringSection, 2));
  monthHeader(hiring, context, {
    label: rows.monthLabelRow,
    number: rows.monthNumberRow,
    planYear: rows.planYearRow,
    quarter: rows.fiscalQuarterRow,
  });
  roleRows.forEach((entry, index) => hiringRoleRows(frame, hiring, entry, index, requiredByYear[index]!));
}

/**
 * One role's four lines: target = the plan year's required headcount; hires = MAX(0, ROUNDUP(target − previous
 * headcount × (1 − monthly attrition))); headcount = previous × (1 − attrition) + hires; requisitions = the hires
 * lead-time months later.
 */
function hiringRoleRows(
  frame: OrganizationTableFrame,
  hiring: BlockBuilder,
  { role, figures: f }: RoleRow,
  index: number,
  requiredByYear: readonly CellPosition[],
): void {
  const { context, rows, table } = frame;
  const { figures, formats } = context;
  const t = context.text.organization;
  const months = figures.months;
  const abs = (key: string) => ref(table.cell(index, key), true);
  const lineLabels = [t.targetHeadcount, t.hires, t.headcount, t.requisitions];
  const lineRows = [0, 1, 2, 3].map((line) => rows.hiringRow(index, line as HiringLine));
  lineRows.forEach((row, line) => {
    hiring.set({ row, column: 0 }, valueCell(role.title));
    hiring.set({ row, column: 1 }, labelCell(lineLabels[line]!));
  });
  const [targetRow, hiresRow, headcountRow, requisitionRow] = lineRows as [number, number, number, number];
  const stay = `(1-${abs("monthlyAttrition")})`;
  const hiresRange = monthRange(context, hiresRow);
  // Per-role references, written once: a large plan's hiring grid holds tens of thousands of formulas.
  const current = abs("current");
  const leadTime = abs("leadTime");
  months.forEach((month, m) => {
    const column = gridColumn(m);
    const cell = (row: number, col = column) => ref({ row, column: col });
    const previous = m === 0 ? current : cell(headcountRow, column - 1);
    hiring.set(
      { row: targetRow, column },
      formulaCell(`=${ref(requiredByYear[month.planYear]!, true)}`, f.targetByMonth[m]!, formats.whole),
    );
    hiring.set(
      { row: hiresRow, column },
      formulaCell(`=MAX(0,ROUNDUP(${cell(targetRow)}-${previous}*${stay},0))`, f.hiresByMonth[m]!, formats.whole),
    );
    hiring.set(
      { row: headcountRow, column },
      formulaCell(`=${previous}*${stay}+${cell(hiresRow)}`, f.headcountByMonth[m]!, formats.oneDecimal),
    );
    const monthNumber = refRowFixed({ row: rows.monthNumberRow, column });
    hiring.set(
      { row: requisitionRow, column },
      formulaCell(
        `=IF(${monthNumber}+${leadTime}>${months.length},0,INDEX(${hiresRange},1,${monthNumber}+${leadTime}))`,
        f.requisitionsByMonth[m]!,
        formats.whole,
      ),
    );
  });
}
