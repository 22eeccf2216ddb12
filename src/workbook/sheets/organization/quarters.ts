import { formulaCell, headerCell, headingCell, labelCell, ref, valueCell } from "../../sheet-builder";
import { gridColumn, monthsOfQuarter, type OrganizationTableFrame, type QuarterLine } from "./frame";

/** Hires (sum of the quarter's months) and headcount (the quarter's last month) by fiscal quarter, then all hires. */
export function quartersBlock(frame: OrganizationTableFrame): void {
  const { context, sheet, roleRows, rows } = frame;
  const { figures, text, formats } = context;
  const t = text.organization;
  const quarters = figures.quarters;
  const { quarterTop } = rows;
  const byQuarter = sheet.block("quarters");
  byQuarter.set({ row: quarterTop, column: 0 }, headingCell(t.quarterSection, 2));
  byQuarter.set({ row: quarterTop + 1, column: 1 }, labelCell(t.fiscalQuarter));
  quarters.forEach((quarter, q) =>
    byQuarter.set({ row: quarterTop + 1, column: gridColumn(q) }, headerCell(quarter.label)),
  );
  roleRows.forEach(({ role, figures: f }, index) => {
    [t.hires, t.quarterHeadcount].forEach((label, line) => {
      byQuarter.set({ row: rows.quarterRow(index, line as QuarterLine), column: 0 }, valueCell(role.title));
      byQuarter.set({ row: rows.quarterRow(index, line as QuarterLine), column: 1 }, labelCell(label));
    });
    quarters.forEach((quarter, q) => {
      const column = gridColumn(q);
      byQuarter.set(
        { row: rows.quarterRow(index, 0), column },
        formulaCell(
          `=SUM(${monthsOfQuarter(context, q, rows.hiringRow(index, 1))})`,
          f.hiresByQuarter[q]!,
          formats.whole,
        ),
      );
      const lastOfQuarter = quarter.monthIndices[quarter.monthIndices.length - 1]!;
      byQuarter.set(
        { row: rows.quarterRow(index, 1), column },
        formulaCell(
          `=${ref({ row: rows.hiringRow(index, 2), column: gridColumn(lastOfQuarter) })}`,
          f.headcountByQuarter[q]!,
          formats.oneDecimal,
        ),
      );
    });
  });

  if (roleRows.length > 0) {
    const { allHiresRow } = rows;
    byQuarter.set({ row: allHiresRow, column: 0 }, labelCell(text.charts.allRoles));
    byQuarter.set({ row: allHiresRow, column: 1 }, labelCell(t.hires));
    quarters.forEach((_, q) => {
      const column = gridColumn(q);
      const perRole = roleRows.map((_role, index) => ref({ row: rows.quarterRow(index, 0), column }));
      byQuarter.set(
        { row: allHiresRow, column },
        formulaCell(
          `=SUM(${perRole.join(",")})`,
          figures.roles.reduce((sum, role) => sum + role.hiresByQuarter[q]!, 0),
          formats.whole,
        ),
      );
    });
  }
}
