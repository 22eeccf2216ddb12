/**
 * Step 2: the inputs (revenue target, growth, average deal value, win rate, working days, rounding, seasonality
 * granularity), the key figures, the reverse funnel with its won-deals row, the activity targets per period, the SLAs
 * and the seasonality by quarter (whole deals and top-of-funnel volumes by the largest remainder method, in helper
 * columns); the funnel chart and the revenue target by quarter (charts/objectives.ts).
 *
 * Formulas follow the plan core's operation order (src/plan/funnel.ts, periods.ts, split.ts) so their results agree
 * with `calculatePlan` to the last bit where the engines allow.
 */
import type { ActivityTarget, FunnelStage, TargetPeriod } from "../../plan/schema";
import { parseCellAddress, type CellPosition } from "../address";
import { funnelChart, revenueByQuarterChart } from "../charts/objectives";
import { inputColumn, placeInput } from "../inputs";
import {
  formulaCell,
  formulaText,
  headingCell,
  labelCell,
  listTable,
  noteCell,
  ref,
  SheetBuilder,
  subtitleCell,
  titleCell,
  headerCell,
  type BlockBuilder,
  type ListTable,
  type TableColumn,
} from "../sheet-builder";
import { TAB_COLORS } from "../styles";
import {
  definedName,
  NAMES,
  type LayoutContext,
  type ObjectivesCells,
  type PeriodCells,
  type SheetLayout,
} from "./context";
import { pipelineInputsBlock, pipelineSourcesBlock } from "./objectives/pipeline-inputs";
import { pipelineTimingBlock } from "./objectives/pipeline-timing";

/** Periods of the funnel and activity views, in column order. */
const FUNNEL_PERIODS: readonly TargetPeriod[] = ["year", "quarter", "month", "week", "day"];

export function objectivesSheet(context: LayoutContext): SheetLayout & { readonly cells: ObjectivesCells } {
  const { plan, figures, text, formats, kinds, sheetNames } = context;
  const t = text.objectives;
  const objectives = plan.objectives;
  const up = objectives.funnelRounding === "up";
  const sheet = new SheetBuilder("objectives", sheetNames.objectives, TAB_COLORS.objectives);
  [18, 34].forEach((width, column) => sheet.width(column, width));
  for (let column = 2; column <= 13; column++) sheet.width(column, 15);

  const header = sheet.block("title");
  header.set({ row: 0, column: 0 }, titleCell(text.sheetTitles.objectives));
  header.set({ row: 1, column: 0 }, subtitleCell(plan.meta.planName));

  // Inputs -------------------------------------------------------------------------------------------------------
  const inputs = sheet.block("inputs");
  inputs.set({ row: 3, column: 0 }, headingCell(t.inputsSection, 2));
  const input = (
    row: number,
    field: typeof t.annualRevenueTarget,
    path: string,
    value: unknown,
    kind: Parameters<typeof placeInput>[6],
  ) => {
    inputs.set({ row, column: 0 }, labelCell(field.header, 1));
    return placeInput(sheet, inputs, { row, column: 2 }, value as string | number, path, field, kind);
  };
  const revenueCell = input(
    4,
    t.annualRevenueTarget,
    "objectives.annualRevenueTarget",
    objectives.annualRevenueTarget,
    kinds.positiveMoney(),
  );
  const growthCell = input(
    5,
    t.annualGrowthRate,
    "objectives.annualGrowthRate",
    objectives.annualGrowthRate,
    kinds.growth,
  );
  const dealValueCell = input(
    6,
    t.averageDealValue,
    "objectives.averageDealValue",
    objectives.averageDealValue,
    kinds.positiveMoney(),
  );
  const winRateCell = input(7, t.winRateTarget, "objectives.winRateTarget", objectives.winRateTarget, kinds.rate);
  const workingDaysCell = input(
    8,
    t.workingDaysPerMonth,
    "meta.workingDaysPerMonth",
    plan.meta.workingDaysPerMonth,
    kinds.workingDays,
  );
  input(
    9,
    t.funnelRounding,
    "objectives.funnelRounding",
    text.roundingModes[objectives.funnelRounding],
    kinds.choice(text.roundingModes),
  );
  input(
    10,
    t.granularity,
    "objectives.seasonality.granularity",
    text.granularities[objectives.seasonality.granularity],
    kinds.choice(text.granularities),
  );
  const wd = ref(workingDaysCell, true);
  const roundUp = (expression: string): string => (up ? `ROUNDUP(${expression},0)` : expression);

  // Key figures --------------------------------------------------------------------------------------------------
  const keyFigures = sheet.block("keyFigures");
  keyFigures.set({ row: 12, column: 0 }, headingCell(t.keyFiguresSection, 2));
  const dealsCell: CellPosition = { row: 13, column: 2 };
  const topCell: CellPosition = { row: 14, column: 2 };
  const volumeFormat = up ? formats.whole : formats.oneDecimal;
  keyFigures.set({ row: 13, column: 0 }, labelCell(t.dealsNeeded, 1));
  keyFigures.set(
    dealsCell,
    formulaCell(`=${roundUp(`${ref(revenueCell)}/${ref(dealValueCell)}`)}`, figures.deals, volumeFormat, "keyFigure"),
  );
  keyFigures.set({ row: 14, column: 0 }, labelCell(t.topOfFunnelVolume, 1));
  keyFigures.set({ row: 15, column: 0 }, labelCell(t.planYear, 1));
  keyFigures.set({ row: 16, column: 0 }, labelCell(t.revenueTargetByYear, 1));
  const revenueTargetByYear = figures.revenueTargetByYear.map((target, year) => {
    keyFigures.set({ row: 15, column: 2 + year }, headerCell(t.yearLabel(year + 1)));
    return keyFigures.set(
      { row: 16, column: 2 + year },
      formulaCell(`=${ref(revenueCell, true)}*(1+${ref(growthCell, true)})^${year}`, target, formats.currency),
    );
  });

  // Reverse funnel -----------------------------------------------------------------------------------------------
  const funnelBlock = sheet.block("funnel");
  funnelBlock.set({ row: 18, column: 0 }, headingCell(t.funnelSection, 2));
  funnelBlock.set({ row: 19, column: 0 }, noteCell(t.funnelNote));
  const stages = objectives.funnel;
  const funnelHeaderRow = 20;
  const wonRow = funnelHeaderRow + stages.length + 2;
  const yearColumn = 3;
  const periodColumn = (period: TargetPeriod): number => yearColumn + FUNNEL_PERIODS.indexOf(period);
  /** Per-period views of the per-year volume in `row`. */
  const views = (row: number, perYear: Omit<(typeof figures.funnel)[number], "stageId" | "name" | "conversionRate">) =>
    FUNNEL_PERIODS.filter((period) => period !== "year").map((period) => {
      const divisor = { quarter: "4", month: "12", week: `((12*${wd})/5)`, day: `(12*${wd})` }[period];
      const predicted = {
        quarter: perYear.perQuarter,
        month: perYear.perMonth,
        week: perYear.perWeek,
        day: perYear.perWorkingDay,
      }[period];
      return formulaCell(`=${roundUp(`${ref({ row, column: yearColumn })}/${divisor}`)}`, predicted, volumeFormat);
    });
  const funnelTable = listTable<FunnelStage>(sheet, funnelBlock, {
    name: "PlanFunnel",
    anchor: { row: funnelHeaderRow, column: 0 },
    items: stages,
    binding: { list: "objectives.funnel", idField: "id", nameField: "name", label: t.funnel },
    columns: [
      { key: "id", ...inputColumn("id", t.stageId, kinds.text(40)), cell: (stage) => ({ value: stage.id }) },
      { key: "name", ...inputColumn("name", t.stageName, kinds.text(120)), cell: (stage) => ({ value: stage.name }) },
      {
        key: "rate",
        ...inputColumn("conversionRate", t.conversionRate, kinds.rate),
        cell: (stage) => ({ value: stage.conversionRate }),
      },
      ...FUNNEL_PERIODS.map((period, offset) => ({
        key: period,
        header: [t.perYear, t.perQuarter, t.perMonth, t.perWeek, t.perWorkingDay][offset]!,
        style: "formula" as const,
        format: volumeFormat,
        cell: (_stage: FunnelStage, row: { index: number; row: number }) => {
          const figure = figures.funnel[row.index]!;
          if (period === "year") {
            const belowRow = row.index === stages.length - 1 ? wonRow : row.row + 1;
            return formulaCell(
              `=${roundUp(`${ref({ row: belowRow, column: yearColumn })}/${ref({ row: row.row, column: 2 })}`)}`,
              figure.perYear,
              volumeFormat,
            );
          }
          return views(row.row, figure)[offset - 1]!;
        },
      })),
    ],
  });
  funnelBlock.set({ row: wonRow, column: 1 }, labelCell(t.wonDeals));
  funnelBlock.set({ row: wonRow, column: yearColumn }, formulaCell(`=${ref(dealsCell)}`, figures.deals, volumeFormat));
  views(wonRow, figures.dealsViews).forEach((cell, offset) =>
    funnelBlock.set({ row: wonRow, column: yearColumn + 1 + offset }, cell),
  );
  keyFigures.set(
    topCell,
    formulaCell(`=${ref(funnelTable.cell(0, "year"))}`, figures.topOfFunnelVolume, volumeFormat, "keyFigure"),
  );
  const periodCells = (row: number): PeriodCells =>
    Object.fromEntries(FUNNEL_PERIODS.map((period) => [period, { row, column: periodColumn(period) }])) as PeriodCells;
  const funnelCells = new Map(stages.map((stage, index) => [stage.id, periodCells(funnelTable.firstRow + index)]));
  const dealsCells = periodCells(wonRow);

  // Activity targets ---------------------------------------------------------------------------------------------
  const activityBlock = sheet.block("activities");
  const activitiesTop = wonRow + 2;
  activityBlock.set({ row: activitiesTop, column: 0 }, headingCell(t.activitiesSection, 2));
  const periodLabels = text.activityPeriods;
  const activityFigures = new Map(figures.activities.map((views) => [views.activityId, views]));
  const activityTable = listTable<ActivityTarget>(sheet, activityBlock, {
    name: "PlanActivityTargets",
    anchor: { row: activitiesTop + 1, column: 0 },
    items: objectives.activityTargets,
    binding: { list: "objectives.activityTargets", idField: "id", nameField: "activity", label: t.activities },
    columns: [
      { key: "id", ...inputColumn("id", t.activityId, kinds.text(40)), cell: (a) => ({ value: a.id }) },
      {
        key: "activity",
        ...inputColumn("activity", t.activity, kinds.text(120)),
        cell: (a) => ({ value: a.activity }),
      },
      { key: "unit", ...inputColumn("unit", t.unit, kinds.text(40)), cell: (a) => ({ value: a.unit }) },
      {
        key: "quantity",
        ...inputColumn("quantity", t.quantity, kinds.quantity),
        cell: (a) => ({ value: a.quantity }),
      },
      {
        key: "period",
        ...inputColumn("period", t.period, kinds.choice(periodLabels)),
        cell: (a) => ({ value: periodLabels[a.period] }),
      },
      {
        key: "day",
        header: t.perDay,
        style: "formula",
        format: formats.oneDecimal,
        cell: (a, row) => {
          const period = ref(row.at("period"));
          return formulaCell(
            `=${ref(row.at("quantity"))}/IF(${period}=${formulaText(periodLabels.day)},1,IF(${period}=${formulaText(periodLabels.week)},5,${wd}))`,
            activityFigures.get(a.id)!.perDay,
          );
        },
      },
      {
        key: "week",
        header: t.perWeek,
        style: "formula",
        format: formats.oneDecimal,
        cell: (a, row) => formulaCell(`=${ref(row.at("day"))}*5`, activityFigures.get(a.id)!.perWeek),
      },
      {
        key: "month",
        header: t.perMonth,
        style: "formula",
        format: formats.oneDecimal,
        cell: (a, row) => formulaCell(`=${ref(row.at("day"))}*${wd}`, activityFigures.get(a.id)!.perMonth),
      },
      {
        key: "quarter",
        header: t.perQuarter,
        style: "formula",
        format: formats.oneDecimal,
        cell: (a, row) => formulaCell(`=${ref(row.at("month"))}*3`, activityFigures.get(a.id)!.perQuarter),
      },
      {
        key: "year",
        header: t.perYear,
        style: "formula",
        format: formats.oneDecimal,
        cell: (a, row) => formulaCell(`=${ref(row.at("month"))}*12`, activityFigures.get(a.id)!.perYear),
      },
      {
        key: "expertise",
        width: 44,
        ...inputColumn("expertise", t.expertise, kinds.text(1000)),
        cell: (a) => ({ value: a.expertise }),
      },
    ],
  });
  const activityCells = new Map(
    objectives.activityTargets.map((activity, index) => [
      activity.id,
      Object.fromEntries(
        (["day", "week", "month", "quarter", "year"] as const).map((period) => [
          period,
          activityTable.cell(index, period),
        ]),
      ) as PeriodCells,
    ]),
  );

  // SLAs ---------------------------------------------------------------------------------------------------------
  const slaBlock = sheet.block("slas");
  const slasTop = activityTable.lastRow + 2;
  slaBlock.set({ row: slasTop, column: 0 }, headingCell(t.slasSection, 2));
  const slaTable = listTable(sheet, slaBlock, {
    name: "PlanSlas",
    anchor: { row: slasTop + 1, column: 0 },
    items: objectives.slas,
    binding: { list: "objectives.slas", idField: "id", nameField: "activity", label: t.slas },
    columns: [
      { key: "id", ...inputColumn("id", t.slaId, kinds.text(40)), cell: (sla) => ({ value: sla.id }) },
      {
        key: "activity",
        ...inputColumn("activity", t.slaActivity, kinds.text(120)),
        cell: (sla) => ({ value: sla.activity }),
      },
      { key: "hours", ...inputColumn("maxHours", t.maxHours, kinds.hours), cell: (sla) => ({ value: sla.maxHours }) },
    ],
  });
  const slaHours = new Map(objectives.slas.map((sla, index) => [sla.id, slaTable.cell(index, "hours")]));

  // Seasonality --------------------------------------------------------------------------------------------------
  const seasonality = layoutSeasonality(context, sheet, slaTable.lastRow + 2, {
    deals: dealsCell,
    top: topCell,
    revenue: revenueCell,
  });

  // The funnel chart sits to the right of the inputs and key figures (free up to 5 plan years), above its table.
  sheet.chart(funnelChart(context, funnelTable, { top: 3, left: 8 }, volumeFormat));
  const revenueChart = revenueByQuarterChart(context, seasonality.table);
  sheet.chart(revenueChart);
  const pipelineInputs = pipelineInputsBlock(context, sheet);
  // Below the revenue chart, where the table can grow, then the monthly timing below it.
  const sources = pipelineSourcesBlock(context, sheet, parseCellAddress(revenueChart.anchor.to).row + 2);
  const timing = pipelineTimingBlock(context, sheet, sources.lastRow + 2, {
    inputs: pipelineInputs,
    sources,
    winRate: winRateCell,
    revenueTargetByYear,
    quarterWeights: seasonality.quarterWeights,
    monthWeights: seasonality.monthWeights,
  });

  sheet.freeze(2, 2);
  sheet.printing("landscape");
  const sheetName = sheetNames.objectives;
  return {
    sheet: sheet.build(),
    names: [
      definedName(NAMES.revenueTarget, sheetName, revenueCell, objectives.annualRevenueTarget),
      definedName(NAMES.annualGrowthRate, sheetName, growthCell, objectives.annualGrowthRate),
      definedName(NAMES.averageDealValue, sheetName, dealValueCell, objectives.averageDealValue),
      definedName(NAMES.winRateTarget, sheetName, winRateCell, objectives.winRateTarget),
      definedName(NAMES.workingDaysPerMonth, sheetName, workingDaysCell, plan.meta.workingDaysPerMonth),
      definedName(NAMES.dealsNeeded, sheetName, dealsCell, figures.deals),
      definedName(NAMES.topOfFunnelVolume, sheetName, topCell, figures.topOfFunnelVolume),
    ],
    cells: {
      revenueTargetByYear,
      quarterWeights: seasonality.quarterWeights,
      monthWeights: seasonality.monthWeights,
      funnel: funnelCells,
      deals: dealsCells,
      activities: activityCells,
      slaHours,
      pipeline: { coverage: timing.coverage, newBusinessShare: pipelineInputs.newBusinessShare },
    },
  };
}

/**
 * The seasonality tables: with monthly weights, a 12-row table of fiscal-month weights first; then one row per fiscal
 * quarter with its weight, share, revenue target and, in helper columns, the largest-remainder steps of its whole
 * deals and top-of-funnel volume. The weights are bound cells inside the tables, read relative to the tables.
 */
function layoutSeasonality(
  context: LayoutContext,
  sheet: SheetBuilder,
  top: number,
  cells: { readonly deals: CellPosition; readonly top: CellPosition; readonly revenue: CellPosition },
): { quarterWeights: CellPosition[]; monthWeights: CellPosition[] | undefined; table: ListTable } {
  const { plan, figures, text, formats, kinds } = context;
  const t = text.objectives;
  const { granularity, weights } = plan.objectives.seasonality;
  const block: BlockBuilder = sheet.block("seasonality");
  block.set({ row: top, column: 0 }, headingCell(t.seasonalitySection, 2));
  block.set({ row: top + 1, column: 0 }, noteCell(t.seasonalityNote));
  let row = top + 2;

  let monthWeights: CellPosition[] | undefined;
  if (granularity === "month") {
    const monthTable = listTable<number>(sheet, block, {
      name: "PlanMonthlyWeights",
      anchor: { row, column: 0 },
      items: weights,
      columns: [
        {
          key: "month",
          header: t.fiscalMonth,
          style: "label",
          cell: (_w, r) => ({ value: t.monthLabel(r.index + 1) }),
        },
        {
          key: "weight",
          header: t.weight.header,
          style: "input",
          format: formats.general,
          cell: (weight, r) => ({
            value: weight,
            bind: {
              path: `objectives.seasonality.weights[${r.index}]`,
              type: "number",
              label: `${t.weight.subject} (${t.monthLabel(r.index + 1)})`,
            },
          }),
        },
      ],
    });
    sheet.validate(
      { start: monthTable.cell(0, "weight"), end: monthTable.cell(11, "weight") },
      kinds.weight.validation!.rule,
      kinds.weight.validation!.errorMessage,
    );
    monthWeights = weights.map((_, index) => monthTable.cell(index, "weight"));
    row = monthTable.lastRow + 2;
  }

  const whole = figures.seasonalitySplits !== undefined;
  const quarters = [0, 1, 2, 3];
  const firstQuarterRow = row + 1;
  const weightRange = `${ref({ row: firstQuarterRow, column: 1 }, true)}:${ref({ row: firstQuarterRow + 3, column: 1 }, true)}`;
  const helperColumns = (prefix: "deals" | "top", total: CellPosition): TableColumn<number>[] => {
    const split = prefix === "deals" ? figures.seasonalitySplits?.deals : figures.seasonalitySplits?.topOfFunnel;
    const header =
      prefix === "deals"
        ? [t.dealsExact, t.dealsWhole, t.dealsRemainder, t.dealsRank, t.deals]
        : [t.topExact, t.topWhole, t.topRemainder, t.topRank, t.top];
    const predicted = (q: number) =>
      prefix === "deals" ? figures.seasonality[q]!.deals : figures.seasonality[q]!.topOfFunnel;
    const finalFormat = whole ? formats.whole : formats.oneDecimal;
    if (!split) {
      return [
        {
          key: prefix,
          header: header[4]!,
          style: "formula",
          format: finalFormat,
          cell: (_q, r) => formulaCell(`=${ref(total, true)}*${ref(r.at("share"))}`, predicted(r.index)),
        },
      ];
    }
    const column = (key: string) => `${prefix}${key}`;
    return [
      {
        key: column("Exact"),
        header: header[0]!,
        style: "formula",
        format: formats.sixDecimals,
        cell: (_q, r) => formulaCell(`=ROUND(${ref(total, true)}*${ref(r.at("share"))},6)`, split.exact[r.index]!),
      },
      {
        key: column("Whole"),
        header: header[1]!,
        style: "formula",
        format: formats.whole,
        cell: (_q, r) => formulaCell(`=INT(${ref(r.at(column("Exact")))})`, split.wholeParts[r.index]!),
      },
      {
        key: column("Remainder"),
        header: header[2]!,
        style: "formula",
        format: formats.sixDecimals,
        cell: (_q, r) =>
          formulaCell(
            `=ROUND(${ref(r.at(column("Exact")))}-${ref(r.at(column("Whole")))},6)`,
            split.remainders[r.index]!,
          ),
      },
      {
        key: column("Rank"),
        header: header[3]!,
        style: "formula",
        format: formats.whole,
        cell: (_q, r) => {
          const own = ref(r.at(column("Remainder")));
          // Ties go to the earlier quarter: an earlier quarter outranks an equal remainder, a later one does not.
          const comparisons = quarters
            .filter((other) => other !== r.index)
            .map((other) => {
              const theirs = ref({ row: firstQuarterRow + other, column: r.at(column("Remainder")).column });
              return `IF(${theirs}${other < r.index ? ">=" : ">"}${own},1,0)`;
            });
          return formulaCell(`=1+${comparisons.join("+")}`, split.ranks[r.index]!);
        },
      },
      {
        key: prefix,
        header: header[4]!,
        style: "formula",
        format: formats.whole,
        cell: (_q, r) => {
          const wholeColumn = r.at(column("Whole")).column;
          const wholeRange = `${ref({ row: firstQuarterRow, column: wholeColumn }, true)}:${ref({ row: firstQuarterRow + 3, column: wholeColumn }, true)}`;
          return formulaCell(
            `=${ref(r.at(column("Whole")))}+IF(${ref(r.at(column("Rank")))}<=${ref(total, true)}-SUM(${wholeRange}),1,0)`,
            split.parts[r.index]!,
          );
        },
      },
    ];
  };

  const quarterTable = listTable<number>(sheet, block, {
    name: "PlanSeasonality",
    anchor: { row, column: 0 },
    items: quarters,
    columns: [
      { key: "quarter", header: t.quarter, style: "label", cell: (q) => ({ value: t.quarterLabel(q + 1) }) },
      {
        key: "weight",
        header: t.weight.header,
        style: granularity === "quarter" ? "input" : "formula",
        format: formats.general,
        cell: (q) => {
          if (granularity === "quarter") {
            return {
              value: weights[q]!,
              bind: {
                path: `objectives.seasonality.weights[${q}]`,
                type: "number",
                label: `${t.weight.subject} (${t.quarterLabel(q + 1)})`,
              },
            };
          }
          const months = [0, 1, 2].map((m) => ref(monthWeights![3 * q + m]!));
          return formulaCell(`=${months.join("+")}`, figures.seasonalityQuarterWeights[q]!);
        },
      },
      {
        key: "share",
        header: t.share,
        style: "formula",
        format: formats.percent,
        cell: (q, r) => formulaCell(`=${ref(r.at("weight"))}/SUM(${weightRange})`, figures.seasonality[q]!.share),
      },
      {
        key: "revenue",
        header: t.revenueTarget,
        style: "formula",
        format: formats.currency,
        cell: (q, r) =>
          formulaCell(`=${ref(cells.revenue, true)}*${ref(r.at("share"))}`, figures.seasonality[q]!.revenueTarget),
      },
      ...helperColumns("deals", cells.deals),
      ...helperColumns("top", cells.top),
    ],
  });
  if (granularity === "quarter") {
    sheet.validate(
      { start: quarterTable.cell(0, "weight"), end: quarterTable.cell(3, "weight") },
      kinds.weight.validation!.rule,
      kinds.weight.validation!.errorMessage,
    );
  }
  return { quarterWeights: quarters.map((q) => quarterTable.cell(q, "weight")), monthWeights, table: quarterTable };
}
