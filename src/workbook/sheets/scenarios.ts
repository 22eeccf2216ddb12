/**
 * The Scenarios sheet: one column per scenario beside the base, driver rows (the base's linked to the step sheets,
 * each scenario's typed over them, blank = as the base), result rows computed by native formulas from those drivers,
 * a sensitivity table of the top of the funnel, charts comparing the scenarios, and the plan of record against the
 * working plan. Every result is `calculatePlan(applyScenario(plan, id))`'s figure (src/plan/scenarios.ts).
 */
import { PLAN_LIMITS } from "../../plan/bounds";
import { calculatePlan, type PlanFigures } from "../../plan/calculate";
import { toExcelPrecision } from "../../plan/excel-precision";
import { dealsNeeded, reverseFunnel } from "../../plan/funnel";
import { planOfRecordOf, scenarioFigures, SENSITIVITY_FACTORS, topOfFunnelSensitivity } from "../../plan/scenarios";
import type { Role } from "../../plan/schema";
import { columnLetters, type CellPosition } from "../address";
import type { BoundCells } from "../bound-cells";
import { chartAnchor, rowRange } from "../charts/chart-ranges";
import { placeInput, type InputKind } from "../inputs";
import { paletteColor } from "../palette";
import {
  formulaCell,
  headerCell,
  headingCell,
  labelCell,
  noteCell,
  ref,
  refColumnFixed,
  SheetBuilder,
  subtitleCell,
  titleCell,
  valueCell,
  type BlockBuilder,
} from "../sheet-builder";
import { ALERT_FILL, ALERT_FONT, TAB_COLORS } from "../styles";
import type { LayoutContext, ObjectivesCells, SheetLayout } from "./context";
import { external, NAMES } from "./context";
import { overlayFormula } from "./organization/roles-table";
import { scenariosText } from "./scenarios-text";

/**
 * `ROUNDUP(x, 0)` with Excel's own first step written out: x rounded to 15 significant digits. Excel does that step
 * itself; writing it makes every engine (HyperFormula, LibreOffice) give Excel's result where a scenario's factor
 * leaves binary noise (0.3 × 1.1 is 0.33000000000000007), as the plan core's roundUp does.
 */
function excelRoundUp(x: string): string {
  return `ROUNDUP(IF(${x}=0,0,ROUND(${x},14-INT(LOG10(ABS(${x}))))),0)`;
}
const GOOD_FILL = "#C6EFCE";
const GOOD_FONT = "#006100";
const LABEL_COLUMN = 0;
const BASE_COLUMN = 1;
const FIRST_ROW = 5;

interface Column {
  /** 0-based sheet column. */
  readonly column: number;
  /** Index in plan.scenarios, or undefined for the base. */
  readonly scenarioIndex: number | undefined;
  readonly figures: PlanFigures;
}

/** Rows of the driver cells, by driver. */
interface DriverRows {
  readonly target: number;
  readonly growth: number;
  readonly dealValue: number;
  readonly stageRates: readonly number[];
  readonly conversionFactor: number;
  readonly capacityFactor: number;
  readonly utilization: number;
  readonly quotaAttainment: number;
}

export function scenariosSheet(context: LayoutContext, objectives: ObjectivesCells, bound: BoundCells): SheetLayout {
  const { plan, text, formats, kinds, sheetNames } = context;
  const t = scenariosText(context.locale);
  const sheet = new SheetBuilder("scenarios", sheetNames.scenarios, TAB_COLORS.scenarios);
  const header = sheet.block("title");
  header.set({ row: 0, column: 0 }, titleCell(text.sheetTitles.scenarios));
  header.set({ row: 1, column: 0 }, subtitleCell(plan.meta.planName));
  header.set({ row: 2, column: 0 }, noteCell(t.note, 6));

  const all = scenarioFigures(plan);
  const columns: Column[] = all.map((entry, index) => ({
    column: BASE_COLUMN + index,
    scenarioIndex: index === 0 ? undefined : index - 1,
    figures: entry.figures,
  }));
  const lastColumn = BASE_COLUMN + columns.length - 1;

  const names = sheet.block("scenarioNames");
  names.set({ row: FIRST_ROW - 1, column: LABEL_COLUMN }, headerCell(t.driver));
  names.set({ row: FIRST_ROW - 1, column: BASE_COLUMN }, headerCell(t.base));
  plan.scenarios.forEach((scenario, index) =>
    placeInput(
      sheet,
      names,
      { row: FIRST_ROW - 1, column: BASE_COLUMN + 1 + index },
      scenario.name,
      `scenarios[${index}].name`,
      t.scenarioName,
      kinds.text(60),
    ),
  );

  const drivers = driversBlock(sheet.block("drivers"));
  const resultsTop = drivers.lastRow + 2;
  const results = resultsBlock(sheet.block("results"), resultsTop);
  const sensitivityTop = results.lastRow + 3;
  const sensitivityBottom = sensitivityBlock(sheet.block("sensitivity"), sensitivityTop);
  scenarioCharts(results.totalHeadcountRow, results.totalCostRow, sensitivityBottom + 2);
  recordBlock(sheet.block("planOfRecord"), sensitivityBottom + 2 + 18, results);

  sheet.width(LABEL_COLUMN, 44);
  for (let column = BASE_COLUMN; column <= Math.max(lastColumn, BASE_COLUMN + SENSITIVITY_FACTORS.length); column++) {
    sheet.width(column, 16);
  }
  sheet.freeze(FIRST_ROW, 1);
  sheet.printing("landscape", { first: FIRST_ROW, last: FIRST_ROW });
  return { sheet: sheet.build(), names: [] };

  // -------------------------------------------------------------------------------------------------------------

  /** `IF(C9="",$B9,C9)`: a scenario's driver, or the base's where its cell is blank; the base's cell itself. */
  function effective(column: Column, row: number): string {
    const own = ref({ row, column: column.column });
    if (column.scenarioIndex === undefined) return own;
    return `IF(${own}="",${refColumnFixed({ row, column: BASE_COLUMN })},${own})`;
  }

  function driverRow(
    block: BlockBuilder,
    row: number,
    label: string,
    baseCell: ReturnType<typeof formulaCell> | undefined,
    override: (scenarioIndex: number) => {
      value: number | undefined;
      path: string;
      field: typeof t.annualRevenueTarget;
      kind: InputKind;
    },
  ): void {
    block.set({ row, column: LABEL_COLUMN }, labelCell(label));
    if (baseCell) block.set({ row, column: BASE_COLUMN }, baseCell);
    else block.set({ row, column: BASE_COLUMN }, valueCell(t.perRole, undefined, "note"));
    plan.scenarios.forEach((_, index) => {
      const { value, path, field, kind } = override(index);
      placeInput(sheet, block, { row, column: BASE_COLUMN + 1 + index }, value, path, field, {
        ...kind,
        optional: true,
      });
    });
  }

  function driversBlock(block: BlockBuilder): DriverRows & { readonly lastRow: number } {
    const { objectives: o } = plan;
    const overrides = (index: number) => plan.scenarios[index]!.overrides;
    const path = (index: number, field: string) => `scenarios[${index}].overrides.${field}`;
    block.set({ row: FIRST_ROW, column: LABEL_COLUMN }, headingCell(t.driversSection));
    let row = FIRST_ROW + 1;
    const target = row++;
    driverRow(
      block,
      target,
      t.annualRevenueTarget.header,
      formulaCell(`=${NAMES.revenueTarget}`, o.annualRevenueTarget, formats.currency),
      (index) => ({
        value: overrides(index).annualRevenueTarget,
        path: path(index, "annualRevenueTarget"),
        field: t.annualRevenueTarget,
        kind: kinds.positiveMoney(true),
      }),
    );
    const growth = row++;
    driverRow(
      block,
      growth,
      t.annualGrowthRate.header,
      formulaCell(`=${NAMES.annualGrowthRate}`, o.annualGrowthRate, formats.percent),
      (index) => ({
        value: overrides(index).annualGrowthRate,
        path: path(index, "annualGrowthRate"),
        field: t.annualGrowthRate,
        kind: kinds.growth,
      }),
    );
    const dealValue = row++;
    driverRow(
      block,
      dealValue,
      t.averageDealValue.header,
      formulaCell(`=${NAMES.averageDealValue}`, o.averageDealValue, formats.currency),
      (index) => ({
        value: overrides(index).averageDealValue,
        path: path(index, "averageDealValue"),
        field: t.averageDealValue,
        kind: kinds.positiveMoney(true),
      }),
    );
    const stageRates = o.funnel.map((stage, stageIndex) => {
      const stageRow = row++;
      const field = t.conversionRate(stage.name);
      driverRow(
        block,
        stageRow,
        field.header,
        formulaCell(
          `=${bound.reference(`objectives.funnel[${stageIndex}].conversionRate`)}`,
          stage.conversionRate,
          formats.percent,
        ),
        (index) => ({
          value: overrides(index).conversionRates?.[stage.id],
          path: path(index, `conversionRates.${stage.id}`),
          field,
          kind: kinds.rate,
        }),
      );
      return stageRow;
    });
    const factorKind: InputKind = {
      type: "number",
      format: formats.general,
      style: "input",
      validation: {
        rule: {
          kind: "decimal",
          min: PLAN_LIMITS.fields.scenarioFactor.min,
          max: PLAN_LIMITS.fields.scenarioFactor.max,
        },
        errorMessage: t.factorValidation,
      },
    };
    const conversionFactor = row++;
    driverRow(
      block,
      conversionFactor,
      t.conversionFactor.header,
      valueCell(1, formats.general, "formula"),
      (index) => ({
        value: overrides(index).conversionFactor,
        path: path(index, "conversionFactor"),
        field: t.conversionFactor,
        kind: factorKind,
      }),
    );
    const capacityFactor = row++;
    driverRow(block, capacityFactor, t.capacityFactor.header, valueCell(1, formats.general, "formula"), (index) => ({
      value: overrides(index).capacityFactor,
      path: path(index, "capacityFactor"),
      field: t.capacityFactor,
      kind: factorKind,
    }));
    const utilization = row++;
    driverRow(block, utilization, t.utilization.header, undefined, (index) => ({
      value: overrides(index).utilization,
      path: path(index, "utilization"),
      field: t.utilization,
      kind: kinds.rate,
    }));
    const quotaAttainment = row++;
    driverRow(block, quotaAttainment, t.quotaAttainment.header, undefined, (index) => ({
      value: overrides(index).quotaAttainment,
      path: path(index, "quotaAttainment"),
      field: t.quotaAttainment,
      kind: kinds.rate,
    }));
    return {
      target,
      growth,
      dealValue,
      stageRates,
      conversionFactor,
      capacityFactor,
      utilization,
      quotaAttainment,
      lastRow: row - 1,
    };
  }

  function resultsBlock(block: BlockBuilder, top: number) {
    const rounding = plan.objectives.funnelRounding === "up";
    const roundUp = (expression: string) => (rounding ? excelRoundUp(expression) : expression);
    block.set({ row: top, column: LABEL_COLUMN }, headingCell(t.resultsSection));
    let row = top + 1;
    const dealsRow = row++;
    block.set({ row: dealsRow, column: LABEL_COLUMN }, labelCell(t.deals));
    const stageRows = plan.objectives.funnel.map((stage) => {
      const stageRow = row++;
      block.set({ row: stageRow, column: LABEL_COLUMN }, labelCell(t.stageVolume(stage.name)));
      return stageRow;
    });
    const topPerDayRow = row++;
    block.set({ row: topPerDayRow, column: LABEL_COLUMN }, labelCell(t.topPerDay));
    const roleRows = plan.organization.roles.map((role) => {
      const headcountRow = row++;
      const costRow = row++;
      block.set({ row: headcountRow, column: LABEL_COLUMN }, labelCell(t.headcount(role.title)));
      block.set({ row: costRow, column: LABEL_COLUMN }, labelCell(t.cost(role.title)));
      return { headcountRow, costRow };
    });
    const totalHeadcountRow = row++;
    const totalCostRow = row++;
    block.set({ row: totalHeadcountRow, column: LABEL_COLUMN }, labelCell(t.totalHeadcount));
    block.set({ row: totalCostRow, column: LABEL_COLUMN }, labelCell(t.totalCost));

    for (const column of columns) {
      const at = (r: number): CellPosition => ({ row: r, column: column.column });
      const cell = (r: number) => ref(at(r));
      const f = column.figures;
      const target = effective(column, drivers.target);
      const dealValue = effective(column, drivers.dealValue);
      block.set(at(dealsRow), formulaCell(`=${roundUp(`${target}/${dealValue}`)}`, f.deals, formats.whole));
      const factor = effective(column, drivers.conversionFactor);
      for (let index = stageRows.length - 1; index >= 0; index--) {
        const below = index === stageRows.length - 1 ? cell(dealsRow) : cell(stageRows[index + 1]!);
        const rate = effective(column, drivers.stageRates[index]!);
        block.set(
          at(stageRows[index]!),
          formulaCell(`=${roundUp(`${below}/(${rate}*${factor})`)}`, f.funnel[index]!.perYear, formats.whole),
        );
      }
      block.set(
        at(topPerDayRow),
        formulaCell(
          `=${roundUp(`${cell(stageRows[0]!)}/(12*${NAMES.workingDaysPerMonth})`)}`,
          f.funnel[0]!.perWorkingDay,
          formats.whole,
        ),
      );
      plan.organization.roles.forEach((role, roleIndex) => {
        const { headcountRow, costRow } = roleRows[roleIndex]!;
        block.set(
          at(headcountRow),
          formulaCell(
            `=${headcountFormula(role, roleIndex, column, target, (roleId) => {
              const supported = plan.organization.roles.findIndex((candidate) => candidate.id === roleId);
              return cell(roleRows[supported]!.headcountRow);
            })}`,
            f.roles[roleIndex]!.requiredHeadcount,
            formats.whole,
          ),
        );
        const pay = `(${bound.reference(`organization.roles[${roleIndex}].baseSalary`)}+${bound.reference(`organization.roles[${roleIndex}].variablePay`)})`;
        block.set(
          at(costRow),
          formulaCell(`=${cell(headcountRow)}*${pay}`, f.roles[roleIndex]!.annualCost, formats.currency),
        );
      });
      const sumOf = (key: "headcountRow" | "costRow") =>
        roleRows.length === 0 ? "0" : `SUM(${roleRows.map((rows) => cell(rows[key])).join(",")})`;
      block.set(at(totalHeadcountRow), formulaCell(`=${sumOf("headcountRow")}`, f.totalHeadcount, formats.whole));
      block.set(at(totalCostRow), formulaCell(`=${sumOf("costRow")}`, f.totalAnnualCost, formats.currency));
    }
    return { lastRow: row - 1, dealsRow, topRow: stageRows[0]!, totalHeadcountRow, totalCostRow, roleRows };
  }

  /** As calculatePlan: the larger of the workload and revenue headcounts, else the planned (or current) one. */
  function headcountFormula(
    role: Role,
    roleIndex: number,
    column: Column,
    target: string,
    headcountCellOf: (roleId: string) => string,
  ): string {
    const field = (name: string) => bound.reference(`organization.roles[${roleIndex}].${name}`);
    // An overlay role follows the headcount of the role it supports in the same scenario (src/plan/pipeline.ts).
    if (role.overlay !== undefined) {
      return overlayFormula(headcountCellOf(role.overlay.supportsRoleId), field("overlay.peoplePerOverlay"));
    }
    const candidates: string[] = [];
    const activity = role.activityId === undefined ? undefined : objectives.activities.get(role.activityId);
    if (activity && role.capacityPerPersonPerDay !== undefined) {
      const capacity = `(${field("capacityPerPersonPerDay")}*${effective(column, drivers.capacityFactor)})`;
      const utilization = roleDriver(column, drivers.utilization, field("utilization"));
      candidates.push(`ROUNDUP(${external(sheetNames.objectives, activity.day)}/(${capacity}*${utilization}),0)`);
    }
    if (role.quotaPerMonth !== undefined) {
      const attainment = roleDriver(column, drivers.quotaAttainment, field("quotaAttainment"));
      candidates.push(`ROUNDUP((${target}*${field("targetShare")})/((${field("quotaPerMonth")}*12)*${attainment}),0)`);
    }
    if (candidates.length === 0) {
      return `IF(${field("plannedHeadcount")}="",${field("currentHeadcount")},${field("plannedHeadcount")})`;
    }
    return candidates.length === 1 ? candidates[0]! : `MAX(${candidates.join(",")})`;
  }

  /** A role driver: the scenario's where typed, else the role's own (the base column always the role's). */
  function roleDriver(column: Column, row: number, roleCell: string): string {
    if (column.scenarioIndex === undefined) return roleCell;
    const own = ref({ row, column: column.column });
    return `IF(${own}="",${roleCell},${own})`;
  }

  /**
   * The sensitivity table, and below it its calculation steps: for each conversion factor, each stage's volume
   * (a row per stage, bottom-up from the deals), so each cell stays one short formula a reader can follow.
   */
  function sensitivityBlock(block: BlockBuilder, top: number): number {
    const grid = topOfFunnelSensitivity(plan);
    const rounding = plan.objectives.funnelRounding === "up";
    const roundUp = (expression: string) => (rounding ? excelRoundUp(expression) : expression);
    block.set({ row: top, column: LABEL_COLUMN }, headingCell(t.sensitivitySection));
    block.set({ row: top + 1, column: LABEL_COLUMN }, noteCell(t.sensitivityNote, SENSITIVITY_FACTORS.length));
    const headerRow = top + 2;
    block.set({ row: headerRow, column: LABEL_COLUMN }, headerCell(t.rateFactor));
    SENSITIVITY_FACTORS.forEach((factor, index) =>
      block.set({ row: headerRow, column: BASE_COLUMN + index }, valueCell(factor, "0.0", "tableHeader")),
    );
    const baseRef = (row: number) => ref({ row, column: BASE_COLUMN }, true);
    const lastRow = headerRow + SENSITIVITY_FACTORS.length;
    const stages = plan.objectives.funnel;
    const stepsTop = lastRow + 2;
    block.set({ row: stepsTop, column: LABEL_COLUMN }, headingCell(t.stepsSection));
    const dealsRow = stepsTop + 1;
    block.set({ row: dealsRow, column: LABEL_COLUMN }, labelCell(t.deals));
    const dealValues = SENSITIVITY_FACTORS.map((factor) => plan.objectives.averageDealValue * factor);
    SENSITIVITY_FACTORS.forEach((_, columnIndex) => {
      const column = BASE_COLUMN + columnIndex;
      const columnFactor = `${columnLetters(column)}$${headerRow + 1}`;
      const deals = dealsNeeded(
        plan.objectives.annualRevenueTarget,
        dealValues[columnIndex]!,
        plan.objectives.funnelRounding,
      );
      block.set(
        { row: dealsRow, column },
        formulaCell(
          `=${roundUp(`${baseRef(drivers.target)}/(${baseRef(drivers.dealValue)}*${columnFactor})`)}`,
          deals,
          formats.whole,
        ),
      );
    });
    SENSITIVITY_FACTORS.forEach((rateFactor, rowIndex) => {
      const row = headerRow + 1 + rowIndex;
      block.set({ row, column: LABEL_COLUMN }, valueCell(rateFactor, "0.0", "label"));
      // Steps of this factor: the last stage first, each dividing the volume below it.
      const firstStepRow = dealsRow + 1 + rowIndex * stages.length;
      const stepRow = (stage: number) => firstStepRow + (stages.length - 1 - stage);
      const factorCell = ref({ row, column: LABEL_COLUMN }, true);
      SENSITIVITY_FACTORS.forEach((_, columnIndex) => {
        const column = BASE_COLUMN + columnIndex;
        const deals = dealsNeeded(
          plan.objectives.annualRevenueTarget,
          dealValues[columnIndex]!,
          plan.objectives.funnelRounding,
        );
        const volumes = reverseFunnel(
          deals,
          stages.map((stage) => Math.min(1, stage.conversionRate * rateFactor)),
          plan.objectives.funnelRounding,
        );
        for (let stage = stages.length - 1; stage >= 0; stage--) {
          const below = ref({ row: stage === stages.length - 1 ? dealsRow : stepRow(stage + 1), column });
          block.set(
            { row: stepRow(stage), column },
            formulaCell(
              `=${roundUp(`${below}/MIN(1,${baseRef(drivers.stageRates[stage]!)}*${factorCell})`)}`,
              volumes[stage]!,
              formats.whole,
            ),
          );
        }
        block.set(
          { row, column },
          formulaCell(`=${ref({ row: stepRow(0), column })}`, grid[rowIndex]![columnIndex]!, formats.whole),
        );
      });
      for (let stage = stages.length - 1; stage >= 0; stage--) {
        block.set({ row: stepRow(stage), column: LABEL_COLUMN }, labelCell(t.step(rateFactor, stages[stage]!.name)));
      }
    });
    const range = {
      start: { row: headerRow + 1, column: BASE_COLUMN },
      end: { row: lastRow, column: BASE_COLUMN + SENSITIVITY_FACTORS.length - 1 },
    };
    const first = ref(range.start);
    const baseTop = ref({ row: results.topRow, column: BASE_COLUMN }, true);
    sheet.highlight(range, `=${first}<${baseTop}`, { fill: GOOD_FILL, fontColor: GOOD_FONT });
    sheet.highlight(range, `=${first}>${baseTop}`, { fill: ALERT_FILL, fontColor: ALERT_FONT });
    return dealsRow + SENSITIVITY_FACTORS.length * stages.length;
  }

  function scenarioCharts(headcountRow: number, costRow: number, top: number): void {
    const categories = {
      range: rowRange(FIRST_ROW - 1, BASE_COLUMN, lastColumn),
      labels: all.map((entry) => entry.name),
    };
    const chart = (id: string, title: string, row: number, values: number[], format: string, at: number) =>
      sheet.chart({
        id,
        kind: "column",
        title,
        anchor: chartAnchor({ row: top, column: at }, 16, 3),
        categories,
        series: [{ name: title, range: rowRange(row, BASE_COLUMN, lastColumn), values, color: paletteColor(0) }],
        requires: "ExcelApi 1.7",
        legend: "none",
        categoryAxis: {},
        valueAxis: { min: 0, numberFormat: format },
      });
    chart(
      "scenarioHeadcount",
      t.headcountChart,
      headcountRow,
      all.map((entry) => entry.figures.totalHeadcount),
      formats.whole,
      0,
    );
    chart(
      "scenarioCost",
      t.costChart,
      costRow,
      all.map((entry) => entry.figures.totalAnnualCost),
      formats.currency,
      1 + 2,
    );
  }

  function recordBlock(block: BlockBuilder, top: number, rows: ReturnType<typeof resultsBlock>): void {
    const record = planOfRecordOf(plan);
    if (record === undefined) return;
    block.set({ row: top, column: LABEL_COLUMN }, headingCell(t.recordSection(record.label, record.approvedOn)));
    const headerRow = top + 1;
    [t.figure, t.approved, t.working, t.variance].forEach((label, index) =>
      block.set({ row: headerRow, column: index }, headerCell(label)),
    );
    // The approved figures are frozen as values; the working ones are the base column's formulas.
    const approvedFigures = calculatePlan(record.plan);
    const working = columns[0]!.figures;
    const entries: { label: string; row: number; was: number; is: number; format: string }[] = [
      { label: t.deals, row: rows.dealsRow, was: approvedFigures.deals, is: working.deals, format: formats.whole },
      {
        label: t.stageVolume(plan.objectives.funnel[0]!.name),
        row: rows.topRow,
        was: approvedFigures.topOfFunnelVolume,
        is: working.topOfFunnelVolume,
        format: formats.whole,
      },
      {
        label: t.totalHeadcount,
        row: rows.totalHeadcountRow,
        was: approvedFigures.totalHeadcount,
        is: working.totalHeadcount,
        format: formats.whole,
      },
      {
        label: t.totalCost,
        row: rows.totalCostRow,
        was: approvedFigures.totalAnnualCost,
        is: working.totalAnnualCost,
        format: formats.currency,
      },
    ];
    entries.forEach((entry, index) => {
      const row = headerRow + 1 + index;
      block.set({ row, column: 0 }, labelCell(entry.label));
      block.set({ row, column: 1 }, valueCell(entry.was, entry.format));
      block.set(
        { row, column: 2 },
        formulaCell(`=${ref({ row: entry.row, column: BASE_COLUMN })}`, entry.is, entry.format),
      );
      block.set(
        { row, column: 3 },
        formulaCell(
          `=${ref({ row, column: 2 })}-${ref({ row, column: 1 })}`,
          toExcelPrecision(entry.is - entry.was),
          entry.format,
        ),
      );
    });
  }
}
