import { headerCell, labelCell, valueCell, type BlockBuilder } from "../../sheet-builder";
import type { LayoutContext } from "../context";
import { gridColumn } from "./frame";

/** The month header rows of a monthly grid: labels, month numbers (1-based), plan years and fiscal quarters. */
export function monthHeader(
  block: BlockBuilder,
  context: LayoutContext,
  rows: { label: number; number?: number; sinceStart?: number; planYear?: number; quarter?: number },
): void {
  const t = context.text.organization;
  block.set({ row: rows.label, column: 1 }, labelCell(t.month));
  if (rows.number !== undefined) block.set({ row: rows.number, column: 1 }, labelCell(t.monthNumber));
  if (rows.sinceStart !== undefined) block.set({ row: rows.sinceStart, column: 1 }, labelCell(t.monthsSinceStart));
  if (rows.planYear !== undefined) block.set({ row: rows.planYear, column: 1 }, labelCell(t.planYear));
  if (rows.quarter !== undefined) block.set({ row: rows.quarter, column: 1 }, labelCell(t.fiscalQuarter));
  context.figures.months.forEach((month, m) => {
    const column = gridColumn(m);
    block.set({ row: rows.label, column }, headerCell(month.label));
    if (rows.number !== undefined) block.set({ row: rows.number, column }, valueCell(m + 1, context.formats.whole));
    if (rows.sinceStart !== undefined) block.set({ row: rows.sinceStart, column }, valueCell(m, context.formats.whole));
    if (rows.planYear !== undefined)
      block.set({ row: rows.planYear, column }, valueCell(month.planYear + 1, context.formats.whole));
    if (rows.quarter !== undefined) block.set({ row: rows.quarter, column }, valueCell(month.fiscal.label));
  });
}
