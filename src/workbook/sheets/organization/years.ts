import type { CellPosition } from "../../address";
import { formulaCell, headerCell, headingCell, ref, valueCell } from "../../sheet-builder";
import { gridColumn, type OrganizationTableFrame } from "./frame";
import { overlayFormula, revenueHeadcountFormula } from "./roles-table";

/**
 * Required headcount by plan year: year 1 is the roles table's figure; later years apply the revenue formula to their
 * own target (the workload headcount, when any, is the same every year). Returns the cells, by role then year.
 */
export function requiredByYearBlock(frame: OrganizationTableFrame): CellPosition[][] {
  const { context, objectives, sheet, roleRows, rows, table } = frame;
  const { figures, text, formats } = context;
  const t = text.organization;
  const abs = (roleIndex: number, key: string) => ref(table.cell(roleIndex, key), true);
  const yearsBlock = sheet.block("years");
  const { yearsTop } = rows;
  yearsBlock.set({ row: yearsTop, column: 0 }, headingCell(t.yearsSection, 2));
  yearsBlock.set({ row: yearsTop + 1, column: 0 }, headerCell(t.roleId.header));
  yearsBlock.set({ row: yearsTop + 1, column: 1 }, headerCell(t.title.header));
  for (let year = 0; year < figures.revenueTargetByYear.length; year++) {
    yearsBlock.set({ row: yearsTop + 1, column: gridColumn(year) }, headerCell(text.objectives.yearLabel(year + 1)));
  }
  return roleRows.map(({ role, figures: f }, index) => {
    const row = rows.yearRow(index);
    yearsBlock.set({ row, column: 0 }, valueCell(role.id));
    yearsBlock.set({ row, column: 1 }, valueCell(role.title));
    return f.requiredHeadcountByYear.map((required, year) => {
      let formula = `=${abs(index, "required")}`;
      if (year > 0 && f.revenueHeadcountByYear !== undefined) {
        const revenue = revenueHeadcountFormula(context, objectives.revenueTargetByYear[year]!, (key) =>
          table.cell(index, key),
        ).slice(1);
        formula =
          f.workloadHeadcount !== undefined ? `=MAX(${abs(index, "workloadHeadcount")},${revenue})` : `=${revenue}`;
      } else if (year > 0 && role.overlay !== undefined) {
        const { supportsRoleId } = role.overlay;
        const supported = roleRows.findIndex((entry) => entry.role.id === supportsRoleId);
        formula = `=${overlayFormula(ref({ row: rows.yearRow(supported), column: gridColumn(year) }), abs(index, "perOverlay"))}`;
      }
      return yearsBlock.set({ row, column: gridColumn(year) }, formulaCell(formula, required, formats.whole));
    });
  });
}
