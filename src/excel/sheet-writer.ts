/**
 * Turns one `SheetSpec` into queued Office.js writes on a (cleared or new) worksheet: tab colour, column widths,
 * blocks as 2-D arrays, style runs, merges, links, tables, data validation, conditional formats, frozen panes,
 * print settings, then the charts step. Nothing here syncs: each write's `apply` only queues commands, and the
 * caller decides when to sync (request-budget.ts). Features the host lacks are skipped with a message.
 */
import type { PlanLocale } from "../plan/schema";
import { columnLetters, parseRangeAddress, rangeAddress, sheetReference } from "../workbook/address";
import type { CellStyle, ConditionalFormatSpec, DataValidationSpec, SheetSpec, StyleName } from "../workbook/spec";
import { requiredVersion } from "./charts";
import { blockBands, blockContent, type CellLink } from "./block-content";
import { excelMessage, type ExcelMessageKey } from "./messages";
import type { CellScalar, RangeApi, TableApi, WorksheetApi } from "./office-port";
import { fitToWidthZoom } from "./print-zoom";
import { OPERATION_OVERHEAD_BYTES, operationBytes, type QueuedWrite } from "./request-budget";
import type { OptionalPart } from "./optional-parts";
import { FEATURE_REQUIREMENTS, type ExcelFeature, type ExcelSupport } from "./requirements";

/** What the charts step receives for one sheet. */
export interface ChartWriteRequest {
  /** The sheet, already written (its data ranges hold their values and formulas). */
  readonly worksheet: WorksheetApi;
  readonly sheet: SheetSpec;
  readonly locale: PlanLocale;
  /** True when the host supports `ExcelApi <version>` (a chart's `requires`). */
  readonly supports: (version: string) => boolean;
}

/**
 * The charts step: queues the sheet's charts on `worksheet` (never syncs) and returns messages, in `locale`, for
 * charts drawn in their fallback form or skipped. It names each chart with its ChartSpec `id`: a chart with another
 * name on a generated sheet is the user's, and makes the sheet be backed up before it is rewritten.
 */
export type ChartWriter = (request: ChartWriteRequest) => readonly string[];

export interface SheetWriteOptions {
  readonly support: ExcelSupport;
  readonly locale: PlanLocale;
  readonly styles: Partial<Record<StyleName, CellStyle>>;
  /** Collects a message about a feature skipped or reduced. */
  readonly degrade: (message: string) => void;
  readonly writeCharts: ChartWriter | undefined;
  /** Largest JSON size of one block band (values, formulas and formats together). */
  readonly bandBytes: number;
  /** The add-in's tables already on the sheet that are resized in place (ExcelApi 1.13) instead of added, by name. */
  readonly tablesToResize?: ReadonlyMap<string, TableApi>;
}

/** Excel's column width unit (characters of the default font) → points, as Excel converts them (7 px + 5 px padding). */
export function columnWidthPoints(characters: number): number {
  const pixels = Math.trunc(characters * 7 + 0.5) + 5;
  return pixels * 0.75;
}

/** Excel limits a validation's error message to 225 characters, its prompt to 255 and a list source to 255. */
const ERROR_MESSAGE_LIMIT = 225;
const PROMPT_LIMIT = 255;
const LIST_SOURCE_LIMIT = 255;
/** Bounds of "any number" for a decimal or whole rule without min or max. */
const LARGEST_NUMBER = 9.99999999999999e307;

const clip = (text: string, limit: number): string => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

const hasContent = (rows: CellScalar[][] | undefined): rows is CellScalar[][] =>
  rows !== undefined && rows.some((row) => row.some((cell) => cell !== null));

/** Applies a named style to a range; returns how many properties it set (for the request estimate). */
function applyStyle(range: RangeApi, style: CellStyle, rowCount: number, columnCount: number): number {
  let properties = 0;
  const set = (apply: () => void) => {
    apply();
    properties++;
  };
  const { font, fill } = range.format;
  if (style.bold !== undefined) set(() => (font.bold = style.bold!));
  if (style.italic !== undefined) set(() => (font.italic = style.italic!));
  if (style.fontSize !== undefined) set(() => (font.size = style.fontSize!));
  if (style.fontColor !== undefined) set(() => (font.color = style.fontColor!));
  if (style.underline !== undefined) set(() => (font.underline = style.underline ? "Single" : "None"));
  if (style.fill !== undefined) set(() => (fill.color = style.fill!));
  if (style.horizontalAlignment !== undefined) {
    const alignment = ({ left: "Left", center: "Center", right: "Right" } as const)[style.horizontalAlignment];
    set(() => (range.format.horizontalAlignment = alignment));
  }
  if (style.verticalAlignment !== undefined) {
    const alignment = ({ top: "Top", center: "Center", bottom: "Bottom" } as const)[style.verticalAlignment];
    set(() => (range.format.verticalAlignment = alignment));
  }
  if (style.wrapText !== undefined) set(() => (range.format.wrapText = style.wrapText!));
  if (style.border !== undefined) {
    // A thin border around every cell of the run: its four edges, and the lines between its cells.
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
    const inside = [
      ...(rowCount > 1 ? (["InsideHorizontal"] as const) : []),
      ...(columnCount > 1 ? (["InsideVertical"] as const) : []),
    ];
    for (const edge of [...edges, ...inside]) {
      const border = range.format.borders.getItem(edge);
      set(() => (border.style = "Continuous"));
      set(() => (border.color = style.border!));
    }
  }
  return properties;
}

function hyperlinkOf(link: CellLink): Excel.RangeHyperlink {
  if ("url" in link) return { address: link.url };
  return { documentReference: sheetReference(link.sheet, link.cell) };
}

function validationRule(
  rule: DataValidationSpec["rule"],
): { readonly rule: Excel.DataValidationRule } | { readonly listTooLong: true } {
  const bounds = (min: number | undefined, max: number | undefined, anyMin: number, anyMax: number) => {
    if (min !== undefined && max !== undefined) return { formula1: min, formula2: max, operator: "Between" as const };
    if (min !== undefined) return { formula1: min, operator: "GreaterThanOrEqualTo" as const };
    if (max !== undefined) return { formula1: max, operator: "LessThanOrEqualTo" as const };
    return { formula1: anyMin, formula2: anyMax, operator: "Between" as const };
  };
  switch (rule.kind) {
    case "decimal":
      return { rule: { decimal: bounds(rule.min, rule.max, -LARGEST_NUMBER, LARGEST_NUMBER) } };
    case "whole":
      return { rule: { wholeNumber: bounds(rule.min, rule.max, -LARGEST_NUMBER, LARGEST_NUMBER) } };
    case "date": {
      // Date bounds are serial numbers, given to Excel as formulas (`=46023`).
      const { formula1, formula2, operator } = bounds(rule.min, rule.max, 1, 2958465);
      return {
        rule: {
          date: { formula1: `=${formula1}`, ...(formula2 !== undefined ? { formula2: `=${formula2}` } : {}), operator },
        },
      };
    }
    case "textLength":
      return { rule: { textLength: { formula1: rule.max, operator: "LessThanOrEqualTo" } } };
    case "list": {
      const source = rule.values.join(",");
      if (source.length > LIST_SOURCE_LIMIT || rule.values.some((value) => value.includes(","))) {
        return { listTooLong: true };
      }
      return { rule: { list: { inCellDropDown: true, source } } };
    }
  }
}

/** The writes of one sheet, in order. `worksheet` is called when the writes are applied (the sheet may be new). */
export function sheetWrites(
  sheet: SheetSpec,
  worksheet: () => WorksheetApi,
  options: SheetWriteOptions,
): QueuedWrite[] {
  const writes: QueuedWrite[] = [];
  const write = (bytes: number, apply: () => void, part?: OptionalPart) =>
    writes.push({ bytes, sheet: sheet.name, apply, ...(part !== undefined ? { part } : {}) });
  const degraded = new Set<ExcelFeature>();
  /** True when the host has `feature`; otherwise records the message once per feature. */
  const supported = (feature: ExcelFeature, message: ExcelMessageKey): boolean => {
    if (options.support.has(feature)) return true;
    if (!degraded.has(feature)) {
      degraded.add(feature);
      options.degrade(excelMessage(options.locale, message, { version: FEATURE_REQUIREMENTS[feature] }));
    }
    return false;
  };

  if (options.support.has("tabColors")) {
    // An empty colour removes a colour the sheet had before.
    write(operationBytes(sheet.tabColor ?? ""), () => (worksheet().tabColor = sheet.tabColor ?? ""), "tabColors");
  } else if (sheet.tabColor !== undefined) supported("tabColors", "degradedTabColors");

  // Adjacent columns of one width share one assignment.
  const widths = [...sheet.columnWidths].sort((a, b) => a.column - b.column);
  for (let i = 0; i < widths.length;) {
    let j = i + 1;
    while (
      j < widths.length &&
      widths[j]!.column === widths[j - 1]!.column + 1 &&
      widths[j]!.width === widths[i]!.width
    )
      j++;
    const address = `${columnLetters(widths[i]!.column)}:${columnLetters(widths[j - 1]!.column)}`;
    const points = columnWidthPoints(widths[i]!.width);
    write(operationBytes(points), () => (worksheet().getRange(address).format.columnWidth = points));
    i = j;
  }

  for (const block of sheet.blocks) {
    const content = blockContent(block);
    for (const band of blockBands(content, options.bandBytes)) {
      const { values, formulas, numberFormats } = band;
      // Each assignment is two commands: the range, then its property.
      const bytes = (rows: CellScalar[][]) => operationBytes(rows) + OPERATION_OVERHEAD_BYTES;
      if (hasContent(values)) write(bytes(values), () => (worksheet().getRange(band.address).values = values));
      if (hasContent(formulas)) {
        write(bytes(formulas), () => (worksheet().getRange(band.address).formulas = formulas));
      }
      if (hasContent(numberFormats)) {
        write(bytes(numberFormats), () => (worksheet().getRange(band.address).numberFormat = numberFormats));
      }
    }
    for (const run of content.styles) {
      const style = options.styles[run.value];
      if (!style) continue;
      const address = rangeAddress({
        start: { row: content.top + run.row, column: content.left + run.column },
        end: { row: content.top + run.row + run.rowCount - 1, column: content.left + run.column + run.columnCount - 1 },
      });
      // One command per property, plus the range it is set on.
      const propertyCount = Object.keys(style).length + (style.border !== undefined ? 11 : 0) + 1;
      write(OPERATION_OVERHEAD_BYTES * propertyCount, () => {
        applyStyle(worksheet().getRange(address), style, run.rowCount, run.columnCount);
      });
    }
    for (const merge of content.merges) {
      const address = rangeAddress({
        start: merge,
        end: { row: merge.row, column: merge.column + merge.columnCount - 1 },
      });
      write(operationBytes(address), () => worksheet().getRange(address).merge(false));
    }
    if (content.links.length > 0 && supported("hyperlinks", "degradedHyperlinks")) {
      for (const { row, column, link } of content.links) {
        const address = rangeAddress({ start: { row, column }, end: { row, column } });
        const hyperlink = hyperlinkOf(link);
        write(operationBytes(hyperlink), () => (worksheet().getRange(address).hyperlink = hyperlink), "hyperlinks");
      }
    }
  }

  // Tables come after their range holds its header and rows.
  for (const table of sheet.tables) {
    const existing = options.tablesToResize?.get(table.name);
    if (existing) {
      // The same table object, so the user's structured references to it (`Initiatives[Owner]`) keep working.
      write(operationBytes(table), () => {
        existing.resize(table.range);
        existing.style = table.style;
        existing.showBandedRows = table.showBandedRows;
      });
      continue;
    }
    write(operationBytes(table), () => {
      const created = worksheet().tables.add(table.range, true);
      created.name = table.name;
      created.style = table.style;
      created.showBandedRows = table.showBandedRows;
    });
  }

  if (sheet.validations.length > 0 && supported("dataValidation", "degradedDataValidation")) {
    for (const validation of sheet.validations) writeValidation(validation);
  }
  if (sheet.conditionalFormats.length > 0 && supported("conditionalFormats", "degradedConditionalFormats")) {
    for (const format of sheet.conditionalFormats) writeConditionalFormat(format);
  }

  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    if (supported("frozenPanes", "degradedFrozenPanes")) {
      const { rows, columns } = sheet.freeze;
      write(
        OPERATION_OVERHEAD_BYTES,
        () => {
          const panes = worksheet().freezePanes;
          if (rows > 0 && columns > 0) {
            panes.freezeAt(rangeAddress({ start: { row: 0, column: 0 }, end: { row: rows - 1, column: columns - 1 } }));
          } else if (rows > 0) panes.freezeRows(rows);
          else panes.freezeColumns(columns);
        },
        "pageLayout",
      );
    }
  }

  if (supported("printSettings", "degradedPrintSettings")) {
    const print = sheet.print;
    write(
      operationBytes(print),
      () => {
        const layout = worksheet().pageLayout;
        layout.setPrintArea(print.area);
        layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
        // One page wide; the page count tall is a documented number that never binds (print-zoom.ts).
        if (print.fitToWidth) layout.zoom = fitToWidthZoom(print.area);
        if (print.repeatRows !== undefined) {
          const [first, last] = print.repeatRows.split(":");
          layout.setPrintTitleRows(`$${first}:$${last}`);
        }
      },
      "pageLayout",
    );
  }

  if (options.writeCharts) {
    const writeCharts = options.writeCharts;
    // One write per chart, so a chart Excel refuses can be redrawn alone in its fallback form (optional-parts.ts).
    for (const chart of sheet.charts) {
      writes.push({
        bytes: operationBytes(chart),
        sheet: sheet.name,
        part: "charts",
        chart: {
          id: chart.id,
          title: chart.title,
          kind: chart.kind,
          fallbackKind: chart.fallbackKind,
          drawFallback: () => {
            // As on a host without the chart's own set: its fallback form (a Funnel becomes bars, charts.ts).
            const own = requiredVersion(chart);
            writeCharts({
              worksheet: worksheet(),
              sheet: { ...sheet, charts: [chart] },
              locale: options.locale,
              supports: (version) => version !== own && options.support.supportsVersion(version),
            });
          },
        },
        apply: () => {
          const messages = writeCharts({
            worksheet: worksheet(),
            sheet: { ...sheet, charts: [chart] },
            locale: options.locale,
            supports: (version) => options.support.supportsVersion(version),
          });
          messages.forEach(options.degrade);
        },
      });
    }
  }
  return writes;

  function writeValidation(validation: DataValidationSpec): void {
    const rule = validationRule(validation.rule);
    if ("listTooLong" in rule) {
      options.degrade(
        excelMessage(options.locale, "degradedListValidation", { sheet: sheet.name, range: validation.range }),
      );
      return;
    }
    const errorAlert: Excel.DataValidationErrorAlert = {
      message: clip(validation.errorMessage, ERROR_MESSAGE_LIMIT),
      showAlert: true,
      style: "Stop",
      title: "Sales Plan Builder",
    };
    const prompt: Excel.DataValidationPrompt | undefined =
      validation.prompt === undefined
        ? undefined
        : { message: clip(validation.prompt, PROMPT_LIMIT), showPrompt: true, title: "" };
    write(
      operationBytes([rule.rule, errorAlert, prompt ?? null]),
      () => {
        const target = worksheet().getRange(validation.range).dataValidation;
        target.rule = rule.rule;
        target.errorAlert = errorAlert;
        if (prompt) target.prompt = prompt;
      },
      "validations",
    );
  }

  function writeConditionalFormat(format: ConditionalFormatSpec): void {
    // Guard the shape early: an address Excel would refuse should fail before anything is written.
    parseRangeAddress(format.range);
    write(
      operationBytes(format),
      () => {
        const added = worksheet().getRange(format.range).conditionalFormats.add("Custom");
        added.custom.rule.formula = format.formula;
        if (format.style.fill !== undefined) added.custom.format.fill.color = format.style.fill;
        if (format.style.fontColor !== undefined) added.custom.format.font.color = format.style.fontColor;
        if (format.style.bold !== undefined) added.custom.format.font.bold = format.style.bold;
      },
      "conditionalFormats",
    );
  }
}
