/**
 * .xlsx exports to a RawTable, with ExcelJS: the first worksheet (or the one named), its first row as the headers,
 * row numbers as Excel shows them. Dates arrive as Date objects (ExcelJS reads the serials as UTC dates).
 */
import ExcelJS from "exceljs";
import { CrmFileError } from "./messages";
import type { RawCell, RawRow, RawTable } from "./raw-table";

export interface XlsxOptions {
  /** The worksheet to read; the first one when omitted. */
  readonly worksheet?: string;
}

/** ExcelJS cell values to raw cells: rich text to its text, formulas to their cached result, errors to their text. */
function rawCellOf(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? null : rawCellOf(result);
  }
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : rawCellOf(value.text);
  if ("error" in value) return value.error;
  return null;
}

export async function parseXlsx(input: ArrayBuffer | Uint8Array, options: XlsxOptions = {}): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  // ExcelJS's typings ask for a Node Buffer; it reads any ArrayBuffer view through JSZip.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = options.worksheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.worksheet);
  if (!sheet) {
    throw new CrmFileError("worksheetMissing", {
      name: options.worksheet ?? "",
      names: workbook.worksheets.map((w) => w.name).join(", "),
    });
  }
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  for (let column = 1; column <= headerRow.cellCount; column++) {
    const cell = rawCellOf(headerRow.getCell(column).value);
    headers.push(cell === null ? "" : cell instanceof Date ? cell.toISOString() : String(cell).trim());
  }
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  if (headers.length === 0) throw new CrmFileError("fileEmpty");
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = headers.map((_, index) => {
      const cell = rawCellOf(row.getCell(index + 1).value);
      return typeof cell === "string" && cell.trim() === "" ? null : cell;
    });
    if (cells.some((cell) => cell !== null)) rows.push({ rowNumber, cells });
  });
  return { headers, rows };
}
