/**
 * The cover sheet: the plan's identity and calendar (inputs), the key figures read from the workbook's defined names,
 * a link to every step's sheet, the generation date and the plan schema version; for plans with quota-carrying roles, the
 * revenue target against quota capacity by quarter, as a table and a chart (charts/cover.ts).
 */
import { toExcelSerial } from "../../plan/calendar";
import { SCHEMA_VERSION } from "../../plan/schema";
import { targetAndCapacityChart } from "../charts/cover";
import { placeInput } from "../inputs";
import {
  formulaCell,
  headerCell,
  headingCell,
  labelCell,
  noteCell,
  SheetBuilder,
  subtitleCell,
  titleCell,
  valueCell,
} from "../sheet-builder";
import { SHEET_KEYS } from "../spec";
import { TAB_COLORS } from "../styles";
import { definedName, external, NAMES, type LayoutContext, type OrganizationCells, type SheetLayout } from "./context";

export function coverSheet(context: LayoutContext, generatedOn: string, organization: OrganizationCells): SheetLayout {
  const { plan, figures, text, formats, kinds, sheetNames } = context;
  const t = text.cover;
  const sheet = new SheetBuilder("plan", sheetNames.plan, TAB_COLORS.plan);
  sheet.width(0, 38);
  sheet.width(1, 46);
  sheet.width(2, 70);

  const header = sheet.block("title");
  header.set({ row: 0, column: 0 }, { ...titleCell(text.sheetTitles.plan), mergeAcross: 2 });
  header.set({ row: 1, column: 0 }, subtitleCell(text.inputNote));

  const identity = sheet.block("plan");
  identity.set({ row: 3, column: 0 }, headingCell(t.planSection, 2));
  const meta = plan.meta;
  const rows = [
    { field: t.planName, path: "meta.planName", value: meta.planName, kind: kinds.text(120) },
    { field: t.company, path: "meta.company", value: meta.company, kind: kinds.text(120) },
    { field: t.currency, path: "meta.currency", value: meta.currency, kind: kinds.text(3) },
    {
      field: t.locale,
      path: "meta.locale",
      value: text.localeNames[meta.locale],
      kind: kinds.choice(text.localeNames),
    },
    { field: t.startMonth, path: "meta.startMonth", value: meta.startMonth, kind: kinds.text(7) },
    { field: t.horizonMonths, path: "meta.horizonMonths", value: meta.horizonMonths, kind: kinds.horizon },
    {
      field: t.fiscalYearStartMonth,
      path: "meta.fiscalYearStartMonth",
      value: meta.fiscalYearStartMonth,
      kind: kinds.fiscalStart,
    },
  ];
  const positions = rows.map((entry, index) => {
    const row = 4 + index;
    identity.set({ row, column: 0 }, labelCell(entry.field.header));
    return placeInput(sheet, identity, { row, column: 1 }, entry.value, entry.path, entry.field, entry.kind);
  });
  const horizonCell = positions[5]!;
  const fiscalStartCell = positions[6]!;

  const keyFigures = sheet.block("keyFigures");
  keyFigures.set({ row: 12, column: 0 }, headingCell(t.keyFiguresSection, 2));
  const figureRows = [
    { label: t.revenueTarget, name: NAMES.revenueTarget, result: figures.revenueTarget, format: formats.currency },
    { label: t.dealsNeeded, name: NAMES.dealsNeeded, result: figures.deals, format: formats.whole },
    {
      label: t.topOfFunnelVolume,
      name: NAMES.topOfFunnelVolume,
      result: figures.topOfFunnelVolume,
      format: formats.whole,
    },
    { label: t.totalHeadcount, name: NAMES.totalHeadcount, result: figures.totalHeadcount, format: formats.whole },
    {
      label: t.totalAnnualCost,
      name: NAMES.totalAnnualCost,
      result: figures.totalAnnualCost,
      format: formats.currency,
    },
  ];
  figureRows.forEach((entry, index) => {
    const row = 13 + index;
    keyFigures.set({ row, column: 0 }, labelCell(entry.label));
    keyFigures.set({ row, column: 1 }, formulaCell(`=${entry.name}`, entry.result, entry.format, "keyFigure"));
  });

  const contents = sheet.block("contents");
  contents.set({ row: 19, column: 0 }, headingCell(t.contentsSection, 2));
  contents.set({ row: 20, column: 0 }, headerCell(t.sheet));
  contents.set({ row: 20, column: 1 }, { ...headerCell(t.holds), mergeAcross: 1 });
  const listed = SHEET_KEYS.filter((key) => key !== "plan");
  // The blocks below the contents move down by as many rows as the contents list holds beyond the seven steps.
  const below = Math.max(0, listed.length - 7);
  listed.forEach((key, index) => {
    const row = 21 + index;
    contents.set(
      { row, column: 0 },
      { value: sheetNames[key], style: "link", link: { sheet: sheetNames[key], cell: "A1" } },
    );
    contents.set({ row, column: 1 }, { value: text.sheetDescriptions[key], style: "text", mergeAcross: 1 });
  });

  const about = sheet.block("about");
  about.set({ row: 29 + below, column: 0 }, headingCell(t.aboutSection, 2));
  about.set({ row: 30 + below, column: 0 }, labelCell(t.generatedOn));
  about.set({ row: 30 + below, column: 1 }, valueCell(toExcelSerial(generatedOn), formats.date));
  about.set({ row: 31 + below, column: 0 }, labelCell(t.schemaVersion));
  about.set({ row: 31 + below, column: 1 }, valueCell(SCHEMA_VERSION, formats.whole));
  about.set({ row: 32 + below, column: 0 }, noteCell(text.structureNote));

  // Target against quota capacity by quarter (read from the organization sheet) and its chart; only a plan with a
  // quota-carrying role has a capacity to show.
  const quarterly = organization.quarterlyCapacity;
  if (quarterly) {
    const c = text.charts;
    const summary = sheet.block("targetAndCapacity");
    summary.set({ row: 34 + below, column: 0 }, headingCell(c.coverSection, 2));
    summary.set({ row: 35 + below, column: 0 }, headerCell(c.quarter));
    summary.set({ row: 35 + below, column: 1 }, headerCell(c.targetSeries));
    summary.set({ row: 35 + below, column: 2 }, headerCell(c.capacitySeries));
    const firstRow = 36 + below;
    figures.quarters.forEach((quarter, q) => {
      const row = firstRow + q;
      summary.set({ row, column: 0 }, valueCell(quarter.label));
      summary.set(
        { row, column: 1 },
        formulaCell(
          `=${external(sheetNames.organization, quarterly.target[q]!)}`,
          figures.revenueTargetByQuarter[q]!,
          formats.currency,
        ),
      );
      summary.set(
        { row, column: 2 },
        formulaCell(
          `=${external(sheetNames.organization, quarterly.capacity[q]!)}`,
          figures.capacityByQuarter![q]!,
          formats.currency,
        ),
      );
    });
    sheet.chart(
      targetAndCapacityChart(context, {
        firstRow,
        lastRow: firstRow + figures.quarters.length - 1,
        labelColumn: 0,
        targetColumn: 1,
        capacityColumn: 2,
      }),
    );
  }

  sheet.freeze(2, 0);
  sheet.printing("portrait");
  return {
    sheet: sheet.build(),
    names: [
      definedName(NAMES.fiscalYearStartMonth, sheetNames.plan, fiscalStartCell, meta.fiscalYearStartMonth),
      definedName(NAMES.horizonMonths, sheetNames.plan, horizonCell, meta.horizonMonths),
    ],
  };
}
