/**
 * The tracking sheet (`8 Tracking` / `8 Suivi`): what the CRM recorded (the `CRM deals` and `CRM activities` tables)
 * against the plan, with native formulas only: SUMIFS and COUNTIFS over whole columns of the actuals sheets
 * (src/workbook/actuals-columns.ts), so rows the user adds to those tables count without any formula changing.
 *
 * Blocks, top to bottom: settings (as-of date, RAG thresholds: inputs), to date, by month, by fiscal quarter, by fiscal
 * year, the CRM activity-type links (inputs), activities per working day, by team, by rep (the owner → role mapping:
 * inputs), attainment distribution; charts to the right. The conventions and the predictions of every formula are
 * src/plan/tracking-figures.ts's.
 */
import type { Actuals } from "../../plan/actuals";
import { PLAN_LIMITS } from "../../plan/bounds";
import { toExcelSerial } from "../../plan/calendar";
import type { Plan, TargetPeriod } from "../../plan/schema";
import {
  fiscalYearsOf,
  trackingFigures,
  type PeriodFigures,
  type OwnerGroupFigures,
  type RepTarget,
  type RepTrackingFigures,
  type TrackingFigures,
} from "../../plan/tracking-figures";
import { activityColumnLetter, dealColumnLetter, type ActivityColumn, type DealColumn } from "../actuals-columns";
import { cellAddress, rangeAddress, sheetReference, type CellPosition } from "../address";
import { trackingCharts } from "../charts/tracking";
import { inputColumn, placeInput, referenceOptions, type InputKind } from "../inputs";
import {
  formulaCell,
  formulaText,
  headerCell,
  headingCell,
  labelCell,
  listTable,
  noteCell,
  ref,
  SheetBuilder,
  subtitleCell,
  titleCell,
  valueCell,
  type ListTable,
  type TableColumn,
} from "../sheet-builder";
import { AMBER_FILL, ALERT_FILL, GOOD_FILL, TAB_COLORS } from "../styles";
import {
  definedName,
  external,
  NAMES,
  type KpiCells,
  type LayoutContext,
  type ObjectivesCells,
  type OrganizationCells,
  type SheetLayout,
} from "./context";

/** What the tracking formulas refer to on their own sheet. */
interface Anchors {
  /** The as-of date used (the input, or the generation date when it is blank). */
  readonly asOf: string;
  readonly green: string;
  readonly amber: string;
  readonly currency: string;
  readonly elapsedMonths: string;
  readonly workingDaysElapsed: string;
}

/** The formula fragments over the actuals sheets' whole columns. */
class ActualsFormulas {
  constructor(
    private readonly context: LayoutContext,
    private readonly currency: string,
  ) {}

  deal(column: DealColumn): string {
    const letter = dealColumnLetter(column);
    return sheetReference(this.context.text.sheetNames.deals, `$${letter}:$${letter}`);
  }

  activity(column: ActivityColumn): string {
    const letter = activityColumnLetter(column);
    return sheetReference(this.context.text.sheetNames.activities, `$${letter}:$${letter}`);
  }

  private between(column: string, start: string, end: string): string {
    return `${column},">="&${start},${column},"<"&${end}`;
  }

  private dealCriteria(
    status: "won" | "lost",
    start: string,
    end: string,
    extra: string,
  ): (currency: string) => string {
    const label = formulaText(this.context.text.dealStatuses[status]);
    return (currency) =>
      `${this.deal("status")},${label},${this.deal("currency")},${currency},${this.between(this.deal("closedOn"), start, end)}${extra}`;
  }

  /** Won revenue closed in [start, end), plan currency then blank currency; `extra` adds `,range,criterion` pairs. */
  wonRevenue(start: string, end: string, extra = ""): string {
    const criteria = this.dealCriteria("won", start, end, extra);
    return `SUMIFS(${this.deal("value")},${criteria(this.currency)})+SUMIFS(${this.deal("value")},${criteria('""')})`;
  }

  dealCount(status: "won" | "lost", start: string, end: string, extra = ""): string {
    const criteria = this.dealCriteria(status, start, end, extra);
    return `COUNTIFS(${criteria(this.currency)})+COUNTIFS(${criteria('""')})`;
  }

  /** Activities due in [start, end) meeting `extra` criteria. */
  activityCount(start: string, end: string, extra: string): string {
    return `COUNTIFS(${this.between(this.activity("dueOn"), start, end)}${extra})`;
  }

  doneCriterion(): string {
    return `,${this.activity("done")},TRUE()`;
  }

  typeCriterion(type: keyof LayoutContext["text"]["activityTypes"]): string {
    return `,${this.activity("type")},${formulaText(this.context.text.activityTypes[type])}`;
  }
}

const SETTINGS_TOP = 3;
const HEADLINE_TOP = 11;
const HEADLINE_ROWS = 12;
const MONTHS_TOP = HEADLINE_TOP + HEADLINE_ROWS + 2;
/** Charts sit right of the widest table (the months', 16 columns). */
const CHART_COLUMN = 17;

const ifZero = (denominator: string, numerator: string) => `IF(${denominator}=0,0,${numerator}/${denominator})`;
const paceFormula = (actual: string, target: string, toDate: string) =>
  `=IF(OR(${target}=0,${toDate}=0),"",${actual}/(${toDate}/${target})/${target})`;

export interface TrackingOptions {
  readonly generatedOn: string;
  readonly actuals: Actuals;
}

export function trackingSheet(
  context: LayoutContext,
  objectives: ObjectivesCells,
  organization: OrganizationCells,
  kpis: KpiCells,
  options: TrackingOptions,
): SheetLayout & { readonly figures: TrackingFigures } {
  const { plan, text, sheetNames } = context;
  const tracking = plan.measurement.tracking;
  const asOf = tracking.asOf ?? options.generatedOn;
  const figures = trackingFigures(plan, context.figures, options.actuals, asOf);
  const sheet = new SheetBuilder("tracking", sheetNames.tracking, TAB_COLORS.tracking);

  const header = sheet.block("title");
  header.set({ row: 0, column: 0 }, titleCell(text.sheetTitles.tracking));
  header.set({ row: 1, column: 0 }, subtitleCell(plan.meta.planName));
  header.set({ row: 2, column: 0 }, noteCell(text.tracking.note, 8));

  const anchors = settingsBlock(context, sheet, figures, options.generatedOn);
  const formulas = new ActualsFormulas(context, anchors.currency);
  const months = monthTable(context, sheet, objectives, formulas, anchors, figures);
  periodTable(context, sheet, "quarters", months, anchors, figures.quarters);
  const years = periodTable(context, sheet, "years", months, anchors, figures.years);
  const headline = headlineBlock(context, sheet, formulas, anchors, figures, { months, years });
  const links = activityLinksTable(context, sheet, years.lastRow + 2);
  const activities = activitiesTable(context, sheet, objectives, formulas, anchors, figures, links.lastRow + 2);
  const reps = repTable(context, sheet, { organization, kpis }, formulas, anchors, figures, activities.lastRow + 2);
  teamTable(context, sheet, organization, formulas, anchors, figures, reps);
  const quotaReps = distributionBlock(context, sheet, reps, figures);

  trackingCharts(context, sheet, figures, { months, activities, quotaReps, column: CHART_COLUMN });

  sheet.freeze(0, 1);
  sheet.printing("landscape");
  const name = (key: keyof typeof NAMES, position: CellPosition, result: number) =>
    definedName(NAMES[key], sheetNames.tracking, position, result);
  return {
    sheet: sheet.build(),
    names: [
      name("actualRevenueToDate", headline.revenueWon, figures.toDate.wonRevenue),
      name("actualWonDealsToDate", headline.wonDeals, figures.toDate.wonDeals),
      name("planRevenueToDate", headline.planRevenue, figures.toDate.planRevenue),
      name("revenueAttainmentToDate", headline.attainment, figures.toDate.attainment),
      name("actualWinRateToDate", headline.winRate, figures.toDate.winRate),
      name("actualAverageDealValueToDate", headline.averageDealValue, figures.toDate.averageDealValue),
    ],
    figures,
  };
}

/** Red/amber/green on `range`, from the threshold cells; blank cells (a period not started) stay plain. */
function rag(sheet: SheetBuilder, anchors: Anchors, start: CellPosition, end: CellPosition = start): void {
  const range = { start, end };
  const cell = ref(start);
  const numeric = `ISNUMBER(${cell})`;
  sheet.highlight(range, `=AND(${numeric},${cell}>=${anchors.green})`, { fill: GOOD_FILL });
  sheet.highlight(range, `=AND(${numeric},${cell}<${anchors.green},${cell}>=${anchors.amber})`, { fill: AMBER_FILL });
  sheet.highlight(range, `=AND(${numeric},${cell}<${anchors.amber})`, { fill: ALERT_FILL });
}

/** The settings: the as-of date and the thresholds (inputs), the as-of date used, the plan's currency. */
function settingsBlock(
  context: LayoutContext,
  sheet: SheetBuilder,
  figures: TrackingFigures,
  generatedOn: string,
): Anchors {
  const { plan, text, formats, kinds } = context;
  const t = text.tracking;
  const tracking = plan.measurement.tracking;
  const block = sheet.block("settings");
  block.set({ row: SETTINGS_TOP, column: 0 }, headingCell(t.settingsSection, 2));
  const threshold: InputKind = {
    type: "number",
    format: formats.percent,
    style: "input",
    validation: {
      rule: { kind: "decimal", min: PLAN_LIMITS.fields.ragThreshold.min, max: PLAN_LIMITS.fields.ragThreshold.max },
      errorMessage: t.thresholdValidation,
    },
  };
  const row = (offset: number) => SETTINGS_TOP + 1 + offset;
  const labels = [t.asOf.header, t.asOfUsed, t.greenAt.header, t.amberAt.header, t.currency, text.cover.generatedOn];
  labels.forEach((label, offset) => block.set({ row: row(offset), column: 0 }, labelCell(label)));
  const asOfInput = placeInput(
    sheet,
    block,
    { row: row(0), column: 1 },
    tracking.asOf === undefined ? undefined : toExcelSerial(tracking.asOf),
    "measurement.tracking.asOf",
    t.asOf,
    { ...kinds.date, optional: true },
  );
  // The generation date is a constant cell, not a number inside the formula: it changes at every generation by design.
  const generated = block.set(
    { row: row(5), column: 1 },
    valueCell(toExcelSerial(generatedOn), formats.date, "formula"),
  );
  const asOfUsed = block.set(
    { row: row(1), column: 1 },
    formulaCell(`=IF(${ref(asOfInput)}="",${ref(generated)},${ref(asOfInput)})`, figures.asOfSerial, formats.date),
  );
  const green = placeInput(
    sheet,
    block,
    { row: row(2), column: 1 },
    tracking.greenAt,
    "measurement.tracking.greenAt",
    t.greenAt,
    threshold,
  );
  const amber = placeInput(
    sheet,
    block,
    { row: row(3), column: 1 },
    tracking.amberAt,
    "measurement.tracking.amberAt",
    t.amberAt,
    threshold,
  );
  const currency = block.set({ row: row(4), column: 1 }, valueCell(plan.meta.currency));
  sheet.width(0, 36);
  sheet.width(1, 16);
  const headlineValue = (offset: number) => ref({ row: HEADLINE_TOP + 1 + offset, column: 1 }, true);
  return {
    asOf: ref(asOfUsed, true),
    green: ref(green, true),
    amber: ref(amber, true),
    currency: ref(currency, true),
    elapsedMonths: headlineValue(HEADLINE_ROWS - 2),
    workingDaysElapsed: headlineValue(HEADLINE_ROWS - 1),
  };
}

interface HeadlineCells {
  readonly revenueWon: CellPosition;
  readonly planRevenue: CellPosition;
  readonly attainment: CellPosition;
  readonly wonDeals: CellPosition;
  readonly winRate: CellPosition;
  readonly averageDealValue: CellPosition;
}

/** To date: revenue won against the plan so far, deals, win rate, average deal value, the fiscal year's pace. */
function headlineBlock(
  context: LayoutContext,
  sheet: SheetBuilder,
  formulas: ActualsFormulas,
  anchors: Anchors,
  figures: TrackingFigures,
  tables: { readonly months: ListTable; readonly years: ListTable },
): HeadlineCells {
  const { text, formats } = context;
  const t = text.tracking;
  const f = figures.toDate;
  const block = sheet.block("toDate");
  block.set({ row: HEADLINE_TOP, column: 0 }, headingCell(t.toDateSection, 2));
  const at = (offset: number): CellPosition => ({ row: HEADLINE_TOP + 1 + offset, column: 1 });
  const a = (offset: number) => ref(at(offset));
  const end = `(${anchors.asOf}+1)`;
  const start = ref(at(0), true);
  const column = (table: ListTable, key: string) =>
    rangeAddress({ start: table.cell(0, key), end: { row: table.lastRow, column: table.column(key) } }, true);
  const rows: [string, ReturnType<typeof formulaCell>][] = [
    [t.periodStart, valueCell(f.startSerial, formats.date, "formula")],
    [t.revenueWon, formulaCell(`=${formulas.wonRevenue(start, end)}`, f.wonRevenue, formats.currency)],
    [t.planRevenueToDate, formulaCell(`=SUM(${column(tables.months, "planToDate")})`, f.planRevenue, formats.currency)],
    [t.attainment, formulaCell(`=${ifZero(a(2), a(1))}`, f.attainment, formats.percent)],
    [t.variance, formulaCell(`=${a(1)}-${a(2)}`, f.variance, formats.currency)],
    [t.wonDeals, formulaCell(`=${formulas.dealCount("won", start, end)}`, f.wonDeals, formats.whole)],
    [t.lostDeals, formulaCell(`=${formulas.dealCount("lost", start, end)}`, f.lostDeals, formats.whole)],
    [t.winRate, formulaCell(`=${ifZero(`(${a(5)}+${a(6)})`, a(5))}`, f.winRate, formats.percent)],
    [t.averageDealValue, formulaCell(`=${ifZero(a(5), a(1))}`, f.averageDealValue, formats.currency)],
    [
      t.yearPace,
      formulaCell(
        `=SUMIFS(${column(tables.years, "pace")},${column(tables.years, "start")},"<="&${anchors.asOf},${column(tables.years, "end")},">"&${anchors.asOf})`,
        figures.yearPace,
        formats.percent,
      ),
    ],
    [t.elapsedMonths, formulaCell(`=SUM(${column(tables.months, "elapsed")})`, figures.elapsedMonths, "0.00")],
    [t.workingDaysElapsed, formulaCell(`=${NAMES.workingDaysPerMonth}*${a(10)}`, figures.workingDaysElapsed, "0.0")],
  ];
  rows.forEach(([label, cell], offset) => {
    block.set({ row: at(offset).row, column: 0 }, labelCell(label));
    block.set(at(offset), cell);
  });
  rag(sheet, anchors, at(3));
  rag(sheet, anchors, at(9));
  return {
    revenueWon: at(1),
    planRevenue: at(2),
    attainment: at(3),
    wonDeals: at(5),
    winRate: at(7),
    averageDealValue: at(8),
  };
}

/** Win rate, average deal value, attainment and pace columns shared by the period tables. */
function ratioColumns<T extends PeriodFigures>(context: LayoutContext): TableColumn<T>[] {
  const { text, formats } = context;
  const t = text.tracking;
  return [
    {
      key: "winRate",
      header: t.winRate,
      style: "formula",
      format: formats.percent,
      cell: (p, row) =>
        formulaCell(
          `=${ifZero(`(${ref(row.at("wonDeals"))}+${ref(row.at("lostDeals"))})`, ref(row.at("wonDeals")))}`,
          p.winRate,
        ),
    },
    {
      key: "averageDealValue",
      header: t.averageDealValue,
      style: "formula",
      format: formats.currency,
      cell: (p, row) => formulaCell(`=${ifZero(ref(row.at("wonDeals")), ref(row.at("won")))}`, p.averageDealValue),
    },
    {
      key: "attainment",
      header: t.attainment,
      style: "formula",
      format: formats.percent,
      cell: (p, row) => formulaCell(`=${ifZero(ref(row.at("plan")), ref(row.at("won")))}`, p.attainment),
    },
    {
      key: "pace",
      header: t.pace,
      style: "formula",
      format: formats.percent,
      cell: (p, row) =>
        formulaCell(paceFormula(ref(row.at("won")), ref(row.at("plan")), ref(row.at("planToDate"))), p.pace),
    },
  ];
}

/** One row per horizon month: plan revenue from the objectives sheet's seasonality, actuals closed in the month. */
function monthTable(
  context: LayoutContext,
  sheet: SheetBuilder,
  objectives: ObjectivesCells,
  formulas: ActualsFormulas,
  anchors: Anchors,
  figures: TrackingFigures,
): ListTable {
  const { plan, text, formats, sheetNames } = context;
  const t = text.tracking;
  const block = sheet.block("months");
  block.set({ row: MONTHS_TOP, column: 0 }, headingCell(t.monthSection, 2));
  const planMonths = context.figures.months;
  const { granularity } = plan.objectives.seasonality;
  const weights = granularity === "quarter" ? objectives.quarterWeights : objectives.monthWeights!;
  const weightSum = `SUM(${external(sheetNames.objectives, weights[0]!)}:${cellAddress(weights[weights.length - 1]!, true)})`;
  const planFormula = (index: number): string => {
    const month = planMonths[index]!;
    const year = external(sheetNames.objectives, objectives.revenueTargetByYear[month.planYear]!);
    const share =
      granularity === "quarter"
        ? `${external(sheetNames.objectives, weights[month.fiscal.quarter - 1]!)}/(3*${weightSum})`
        : `${external(sheetNames.objectives, weights[month.fiscalMonth - 1]!)}/${weightSum}`;
    return `=${year}*(${share})`;
  };
  const asOfEnd = `(${anchors.asOf}+1)`;
  const table = listTable<(typeof figures.months)[number]>(sheet, block, {
    name: "TrackingMonths",
    anchor: { row: MONTHS_TOP + 1, column: 0 },
    items: figures.months,
    columns: [
      { key: "label", header: t.month, style: "text", cell: (m) => ({ value: m.label }) },
      {
        key: "start",
        header: t.start,
        width: 12,
        style: "text",
        format: formats.date,
        cell: (m) => ({ value: m.startSerial }),
      },
      {
        key: "end",
        header: t.end,
        width: 12,
        style: "text",
        format: formats.date,
        cell: (m) => ({ value: m.endSerial }),
      },
      {
        key: "windowEnd",
        header: t.windowEnd,
        width: 12,
        style: "formula",
        format: formats.date,
        cell: (m, row) => formulaCell(`=MIN(${ref(row.at("end"))},${asOfEnd})`, m.windowEnd),
      },
      {
        key: "plan",
        header: t.planRevenue,
        width: 14,
        style: "formula",
        format: formats.currency,
        cell: (m, row) => formulaCell(planFormula(row.index), m.planRevenue),
      },
      {
        key: "elapsed",
        header: t.elapsedShare,
        style: "formula",
        format: formats.percent,
        cell: (m, row) => {
          const start = ref(row.at("start"));
          return formulaCell(`=MAX(0,MIN(1,(${asOfEnd}-${start})/(${ref(row.at("end"))}-${start})))`, m.elapsedShare);
        },
      },
      {
        key: "planToDate",
        header: t.planToDate,
        width: 14,
        style: "formula",
        format: formats.currency,
        cell: (m, row) => formulaCell(`=${ref(row.at("plan"))}*${ref(row.at("elapsed"))}`, m.planToDate),
      },
      {
        key: "won",
        header: t.revenueWon,
        width: 14,
        style: "formula",
        format: formats.currency,
        cell: (m, row) =>
          formulaCell(`=${formulas.wonRevenue(ref(row.at("start")), ref(row.at("windowEnd")))}`, m.wonRevenue),
      },
      {
        key: "wonDeals",
        header: t.wonDeals,
        style: "formula",
        format: formats.whole,
        cell: (m, row) =>
          formulaCell(`=${formulas.dealCount("won", ref(row.at("start")), ref(row.at("windowEnd")))}`, m.wonDeals),
      },
      {
        key: "lostDeals",
        header: t.lostDeals,
        style: "formula",
        format: formats.whole,
        cell: (m, row) =>
          formulaCell(`=${formulas.dealCount("lost", ref(row.at("start")), ref(row.at("windowEnd")))}`, m.lostDeals),
      },
      ...ratioColumns<(typeof figures.months)[number]>(context),
      {
        key: "cumulativePlan",
        header: t.cumulativePlan,
        width: 14,
        style: "formula",
        format: formats.currency,
        cell: (m, row) =>
          formulaCell(
            row.index === 0
              ? `=${ref(row.at("plan"))}`
              : `=${ref({ row: row.row - 1, column: row.at("cumulativePlan").column })}+${ref(row.at("plan"))}`,
            m.cumulativePlan,
          ),
      },
      {
        key: "cumulativeWon",
        header: t.cumulativeWon,
        width: 14,
        style: "formula",
        format: formats.currency,
        cell: (m, row) =>
          formulaCell(
            row.index === 0
              ? `=${ref(row.at("won"))}`
              : `=${ref({ row: row.row - 1, column: row.at("cumulativeWon").column })}+${ref(row.at("won"))}`,
            m.cumulativeWon,
          ),
      },
    ],
  });
  const pace = table.column("pace");
  rag(sheet, anchors, { row: table.firstRow, column: pace }, { row: table.lastRow, column: pace });
  return table;
}

/** One row per fiscal quarter or fiscal year of the horizon, summing its months' rows. */
function periodTable(
  context: LayoutContext,
  sheet: SheetBuilder,
  kind: "quarters" | "years",
  months: ListTable,
  anchors: Anchors,
  periods: readonly PeriodFigures[],
): ListTable {
  const { text, formats } = context;
  const t = text.tracking;
  const groups =
    kind === "quarters"
      ? context.figures.quarters.map((quarter) => quarter.monthIndices)
      : fiscalYearsOf(context.figures).map((year) => year.monthIndices);
  const top = kind === "quarters" ? months.lastRow + 2 : sheet.lastRow() + 2;
  const block = sheet.block(kind);
  block.set({ row: top, column: 0 }, headingCell(kind === "quarters" ? t.quarterSection : t.yearSection, 2));
  const sumOf = (key: string, index: number) => {
    const indices = groups[index]!;
    return `=SUM(${rangeAddress({ start: months.cell(indices[0]!, key), end: months.cell(indices[indices.length - 1]!, key) })})`;
  };
  const summed = (
    key: string,
    header: string,
    format: string,
    pick: (p: PeriodFigures) => number,
  ): TableColumn<PeriodFigures> => ({
    key,
    header,
    width: 14,
    style: "formula",
    format,
    cell: (p, row) => formulaCell(sumOf(key, row.index), pick(p)),
  });
  const table = listTable<PeriodFigures>(sheet, block, {
    name: kind === "quarters" ? "TrackingQuarters" : "TrackingYears",
    anchor: { row: top + 1, column: 0 },
    items: periods,
    columns: [
      {
        key: "label",
        header: kind === "quarters" ? t.quarter : t.year,
        style: "text",
        cell: (p) => ({ value: p.label }),
      },
      { key: "start", header: t.start, style: "text", format: formats.date, cell: (p) => ({ value: p.startSerial }) },
      { key: "end", header: t.end, style: "text", format: formats.date, cell: (p) => ({ value: p.endSerial }) },
      summed("plan", t.planRevenue, formats.currency, (p) => p.planRevenue),
      summed("planToDate", t.planToDate, formats.currency, (p) => p.planToDate),
      summed("won", t.revenueWon, formats.currency, (p) => p.wonRevenue),
      summed("wonDeals", t.wonDeals, formats.whole, (p) => p.wonDeals),
      summed("lostDeals", t.lostDeals, formats.whole, (p) => p.lostDeals),
      ...ratioColumns<PeriodFigures>(context),
    ],
  });
  for (const key of ["attainment", "pace"]) {
    const column = table.column(key);
    rag(sheet, anchors, { row: table.firstRow, column }, { row: table.lastRow, column });
  }
  return table;
}

type ActivityLink = Plan["measurement"]["tracking"]["activityTypes"][number];

function activityOptionsOf(plan: Plan): Record<string, string> {
  return referenceOptions(
    plan.objectives.activityTargets.map((activity) => ({ id: activity.id, name: activity.activity })),
  );
}

/** Which CRM activity type counts toward which activity target: inputs, read back into the plan. */
function activityLinksTable(context: LayoutContext, sheet: SheetBuilder, top: number): ListTable {
  const { plan, text, kinds } = context;
  const t = text.tracking;
  const block = sheet.block("activityLinks");
  block.set({ row: top, column: 0 }, headingCell(t.activityLinksSection, 2));
  const activityOptions = activityOptionsOf(plan);
  return listTable<ActivityLink>(sheet, block, {
    name: "TrackingActivityTypes",
    anchor: { row: top + 1, column: 0 },
    items: plan.measurement.tracking.activityTypes,
    binding: { list: "measurement.tracking.activityTypes", label: t.activityLinks },
    columns: [
      {
        key: "activity",
        ...inputColumn("activityId", t.activity, kinds.choice(activityOptions)),
        cell: (link) => ({ value: activityOptions[link.activityId] ?? link.activityId }),
      },
      {
        key: "type",
        ...inputColumn("type", t.crmType, kinds.choice(text.activityTypes)),
        cell: (link) => ({ value: text.activityTypes[link.type] }),
      },
    ],
  });
}

/** Done activities of the linked CRM types per working day elapsed, against each step-2 target per working day. */
function activitiesTable(
  context: LayoutContext,
  sheet: SheetBuilder,
  objectives: ObjectivesCells,
  formulas: ActualsFormulas,
  anchors: Anchors,
  figures: TrackingFigures,
  top: number,
): ListTable {
  const { plan, text, formats, sheetNames } = context;
  const t = text.tracking;
  const block = sheet.block("activities");
  block.set({ row: top, column: 0 }, headingCell(t.activitiesSection, 2));
  const names = activityOptionsOf(plan);
  const start = `$B$${HEADLINE_TOP + 2}`;
  const end = `(${anchors.asOf}+1)`;
  const table = listTable<(typeof figures.activities)[number]>(sheet, block, {
    name: "TrackingActivities",
    anchor: { row: top + 1, column: 0 },
    items: figures.activities,
    columns: [
      { key: "activity", header: t.activity.header, style: "text", cell: (a) => ({ value: names[a.activityId]! }) },
      {
        key: "types",
        header: t.crmTypes,
        style: "text",
        cell: (a) => ({ value: a.types.map((type) => text.activityTypes[type]).join(", ") }),
      },
      {
        key: "done",
        header: t.done,
        style: "formula",
        format: formats.whole,
        cell: (a) =>
          formulaCell(
            `=${a.types.map((type) => formulas.activityCount(start, end, formulas.doneCriterion() + formulas.typeCriterion(type))).join("+")}`,
            a.done,
          ),
      },
      {
        key: "perDay",
        header: t.perDay,
        style: "formula",
        format: "0.0",
        cell: (a, row) => formulaCell(`=${ifZero(anchors.workingDaysElapsed, ref(row.at("done")))}`, a.actualPerDay),
      },
      {
        key: "target",
        header: t.targetPerDay,
        style: "formula",
        format: "0.0",
        cell: (a) =>
          formulaCell(
            `=${external(sheetNames.objectives, objectives.activities.get(a.activityId)!.day)}`,
            a.targetPerDay,
          ),
      },
      {
        key: "attainment",
        header: t.attainment,
        style: "formula",
        format: formats.percent,
        cell: (a, row) => formulaCell(`=${ifZero(ref(row.at("target")), ref(row.at("perDay")))}`, a.attainment),
      },
    ],
  });
  if (figures.activities.length > 0) {
    const column = table.column("attainment");
    rag(sheet, anchors, { row: table.firstRow, column }, { row: table.lastRow, column });
  }
  return table;
}

/** Deals and activities columns of a group of owners (a team or a rep), to date, matched by `criterion`. */
function ownerColumns<T>(
  context: LayoutContext,
  formulas: ActualsFormulas,
  anchors: Anchors,
  criteria: (row: { at(key: string): CellPosition }) => { readonly deals: string; readonly activities: string },
  pick: (item: T) => OwnerGroupFigures,
  labels: { readonly average: string; readonly rate: string },
): TableColumn<T>[] {
  const { text, formats } = context;
  const t = text.tracking;
  const start = `$B$${HEADLINE_TOP + 2}`;
  const end = `(${anchors.asOf}+1)`;
  return [
    {
      key: "won",
      header: t.revenueWon,
      width: 14,
      style: "formula",
      format: formats.currency,
      cell: (item, row) =>
        formulaCell(`=${formulas.wonRevenue(start, end, criteria(row).deals)}`, pick(item).wonRevenue),
    },
    {
      key: "wonDeals",
      header: t.wonDeals,
      style: "formula",
      format: formats.whole,
      cell: (item, row) =>
        formulaCell(`=${formulas.dealCount("won", start, end, criteria(row).deals)}`, pick(item).wonDeals),
    },
    {
      key: "lostDeals",
      header: t.lostDeals,
      style: "formula",
      format: formats.whole,
      cell: (item, row) =>
        formulaCell(`=${formulas.dealCount("lost", start, end, criteria(row).deals)}`, pick(item).lostDeals),
    },
    {
      key: "average",
      header: labels.average,
      style: "formula",
      format: formats.currency,
      cell: (item, row) =>
        formulaCell(`=${ifZero(ref(row.at("wonDeals")), ref(row.at("won")))}`, pick(item).averageDealValue),
    },
    {
      key: "rate",
      header: labels.rate,
      style: "formula",
      format: formats.percent,
      cell: (item, row) =>
        formulaCell(
          `=${ifZero(`(${ref(row.at("wonDeals"))}+${ref(row.at("lostDeals"))})`, ref(row.at("wonDeals")))}`,
          pick(item).winRate,
        ),
    },
    {
      key: "activities",
      header: t.activitiesDone,
      style: "formula",
      format: formats.whole,
      cell: (item, row) =>
        formulaCell(
          `=${formulas.activityCount(start, end, formulas.doneCriterion() + criteria(row).activities)}`,
          pick(item).doneActivities,
        ),
    },
    {
      key: "meetings",
      header: t.meetingsBooked,
      style: "formula",
      format: formats.whole,
      cell: (item, row) =>
        formulaCell(
          `=${formulas.activityCount(start, end, formulas.typeCriterion("meeting") + criteria(row).activities)}`,
          pick(item).meetingsBooked,
        ),
    },
  ];
}

type OwnerEntry = Plan["measurement"]["tracking"]["owners"][number];

/** The rows (0-based, column A the owner, B the attainment) of the reps who carry a quota. */
export interface QuotaRepRows {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly carriers: readonly RepTrackingFigures[];
}

function roleOptionsOf(plan: Plan): Record<string, string> {
  return referenceOptions(plan.organization.roles.map((role) => ({ id: role.id, name: role.title })));
}

/**
 * One row per CRM owner: the owner → role mapping (inputs, read back into the plan) and the rep's figures to date
 * against the quota to date of the role.
 */
function repTable(
  context: LayoutContext,
  sheet: SheetBuilder,
  cells: { readonly organization: OrganizationCells; readonly kpis: KpiCells },
  formulas: ActualsFormulas,
  anchors: Anchors,
  figures: TrackingFigures,
  top: number,
): ListTable {
  const { plan, text, formats, kinds, sheetNames } = context;
  const t = text.tracking;
  const block = sheet.block("reps");
  block.set({ row: top, column: 0 }, headingCell(t.repSection, 2));
  const roleOptions = roleOptionsOf(plan);
  const repFigures = figures.reps;
  const { organization, kpis } = cells;
  const elapsed: Readonly<Record<TargetPeriod, string>> = {
    month: anchors.elapsedMonths,
    quarter: `(${anchors.elapsedMonths}/3)`,
    year: `(${anchors.elapsedMonths}/12)`,
    week: `(${anchors.workingDaysElapsed}/5)`,
    day: anchors.workingDaysElapsed,
  };
  /** A column comparing with the rep's per-rep KPI of one kind: its target per rep, to date for volumes. */
  const targetColumn = (
    key: string,
    header: string,
    format: string,
    pick: (rep: RepTrackingFigures) => RepTarget | undefined,
  ): TableColumn<OwnerEntry> => ({
    key,
    header,
    width: 14,
    style: "formula",
    format,
    cell: (_entry, row) => {
      const target = pick(repFigures[row.index]!);
      if (target === undefined) return undefined;
      const kpi = plan.measurement.repKpis.find((candidate) => candidate.id === target.kpiId)!;
      const perRep = external(sheetNames.kpis, kpis.repTargetPerRep.get(kpi.id)!);
      const formula = kpi.target.kind === "deals" ? `=${perRep}*${elapsed[kpi.target.period]}` : `=${perRep}`;
      return formulaCell(formula, target.target);
    },
  });
  const table = listTable<OwnerEntry>(sheet, block, {
    name: "TrackingReps",
    anchor: { row: top + 1, column: 0 },
    items: plan.measurement.tracking.owners,
    binding: { list: "measurement.tracking.owners", label: t.owners },
    columns: [
      {
        key: "owner",
        ...inputColumn("owner", t.owner, kinds.text(200)),
        cell: (entry) => ({ value: entry.owner }),
      },
      {
        key: "role",
        width: 22,
        ...inputColumn("roleId", t.role, kinds.choice(roleOptions)),
        cell: (entry) => ({ value: roleOptions[entry.roleId] ?? entry.roleId }),
      },
      ...ownerColumns<OwnerEntry>(
        context,
        formulas,
        anchors,
        (row) => {
          const owner = `$${cellAddress(row.at("owner"))}`;
          return {
            deals: `,${formulas.deal("owner")},${owner}`,
            activities: `,${formulas.activity("owner")},${owner}`,
          };
        },
        (entry) => repFigures[plan.measurement.tracking.owners.indexOf(entry)]!,
        { average: t.averageOpportunityValue, rate: t.closeRate },
      ),
      {
        key: "quota",
        header: t.quotaToDate,
        width: 14,
        style: "formula",
        format: formats.currency,
        cell: (entry, row) => {
          const quota = organization.quotaPerMonth.get(entry.roleId);
          const rep = repFigures[row.index]!;
          return quota === undefined || rep.quotaToDate === undefined
            ? undefined
            : formulaCell(`=${external(sheetNames.organization, quota)}*${anchors.elapsedMonths}`, rep.quotaToDate);
        },
      },
      {
        key: "attainment",
        header: t.attainment,
        style: "formula",
        format: formats.percent,
        cell: (_entry, row) => {
          const rep = repFigures[row.index]!;
          return rep.attainment === undefined
            ? undefined
            : formulaCell(`=${ifZero(ref(row.at("quota")), ref(row.at("won")))}`, rep.attainment);
        },
      },
      targetColumn("dealsTarget", t.wonDealsTarget, formats.general, (rep) => rep.targets.wonDeals),
      targetColumn("averageTarget", t.averageTarget, formats.currency, (rep) => rep.targets.averageDealValue),
      targetColumn("rateTarget", t.closeRateTarget, formats.percent, (rep) => rep.targets.winRate),
    ],
  });
  const column = table.column("attainment");
  rag(sheet, anchors, { row: table.firstRow, column }, { row: table.lastRow, column });
  return table;
}

/** One row per role: its owners' figures to date, against the quota to date of its mapped reps. */
function teamTable(
  context: LayoutContext,
  sheet: SheetBuilder,
  organization: OrganizationCells,
  formulas: ActualsFormulas,
  anchors: Anchors,
  figures: TrackingFigures,
  reps: ListTable,
): ListTable {
  const { plan, text, formats, sheetNames } = context;
  const t = text.tracking;
  const top = reps.lastRow + 2;
  const block = sheet.block("teams");
  block.set({ row: top, column: 0 }, headingCell(t.teamSection, 2));
  const roleOptions = roleOptionsOf(plan);
  const repRoles = rangeAddress(
    { start: reps.cell(0, "role"), end: { row: reps.lastRow, column: reps.column("role") } },
    true,
  );
  const teams = figures.teams;
  const table = listTable<(typeof teams)[number]>(sheet, block, {
    name: "TrackingTeams",
    anchor: { row: top + 1, column: 0 },
    items: teams,
    columns: [
      { key: "team", header: t.team, style: "text", cell: (team) => ({ value: roleOptions[team.roleId]! }) },
      {
        key: "reps",
        header: t.reps,
        style: "formula",
        format: formats.whole,
        cell: (team, row) => formulaCell(`=COUNTIF(${repRoles},$${cellAddress(row.at("team"))})`, team.reps),
      },
      ...ownerColumns<(typeof teams)[number]>(
        context,
        formulas,
        anchors,
        (row) => {
          const role = `$${cellAddress(row.at("team"))}`;
          return { deals: `,${formulas.deal("role")},${role}`, activities: `,${formulas.activity("role")},${role}` };
        },
        (team) => team,
        { average: t.averageDealValue, rate: t.winRate },
      ),
      {
        key: "quota",
        header: t.quotaToDate,
        width: 14,
        style: "formula",
        format: formats.currency,
        cell: (team, row) => {
          const quota = organization.quotaPerMonth.get(team.roleId);
          return quota === undefined || team.quotaToDate === undefined
            ? undefined
            : formulaCell(
                `=${ref(row.at("reps"))}*(${external(sheetNames.organization, quota)}*${anchors.elapsedMonths})`,
                team.quotaToDate,
              );
        },
      },
      {
        key: "attainment",
        header: t.attainment,
        style: "formula",
        format: formats.percent,
        cell: (team, row) =>
          team.attainment === undefined
            ? undefined
            : formulaCell(`=${ifZero(ref(row.at("quota")), ref(row.at("won")))}`, team.attainment),
      },
    ],
  });
  const column = table.column("attainment");
  rag(sheet, anchors, { row: table.firstRow, column }, { row: table.lastRow, column });
  return table;
}

/**
 * The share of reps with a quota to date at or above 100 %, at or above 80 %, below 50 % of it; then the reps who
 * carry a quota with their attainment, linked to their rows (the rep chart's data, without the blank rows of reps
 * who carry none).
 */
function distributionBlock(
  context: LayoutContext,
  sheet: SheetBuilder,
  reps: ListTable,
  figures: TrackingFigures,
): QuotaRepRows {
  const { distribution } = figures;
  const { text, formats } = context;
  const t = text.tracking;
  const top = sheet.lastRow() + 2;
  const block = sheet.block("distribution");
  block.set({ row: top, column: 0 }, headingCell(t.distributionSection, 2));
  const column = (key: string) =>
    rangeAddress({ start: reps.cell(0, key), end: { row: reps.lastRow, column: reps.column(key) } }, true);
  const quota = column("quota");
  const attainment = column("attainment");
  const measured = `COUNTIF(${quota},">0")`;
  const rows: [string, string, number][] = [
    [t.atOrAbove100, `">=1"`, distribution.atOrAbove100],
    [t.atOrAbove80, `">=0.8"`, distribution.atOrAbove80],
    [t.below50, `"<0.5"`, distribution.below50],
  ];
  rows.forEach(([label, criterion, result], offset) => {
    block.set({ row: top + 1 + offset, column: 0 }, labelCell(label));
    block.set(
      { row: top + 1 + offset, column: 1 },
      formulaCell(
        `=IF(${measured}=0,0,COUNTIFS(${attainment},${criterion},${quota},">0")/${measured})`,
        result,
        formats.percent,
      ),
    );
  });
  const headerRow = top + 5;
  block.set({ row: headerRow, column: 0 }, headerCell(t.owner.header));
  block.set({ row: headerRow, column: 1 }, headerCell(t.attainment));
  const carriers = figures.reps.flatMap((rep, index) => (rep.attainment === undefined ? [] : [{ rep, index }]));
  carriers.forEach(({ rep, index }, offset) => {
    const row = headerRow + 1 + offset;
    block.set({ row, column: 0 }, formulaCell(`=${ref(reps.cell(index, "owner"))}`, rep.owner));
    block.set(
      { row, column: 1 },
      formulaCell(`=${ref(reps.cell(index, "attainment"))}`, rep.attainment!, formats.percent),
    );
  });
  return { firstRow: headerRow + 1, lastRow: headerRow + carriers.length, carriers: carriers.map(({ rep }) => rep) };
}
