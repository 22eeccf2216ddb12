/**
 * The kinds of input a sheet holds (a rate, an amount, a whole count, a choice, a text…): for each, how the cell binds
 * back to the plan, its number format and style, and the data validation whose message names the accepted range.
 * The ranges are the plan's own (`PLAN_LIMITS.fields`, src/plan/bounds.ts), which the schema checks too.
 */

import { PLAN_LIMITS, type FieldRange } from "../plan/bounds";
import { toExcelSerial } from "../plan/calendar";
import type { NumberFormats } from "./formats";
import type { FieldText, LayoutText } from "./i18n";
import { inputCell, type BlockBuilder, type SheetBuilder } from "./sheet-builder";
import type { BindType, CellBinding, DataValidationSpec, StyleName } from "./spec";
import type { CellPosition } from "./address";

const RANGE = PLAN_LIMITS.fields;

export interface InputKind {
  readonly type: BindType;
  readonly options?: Readonly<Record<string, string>>;
  readonly optional?: boolean;
  readonly format?: string;
  readonly style: StyleName;
  readonly validation?: { readonly rule: DataValidationSpec["rule"]; readonly errorMessage: string };
}

export type InputKinds = ReturnType<typeof inputKinds>;

/**
 * Excel keeps a literal validation list in one formula of at most 255 characters, separated by commas, so labels with
 * commas or quotes, or long lists (a plan with a hundred activities), cannot be offered as a dropdown. Such cells get no
 * list validation; reading back still checks their value against the options and names the cell when it is unknown.
 */
export function fitsLiteralList(values: readonly string[]): boolean {
  return values.length > 0 && values.every((value) => !/[,"]/.test(value)) && values.join(",").length <= 255;
}

/** The input kinds in a plan's language and currency. */
export function inputKinds(text: LayoutText, formats: NumberFormats) {
  const v = text.validation;
  const number = (
    format: string,
    rule: DataValidationSpec["rule"],
    errorMessage: string,
    optional = false,
  ): InputKind => ({
    type: "number",
    format,
    style: "input",
    validation: { rule, errorMessage },
    ...(optional ? { optional } : {}),
  });
  /** A decimal (or whole) validation offering exactly the plan field's range. */
  const decimal = (range: FieldRange): DataValidationSpec["rule"] => ({
    kind: "decimal",
    min: range.min,
    max: range.max,
  });
  const whole = (range: FieldRange): DataValidationSpec["rule"] => ({ kind: "whole", min: range.min, max: range.max });
  return {
    /** Conversion, win rate, utilization, attainment, target share. */
    rate: number(formats.percent, decimal(RANGE.rate), v.rate),
    /** Annual attrition: from 0 % to 99.9999999999999 % (PLAN_LIMITS.fields.attritionRate). */
    attrition: number(formats.percent, decimal(RANGE.attritionRate), v.attrition),
    growth: number(formats.percent, decimal(RANGE.annualGrowthRate), v.growth),
    money: number(formats.currency, decimal(RANGE.amount), v.money),
    positiveMoney: (optional = false) =>
      number(formats.currency, decimal(RANGE.positiveAmount), v.positiveMoney, optional),
    wholeCount: (optional = false) => number(formats.whole, whole(RANGE.headcount), v.wholeCount, optional),
    horizon: number(formats.whole, whole(RANGE.horizonMonths), v.horizon),
    fiscalStart: number(formats.whole, whole(RANGE.fiscalYearStartMonth), v.fiscalStart),
    workingDays: number(formats.general, decimal(PLAN_LIMITS.workingDaysPerMonth), v.workingDays),
    leadTime: number(formats.whole, whole(RANGE.hiringLeadTimeMonths), v.leadTime),
    /**
     * Ramp in months. The plan also refuses a ramp between 0 and 0.000001 months, which a single data validation
     * cannot express; the message states it and reading back names the cell.
     */
    rampMonths: number(formats.general, decimal(RANGE.rampMonths), v.ramp, true),
    /** Capacity per person per working day. */
    positive: (optional = false) =>
      number(formats.general, decimal(RANGE.capacityPerPersonPerDay), v.positive, optional),
    quantity: number(formats.general, decimal(RANGE.activityQuantity), v.quantity),
    hours: number(formats.general, decimal(RANGE.slaMaxHours), v.hours),
    weight: number(formats.general, decimal(RANGE.seasonalityWeight), v.weight),
    fixedTarget: number(formats.general, decimal(RANGE.kpiFixedTarget), v.fixedTarget, true),
    /** Short text that must stay text (ids, names, `2027-01`). */
    text: (max: number, optional = false): InputKind => ({
      type: "text",
      format: formats.text,
      style: "inputText",
      validation: { rule: { kind: "textLength", max }, errorMessage: v.textLength(max) },
      ...(optional ? { optional } : {}),
    }),
    /** One item per line in the cell. */
    textList: { type: "textList", format: formats.text, style: "inputText" } as InputKind,
    choice: (options: Readonly<Record<string, string>>, optional = false): InputKind => ({
      type: "enum",
      options,
      style: "input",
      ...(fitsLiteralList(Object.values(options))
        ? { validation: { rule: { kind: "list", values: Object.values(options) }, errorMessage: v.list } }
        : {}),
      ...(optional ? { optional } : {}),
    }),
    date: {
      type: "date",
      format: formats.date,
      style: "input",
      validation: {
        rule: { kind: "date", min: toExcelSerial(PLAN_LIMITS.dates.min), max: toExcelSerial(PLAN_LIMITS.dates.max) },
        errorMessage: v.date,
      },
    } as InputKind,
    boolean: { type: "boolean", style: "input" } as InputKind,
  };
}

/** The cell binding of an input of `kind` for the plan field at `path`. */
export function cellBinding(path: string, field: FieldText, kind: InputKind): CellBinding {
  return {
    path,
    type: kind.type,
    ...(kind.options ? { options: { ...kind.options } } : {}),
    ...(kind.optional ? { optional: true } : {}),
    label: field.subject,
  };
}

/** The table-column binding of an input of `kind` for the item field `field`. */
export function columnBinding(fieldPath: string, field: FieldText, kind: InputKind) {
  return {
    field: fieldPath,
    type: kind.type,
    ...(kind.options ? { options: { ...kind.options } } : {}),
    ...(kind.optional ? { optional: true } : {}),
    label: field.subject,
  };
}

/** The parts of a table column that an input kind decides. */
export function inputColumn(fieldPath: string, field: FieldText, kind: InputKind) {
  return {
    header: field.header,
    style: kind.style,
    ...(kind.format ? { format: kind.format } : {}),
    binding: columnBinding(fieldPath, field, kind),
    ...(kind.validation ? { validation: kind.validation } : {}),
  };
}

/** Places a bound input cell and its validation. */
export function placeInput(
  sheet: SheetBuilder,
  block: BlockBuilder,
  position: CellPosition,
  value: string | number | boolean | undefined,
  path: string,
  field: FieldText,
  kind: InputKind,
  mergeAcross?: number,
): CellPosition {
  block.set(position, {
    ...inputCell(value, cellBinding(path, field, kind), kind.format, kind.style),
    ...(mergeAcross ? { mergeAcross } : {}),
  });
  if (kind.validation)
    sheet.validate({ start: position, end: position }, kind.validation.rule, kind.validation.errorMessage);
  return position;
}

/**
 * Choice labels for references to other items (a KPI's funnel stage, a role's activity): the item's name, with its id
 * added where two items share a name, so every label maps back to exactly one id.
 */
export function referenceOptions(items: readonly { id: string; name: string }[]): Record<string, string> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.name, (counts.get(item.name) ?? 0) + 1);
  const used = new Set<string>();
  const entries = items.map((item): [string, string] => {
    let label = counts.get(item.name)! > 1 || used.has(item.name) ? `${item.name} (${item.id})` : item.name;
    if (used.has(label)) label = item.id;
    used.add(label);
    return [item.id, label];
  });
  // fromEntries defines own properties, so an id such as "__proto__" stays an ordinary key.
  return Object.fromEntries(entries);
}
