import type { CellPosition } from "../../address";
import { formulaCell, headingCell, labelCell, rangeRef } from "../../sheet-builder";
import type { OrganizationTableFrame } from "./frame";

/** Total headcount and total annual cost, the sums of the roles table's columns. */
export function keyFiguresBlock(frame: OrganizationTableFrame): {
  readonly totalHeadcount: CellPosition;
  readonly totalCost: CellPosition;
} {
  const { context, sheet, table } = frame;
  const { figures, formats } = context;
  const t = context.text.organization;
  const keyFigures = sheet.block("keyFigures");
  keyFigures.set({ row: 3, column: 0 }, headingCell(t.keyFiguresSection, 2));
  const columnRange = (key: string) =>
    rangeRef(
      { row: table.firstRow, column: table.column(key) },
      { row: table.lastRow, column: table.column(key) },
      true,
    );
  const totalHeadcount = { row: 4, column: 2 };
  const totalCost = { row: 5, column: 2 };
  keyFigures.set({ row: 4, column: 0 }, labelCell(t.totalHeadcount, 1));
  keyFigures.set(
    totalHeadcount,
    formulaCell(`=SUM(${columnRange("required")})`, figures.totalHeadcount, formats.whole, "keyFigure"),
  );
  keyFigures.set({ row: 5, column: 0 }, labelCell(t.totalAnnualCost, 1));
  keyFigures.set(
    totalCost,
    formulaCell(`=SUM(${columnRange("cost")})`, figures.totalAnnualCost, formats.currency, "keyFigure"),
  );
  return { totalHeadcount, totalCost };
}
