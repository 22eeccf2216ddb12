/**
 * Writes a WorkbookSpec as an .xlsx file with ExcelJS (MIT; runs in Node and in the browser), then finishes the
 * package with what ExcelJS cannot write (see package-parts.ts): the plan as a custom XML part, internal hyperlinks
 * without a bogus external relationship, and the charts as DrawingML parts.
 *
 * The file does not depend on the add-in: every computed cell is a native formula with its cached result, the
 * workbook asks Excel to recalculate on load, and no PLAN.* formula is written.
 */
import ExcelJS from "exceljs";
import { parseCellAddress, parseRangeAddress, rangeAddress } from "../workbook/address";
import {
  requireFiniteNumbers,
  type CellSpec,
  type CellStyle,
  type SheetSpec,
  type WorkbookSpec,
} from "../workbook/spec";
import { finishPackage } from "./package-parts";
import { ooxmlText } from "./ooxml-text";

/** `#RRGGBB` → ExcelJS ARGB. */
function argb(colour: string): string {
  return `FF${colour.slice(1).toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  if (!style) return;
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
  if (style.underline) font.underline = true;
  if (Object.keys(font).length > 0) cell.font = font;
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.horizontalAlignment || style.verticalAlignment || style.wrapText) {
    cell.alignment = {
      ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}),
      ...(style.verticalAlignment
        ? { vertical: style.verticalAlignment === "center" ? "middle" : style.verticalAlignment }
        : {}),
      ...(style.wrapText ? { wrapText: true } : {}),
    };
  }
  if (style.border) {
    const side: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(style.border) } };
    cell.border = { top: side, left: side, bottom: side, right: side };
  }
}

/**
 * A cell's value for ExcelJS. Strings are written as shared strings, which an .xlsx reader never evaluates, so user
 * text stays text without a quote prefix; formulas carry their predicted result as the cached value.
 */
function cellValue(cell: CellSpec): ExcelJS.CellValue {
  if (cell.formula !== undefined) {
    const value: ExcelJS.CellFormulaValue = { formula: cell.formula.slice(1), result: cell.result, date1904: false };
    return value;
  }
  return typeof cell.value === "string" ? ooxmlText(cell.value) : (cell.value ?? null);
}

function writeBlocks(worksheet: ExcelJS.Worksheet, sheet: SheetSpec, spec: WorkbookSpec, links: InternalLink[]): void {
  for (const block of sheet.blocks) {
    const origin = parseCellAddress(block.anchor);
    block.rows.forEach((row, r) => {
      row.forEach((spec_, c) => {
        if (!spec_) return;
        const position = { row: origin.row + r, column: origin.column + c };
        const cell = worksheet.getCell(position.row + 1, position.column + 1);
        cell.value = cellValue(spec_);
        applyStyle(cell, spec_.style ? spec.styles[spec_.style] : undefined);
        if (spec_.format) cell.numFmt = spec_.format;
        if (spec_.link) {
          if ("url" in spec_.link) {
            cell.value = { text: ooxmlText(String(spec_.value ?? spec_.link.url)), hyperlink: spec_.link.url };
          } else {
            links.push({
              sheet: sheet.name,
              cell: rangeAddress({ start: position, end: position }),
              target: spec_.link,
            });
          }
        }
        if (spec_.mergeAcross) {
          worksheet.mergeCells(
            position.row + 1,
            position.column + 1,
            position.row + 1,
            position.column + 1 + spec_.mergeAcross,
          );
        }
      });
    });
  }
}

function writeTables(worksheet: ExcelJS.Worksheet, sheet: SheetSpec): void {
  for (const table of sheet.tables) {
    const range = parseRangeAddress(table.range);
    const headers: string[] = [];
    for (let c = range.start.column; c <= range.end.column; c++) {
      const header = worksheet.getCell(range.start.row + 1, c + 1).value;
      headers.push(typeof header === "string" && header !== "" ? header : `Column ${c - range.start.column + 1}`);
    }
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = range.start.row + 1; r <= range.end.row; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = range.start.column; c <= range.end.column; c++) row.push(worksheet.getCell(r + 1, c + 1).value);
      rows.push(row);
    }
    // Excel needs at least one data row below a table's header.
    if (rows.length === 0) rows.push(headers.map(() => null));
    worksheet.addTable({
      name: table.name,
      ref: rangeAddress({ start: range.start, end: range.start }),
      headerRow: true,
      style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: table.showBandedRows },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }
}

/** ExcelJS supports range validations (`dataValidations.add("C5:C9", …)`) but its typings omit the collection. */
interface WorksheetWithValidations {
  readonly dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function writeValidations(worksheet: ExcelJS.Worksheet, sheet: SheetSpec): void {
  for (const validation of sheet.validations) {
    const { rule } = validation;
    const base = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
      error: validation.errorMessage,
      ...(validation.prompt ? { showInputMessage: true, prompt: validation.prompt } : {}),
    };
    let model: ExcelJS.DataValidation;
    if (rule.kind === "list") {
      model = { ...base, type: "list", formulae: [`"${rule.values.map((v) => v.replace(/"/g, '""')).join(",")}"`] };
    } else if (rule.kind === "textLength") {
      model = { ...base, type: "textLength", operator: "lessThanOrEqual", formulae: [rule.max] };
    } else if (rule.min !== undefined && rule.max !== undefined) {
      model = { ...base, type: rule.kind, operator: "between", formulae: [rule.min, rule.max] };
    } else if (rule.min !== undefined) {
      model = { ...base, type: rule.kind, operator: "greaterThanOrEqual", formulae: [rule.min] };
    } else {
      model = { ...base, type: rule.kind, operator: "lessThanOrEqual", formulae: [rule.max ?? 0] };
    }
    (worksheet as unknown as WorksheetWithValidations).dataValidations.add(validation.range, model);
  }
}

function writeConditionalFormats(worksheet: ExcelJS.Worksheet, sheet: SheetSpec): void {
  sheet.conditionalFormats.forEach((format, index) => {
    worksheet.addConditionalFormatting({
      ref: format.range,
      rules: [
        {
          type: "expression",
          priority: index + 1,
          formulae: [format.formula.slice(1)],
          style: {
            ...(format.style.fill
              ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(format.style.fill) } } }
              : {}),
            ...(format.style.fontColor || format.style.bold
              ? {
                  font: {
                    ...(format.style.fontColor ? { color: { argb: argb(format.style.fontColor) } } : {}),
                    ...(format.style.bold ? { bold: true } : {}),
                  },
                }
              : {}),
          },
        },
      ],
    });
  });
}

export interface InternalLink {
  readonly sheet: string;
  readonly cell: string;
  readonly target: { readonly sheet: string; readonly cell: string };
}

/** Builds the workbook model; `buildXlsx` serializes it. Exposed for tests that inspect ExcelJS's model. */
export function buildWorkbook(spec: WorkbookSpec): { workbook: ExcelJS.Workbook; links: InternalLink[] } {
  // A number the file format cannot hold (`<v>Infinity</v>`) is refused before anything is written.
  requireFiniteNumbers(spec);
  const workbook = new ExcelJS.Workbook();
  const created = new Date(`${spec.generatedOn}T00:00:00Z`);
  workbook.creator = "Sales Plan Builder";
  workbook.created = created;
  workbook.modified = created;
  workbook.calcProperties = { fullCalcOnLoad: true };
  const links: InternalLink[] = [];

  for (const sheet of spec.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, {
      ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
      views: sheet.freeze
        ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }]
        : [{ state: "normal" }],
      pageSetup: {
        orientation: sheet.print.orientation,
        fitToPage: sheet.print.fitToWidth,
        fitToWidth: 1,
        fitToHeight: 0,
        printArea: sheet.print.area,
        ...(sheet.print.repeatRows ? { printTitlesRow: sheet.print.repeatRows } : {}),
      },
    });
    for (const { column, width } of sheet.columnWidths) worksheet.getColumn(column + 1).width = width;
    writeBlocks(worksheet, sheet, spec, links);
    writeTables(worksheet, sheet);
    writeValidations(worksheet, sheet);
    writeConditionalFormats(worksheet, sheet);
  }

  for (const name of spec.names) {
    workbook.definedNames.add(name.refersTo.slice(1), name.name);
  }
  return { workbook, links };
}

/** The .xlsx file of a spec, as bytes. */
export async function buildXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  const { workbook, links } = buildWorkbook(spec);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return finishPackage(bytes, spec, links);
}
