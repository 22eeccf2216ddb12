/**
 * Step 3: the roles table (inputs, then workload, headcounts, pay and cost by formula), the required headcount of each
 * plan year, the monthly hiring grid (src/plan/hiring.ts's recurrence), hires and headcount by fiscal quarter, and for
 * quota-carrying roles the monthly capacity (ramp × survival weights over the hires row, one SUMPRODUCT per month)
 * against the target by quarter; below them, the headcount and capacity charts (charts/organization.ts).
 *
 * Structure (which formula a role gets) follows the plan at generation time; every number the user types is live.
 */
import type { RoleFigures } from "../../plan/calculate";
import type { Role } from "../../plan/schema";
import { cellAddress, type CellPosition } from "../address";
import { capacityChart, headcountChart, headcountChartColumns } from "../charts/organization";
import { inputColumn, referenceOptions } from "../inputs";
import {
  formulaCell,
  headerCell,
  headingCell,
  labelCell,
  listTable,
  noteCell,
  rangeRef,
  ref,
  refRowFixed,
  SheetBuilder,
  subtitleCell,
  titleCell,
  valueCell,
  type BlockBuilder,
} from "../sheet-builder";
import { ALERT_FILL, ALERT_FONT, TAB_COLORS } from "../styles";
import {
  definedName,
  external,
  NAMES,
  type LayoutContext,
  type ObjectivesCells,
  type OrganizationCells,
  type SheetLayout,
} from "./context";

/** First column of the monthly and quarterly grids (C). */
const GRID_START = 2;
const gridColumn = (index: number): number => GRID_START + index;

interface RoleRow {
  readonly role: Role;
  readonly figures: RoleFigures;
  /** Absolute row of the role in the roles table. */
  readonly row: number;
}

export function organizationSheet(
  context: LayoutContext,
  objectives: ObjectivesCells,
): SheetLayout & { readonly cells: OrganizationCells } {
  const { plan, figures, text, formats, kinds, sheetNames } = context;
  const t = text.organization;
  const sheet = new SheetBuilder("organization", sheetNames.organization, TAB_COLORS.organization);
  const objectivesSheet = sheetNames.objectives;
  const roles = plan.organization.roles;
  const months = figures.months;
  const lastMonth = months.length - 1;
  sheet.width(0, 22);
  sheet.width(1, 34);
  for (let column = GRID_START; column < GRID_START + Math.max(months.length, 23); column++) sheet.width(column, 13);

  const header = sheet.block("title");
  header.set({ row: 0, column: 0 }, titleCell(text.sheetTitles.organization));
  header.set({ row: 1, column: 0 }, subtitleCell(plan.meta.planName));

  // Roles table ---------------------------------------------------------------------------------------------------
  const rolesBlock = sheet.block("roles");
  rolesBlock.set({ row: 7, column: 0 }, headingCell(t.rolesSection, 2));
  rolesBlock.set({ row: 8, column: 0 }, noteCell(t.rampNote));
  const rolesTop = 9;
  const rolesLast = rolesTop + Math.max(roles.length, 1);
  const roleRows: RoleRow[] = roles.map((role, index) => ({
    role,
    figures: figures.roles[index]!,
    row: rolesTop + 1 + index,
  }));

  // Rows of the sections below the table, fixed before any formula refers to them.
  const yearsTop = rolesLast + 2;
  const years = figures.revenueTargetByYear.length;
  const yearRow = (roleIndex: number) => yearsTop + 2 + roleIndex;
  const hiringTop = yearsTop + 2 + Math.max(roles.length, 0) + 1;
  const monthLabelRow = hiringTop + 1;
  const monthNumberRow = hiringTop + 2;
  const planYearRow = hiringTop + 3;
  const fiscalQuarterRow = hiringTop + 4;
  const hiringRow = (roleIndex: number, line: 0 | 1 | 2 | 3) => hiringTop + 5 + 4 * roleIndex + line;
  const quarterTop = hiringTop + 5 + 4 * roles.length + 1;
  const quarters = figures.quarters;
  const quarterRow = (roleIndex: number, line: 0 | 1) => quarterTop + 2 + 2 * roleIndex + line;
  const quotaRoles = roleRows.filter((entry) => entry.role.quotaPerMonth !== undefined);
  /** The hires of all roles by quarter (the headcount chart's line), below the roles' rows. */
  const allHiresRow = quarterTop + 2 + 2 * roles.length;
  const capacityTop = allHiresRow + (roles.length > 0 ? 2 : 1);

  const monthRange = (row: number, last = lastMonth) =>
    rangeRef({ row, column: gridColumn(0) }, { row, column: gridColumn(last) }, true);
  const activityCells = objectives.activities;
  const activityOptions = referenceOptions(
    plan.objectives.activityTargets.map((activity) => ({ id: activity.id, name: activity.activity })),
  );

  const table = listTable<RoleRow>(sheet, rolesBlock, {
    name: "PlanRoles",
    anchor: { row: rolesTop, column: 0 },
    items: roleRows,
    binding: { list: "organization.roles", idField: "id", nameField: "title", keepFields: ["ramp"], label: t.roles },
    columns: [
      { key: "id", ...inputColumn("id", t.roleId, kinds.text(40)), cell: ({ role }) => ({ value: role.id }) },
      { key: "title", ...inputColumn("title", t.title, kinds.text(120)), cell: ({ role }) => ({ value: role.title }) },
      {
        key: "activity",
        ...inputColumn("activityId", t.activityId, kinds.choice(activityOptions, true)),
        cell: ({ role }) => (role.activityId === undefined ? undefined : { value: activityOptions[role.activityId]! }),
      },
      {
        key: "capacity",
        ...inputColumn("capacityPerPersonPerDay", t.capacityPerPersonPerDay, kinds.positive(true)),
        cell: ({ role }) =>
          role.capacityPerPersonPerDay === undefined ? undefined : { value: role.capacityPerPersonPerDay },
      },
      {
        key: "utilization",
        ...inputColumn("utilization", t.utilization, kinds.rate),
        cell: ({ role }) => ({ value: role.utilization }),
      },
      {
        key: "base",
        ...inputColumn("baseSalary", t.baseSalary, kinds.money),
        cell: ({ role }) => ({ value: role.baseSalary }),
      },
      {
        key: "variable",
        ...inputColumn("variablePay", t.variablePay, kinds.money),
        cell: ({ role }) => ({ value: role.variablePay }),
      },
      {
        key: "current",
        ...inputColumn("currentHeadcount", t.currentHeadcount, kinds.wholeCount()),
        cell: ({ role }) => ({ value: role.currentHeadcount }),
      },
      {
        key: "planned",
        ...inputColumn("plannedHeadcount", t.plannedHeadcount, kinds.wholeCount(true)),
        cell: ({ role }) => (role.plannedHeadcount === undefined ? undefined : { value: role.plannedHeadcount }),
      },
      {
        key: "ramp",
        ...inputColumn("ramp", t.ramp, kinds.rampMonths),
        cell: ({ role }) => (typeof role.ramp === "number" ? { value: role.ramp } : undefined),
      },
      {
        key: "attrition",
        ...inputColumn("attritionRateAnnual", t.attritionRateAnnual, kinds.attrition),
        cell: ({ role }) => ({ value: role.attritionRateAnnual }),
      },
      {
        key: "leadTime",
        ...inputColumn("hiringLeadTimeMonths", t.hiringLeadTimeMonths, kinds.leadTime),
        cell: ({ role }) => ({ value: role.hiringLeadTimeMonths }),
      },
      {
        key: "quota",
        ...inputColumn("quotaPerMonth", t.quotaPerMonth, kinds.positiveMoney(true)),
        cell: ({ role }) => (role.quotaPerMonth === undefined ? undefined : { value: role.quotaPerMonth }),
      },
      {
        key: "attainment",
        ...inputColumn("quotaAttainment", t.quotaAttainment, kinds.rate),
        cell: ({ role }) => ({ value: role.quotaAttainment }),
      },
      {
        key: "share",
        ...inputColumn("targetShare", t.targetShare, kinds.rate),
        cell: ({ role }) => ({ value: role.targetShare }),
      },
      {
        key: "workload",
        header: t.workloadPerDay,
        style: "formula",
        format: formats.oneDecimal,
        cell: ({ role, figures: f }) => {
          const activity = role.activityId === undefined ? undefined : activityCells.get(role.activityId);
          return activity && f.workloadPerDay !== undefined
            ? formulaCell(`=${external(objectivesSheet, activity.day)}`, f.workloadPerDay)
            : undefined;
        },
      },
      {
        key: "workloadHeadcount",
        header: t.workloadHeadcount,
        style: "formula",
        format: formats.whole,
        cell: ({ figures: f }, row) =>
          f.workloadHeadcount === undefined
            ? undefined
            : formulaCell(
                `=ROUNDUP(${ref(row.at("workload"))}/(${ref(row.at("capacity"))}*${ref(row.at("utilization"))}),0)`,
                f.workloadHeadcount,
              ),
      },
      {
        key: "revenueHeadcount",
        header: t.revenueHeadcount,
        style: "formula",
        format: formats.whole,
        cell: ({ figures: f }, row) =>
          f.revenueHeadcountByYear === undefined
            ? undefined
            : formulaCell(
                revenueHeadcountFormula(objectives.revenueTargetByYear[0]!, (key) => row.at(key)),
                f.revenueHeadcountByYear[0]!,
              ),
      },
      {
        key: "required",
        header: t.requiredHeadcount,
        style: "formula",
        format: formats.whole,
        cell: ({ figures: f }, row) => {
          const workload = f.workloadHeadcount !== undefined ? ref(row.at("workloadHeadcount")) : undefined;
          const revenue = f.revenueHeadcountByYear !== undefined ? ref(row.at("revenueHeadcount")) : undefined;
          const formula =
            workload && revenue
              ? `=MAX(${workload},${revenue})`
              : (workload ?? revenue)
                ? `=${workload ?? revenue}`
                : `=IF(${ref(row.at("planned"))}="",${ref(row.at("current"))},${ref(row.at("planned"))})`;
          return formulaCell(formula, f.requiredHeadcount);
        },
      },
      {
        key: "ote",
        header: t.ote,
        style: "formula",
        format: formats.currency,
        cell: ({ figures: f }, row) => formulaCell(`=${ref(row.at("base"))}+${ref(row.at("variable"))}`, f.ote),
      },
      {
        key: "cost",
        header: t.annualCost,
        style: "formula",
        format: formats.currency,
        cell: ({ figures: f }, row) => formulaCell(`=${ref(row.at("required"))}*${ref(row.at("ote"))}`, f.annualCost),
      },
      {
        key: "monthlyAttrition",
        header: t.monthlyAttrition,
        style: "formula",
        format: formats.percentPrecise,
        cell: ({ figures: f }, row) => formulaCell(`=1-(1-${ref(row.at("attrition"))})^(1/12)`, f.monthlyAttritionRate),
      },
      {
        key: "overdue",
        header: t.overdueRequisitions,
        style: "formula",
        format: formats.whole,
        cell: ({ figures: f }, row) =>
          formulaCell(
            `=SUMIFS(${monthRange(hiringRow(row.index, 1))},${monthRange(monthNumberRow)},"<="&${ref(row.at("leadTime"))})`,
            f.requisitionsOverdueAtStart,
          ),
      },
      {
        key: "responsibilities",
        width: 44,
        ...inputColumn("responsibilities", t.responsibilities, kinds.text(2000)),
        cell: ({ role }) => ({ value: role.responsibilities }),
      },
      {
        key: "qualities",
        width: 32,
        ...inputColumn("keyQualities", t.keyQualities, kinds.textList),
        cell: ({ role }) => ({ value: role.keyQualities.join("\n") }),
      },
    ],
  });
  const at = (roleIndex: number, key: string) => table.cell(roleIndex, key);
  const abs = (roleIndex: number, key: string) => ref(at(roleIndex, key), true);

  /** ROUNDUP((plan year's target × share) ÷ ((quota × 12) × attainment)), as src/plan/headcount.ts computes it. */
  function revenueHeadcountFormula(yearTarget: CellPosition, cellOf: (key: string) => CellPosition): string {
    const cell = (key: string) => ref(cellOf(key), true);
    return `=ROUNDUP((${external(objectivesSheet, yearTarget)}*${cell("share")})/((${cell("quota")}*12)*${cell("attainment")}),0)`;
  }

  // Key figures ---------------------------------------------------------------------------------------------------
  const keyFigures = sheet.block("keyFigures");
  keyFigures.set({ row: 3, column: 0 }, headingCell(t.keyFiguresSection, 2));
  const columnRange = (key: string) =>
    rangeRef(
      { row: table.firstRow, column: table.column(key) },
      { row: table.lastRow, column: table.column(key) },
      true,
    );
  const totalHeadcountCell = { row: 4, column: 2 };
  const totalCostCell = { row: 5, column: 2 };
  keyFigures.set({ row: 4, column: 0 }, labelCell(t.totalHeadcount, 1));
  keyFigures.set(
    totalHeadcountCell,
    formulaCell(`=SUM(${columnRange("required")})`, figures.totalHeadcount, formats.whole, "keyFigure"),
  );
  keyFigures.set({ row: 5, column: 0 }, labelCell(t.totalAnnualCost, 1));
  keyFigures.set(
    totalCostCell,
    formulaCell(`=SUM(${columnRange("cost")})`, figures.totalAnnualCost, formats.currency, "keyFigure"),
  );

  // Required headcount by plan year -------------------------------------------------------------------------------
  const yearsBlock = sheet.block("years");
  yearsBlock.set({ row: yearsTop, column: 0 }, headingCell(t.yearsSection, 2));
  yearsBlock.set({ row: yearsTop + 1, column: 0 }, headerCell(t.roleId.header));
  yearsBlock.set({ row: yearsTop + 1, column: 1 }, headerCell(t.title.header));
  for (let year = 0; year < years; year++) {
    yearsBlock.set({ row: yearsTop + 1, column: gridColumn(year) }, headerCell(text.objectives.yearLabel(year + 1)));
  }
  const requiredByYear = roleRows.map(({ role, figures: f }, index) => {
    const row = yearRow(index);
    yearsBlock.set({ row, column: 0 }, valueCell(role.id));
    yearsBlock.set({ row, column: 1 }, valueCell(role.title));
    return f.requiredHeadcountByYear.map((required, year) => {
      let formula = `=${abs(index, "required")}`;
      if (year > 0 && f.revenueHeadcountByYear !== undefined) {
        const revenue = revenueHeadcountFormula(objectives.revenueTargetByYear[year]!, (key) => at(index, key)).slice(
          1,
        );
        formula =
          f.workloadHeadcount !== undefined ? `=MAX(${abs(index, "workloadHeadcount")},${revenue})` : `=${revenue}`;
      }
      return yearsBlock.set({ row, column: gridColumn(year) }, formulaCell(formula, required, formats.whole));
    });
  });

  // Hiring plan by month ------------------------------------------------------------------------------------------
  const hiring = sheet.block("hiring");
  hiring.set({ row: hiringTop, column: 0 }, headingCell(t.hiringSection, 2));
  monthHeader(hiring, context, {
    label: monthLabelRow,
    number: monthNumberRow,
    planYear: planYearRow,
    quarter: fiscalQuarterRow,
  });
  const lineLabels = [t.targetHeadcount, t.hires, t.headcount, t.requisitions];
  roleRows.forEach(({ role, figures: f }, index) => {
    const rows = [0, 1, 2, 3].map((line) => hiringRow(index, line as 0 | 1 | 2 | 3));
    rows.forEach((row, line) => {
      hiring.set({ row, column: 0 }, valueCell(role.title));
      hiring.set({ row, column: 1 }, labelCell(lineLabels[line]!));
    });
    const [targetRow, hiresRow, headcountRow, requisitionRow] = rows as [number, number, number, number];
    const stay = `(1-${abs(index, "monthlyAttrition")})`;
    const hiresRange = monthRange(hiresRow);
    // Per-role references, written once: a large plan's hiring grid holds tens of thousands of formulas.
    const current = abs(index, "current");
    const leadTime = abs(index, "leadTime");
    months.forEach((month, m) => {
      const column = gridColumn(m);
      const cell = (row: number, col = column) => ref({ row, column: col });
      const previous = m === 0 ? current : cell(headcountRow, column - 1);
      hiring.set(
        { row: targetRow, column },
        formulaCell(`=${ref(requiredByYear[index]![month.planYear]!, true)}`, f.targetByMonth[m]!, formats.whole),
      );
      hiring.set(
        { row: hiresRow, column },
        formulaCell(`=MAX(0,ROUNDUP(${cell(targetRow)}-${previous}*${stay},0))`, f.hiresByMonth[m]!, formats.whole),
      );
      hiring.set(
        { row: headcountRow, column },
        formulaCell(`=${previous}*${stay}+${cell(hiresRow)}`, f.headcountByMonth[m]!, formats.oneDecimal),
      );
      const monthNumber = refRowFixed({ row: monthNumberRow, column });
      hiring.set(
        { row: requisitionRow, column },
        formulaCell(
          `=IF(${monthNumber}+${leadTime}>${months.length},0,INDEX(${hiresRange},1,${monthNumber}+${leadTime}))`,
          f.requisitionsByMonth[m]!,
          formats.whole,
        ),
      );
    });
  });

  // Hires and headcount by quarter --------------------------------------------------------------------------------
  const byQuarter = sheet.block("quarters");
  byQuarter.set({ row: quarterTop, column: 0 }, headingCell(t.quarterSection, 2));
  byQuarter.set({ row: quarterTop + 1, column: 1 }, labelCell(t.fiscalQuarter));
  quarters.forEach((quarter, q) =>
    byQuarter.set({ row: quarterTop + 1, column: gridColumn(q) }, headerCell(quarter.label)),
  );
  const monthsOf = (q: number, row: number) => {
    const indices = quarters[q]!.monthIndices;
    return rangeRef(
      { row, column: gridColumn(indices[0]!) },
      { row, column: gridColumn(indices[indices.length - 1]!) },
    );
  };
  roleRows.forEach(({ role, figures: f }, index) => {
    [t.hires, t.quarterHeadcount].forEach((label, line) => {
      byQuarter.set({ row: quarterRow(index, line as 0 | 1), column: 0 }, valueCell(role.title));
      byQuarter.set({ row: quarterRow(index, line as 0 | 1), column: 1 }, labelCell(label));
    });
    quarters.forEach((quarter, q) => {
      const column = gridColumn(q);
      byQuarter.set(
        { row: quarterRow(index, 0), column },
        formulaCell(`=SUM(${monthsOf(q, hiringRow(index, 1))})`, f.hiresByQuarter[q]!, formats.whole),
      );
      const lastOfQuarter = quarter.monthIndices[quarter.monthIndices.length - 1]!;
      byQuarter.set(
        { row: quarterRow(index, 1), column },
        formulaCell(
          `=${ref({ row: hiringRow(index, 2), column: gridColumn(lastOfQuarter) })}`,
          f.headcountByQuarter[q]!,
          formats.oneDecimal,
        ),
      );
    });
  });

  if (roles.length > 0) {
    byQuarter.set({ row: allHiresRow, column: 0 }, labelCell(text.charts.allRoles));
    byQuarter.set({ row: allHiresRow, column: 1 }, labelCell(t.hires));
    quarters.forEach((_, q) => {
      const column = gridColumn(q);
      const perRole = roleRows.map((_role, index) => ref({ row: quarterRow(index, 0), column }));
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

  const capacity =
    quotaRoles.length > 0
      ? layoutCapacity(context, sheet, objectives, { top: capacityTop, quotaRoles, table, hiringRow })
      : undefined;

  // The charts, side by side below the last section.
  const chartsTop = sheet.lastRow() + 2;
  if (roles.length > 0) {
    sheet.chart(
      headcountChart(context, {
        firstColumn: gridColumn(0),
        labelRow: quarterTop + 1,
        headcountRows: roleRows.map((_role, index) => quarterRow(index, 1)),
        hiresRow: allHiresRow,
        top: chartsTop,
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
        top: chartsTop,
        left: headcountChartColumns(quarters.length) + 1,
      }),
    );
  }

  sheet.freeze(2, 2);
  sheet.printing("landscape");
  const sheetName = sheetNames.organization;
  return {
    sheet: sheet.build(),
    names: [
      definedName(NAMES.totalHeadcount, sheetName, totalHeadcountCell, figures.totalHeadcount),
      definedName(NAMES.totalAnnualCost, sheetName, totalCostCell, figures.totalAnnualCost),
    ],
    cells: {
      requiredHeadcount: new Map(roles.map((role, index) => [role.id, at(index, "required")])),
      quotaPerMonth: new Map(
        roles.flatMap((role, index) => (role.quotaPerMonth === undefined ? [] : [[role.id, at(index, "quota")]])),
      ),
      quarterlyCapacity: capacity && {
        target: quarters.map((_, q) => ({ row: capacity.targetRow, column: gridColumn(q) })),
        capacity: quarters.map((_, q) => ({ row: capacity.capacityRow, column: gridColumn(q) })),
      },
    },
  };
}

/** The month header rows of a monthly grid: labels, month numbers (1-based), plan years and fiscal quarters. */
function monthHeader(
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

/**
 * Quota capacity: per month, productive reps = starting reps × (1 − r)^(t + 1) + SUMPRODUCT(hires so far, ramp
 * factors and survival in reverse order), which weights the hire of month h by ramp(t − h) × (1 − r)^(t − h) as
 * src/plan/capacity.ts does: the hiring grid's convention (starting reps go through the first month's attrition), so
 * with no ramp productive reps equal its expected headcount; capacity = reps × quota × attainment; then by quarter against the role's share of the
 * revenue target.
 */
function layoutCapacity(
  context: LayoutContext,
  sheet: SheetBuilder,
  objectives: ObjectivesCells,
  layout: {
    top: number;
    quotaRoles: readonly RoleRow[];
    table: ReturnType<typeof listTable<RoleRow>>;
    hiringRow: (roleIndex: number, line: 0 | 1 | 2 | 3) => number;
  },
): { readonly labelRow: number; readonly targetRow: number; readonly capacityRow: number } {
  const { plan, figures, text, formats, sheetNames } = context;
  const t = text.organization;
  const { top, quotaRoles, table } = layout;
  const months = figures.months;
  const count = months.length;
  const abs = (row: number, key: string) => ref({ row, column: table.column(key) }, true);
  const roleIndex = (entry: RoleRow) => entry.row - table.firstRow;

  const monthly = sheet.block("capacityByMonth");
  monthly.set({ row: top, column: 0 }, headingCell(t.capacityMonthSection, 2));
  const labelRow = top + 1;
  const sinceStartRow = top + 2;
  const shareRow = top + 3;
  const revenueRow = top + 4;
  monthHeader(monthly, context, { label: labelRow, sinceStart: sinceStartRow });
  monthly.set({ row: shareRow, column: 1 }, labelCell(t.monthShare));
  monthly.set({ row: revenueRow, column: 1 }, labelCell(t.revenueTarget));
  const { granularity } = plan.objectives.seasonality;
  const weightCells = granularity === "quarter" ? objectives.quarterWeights : objectives.monthWeights!;
  const weightSum = `SUM(${external(sheetNames.objectives, weightCells[0]!)}:${cellAddress(weightCells[weightCells.length - 1]!, true)})`;
  months.forEach((month, m) => {
    const column = gridColumn(m);
    const share =
      granularity === "quarter"
        ? `=${external(sheetNames.objectives, weightCells[month.fiscal.quarter - 1]!)}/(3*${weightSum})`
        : `=${external(sheetNames.objectives, weightCells[month.fiscalMonth - 1]!)}/${weightSum}`;
    monthly.set({ row: shareRow, column }, formulaCell(share, figures.monthShares[m]!, formats.percentPrecise));
    monthly.set(
      { row: revenueRow, column },
      formulaCell(
        `=${external(sheetNames.objectives, objectives.revenueTargetByYear[month.planYear]!)}*${ref({ row: shareRow, column })}`,
        figures.revenueTargetByMonth[m]!,
        formats.currency,
      ),
    );
  });
  const sinceStart = (column: number) => ref({ row: sinceStartRow, column }).replace(/(\d+)$/, "$$$1");

  const lines = [t.rampFactor, t.survival, t.rampReversed, t.survivalReversed, t.productiveReps, t.capacity];
  const roleTop = (q: number) => revenueRow + 2 + q * (lines.length + 1);
  const capacityRowOf = new Map<RoleRow, number>();
  quotaRoles.forEach((entry, q) => {
    const { role, figures: f } = entry;
    const row0 = roleTop(q);
    const [rampRow, survivalRow, rampReversedRow, survivalReversedRow, repsRow, capacityRow] = lines.map(
      (_, l) => row0 + l,
    ) as [number, number, number, number, number, number];
    capacityRowOf.set(entry, capacityRow);
    lines.forEach((label, l) => {
      monthly.set({ row: row0 + l, column: 0 }, valueCell(role.title));
      monthly.set({ row: row0 + l, column: 1 }, labelCell(label));
    });
    const tableRow = entry.row;
    const hiresRow = layout.hiringRow(roleIndex(entry), 1);
    const stay = `(1-${abs(tableRow, "monthlyAttrition")})`;
    months.forEach((_, m) => {
      const column = gridColumn(m);
      const mirror = gridColumn(count - 1 - m);
      monthly.set(
        { row: rampRow, column },
        typeof role.ramp === "number"
          ? formulaCell(
              `=IF(${abs(tableRow, "ramp")}=0,1,MIN(${sinceStart(column)}/${abs(tableRow, "ramp")},1))`,
              f.rampByMonthsSinceHire![m]!,
              formats.percent,
            )
          : valueCell(f.rampByMonthsSinceHire![m]!, formats.percent),
      );
      monthly.set(
        { row: survivalRow, column },
        formulaCell(`=${stay}^${sinceStart(column)}`, f.survivalByMonthsSinceHire![m]!, formats.percent),
      );
      monthly.set(
        { row: rampReversedRow, column },
        formulaCell(
          `=${ref({ row: rampRow, column: mirror })}`,
          f.rampByMonthsSinceHire![count - 1 - m]!,
          formats.percent,
        ),
      );
      monthly.set(
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
      monthly.set(
        { row: repsRow, column },
        formulaCell(
          `=${abs(tableRow, "current")}*${stay}^(${sinceStart(column)}+1)+SUMPRODUCT(${hires},${reversed(rampReversedRow)},${reversed(survivalReversedRow)})`,
          f.productiveRepsByMonth![m]!,
          formats.oneDecimal,
        ),
      );
      monthly.set(
        { row: capacityRow, column },
        formulaCell(
          `=${ref({ row: repsRow, column })}*${abs(tableRow, "quota")}*${abs(tableRow, "attainment")}`,
          f.capacityByMonth![m]!,
          formats.currency,
        ),
      );
    });
  });

  // Capacity against target by quarter ---------------------------------------------------------------------------
  const quarters = figures.quarters;
  const quarterly = sheet.block("capacityByQuarter");
  const qTop = roleTop(quotaRoles.length) + 1;
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
  const monthsOf = (q: number, row: number) => {
    const indices = quarters[q]!.monthIndices;
    return rangeRef(
      { row, column: gridColumn(indices[0]!) },
      { row, column: gridColumn(indices[indices.length - 1]!) },
    );
  };
  quarters.forEach((_, q) => {
    const column = gridColumn(q);
    quarterly.set(
      { row: totalTargetRow, column },
      formulaCell(`=SUM(${monthsOf(q, revenueRow)})`, figures.revenueTargetByQuarter[q]!, formats.currency),
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
        formulaCell(`=SUM(${monthsOf(q, capacityRowOf.get(entry)!)})`, f.capacityByQuarter![q]!, formats.currency),
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
  return { labelRow: qTop + 1, targetRow: totalTargetRow, capacityRow: totalCapacityRow };
}
