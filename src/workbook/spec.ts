/**
 * The WorkbookSpec: one declarative, JSON-serializable description of the generated workbook, between the plan and
 * every writer (the Office.js writer in src/excel, the .xlsx writer, the SVG chart renderer, the tests).
 *
 *   plan → calculatePlan → layoutWorkbook → WorkbookSpec → writer
 *
 * Conventions that every producer and consumer of a spec follows:
 * - Addresses are A1 style without sheet (`B5`, `B5:H12`); formulas are en-US syntax (comma separators, English
 *   function names), start with `=`, use A1 references (no structured references: not every engine supports them),
 *   and never call PLAN.* functions, so the workbook calculates without the add-in.
 * - A formula cell carries `result`: the value the plan core predicts for it. Tests compare it with a formula engine;
 *   the .xlsx writer stores it as the cached value; the SVG renderer draws it.
 * - `value` strings are always literal text: writers pass them through `literalText` (src/workbook/text.ts) so user
 *   text never becomes a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first) or a number, date or boolean.
 * - Dates are Excel serial numbers (days since 1899-12-30, UTC) with a date number format.
 * - Cells that hold plan inputs carry a `bind` (the plan field they read back into); list tables carry a
 *   `TableBinding`. Reading back is generic: it needs only the spec and the cell values.
 */
import { z } from "zod";
import { LOCALES } from "../plan/schema";
import { cellAddress as formatCellAddress, offset, parseCellAddress, sheetReference } from "./address";

export const SPEC_VERSION = 1;

/** `A1`, `$B$5`, `XFD1048576`. */
const cellAddress = z.string().regex(/^\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6}$/, "must be an A1 cell address");
/** `A1` or `A1:C9`. */
const rangeAddress = z
  .string()
  .regex(/^\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6}(:\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6})?$/, "must be an A1 range address");
const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, "must be a #RRGGBB colour");
/**
 * A number a writer writes (cell values and results, names' results, chart caches). Finiteness is checked once for
 * the whole spec (`workbookSpecSchema`), so a refusal names the sheet and the cell rather than a path in the spec.
 */
const writtenNumber = z.custom<number>((value) => typeof value === "number", "must be a number");

// ---------------------------------------------------------------------------------------------------------------
// Styles: named once per workbook, referenced by cells, so inputs look different from formulas everywhere.
// ---------------------------------------------------------------------------------------------------------------

export const STYLE_NAMES = [
  "title",
  "subtitle",
  "sectionHeading",
  "label",
  "text",
  "longText",
  "input",
  "inputText",
  "formula",
  "keyFigure",
  "tableHeader",
  "note",
  "link",
] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

export const cellStyleSchema = z.strictObject({
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  fontSize: z.number().positive().optional(),
  fontColor: colour.optional(),
  fill: colour.optional(),
  horizontalAlignment: z.enum(["left", "center", "right"]).optional(),
  verticalAlignment: z.enum(["top", "center", "bottom"]).optional(),
  wrapText: z.boolean().optional(),
  /** A thin border around the cell. */
  border: colour.optional(),
  underline: z.boolean().optional(),
});
export type CellStyle = z.infer<typeof cellStyleSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Cells and blocks
// ---------------------------------------------------------------------------------------------------------------

/** How a bound cell's value maps to its plan field. */
export const BIND_TYPES = ["number", "text", "date", "boolean", "enum", "textList"] as const;
export type BindType = (typeof BIND_TYPES)[number];

export const cellBindingSchema = z.strictObject({
  /** Plan path with dots and brackets: `objectives.annualRevenueTarget`, `mission.differentiators`. */
  path: z.string().min(1),
  /**
   * `number`; `text`; `date` (serial ↔ YYYY-MM-DD); `boolean`; `enum` (the cell shows a localized label, see
   * `options`); `textList` (one item per line in the cell).
   */
  type: z.enum(BIND_TYPES),
  /** For `enum`: plan value → label shown in the cell (and offered by the cell's list validation). */
  options: z.record(z.string(), z.string()).optional(),
  /** True when an empty cell means "absent" (an optional plan field) rather than 0 or "". */
  optional: z.boolean().optional(),
  /** How read-back messages name the field, in the sheet's language: `the conversion rate`. */
  label: z.string().optional(),
});
export type CellBinding = z.infer<typeof cellBindingSchema>;

export const cellSpecSchema = z
  .strictObject({
    /** A constant: number, literal text (never a formula), boolean. */
    value: z.union([writtenNumber, z.string(), z.boolean()]).optional(),
    /** A native en-US Excel formula starting with `=`. */
    formula: z.string().startsWith("=").optional(),
    /** The plan core's prediction of the formula's result. Required with `formula`. */
    result: z.union([writtenNumber, z.string(), z.boolean()]).optional(),
    /** Excel number format code, e.g. `#,##0 [$€-fr-FR]`, `0.0%`, `yyyy-mm-dd`. */
    format: z.string().optional(),
    style: z.enum(STYLE_NAMES).optional(),
    /** The plan field this input cell reads back into. */
    bind: cellBindingSchema.optional(),
    /** An internal link (to a sheet's cell) or an external http(s) URL. */
    link: z
      .union([
        z.strictObject({ sheet: z.string(), cell: cellAddress }),
        z.strictObject({ url: z.string().regex(/^https?:\/\//) }),
      ])
      .optional(),
    /** Merge this cell with the next `mergeAcross` cells of its row (a title across the page). */
    mergeAcross: z.number().int().positive().optional(),
  })
  .refine(
    (cell) => !(cell.value !== undefined && cell.formula !== undefined),
    "a cell holds a value or a formula, not both",
  )
  .refine(
    (cell) => cell.formula === undefined || cell.result !== undefined,
    "a formula cell needs its predicted result",
  );
export type CellSpec = z.infer<typeof cellSpecSchema>;

/** A rectangle of cells written in one operation; `null` leaves a cell empty. */
export const cellBlockSchema = z.strictObject({
  /** What the block is, for readers and messages: `inputs`, `funnel`, `roles`… Unique within its sheet. */
  id: z.string().min(1),
  /** Top-left cell. */
  anchor: cellAddress,
  rows: z.array(z.array(cellSpecSchema.nullable())),
});
export type CellBlock = z.infer<typeof cellBlockSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Tables, names, validation, conditional formats, layout, printing
// ---------------------------------------------------------------------------------------------------------------

/** Maps the rows of a table to a list of the plan (roles, funnel stages, personas…). */
export const tableBindingSchema = z.strictObject({
  /** Plan path of the list: `organization.roles`. */
  list: z.string().min(1),
  /**
   * Table column index (0-based, within the table) → item field, with the same types as cell bindings. A field is a
   * path inside the item: `title`, `target.kind`.
   */
  columns: z.array(
    z.strictObject({
      column: z.number().int().nonnegative(),
      field: z.string().min(1),
      type: z.enum(BIND_TYPES),
      options: z.record(z.string(), z.string()).optional(),
      optional: z.boolean().optional(),
      /** How read-back messages name the field, in the sheet's language: `the conversion rate`. */
      label: z.string().optional(),
    }),
  ),
  /**
   * The item field holding its id (`id`); a row the user added without one gets an id made from its name, unique in
   * the list.
   */
  idField: z.string().optional(),
  /** The item field a new row's id is made from (`name`, `title`); default: the first text column. */
  nameField: z.string().optional(),
  /** How read-back messages name the list, in the sheet's language: `the funnel stages`. */
  label: z.string().optional(),
  /**
   * Fields of each item that reading back keeps from the current plan, matched by id, when the row leaves them absent
   * (the table does not show them, or shows them only in one form: a role's ramp vector, whose column holds months).
   */
  keepFields: z.array(z.string()).optional(),
});
export type TableBinding = z.infer<typeof tableBindingSchema>;

export const tableSpecSchema = z.strictObject({
  /** Workbook-unique Excel table name: letters, digits, underscores, starting with a letter. */
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,254}$/),
  /** The header row and the data rows. The header cells must be written by a block. */
  range: rangeAddress,
  style: z.string().default("TableStyleMedium2"),
  showBandedRows: z.boolean().default(true),
  binding: tableBindingSchema.optional(),
});
export type TableSpec = z.infer<typeof tableSpecSchema>;

export const definedNameSchema = z.strictObject({
  /** Workbook-scoped name: `RevenueTarget`. */
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]{0,254}$/),
  /** `='2 Objectives'!$C$5`. */
  refersTo: z.string().startsWith("="),
  /** What the plan core predicts the name evaluates to. */
  result: z.union([writtenNumber, z.string()]),
  comment: z.string().optional(),
});
export type DefinedNameSpec = z.infer<typeof definedNameSchema>;

export const dataValidationSchema = z.strictObject({
  range: rangeAddress,
  rule: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("decimal"), min: z.number().optional(), max: z.number().optional() }),
    z.strictObject({ kind: z.literal("whole"), min: z.number().optional(), max: z.number().optional() }),
    z.strictObject({
      kind: z.literal("list"),
      // Excel keeps a literal list in one formula of at most 255 characters, separated by commas.
      values: z
        .array(z.string().regex(/^[^,"]*$/, "list values cannot contain commas or quotes"))
        .min(1)
        .refine((values) => values.join(",").length <= 255, "a literal list holds at most 255 characters"),
    }),
    z.strictObject({ kind: z.literal("date"), min: z.number().optional(), max: z.number().optional() }),
    z.strictObject({ kind: z.literal("textLength"), max: z.number().int().positive() }),
  ]),
  /** Shown when the user types something the rule refuses (names the accepted range). */
  errorMessage: z.string(),
  prompt: z.string().optional(),
});
export type DataValidationSpec = z.infer<typeof dataValidationSchema>;

export const conditionalFormatSchema = z.strictObject({
  range: rangeAddress,
  /** A formula relative to the range's top-left cell, true where the format applies: `=C12<D12`. */
  formula: z.string().startsWith("="),
  style: z.strictObject({ fill: colour.optional(), fontColor: colour.optional(), bold: z.boolean().optional() }),
});
export type ConditionalFormatSpec = z.infer<typeof conditionalFormatSchema>;

export const printSpecSchema = z.strictObject({
  area: rangeAddress,
  orientation: z.enum(["portrait", "landscape"]),
  /** Fit all columns on one page width (any number of pages tall). */
  fitToWidth: z.boolean(),
  /** Rows repeated at the top of each printed page: `1:4`. */
  repeatRows: z
    .string()
    .regex(/^\d+:\d+$/)
    .optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Charts (the charts issue fills them in; writers and the SVG renderer consume them)
// ---------------------------------------------------------------------------------------------------------------

export const CHART_KINDS = ["gantt", "funnel", "bar", "column", "stackedColumn", "line", "columnLine"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export const chartSeriesSchema = z.strictObject({
  name: z.string(),
  /** Values range on the chart's sheet: `D5:D12`. */
  range: rangeAddress,
  /** Cached values (the plan core's predictions), one per category. */
  values: z.array(writtenNumber),
  /** For combination charts: how this series is drawn. */
  drawAs: z.enum(["bar", "column", "line"]).optional(),
  color: colour.optional(),
  /** Drawn with no fill and no line (the Gantt's start-date series). */
  invisible: z.boolean().optional(),
  /** One colour per point (Gantt bars coloured by category). */
  pointColors: z.array(colour).optional(),
});
export type ChartSeriesSpec = z.infer<typeof chartSeriesSchema>;

export const chartSpecSchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(CHART_KINDS),
  title: z.string(),
  /** Where the chart sits: from the top-left cell to the bottom-right cell. */
  anchor: z.strictObject({ from: cellAddress, to: cellAddress }),
  /** Category labels range and cached labels. */
  categories: z.strictObject({ range: rangeAddress, labels: z.array(z.string()) }),
  series: z.array(chartSeriesSchema).min(1),
  /** Requirement set the native drawing needs, e.g. `ExcelApi 1.9` for the Funnel chart type. */
  requires: z.string().regex(/^ExcelApi 1\.\d+$/),
  /** What to draw when the host lacks `requires` (documented per chart), never an error. */
  fallbackKind: z.enum(CHART_KINDS).optional(),
  legend: z.enum(["none", "bottom", "right", "top"]),
  categoryAxis: z.strictObject({ reversed: z.boolean().optional(), title: z.string().optional() }).default({}),
  valueAxis: z
    .strictObject({
      min: z.number().optional(),
      max: z.number().optional(),
      majorUnit: z.number().positive().optional(),
      numberFormat: z.string().optional(),
      title: z.string().optional(),
      /** Values (e.g. quarter-start date serials) where gridlines and labels belong, for renderers that can place them. */
      gridlineValues: z.array(z.number()).optional(),
      /** Labels at `gridlineValues` (e.g. `FY2027 Q1`). */
      gridlineLabels: z.array(z.string()).optional(),
    })
    .default({}),
  /** Indices of categories drawn as milestones (Gantt). */
  milestones: z.array(z.number().int().nonnegative()).optional(),
  /**
   * What the point colours mean (the Gantt's initiative categories), for renderers that draw a key. Excel's legend
   * lists series, not point colours, so the layout also writes this key as cells next to the chart.
   */
  colorKey: z.array(z.strictObject({ label: z.string(), color: colour })).optional(),
});
export type ChartSpec = z.infer<typeof chartSpecSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Sheets and the workbook
// ---------------------------------------------------------------------------------------------------------------

export const SHEET_KEYS = [
  "plan",
  "mission",
  "objectives",
  "organization",
  "audience",
  "methodology",
  "execution",
  "kpis",
  "tracking",
  "scenarios",
  "deals",
  "activities",
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export const sheetSpecSchema = z.strictObject({
  /** Stable identity of the generated sheet, stored in its tag: survives renames and language changes. */
  key: z.enum(SHEET_KEYS),
  /** Localized tab name, e.g. `2 Objectives` / `2 Objectifs` (at most 31 characters, no []:*?/\). */
  name: z
    .string()
    .min(1)
    .max(31)
    .regex(/^[^[\]:*?/\\]+$/),
  tabColor: colour.optional(),
  /** Column widths in characters of the default font (Excel's own unit), by 0-based column index. */
  columnWidths: z.array(z.strictObject({ column: z.number().int().nonnegative(), width: z.number().positive() })),
  blocks: z.array(cellBlockSchema),
  tables: z.array(tableSpecSchema).default([]),
  validations: z.array(dataValidationSchema).default([]),
  conditionalFormats: z.array(conditionalFormatSchema).default([]),
  /** Frozen rows and columns (top and left). */
  freeze: z.strictObject({ rows: z.number().int().nonnegative(), columns: z.number().int().nonnegative() }).optional(),
  print: printSpecSchema,
  charts: z.array(chartSpecSchema).default([]),
});
export type SheetSpec = z.infer<typeof sheetSpecSchema>;

const workbookSpecShape = z.strictObject({
  specVersion: z.literal(SPEC_VERSION),
  locale: z.enum(LOCALES),
  /** The plan's schema version and the generation date (`YYYY-MM-DD`), shown on the cover sheet. */
  schemaVersion: z.number().int().positive(),
  generatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Currency of every money cell. */
  currency: z.string().length(3),
  styles: z.record(z.enum(STYLE_NAMES), cellStyleSchema),
  sheets: z.array(sheetSpecSchema).min(1),
  names: z.array(definedNameSchema),
  /** The plan as stored in the workbook (JSON text of the validated plan). */
  planJson: z.string(),
});

/**
 * Every number a writer would put in the file: cell values and predicted results, defined names' results, chart
 * caches and axis bounds. Each is named by where it goes (`'4 Organization'!F12 result`), so a refusal says where.
 */
function* numbersOf(spec: z.input<typeof workbookSpecShape>): Generator<{ where: string; value: number }> {
  for (const sheet of spec.sheets) {
    for (const block of sheet.blocks) {
      const anchor = parseCellAddress(block.anchor);
      for (const [r, row] of block.rows.entries()) {
        for (const [c, cell] of row.entries()) {
          if (cell === null) continue;
          // Named only when asked (a refusal): the CRM tables hold millions of numbers.
          const at = () => sheetReference(sheet.name, formatCellAddress(offset(anchor, r, c)));
          if (typeof cell.value === "number")
            yield {
              get where() {
                return `${at()} value`;
              },
              value: cell.value,
            };
          if (typeof cell.result === "number")
            yield {
              get where() {
                return `${at()} result`;
              },
              value: cell.result,
            };
        }
      }
    }
    for (const chart of sheet.charts ?? []) {
      const at = `${sheetReference(sheet.name, chart.anchor.from)} chart "${chart.id}"`;
      for (const series of chart.series)
        for (const value of series.values) yield { where: `${at} series "${series.name}"`, value };
      const axis = chart.valueAxis ?? {};
      for (const key of ["min", "max", "majorUnit"] as const) {
        const value = axis[key];
        if (value !== undefined) yield { where: `${at} value axis ${key}`, value };
      }
      for (const value of axis.gridlineValues ?? []) yield { where: `${at} gridline`, value };
    }
  }
  for (const name of spec.names)
    if (typeof name.result === "number") yield { where: `name ${name.name}`, value: name.result };
}

/**
 * Where a spec holds a number a workbook cannot: Infinity or NaN (an .xlsx `<v>Infinity</v>` is not a number, and
 * Excel's API refuses it). Empty for a writable spec; validation is meant to make this impossible (src/plan/bounds.ts).
 */
export function nonFiniteNumbers(spec: z.input<typeof workbookSpecShape>): string[] {
  const found: string[] = [];
  for (const { where, value } of numbersOf(spec)) {
    if (!Number.isFinite(value)) found.push(`${where} is ${String(value)}, not a finite number`);
  }
  return found;
}

/** Thrown by a writer given a spec with a non-finite number: no file is written. */
export class NonFiniteSpecError extends RangeError {
  constructor(readonly places: readonly string[]) {
    super(`The workbook description holds numbers a workbook cannot: ${places.slice(0, 5).join("; ")}`);
    this.name = "NonFiniteSpecError";
  }
}

/** Throws a NonFiniteSpecError when the spec holds Infinity or NaN anywhere a writer would write it. */
export function requireFiniteNumbers(spec: WorkbookSpec): void {
  const places = nonFiniteNumbers(spec);
  if (places.length > 0) throw new NonFiniteSpecError(places);
}

/**
 * The whole spec. zod's numbers already refuse Infinity and NaN, by path inside the spec; the refinement names the
 * sheet and the cell as a user would look for them.
 */
export const workbookSpecSchema = workbookSpecShape.superRefine((spec, context) => {
  for (const message of nonFiniteNumbers(spec)) context.addIssue({ code: "custom", message, path: [] });
});
export type WorkbookSpec = z.infer<typeof workbookSpecSchema>;

/** The tag that marks a generated sheet: a worksheet custom property (ExcelApi 1.12) or, before that, a defined name. */
export const GENERATED_SHEET_TAG = "SalesPlanBuilder.sheet";

/**
 * The cell values of one generated sheet as read from a workbook (Excel or an .xlsx file), from A1 to the end of its
 * used range: numbers, text, booleans, or null for empty cells. Dates arrive as serial numbers.
 */
export interface SheetSnapshot {
  readonly key: SheetKey;
  readonly name: string;
  readonly values: readonly (readonly (string | number | boolean | null)[])[];
  /** Current address of each table of the sheet (tables grow when the user adds rows), by table name. */
  readonly tableRanges: Readonly<Record<string, string>>;
}
