/**
 * The baseline for round trips: a naive writer of the same WorkbookSpec that writes each row with its own
 * `context.sync()`, as an add-in does when it loops over rows with `await context.sync()` inside the loop (the pattern
 * Office's performance guidance warns against, and this project's lint forbids in src/excel).
 *
 * It writes what the adapter writes into a new workbook: each sheet (added, tab colour), each block row by row
 * (constants, formulas and number formats through the same `blockContent`, so text goes through `literalText`; the
 * row's part of each style run, merges and links), then per sheet its column widths, tables, validations,
 * conditional formats, frozen panes and print area in one request, then the defined names, then the stored plan.
 * The benchmark checks that both writers leave the same cells.
 */
import { blockContent } from "../src/excel/block-content";
import type { CellScalar, ExcelContext, ExcelRun, RangeApi } from "../src/excel/office-port";
import { columnLetters, rangeAddress, sheetReference } from "../src/workbook/address";
import type { CellStyle, SheetSpec, WorkbookSpec } from "../src/workbook/spec";
import { planToXml } from "../src/workbook/stored-plan";

const rowHasContent = (row: readonly CellScalar[] | undefined): row is CellScalar[] =>
  row !== undefined && row.some((cell) => cell !== null);

function applyStyle(range: RangeApi, style: CellStyle, columnCount: number): void {
  const { font, fill } = range.format;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontColor !== undefined) font.color = style.fontColor;
  if (style.underline !== undefined) font.underline = style.underline ? "Single" : "None";
  if (style.fill !== undefined) fill.color = style.fill;
  if (style.horizontalAlignment !== undefined) {
    range.format.horizontalAlignment = ({ left: "Left", center: "Center", right: "Right" } as const)[
      style.horizontalAlignment
    ];
  }
  if (style.verticalAlignment !== undefined) {
    range.format.verticalAlignment = ({ top: "Top", center: "Center", bottom: "Bottom" } as const)[
      style.verticalAlignment
    ];
  }
  if (style.wrapText !== undefined) range.format.wrapText = style.wrapText;
  if (style.border !== undefined) {
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", ...(columnCount > 1 ? ["InsideVertical"] : [])];
    for (const edge of edges as ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical")[]) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.color = style.border;
    }
  }
}

async function writeSheetRows(context: ExcelContext, spec: WorkbookSpec, sheet: SheetSpec): Promise<void> {
  const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet.name);
  for (const block of sheet.blocks) {
    const content = blockContent(block);
    for (let r = 0; r < content.rowCount; r++) {
      const row = content.top + r;
      const address = rangeAddress({
        start: { row, column: content.left },
        end: { row, column: content.left + content.columnCount - 1 },
      });
      const values = content.values?.[r];
      const formulas = content.formulas?.[r];
      const numberFormats = content.numberFormats?.[r];
      if (rowHasContent(values)) worksheet.getRange(address).values = [values];
      if (rowHasContent(formulas)) worksheet.getRange(address).formulas = [formulas];
      if (rowHasContent(numberFormats)) worksheet.getRange(address).numberFormat = [numberFormats];
      for (const run of content.styles) {
        if (r < run.row || r >= run.row + run.rowCount) continue;
        const style = spec.styles[run.value];
        if (!style) continue;
        const runAddress = rangeAddress({
          start: { row, column: content.left + run.column },
          end: { row, column: content.left + run.column + run.columnCount - 1 },
        });
        applyStyle(worksheet.getRange(runAddress), style, run.columnCount);
      }
      for (const merge of content.merges.filter((candidate) => candidate.row === row)) {
        worksheet
          .getRange(rangeAddress({ start: merge, end: { row, column: merge.column + merge.columnCount - 1 } }))
          .merge(false);
      }
      for (const { column, link } of content.links.filter((candidate) => candidate.row === row)) {
        worksheet.getRange(rangeAddress({ start: { row, column }, end: { row, column } })).hyperlink =
          "url" in link ? { address: link.url } : { documentReference: sheetReference(link.sheet, link.cell) };
      }
      // The naive pattern: one round trip per row.
      await context.sync();
    }
  }
}

function queueSheetSettings(context: ExcelContext, sheet: SheetSpec): void {
  const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet.name);
  for (const { column, width } of sheet.columnWidths) {
    const letters = columnLetters(column);
    worksheet.getRange(`${letters}:${letters}`).format.columnWidth = (Math.trunc(width * 7 + 0.5) + 5) * 0.75;
  }
  for (const table of sheet.tables) {
    const created = worksheet.tables.add(table.range, true);
    created.name = table.name;
    created.style = table.style;
    created.showBandedRows = table.showBandedRows;
  }
  for (const validation of sheet.validations) {
    const target = worksheet.getRange(validation.range).dataValidation;
    const rule = validation.rule;
    target.rule =
      rule.kind === "list"
        ? { list: { inCellDropDown: true, source: rule.values.join(",") } }
        : rule.kind === "textLength"
          ? { textLength: { formula1: rule.max, operator: "LessThanOrEqualTo" } }
          : rule.kind === "date"
            ? { date: { formula1: `=${rule.min ?? 1}`, formula2: `=${rule.max ?? 2958465}`, operator: "Between" } }
            : {
                [rule.kind === "whole" ? "wholeNumber" : "decimal"]: {
                  formula1: rule.min ?? -9.99999999999999e307,
                  formula2: rule.max ?? 9.99999999999999e307,
                  operator: "Between",
                },
              };
    target.errorAlert = {
      message: validation.errorMessage,
      showAlert: true,
      style: "Stop",
      title: "Sales Plan Builder",
    };
  }
  for (const format of sheet.conditionalFormats) {
    const added = worksheet.getRange(format.range).conditionalFormats.add("Custom");
    added.custom.rule.formula = format.formula;
    if (format.style.fill !== undefined) added.custom.format.fill.color = format.style.fill;
    if (format.style.fontColor !== undefined) added.custom.format.font.color = format.style.fontColor;
    if (format.style.bold !== undefined) added.custom.format.font.bold = format.style.bold;
  }
  if (sheet.freeze && sheet.freeze.rows > 0) worksheet.freezePanes.freezeRows(sheet.freeze.rows);
  worksheet.pageLayout.setPrintArea(sheet.print.area);
  worksheet.pageLayout.orientation = sheet.print.orientation === "landscape" ? "Landscape" : "Portrait";
}

/** Writes `spec` into the workbook with one sync per sheet added, per block row, per sheet's settings, and two more. */
export async function writeRowByRow(run: ExcelRun, spec: WorkbookSpec): Promise<void> {
  await run(async (context) => {
    for (const sheet of spec.sheets) {
      const worksheet = context.workbook.worksheets.add(sheet.name);
      if (sheet.tabColor !== undefined) worksheet.tabColor = sheet.tabColor;
      await context.sync();
      await writeSheetRows(context, spec, sheet);
      queueSheetSettings(context, sheet);
      await context.sync();
    }
    for (const name of spec.names) context.workbook.names.add(name.name, name.refersTo, name.comment);
    await context.sync();
    context.workbook.customXmlParts.add(planToXml(spec.planJson, spec.schemaVersion));
    await context.sync();
  });
}
