/**
 * Step 3: the roles table (inputs, then workload, headcounts, pay and cost by formula), the required headcount of each
 * plan year, the monthly hiring grid (src/plan/hiring.ts's recurrence), hires and headcount by fiscal quarter, and for
 * quota-carrying roles the monthly capacity (ramp × survival weights over the hires row, one SUMPRODUCT per month)
 * against the target by quarter; below them, the headcount and capacity charts (charts/organization.ts).
 *
 * The sheet is a list of blocks, one function each under ./organization/. Structure (which formula a role gets)
 * follows the plan at generation time; every number the user types is live.
 */
import { capacityChart, headcountChart, headcountChartColumns } from "../charts/organization";
import { SheetBuilder, subtitleCell, titleCell } from "../sheet-builder";
import { TAB_COLORS } from "../styles";
import {
  definedName,
  NAMES,
  type LayoutContext,
  type ObjectivesCells,
  type OrganizationCells,
  type SheetLayout,
} from "./context";
import { capacityBlocks, type CapacityRows } from "./organization/capacity";
import {
  GRID_START,
  gridColumn,
  organizationRows,
  type OrganizationFrame,
  type OrganizationTableFrame,
  type RoleRow,
} from "./organization/frame";
import { hiringBlock } from "./organization/hiring";
import { keyFiguresBlock } from "./organization/key-figures";
import { quartersBlock } from "./organization/quarters";
import { capacityWaterfallBlock, costOfSalesBlock, quotaAssignmentBlock } from "./organization/quota-assignment";
import { quotaInputsBlock } from "./organization/quota-inputs";
import { rolesTable } from "./organization/roles-table";
import { requiredByYearBlock } from "./organization/years";

export function organizationSheet(
  context: LayoutContext,
  objectives: ObjectivesCells,
): SheetLayout & { readonly cells: OrganizationCells } {
  const { plan, figures, text, sheetNames } = context;
  const sheet = new SheetBuilder("organization", sheetNames.organization, TAB_COLORS.organization);
  const roles = plan.organization.roles;
  sheet.width(0, 22);
  sheet.width(1, 34);
  for (let column = GRID_START; column < GRID_START + Math.max(figures.months.length, 23); column++) {
    sheet.width(column, 13);
  }

  const header = sheet.block("title");
  header.set({ row: 0, column: 0 }, titleCell(text.sheetTitles.organization));
  header.set({ row: 1, column: 0 }, subtitleCell(plan.meta.planName));

  const rows = organizationRows(roles.length);
  const roleRows: RoleRow[] = roles.map((role, index) => ({
    role,
    figures: figures.roles[index]!,
    row: rows.rolesTop + 1 + index,
  }));
  const frame: OrganizationFrame = { context, objectives, sheet, roleRows, rows };
  const withTable: OrganizationTableFrame = { ...frame, table: rolesTable(frame) };
  const keyFigures = keyFiguresBlock(withTable);
  const quotaInputs = quotaInputsBlock(withTable);
  hiringBlock(withTable, requiredByYearBlock(withTable));
  quartersBlock(withTable);
  const quotaRoles = roleRows.filter((entry) => entry.role.quotaPerMonth !== undefined);
  const capacity = quotaRoles.length > 0 ? capacityBlocks(withTable, quotaRoles) : undefined;
  if (capacity) {
    quotaAssignmentBlock(withTable, quotaRoles, capacity, quotaInputs.quotaOverAssignment);
    capacityWaterfallBlock(withTable, quotaRoles, capacity);
  }
  costOfSalesBlock(withTable, quotaRoles, keyFigures.totalCost);
  chartsBelow(withTable, capacity);

  sheet.freeze(2, 2);
  sheet.printing("landscape");
  const sheetName = sheetNames.organization;
  return {
    sheet: sheet.build(),
    names: [
      definedName(NAMES.totalHeadcount, sheetName, keyFigures.totalHeadcount, figures.totalHeadcount),
      definedName(NAMES.totalAnnualCost, sheetName, keyFigures.totalCost, figures.totalAnnualCost),
    ],
    cells: {
      requiredHeadcount: new Map(roles.map((role, index) => [role.id, withTable.table.cell(index, "required")])),
      quotaPerMonth: new Map(
        roles.flatMap((role, index) =>
          role.quotaPerMonth === undefined ? [] : [[role.id, withTable.table.cell(index, "quota")]],
        ),
      ),
      quarterlyCapacity: capacity && {
        target: figures.quarters.map((_, q) => ({ row: capacity.targetRow, column: gridColumn(q) })),
        capacity: figures.quarters.map((_, q) => ({ row: capacity.capacityRow, column: gridColumn(q) })),
      },
    },
  };
}

/** The headcount and capacity charts, side by side below the last section. */
function chartsBelow(frame: OrganizationTableFrame, capacity: CapacityRows | undefined): void {
  const { context, sheet, roleRows, rows } = frame;
  const top = sheet.lastRow() + 2;
  if (roleRows.length > 0) {
    sheet.chart(
      headcountChart(context, {
        firstColumn: gridColumn(0),
        labelRow: rows.quarterTop + 1,
        headcountRows: roleRows.map((_role, index) => rows.quarterRow(index, 1)),
        hiresRow: rows.allHiresRow,
        top,
      }),
    );
  }
  if (capacity) {
    sheet.chart(
      capacityChart(context, {
        firstColumn: gridColumn(0),
        labelRow: capacity.labelRow,
        targetRow: capacity.targetRow,
        capacityRow: capacity.capacityRow,
        top,
        left: headcountChartColumns(context.figures.quarters.length) + 1,
      }),
    );
  }
}
