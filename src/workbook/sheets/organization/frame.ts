/**
 * What every block of the organization sheet shares: where each section's rows are (fixed before any formula refers
 * to them), the monthly and quarterly grid columns, and the roles with their figures.
 */
import type { RoleFigures } from "../../../plan/calculate";
import type { Role } from "../../../plan/schema";
import { rangeRef, type ListTable, type SheetBuilder } from "../../sheet-builder";
import type { LayoutContext, ObjectivesCells } from "../context";

/** First column of the monthly and quarterly grids (C). */
export const GRID_START = 2;
export const gridColumn = (index: number): number => GRID_START + index;

export interface RoleRow {
  readonly role: Role;
  readonly figures: RoleFigures;
  /** Absolute row of the role in the roles table. */
  readonly row: number;
}

/** One line of a role in the monthly hiring grid: target headcount, hires, headcount, requisitions. */
export type HiringLine = 0 | 1 | 2 | 3;
/** One line of a role in the quarterly grid: hires, headcount. */
export type QuarterLine = 0 | 1;

/** The rows of the sheet's sections, computed from the plan's shape alone. */
export interface OrganizationRows {
  readonly rolesTop: number;
  readonly yearsTop: number;
  yearRow(roleIndex: number): number;
  readonly hiringTop: number;
  readonly monthLabelRow: number;
  readonly monthNumberRow: number;
  readonly planYearRow: number;
  readonly fiscalQuarterRow: number;
  hiringRow(roleIndex: number, line: HiringLine): number;
  readonly quarterTop: number;
  quarterRow(roleIndex: number, line: QuarterLine): number;
  /** The hires of all roles by quarter (the headcount chart's line), below the roles' rows. */
  readonly allHiresRow: number;
  readonly capacityTop: number;
}

export function organizationRows(roleCount: number): OrganizationRows {
  const rolesTop = 9;
  const rolesLast = rolesTop + Math.max(roleCount, 1);
  const yearsTop = rolesLast + 2;
  const hiringTop = yearsTop + 2 + Math.max(roleCount, 0) + 1;
  const quarterTop = hiringTop + 5 + 4 * roleCount + 1;
  const allHiresRow = quarterTop + 2 + 2 * roleCount;
  return {
    rolesTop,
    yearsTop,
    yearRow: (roleIndex) => yearsTop + 2 + roleIndex,
    hiringTop,
    monthLabelRow: hiringTop + 1,
    monthNumberRow: hiringTop + 2,
    planYearRow: hiringTop + 3,
    fiscalQuarterRow: hiringTop + 4,
    hiringRow: (roleIndex, line) => hiringTop + 5 + 4 * roleIndex + line,
    quarterTop,
    quarterRow: (roleIndex, line) => quarterTop + 2 + 2 * roleIndex + line,
    allHiresRow,
    capacityTop: allHiresRow + (roleCount > 0 ? 2 : 1),
  };
}

/** The sheet being built and what its blocks read. */
export interface OrganizationFrame {
  readonly context: LayoutContext;
  readonly objectives: ObjectivesCells;
  readonly sheet: SheetBuilder;
  readonly roleRows: readonly RoleRow[];
  readonly rows: OrganizationRows;
}

/** The frame once the roles table exists: the blocks below refer to its cells. */
export interface OrganizationTableFrame extends OrganizationFrame {
  readonly table: ListTable;
}

/** A row's monthly grid, absolute: `$C$40:$N$40`. */
export function monthRange(context: LayoutContext, row: number, last = context.figures.months.length - 1): string {
  return rangeRef({ row, column: gridColumn(0) }, { row, column: gridColumn(last) }, true);
}

/** The months of fiscal quarter `q` on a monthly row, relative: `C40:E40`. */
export function monthsOfQuarter(context: LayoutContext, q: number, row: number): string {
  const indices = context.figures.quarters[q]!.monthIndices;
  return rangeRef({ row, column: gridColumn(indices[0]!) }, { row, column: gridColumn(indices[indices.length - 1]!) });
}
