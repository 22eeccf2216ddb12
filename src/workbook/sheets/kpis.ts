/**
 * Step 7: the KPIs with their targets linked by formula to the objectives sheet (or a fixed value), the per-rep KPIs
 * dividing volume targets by the headcount of the role that carries them (0 when the role has nobody), and the
 * dashboards.
 */
import { isVolumeTarget } from "../../plan/calculate";
import type { Kpi, KpiTarget, KpiUnit, Plan, RepKpi, TargetPeriod } from "../../plan/schema";
import { inputColumn, referenceOptions, type InputKind } from "../inputs";
import {
  formulaCell,
  headingCell,
  listTable,
  ref,
  SheetBuilder,
  subtitleCell,
  titleCell,
  type RowContext,
  type TableColumn,
} from "../sheet-builder";
import { TAB_COLORS } from "../styles";
import {
  external,
  NAMES,
  type LayoutContext,
  type ObjectivesCells,
  type KpiCells,
  type OrganizationCells,
  type SheetLayout,
} from "./context";

type Dashboard = Plan["measurement"]["dashboards"][number];

/** Divisors of the annual revenue target per period, as src/plan/periods.ts's periodsPerYear. */
const REVENUE_DIVISORS: Readonly<Record<TargetPeriod, string>> = {
  year: "",
  quarter: "/4",
  month: "/12",
  week: `/((12*${NAMES.workingDaysPerMonth})/5)`,
  day: `/(12*${NAMES.workingDaysPerMonth})`,
};

export function kpisSheet(
  context: LayoutContext,
  objectives: ObjectivesCells,
  organization: OrganizationCells,
): SheetLayout & { readonly cells: KpiCells } {
  const { plan, figures, text, formats, kinds, sheetNames } = context;
  const t = text.kpis;
  const measurement = plan.measurement;
  const sheet = new SheetBuilder("kpis", sheetNames.kpis, TAB_COLORS.kpis);
  const objectivesSheet = sheetNames.objectives;

  const header = sheet.block("title");
  header.set({ row: 0, column: 0 }, titleCell(text.sheetTitles.kpis));
  header.set({ row: 1, column: 0 }, subtitleCell(plan.meta.planName));

  const unitFormat = (unit: KpiUnit): string =>
    unit === "currency" ? formats.currency : unit === "percent" ? formats.percent : formats.general;

  /** The target's formula: a link to the step-2 cell that holds it, or to the row's fixed value. */
  function targetFormula(target: KpiTarget, row: RowContext): string {
    switch (target.kind) {
      case "fixed":
        return `=${ref(row.at("fixed"))}`;
      case "revenueTarget":
        return `=${NAMES.revenueTarget}${REVENUE_DIVISORS[target.period]}`;
      case "deals":
        return `=${external(objectivesSheet, objectives.deals[target.period])}`;
      case "averageDealValue":
        return `=${NAMES.averageDealValue}`;
      case "winRate":
        return `=${NAMES.winRateTarget}`;
      case "funnelStage":
        return `=${external(objectivesSheet, objectives.funnel.get(target.stageId)![target.period])}`;
      case "activity":
        return `=${external(objectivesSheet, objectives.activities.get(target.activityId)![target.period])}`;
      case "sla":
        return `=${external(objectivesSheet, objectives.slaHours.get(target.slaId)!)}`;
    }
  }

  const stageOptions = referenceOptions(plan.methodology.stages);
  const funnelOptions = referenceOptions(plan.objectives.funnel);
  const activityOptions = referenceOptions(
    plan.objectives.activityTargets.map((activity) => ({ id: activity.id, name: activity.activity })),
  );
  const slaOptions = referenceOptions(plan.objectives.slas.map((sla) => ({ id: sla.id, name: sla.activity })));
  const roleOptions = referenceOptions(plan.organization.roles.map((role) => ({ id: role.id, name: role.title })));

  /** The columns that describe a target: its source, the item it links to, its period, a fixed value. */
  function targetColumns<T extends { target: KpiTarget }>(): TableColumn<T>[] {
    const choice = (options: Record<string, string>): InputKind => kinds.choice(options, true);
    const linked =
      (key: string, options: Record<string, string>, pick: (target: KpiTarget) => string | undefined) => (item: T) => {
        const id = pick(item.target);
        return id === undefined ? undefined : { value: options[id]! };
      };
    return [
      {
        key: "kind",
        width: 22,
        ...inputColumn("target.kind", t.targetKind, kinds.choice(text.targetKinds)),
        cell: (item) => ({ value: text.targetKinds[item.target.kind] }),
      },
      {
        key: "stage",
        width: 24,
        ...inputColumn("target.stageId", t.targetStage, choice(funnelOptions)),
        cell: linked("stage", funnelOptions, (target) => (target.kind === "funnelStage" ? target.stageId : undefined)),
      },
      {
        key: "activity",
        width: 28,
        ...inputColumn("target.activityId", t.targetActivity, choice(activityOptions)),
        cell: linked("activity", activityOptions, (target) =>
          target.kind === "activity" ? target.activityId : undefined,
        ),
      },
      {
        key: "sla",
        width: 24,
        ...inputColumn("target.slaId", t.targetSla, choice(slaOptions)),
        cell: linked("sla", slaOptions, (target) => (target.kind === "sla" ? target.slaId : undefined)),
      },
      {
        key: "period",
        width: 12,
        ...inputColumn("target.period", t.targetPeriod, choice(text.targetPeriods)),
        cell: (item) => ("period" in item.target ? { value: text.targetPeriods[item.target.period] } : undefined),
      },
      {
        key: "fixed",
        width: 12,
        ...inputColumn("target.value", t.fixedValue, kinds.fixedTarget),
        cell: (item) => (item.target.kind === "fixed" ? { value: item.target.value } : undefined),
      },
    ];
  }

  // KPIs ----------------------------------------------------------------------------------------------------------
  const kpiBlock = sheet.block("kpis");
  kpiBlock.set({ row: 3, column: 0 }, headingCell(t.kpisSection, 2));
  const kpiFigures = new Map(figures.kpis.map((kpi) => [kpi.id, kpi.target]));
  const kpiTable = listTable<Kpi>(sheet, kpiBlock, {
    name: "PlanKpis",
    anchor: { row: 4, column: 0 },
    items: measurement.kpis,
    binding: { list: "measurement.kpis", idField: "id", nameField: "name", label: t.kpis },
    columns: [
      { key: "id", width: 18, ...inputColumn("id", t.kpiId, kinds.text(40)), cell: (k) => ({ value: k.id }) },
      { key: "name", width: 34, ...inputColumn("name", t.name, kinds.text(120)), cell: (k) => ({ value: k.name }) },
      {
        key: "tier",
        width: 12,
        ...inputColumn("tier", t.tier, kinds.choice(text.tiers)),
        cell: (k) => ({ value: text.tiers[k.tier] }),
      },
      {
        key: "salesStage",
        width: 26,
        ...inputColumn("stageId", t.stageId, kinds.choice(stageOptions, true)),
        cell: (k) => (k.stageId === undefined ? undefined : { value: stageOptions[k.stageId] ?? k.stageId }),
      },
      {
        key: "unit",
        width: 12,
        ...inputColumn("unit", t.unit, kinds.choice(text.kpiUnits)),
        cell: (k) => ({ value: text.kpiUnits[k.unit] }),
      },
      { key: "owner", width: 22, ...inputColumn("owner", t.owner, kinds.text(120)), cell: (k) => ({ value: k.owner }) },
      {
        key: "frequency",
        width: 14,
        ...inputColumn("frequency", t.frequency, kinds.choice(text.frequencies)),
        cell: (k) => ({ value: text.frequencies[k.frequency] }),
      },
      {
        key: "source",
        width: 22,
        ...inputColumn("dataSource", t.dataSource, kinds.text(200)),
        cell: (k) => ({ value: k.dataSource }),
      },
      ...targetColumns<Kpi>(),
      {
        key: "target",
        header: t.target,
        width: 16,
        style: "formula",
        cell: (k, row) => formulaCell(targetFormula(k.target, row), kpiFigures.get(k.id)!, unitFormat(k.unit)),
      },
    ],
  });

  // Per-rep KPIs --------------------------------------------------------------------------------------------------
  const repBlock = sheet.block("repKpis");
  const repTop = kpiTable.lastRow + 2;
  repBlock.set({ row: repTop, column: 0 }, headingCell(t.repKpisSection, 2));
  const repFigures = new Map(figures.repKpis.map((kpi) => [kpi.id, kpi]));
  const repTable = listTable<RepKpi>(sheet, repBlock, {
    name: "PlanRepKpis",
    anchor: { row: repTop + 1, column: 0 },
    items: measurement.repKpis,
    binding: { list: "measurement.repKpis", idField: "id", nameField: "name", label: t.repKpis },
    columns: [
      { key: "id", ...inputColumn("id", t.kpiId, kinds.text(40)), cell: (k) => ({ value: k.id }) },
      { key: "name", ...inputColumn("name", t.name, kinds.text(120)), cell: (k) => ({ value: k.name }) },
      {
        key: "role",
        ...inputColumn("roleId", t.roleId, kinds.choice(roleOptions)),
        cell: (k) => ({ value: roleOptions[k.roleId] ?? k.roleId }),
      },
      {
        key: "unit",
        ...inputColumn("unit", t.unit, kinds.choice(text.kpiUnits)),
        cell: (k) => ({ value: text.kpiUnits[k.unit] }),
      },
      ...targetColumns<RepKpi>().map((column) => ({ ...column, width: undefined })),
      {
        key: "team",
        header: t.teamTarget,
        style: "formula",
        cell: (k, row) =>
          formulaCell(targetFormula(k.target, row), repFigures.get(k.id)!.teamTarget, unitFormat(k.unit)),
      },
      {
        key: "headcount",
        header: t.headcount,
        style: "formula",
        format: formats.whole,
        cell: (k) => {
          const cell = organization.requiredHeadcount.get(k.roleId);
          return cell && formulaCell(`=${external(sheetNames.organization, cell)}`, repFigures.get(k.id)!.headcount);
        },
      },
      {
        key: "perRep",
        header: t.perRep,
        style: "formula",
        cell: (k, row) => {
          const team = ref(row.at("team"));
          const headcount = ref(row.at("headcount"));
          const formula = isVolumeTarget(k.target) ? `=IF(${headcount}=0,0,${team}/${headcount})` : `=${team}`;
          const format = k.unit === "currency" ? formats.currencyCents : unitFormat(k.unit);
          return formulaCell(formula, repFigures.get(k.id)!.target, format);
        },
      },
    ],
  });

  // Dashboards ----------------------------------------------------------------------------------------------------
  const dashboardBlock = sheet.block("dashboards");
  const dashboardTop = repTable.lastRow + 2;
  dashboardBlock.set({ row: dashboardTop, column: 0 }, headingCell(t.dashboardsSection, 2));
  listTable<Dashboard>(sheet, dashboardBlock, {
    name: "PlanDashboards",
    anchor: { row: dashboardTop + 1, column: 0 },
    items: measurement.dashboards,
    binding: { list: "measurement.dashboards", label: t.dashboards },
    columns: [
      { key: "team", ...inputColumn("team", t.team, kinds.text(120)), cell: (d) => ({ value: d.team }) },
      { key: "purpose", ...inputColumn("purpose", t.purpose, kinds.text(1000)), cell: (d) => ({ value: d.purpose }) },
      { key: "tool", ...inputColumn("tool", t.tool, kinds.text(120)), cell: (d) => ({ value: d.tool }) },
    ],
  });

  sheet.freeze(2, 2);
  sheet.printing("landscape");
  return {
    sheet: sheet.build(),
    names: [],
    cells: {
      repTargetPerRep: new Map(measurement.repKpis.map((kpi, index) => [kpi.id, repTable.cell(index, "perRep")])),
    },
  };
}
